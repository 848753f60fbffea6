"""Images of an import: files from a folder (``--media-dir``) or a ZIP (the admin's upload).

An ``image`` cell names a file relative to the folder. The image is found by its content
(SHA-1, Wagtail's ``file_hash``) among the images of the partner's media collection, so that
importing a file again, or two items showing the same picture, adds no second copy; a new
image goes into the partner's media collection with the row's alt text, credit and rights.
Files written to storage by an import that then fails are deleted (``ImageStore.discard``).
"""

import posixpath
import zipfile
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.utils.file import hash_filelike

MAX_UPLOAD_SIZE = getattr(settings, "WAGTAILIMAGES_MAX_UPLOAD_SIZE", 10 * 1024 * 1024)
MAX_PIXELS = getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", 128 * 1000000)
# Pillow's format names for an extension, where they differ (MPO: cameras' multi-picture JPEG).
FORMATS_OF_EXTENSION = {"jpg": {"jpeg", "mpo"}, "jpeg": {"jpeg", "mpo"}}


class MediaFolder:
    """Image files below a folder; names that would lead outside it do not exist."""

    def __init__(self, root):
        self.root = Path(root).resolve()
        if not self.root.is_dir():
            raise FileNotFoundError(self.root)

    def _path(self, name):
        path = (self.root / name).resolve()
        return path if path.is_relative_to(self.root) and path.is_file() else None

    def exists(self, name):
        return self._path(name) is not None

    def size(self, name):
        return self._path(name).stat().st_size

    def open(self, name):
        return self._path(name).open("rb")


class MediaZip:
    """Image files inside a ZIP archive, read without extracting them."""

    def __init__(self, path):
        self.archive = zipfile.ZipFile(path)
        self.members = {
            posixpath.normpath(info.filename.replace("\\", "/")): info
            for info in self.archive.infolist()
            if not info.is_dir()
        }

    def exists(self, name):
        return name in self.members

    def size(self, name):
        return self.members[name].file_size

    def open(self, name):
        return self.archive.open(self.members[name])


def media_source(path):
    """A MediaFolder or MediaZip for ``path`` (None for no path)."""
    if not path:
        return None
    if zipfile.is_zipfile(path) if Path(path).is_file() else False:
        return MediaZip(path)
    return MediaFolder(path)


def image_problem(media, name):
    """Why the file cannot be an image of the hub, or None."""
    if media is None:
        return _("No media folder was given to find “%(name)s” in.") % {"name": name}
    if not media.exists(name):
        return _("The file “%(name)s” is not in the media folder.") % {"name": name}
    if media.size(name) > MAX_UPLOAD_SIZE:
        return _("The file “%(name)s” is larger than %(size)s MB.") % {
            "name": name,
            "size": MAX_UPLOAD_SIZE // (1024 * 1024),
        }
    extension = posixpath.splitext(name)[1].lower().lstrip(".")
    if extension not in settings.WAGTAILIMAGES_EXTENSIONS:
        return _("The file “%(name)s” is not a supported image format (%(formats)s).") % {
            "name": name,
            "formats": ", ".join(settings.WAGTAILIMAGES_EXTENSIONS).upper(),
        }
    try:
        with media.open(name) as handle, PILImage.open(handle) as image:
            width, height = image.size
            image_format = (image.format or "").lower()
            image.verify()
    except PILImage.DecompressionBombError:  # declares more pixels than Pillow will decode
        return _("The image “%(name)s” has too many pixels.") % {"name": name}
    except Exception:  # Pillow raises many kinds of errors for damaged files
        return _("The file “%(name)s” is not a readable image.") % {"name": name}
    if image_format not in FORMATS_OF_EXTENSION.get(extension, {extension}):
        return _(
            "The file “%(name)s” is not a .%(extension)s image: its content is %(format)s."
        ) % {
            "name": name,
            "extension": extension,
            "format": image_format.upper(),
        }
    if width * height > MAX_PIXELS:
        return _("The image “%(name)s” has too many pixels.") % {"name": name}
    return None


def file_hash(media, name):
    with media.open(name) as handle:
        return hash_filelike(handle)


class ImageStore:
    """The images an import uses, by content, in one media collection."""

    def __init__(self, media, collection, user=None):
        self.media = media
        self.collection = collection
        self.user = user
        self.images = {}  # SHA-1 → image id
        self.written = []  # storage names of the files this import stored
        self.created = 0

    def image_for(self, name, *, alt_text, title, credit, rights):
        """The id of the image with the file's content (its alt text brought up to date)."""
        model = get_image_model()
        digest = file_hash(self.media, name)
        pk = self.images.get(digest)
        if pk is None:
            existing = (
                model.objects.filter(collection=self.collection, file_hash=digest)
                .order_by("pk")
                .values_list("pk", flat=True)
                .first()
            )
            pk = existing or self._create(name, alt_text, title, credit, rights)
            self.images[digest] = pk
        model.objects.filter(pk=pk).exclude(alt_text=alt_text).update(alt_text=alt_text)
        return pk

    def _create(self, name, alt_text, title, credit, rights):
        image = get_image_model()(
            title=title[:255],
            collection=self.collection,
            alt_text=alt_text,
            credit=credit[:400],
            rights=rights,
            uploaded_by_user=self.user,
        )
        with self.media.open(name) as handle:
            image.file.save(posixpath.basename(name), File(handle), save=False)
        self.written.append(image.file.name)
        image._set_image_file_metadata()
        image.save()
        self.created += 1
        return image.pk

    def discard(self):
        """Delete the files this import stored (its database rows were rolled back)."""
        storage = get_image_model()._meta.get_field("file").storage
        for name in self.written:
            storage.delete(name)
        self.written.clear()
