"""Uploaded images, checked by what they contain and re-encoded without their metadata.

The file name and the browser's content type are ignored: only Pillow's reading of the bytes
counts. Re-encoding drops EXIF, XMP, text chunks and anything appended to the image, so a
logo cannot carry a location, an author's name or a script along.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

# Formats accepted, with the extension and content type they are stored and served with.
FORMATS = {"PNG": ("png", "image/png"), "JPEG": ("jpg", "image/jpeg")}
MAX_SIDE = 800  # larger logos are scaled down; nobody needs more on a partner page
MAX_PIXELS = 25_000_000  # refuse decompression bombs before decoding them


@dataclass(frozen=True)
class CleanImage:
    content: bytes
    extension: str
    content_type: str


def clean_image(upload: UploadedFile[bytes], *, max_bytes: int) -> CleanImage:
    """Check ``upload`` and return it re-encoded, or raise ``ValidationError`` saying why."""
    if upload.size is not None and upload.size > max_bytes:
        raise ValidationError(
            _("This file is too large: at most %(size)s MB.") % {"size": max_bytes // 1_000_000}
        )
    data = upload.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ValidationError(
            _("This file is too large: at most %(size)s MB.") % {"size": max_bytes // 1_000_000}
        )
    try:
        with Image.open(io.BytesIO(data)) as probe:
            image_format = probe.format or ""
            width, height = probe.size
            probe.verify()
        if image_format not in FORMATS:
            raise ValidationError(_("Upload a PNG or JPEG image."))
        if width * height > MAX_PIXELS:
            raise ValidationError(_("This image has too many pixels; upload a smaller one."))
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            return _reencode(image, image_format)
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError):
        raise ValidationError(_("This file is not a PNG or JPEG image.")) from None


def _reencode(image: Image.Image, image_format: str) -> CleanImage:
    image.thumbnail((MAX_SIDE, MAX_SIDE))
    extension, content_type = FORMATS[image_format]
    output = io.BytesIO()
    if image_format == "JPEG":
        image.convert("RGB").save(output, "JPEG", quality=85, optimize=True)
    else:
        mode = "RGBA" if image.mode in ("RGBA", "LA", "P") else "RGB"
        image.convert(mode).save(output, "PNG", optimize=True)
    return CleanImage(output.getvalue(), extension, content_type)
