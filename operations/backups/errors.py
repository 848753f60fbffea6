class BackupError(Exception):
    """A backup or restore that cannot go on; the message names the file and what to do."""
