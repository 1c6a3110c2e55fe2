"""Photos on timeline moments: checked, cleaned, encrypted, and shown only to those who may
see the moment.

An upload must really be a JPEG, PNG or WebP image (Pillow reads it; the file name and the
browser's claimed type are ignored), at most ``MAX_BYTES`` and ``MAX_PIXELS``. It is then
re-encoded from its pixels alone, so EXIF (location, camera, time) and any other metadata
are dropped, turned upright first, and scaled down to ``MAX_SIDE``. The result is
encrypted with the uploader's data key.
"""

import io

from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

from nearer.timeline.models import Moment, Photo

MAX_BYTES = 8 * 1024 * 1024
MAX_PIXELS = 40_000_000  # larger is refused before decoding (decompression bombs)
MAX_SIDE = 2000
MAX_PER_MOMENT = 6
FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}


class BadPhoto(Exception):
    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def clean_image(data: bytes) -> tuple[bytes, str, int, int]:
    """(cleaned bytes, content type, width, height) or BadPhoto with a clear message."""
    if len(data) > MAX_BYTES:
        raise BadPhoto(_("That photo is too large. Please choose one under 8 MB."))
    try:
        with Image.open(io.BytesIO(data)) as probe:
            kind = probe.format
            if probe.width * probe.height > MAX_PIXELS:
                raise BadPhoto(_("That photo has too many pixels. Please choose a smaller one."))
            probe.verify()
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            image = ImageOps.exif_transpose(image)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise BadPhoto(_("That file is not a photo we can read (JPEG, PNG or WebP).")) from None
    if kind not in FORMATS:
        raise BadPhoto(_("Please choose a JPEG, PNG or WebP photo."))
    image.thumbnail((MAX_SIDE, MAX_SIDE))
    if kind == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    # A fresh image from the pixels alone: no EXIF, XMP, ICC comments or text chunks.
    clean = Image.new(image.mode, image.size)
    clean.paste(image)
    if image.mode == "P" and image.getpalette():
        clean.putpalette(image.getpalette())
    out = io.BytesIO()
    options = {"quality": 88} if kind in ("JPEG", "WEBP") else {}
    clean.save(out, format=kind, **options)
    return out.getvalue(), FORMATS[kind], clean.width, clean.height


def add_photo(user, moment: Moment, data: bytes) -> Photo:
    if moment.author_id != user.pk:
        raise PermissionError
    if moment.photos.count() >= MAX_PER_MOMENT:
        raise BadPhoto(_("A moment can hold up to six photos."))
    cleaned, content_type, width, height = clean_image(data)
    photo = Photo(moment=moment, content_type=content_type, width=width, height=height)
    photo.author, photo.visibility, photo.couple = user, moment.visibility, moment.couple
    photo.data = cleaned
    photo.save()
    return photo
