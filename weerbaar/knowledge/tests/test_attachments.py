from __future__ import annotations

import datetime
import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse
from PIL import Image

from weerbaar.audit.choices import AuditAction
from weerbaar.audit.models import AuditEntry
from weerbaar.knowledge.actions import do_create_knowledge_item
from weerbaar.knowledge.choices import KnowledgeKind, Visibility
from weerbaar.knowledge.models import Attachment, KnowledgeItem
from weerbaar.lib.testing import PersonasTestCase


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def jpeg_with_exif() -> bytes:
    buffer = io.BytesIO()
    exif = Image.Exif()
    exif[0x010F] = "Geheim merk"  # camera make
    Image.new("RGB", (20, 20), "red").save(buffer, "JPEG", exif=exif.tobytes())
    return buffer.getvalue()


class AttachmentsTestCase(PersonasTestCase):
    item: KnowledgeItem

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.item = do_create_knowledge_item(
            cls.cees,
            cls.coalition,
            kind=KnowledgeKind.TOOLKIT,
            themes=[],
            target_groups=[],
            title="Lesbrief",
            summary="Een lesbrief.",
            body="",
            links="",
            author_organisation=None,
            published_on=datetime.date(2026, 1, 1),
            tags="",
            visibility=Visibility.COALITION,
        )

    def upload(self, name: str, content: bytes) -> int:
        client = self.log_in(self.cees)
        url = reverse("knowledge:add_attachment", args=["voorbeeldstad", self.item.pk])
        response = client.post(url, {"file": SimpleUploadedFile(name, content)})
        return response.status_code

    def test_it_accepts_a_docx_by_content_and_serves_it_as_a_download(self) -> None:
        self.assertEqual(self.upload("lesbrief.docx", docx_bytes()), 302)

        attachment = Attachment.objects.get()
        self.assertNotIn("lesbrief", attachment.file.name or "")
        self.assertEqual(attachment.original_name, "lesbrief.docx")
        self.assertTrue(
            AuditEntry.objects.filter(action=AuditAction.KNOWLEDGE_ATTACHMENT_ADDED).exists()
        )
        url = reverse("knowledge:attachment", args=["voorbeeldstad", self.item.pk, attachment.pk])
        response = self.log_in(self.femke).get(url)
        self.assertEqual(response.status_code, 200)
        self.assertIn("attachment", response["Content-Disposition"])
        self.assertEqual(response["X-Content-Type-Options"], "nosniff")
        self.assertEqual(Client().get(url).status_code, 404)

    def test_it_refuses_an_exe_renamed_pdf(self) -> None:
        self.assertEqual(self.upload("rapport.pdf", b"MZ\x90\x00 not a pdf"), 200)

        self.assertFalse(Attachment.objects.exists())

    def test_it_strips_image_metadata(self) -> None:
        self.upload("foto.jpg", jpeg_with_exif())

        attachment = Attachment.objects.get()
        with attachment.file.open("rb") as stored:
            self.assertNotIn(b"Geheim merk", stored.read())

    @override_settings(KNOWLEDGE_ATTACHMENT_MAX_MB=1)
    def test_it_refuses_an_oversized_file(self) -> None:
        self.assertEqual(self.upload("groot.pdf", b"%PDF-" + b"0" * 1_100_000), 200)

        self.assertFalse(Attachment.objects.exists())

    def test_it_hides_files_of_items_other_coalitions_did_not_share(self) -> None:
        self.upload("lesbrief.docx", docx_bytes())
        attachment = Attachment.objects.get()
        url = reverse("knowledge:attachment", args=["zeeuwse-kust", self.item.pk, attachment.pk])

        self.assertEqual(self.log_in(self.dirk).get(url).status_code, 404)
