"""Dumping and loading the database: pg_dump/pg_restore for PostgreSQL, the backup API for SQLite.

Both load in one transaction, so a restore that fails leaves the database as it was.
"""

import os
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path

from .errors import BackupError

SQLITE_FILE = "database.sqlite3"
POSTGRESQL_FILE = "database.pgdump"
# What psql runs before the dump's script when --force replaces a database's content.
_EMPTY_SCHEMA = "DROP SCHEMA public CASCADE;\nCREATE SCHEMA public;\n"


def dump(connection, backup_dir):
    """Write the database into ``backup_dir``; return the file and its manifest entry."""
    if connection.vendor == "sqlite":
        return _dump_sqlite(connection, Path(backup_dir) / SQLITE_FILE)
    if connection.vendor == "postgresql":
        return _dump_postgresql(connection, Path(backup_dir) / POSTGRESQL_FILE)
    raise BackupError(f"Backups of {connection.vendor} databases are not supported.")


def check_compatible(connection, info):
    """Refuse a dump of another database system, or one this pg_restore cannot read."""
    if info["vendor"] != connection.vendor:
        raise BackupError(
            f"The backup holds a {info['vendor']} database; DATABASE_URL names a "
            f"{connection.vendor} one. Restore into a {info['vendor']} database."
        )
    if connection.vendor == "postgresql":
        restorer = _client_major("pg_restore")
        if restorer < int(info["pg_dump"].split(".")[0]):
            raise BackupError(
                f"pg_restore {restorer} cannot read a dump made by pg_dump {info['pg_dump']}: "
                "install the newer PostgreSQL client."
            )


def check_empty(connection, force):
    """Refuse to overwrite a database that has tables, unless forced."""
    tables = connection.introspection.table_names()
    if tables and not force:
        raise BackupError(
            f"The database {connection.settings_dict['NAME']} is not empty ({_count(tables)}): "
            "restore into an empty database, or use --force to replace its content."
        )


def _count(tables):
    if len(tables) == 1:
        return f"1 table: {tables[0]}"
    return f"{len(tables)} tables, e.g. {', '.join(sorted(tables)[:3])}"


def load(connection, dump_file, force):
    """Replace the database's content with ``dump_file``, all or nothing."""
    connection.close()
    if connection.vendor == "sqlite":
        _load_sqlite(connection.settings_dict["NAME"], dump_file)
    else:
        _load_postgresql(connection, dump_file, force)


# --- SQLite ----------------------------------------------------------------------------


def _dump_sqlite(connection, path):
    name = connection.settings_dict["NAME"]
    if not Path(name).is_file():
        raise BackupError(f"The SQLite database {name} does not exist.")
    source = sqlite3.connect(_read_only_uri(name), uri=True)
    target = sqlite3.connect(path)
    try:
        # A consistent snapshot even while the site writes (the online backup API).
        source.backup(target)
    finally:
        target.close()
        source.close()
    return path, {"vendor": "sqlite", "file": path.name, "sqlite": sqlite3.sqlite_version}


def _load_sqlite(name, dump_file):
    source = sqlite3.connect(_read_only_uri(dump_file), uri=True)
    target = sqlite3.connect(name)
    try:
        if source.execute("PRAGMA quick_check").fetchone() != ("ok",):
            raise sqlite3.DatabaseError("quick_check found damage")
        # Replaces the whole file's content in one step, seen at once by running processes.
        source.backup(target)
    except sqlite3.Error as error:
        raise BackupError(f"{dump_file} could not be restored into {name}: {error}") from None
    finally:
        target.close()
        source.close()


def _read_only_uri(path):
    return f"{Path(path).resolve().as_uri()}?mode=ro"


# --- PostgreSQL ------------------------------------------------------------------------


def _dump_postgresql(connection, path):
    server = connection.pg_version // 10000
    client = _client_major("pg_dump")
    if client < server:
        raise BackupError(
            f"pg_dump {client} cannot dump a PostgreSQL {server} server: install "
            f"postgresql-client-{server} (pg_dump's major version must be at least the server's)."
        )
    _run(
        ["pg_dump", "--format=custom", f"--file={path}"],
        connection,
        what=f"pg_dump of {connection.settings_dict['NAME']}",
    )
    return path, {
        "vendor": "postgresql",
        "file": path.name,
        "server": _version_text(connection.pg_version),
        "pg_dump": _client_version("pg_dump"),
    }


def _load_postgresql(connection, dump_file, force):
    """pg_restore turns the dump into SQL that psql runs in one transaction, committed only
    when pg_restore has read the whole dump: never half a database."""
    environment = _libpq_environment(connection)
    restorer = subprocess.Popen(
        ["pg_restore", "--no-owner", "--no-privileges", "--file=-", str(dump_file)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=environment,
    )
    loader = subprocess.Popen(
        ["psql", "--no-psqlrc", "--quiet", "--set=ON_ERROR_STOP=1", "--output=/dev/null"],
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=environment,
    )
    try:
        loader.stdin.write(b"BEGIN;\n" + (_EMPTY_SCHEMA.encode() if force else b""))
        shutil.copyfileobj(restorer.stdout, loader.stdin)
        restored = restorer.wait() == 0
        if restored:
            loader.stdin.write(b"COMMIT;\n")
        loader.stdin.close()  # without COMMIT, psql's session ends and rolls back
    except BrokenPipeError:  # psql stopped at an error; its message follows
        restorer.kill()
        restorer.wait()
        restored = False
    loader_errors = loader.stderr.read().decode(errors="replace").strip()
    if loader.wait() != 0 or not restored:
        restorer_errors = restorer.stderr.read().decode(errors="replace").strip()
        raise BackupError(
            f"{dump_file} could not be restored into {connection.settings_dict['NAME']}; "
            f"the database is unchanged. {restorer_errors or loader_errors}"
        )


def _libpq_environment(connection):
    """The connection's settings as libpq variables: no password on a command line."""
    settings_dict = connection.settings_dict
    options = settings_dict.get("OPTIONS", {})
    environment = dict(os.environ)
    for variable, value in {
        "PGDATABASE": settings_dict["NAME"],
        "PGUSER": settings_dict.get("USER"),
        "PGPASSWORD": settings_dict.get("PASSWORD"),
        "PGHOST": settings_dict.get("HOST"),
        "PGPORT": str(settings_dict.get("PORT") or ""),
        "PGSSLMODE": options.get("sslmode"),
        "PGSSLROOTCERT": options.get("sslrootcert"),
    }.items():
        if value:
            environment[variable] = value
    return environment


def _run(command, connection, what):
    try:
        completed = subprocess.run(
            command, env=_libpq_environment(connection), capture_output=True, text=True
        )
    except FileNotFoundError:
        raise BackupError(f"{command[0]} is not installed (Debian: postgresql-client).") from None
    if completed.returncode != 0:
        raise BackupError(f"{what} failed: {completed.stderr.strip()}")


def _client_version(program):
    if shutil.which(program) is None:
        raise BackupError(f"{program} is not installed (Debian: postgresql-client).")
    output = subprocess.run([program, "--version"], capture_output=True, text=True).stdout
    match = re.search(r"(\d+(?:\.\d+)*)", output)
    if match is None:
        raise BackupError(f"{program} --version printed no version: {output!r}")
    return match.group(1)


def _client_major(program):
    return int(_client_version(program).split(".")[0])


def _version_text(pg_version):
    """150020 → "15.20" (PostgreSQL 10 and later)."""
    return f"{pg_version // 10000}.{pg_version % 10000}"
