"""Which files may be attached to knowledge items: decided by content, never by name."""

from __future__ import annotations

import io
import re
import uuid
import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.http import FileResponse, Http404
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from weerbaar.lib.images import clean_image

PDF = ("pdf", "application/pdf")
DOCX = ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
PPTX = ("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation")
ODT = ("odt", "application/vnd.oasis.opendocument.text")


@dataclass(frozen=True)
class CleanFile:
    content: bytes
    extension: str
    content_type: str
    original_name: str


def _too_large(max_bytes: int) -> ValidationError:
    return ValidationError(
        _("This file is too large: at most %(size)s MB.") % {"size": max_bytes // 1_000_000}
    )


def _office_type(data: bytes) -> tuple[str, str] | None:
    """DOCX, PPTX or ODT by what is inside the zip file."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and archive.read("mimetype").strip() == ODT[1].encode():
                return ODT
            if "[Content_Types].xml" in names:
                if "word/document.xml" in names:
                    return DOCX
                if "ppt/presentation.xml" in names:
                    return PPTX
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return None
    return None


def safe_name(name: str) -> str:
    """The uploader's file name without paths or characters that break a header."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = re.sub(r"[^\w.\- ]", "_", base).strip(" .")[:150]
    return base or "bijlage"


def clean_attachment(upload: UploadedFile[bytes], *, max_bytes: int) -> CleanFile:
    """Check ``upload`` by its content; images come back re-encoded without metadata."""
    if upload.size is not None and upload.size > max_bytes:
        raise _too_large(max_bytes)
    head = upload.read(8)
    upload.seek(0)
    name = safe_name(upload.name or "")
    if head.startswith(b"\x89PNG") or head.startswith(b"\xff\xd8\xff"):
        image = clean_image(upload, max_bytes=max_bytes)
        stem = name.rsplit(".", 1)[0]
        return CleanFile(
            image.content, image.extension, image.content_type, f"{stem}.{image.extension}"
        )
    data = upload.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _too_large(max_bytes)
    kind: tuple[str, str] | None = None
    if data.startswith(b"%PDF-"):
        kind = PDF
    elif data.startswith(b"PK\x03\x04"):
        kind = _office_type(data)
    if kind is None:
        raise ValidationError(
            _("This type of file cannot be attached; use PDF, DOCX, ODT, PPTX, PNG or JPEG.")
        )
    stem = name.rsplit(".", 1)[0] if "." in name else name
    return CleanFile(data, kind[0], kind[1], f"{stem}.{kind[0]}")


def store_checked_file(folder: str, upload: CleanFile) -> str:
    """Save ``upload`` in ``folder`` under a generated name (the uploader's name never becomes
    a path) and return the stored name."""
    return default_storage.save(
        f"{folder}/{uuid.uuid4().hex}.{upload.extension}", ContentFile(upload.content)
    )


def delete_stored_file_on_commit(name: str) -> None:
    """Delete a stored file once the transaction that removed its row has committed, so a
    rolled-back removal keeps its file."""
    if name:
        transaction.on_commit(lambda: default_storage.delete(name))


def download_stored_file(name: str, original_name: str, content_type: str) -> FileResponse:
    """A stored file as a download, never shown inline, not cached and not sniffed; callers
    check who may read it first."""
    if not name or not default_storage.exists(name):
        raise Http404
    response = FileResponse(
        default_storage.open(name, "rb"),
        as_attachment=True,
        filename=original_name,
        content_type=content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, private=True, no_store=True)
    return response
