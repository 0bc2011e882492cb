from __future__ import annotations

import io
from typing import Any

from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, PngImagePlugin

from weerbaar.accounts.models import Membership
from weerbaar.lib.testing import PersonasTestCase
from weerbaar.partners.actions import do_create_partner, do_link_membership_to_partner
from weerbaar.partners.models import Partner


def png_with_metadata(size: tuple[int, int] = (1200, 600)) -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Jan Jansen, 06-12345678")
    output = io.BytesIO()
    Image.new("RGB", size, (0, 90, 160)).save(output, "PNG", pnginfo=info)
    return output.getvalue()


def jpeg_with_exif() -> bytes:
    exif = Image.Exif()
    exif[0x013B] = "Jan Jansen"  # Artist
    output = io.BytesIO()
    Image.new("RGB", (300, 200), (200, 30, 30)).save(output, "JPEG", exif=exif.tobytes())
    return output.getvalue()


class PartnerLogoTestCase(PersonasTestCase):
    def setUp(self) -> None:
        self.library = do_create_partner(
            None,
            self.coalition,
            name="Bibliotheek Voorbeeldstad",
            domains=["library"],
            is_public=True,
        )
        bram = Membership.objects.get(user=self.bram, coalition=self.coalition)
        do_link_membership_to_partner(self.anna, bram, self.library)
        self.edit_url = f"/voorbeeldstad/partners/{self.library.pk}/bewerken/"
        self.logo_url = f"/voorbeeldstad/partners/{self.library.pk}/logo/"

    def upload(self, content: bytes, name: str = "logo.png", **extra: Any) -> Any:
        self.log_in(self.bram)
        data = {
            "description": "De bibliotheek helpt iedereen mee te doen.",
            "domains": ["library"],
            "expertise": "",
            "website": "",
            "is_public": "on",
            "new_logo": SimpleUploadedFile(name, content),
            **extra,
        }
        return self.client.post(self.edit_url, data)

    def test_it_stores_a_png_under_a_generated_name_without_its_metadata(self) -> None:
        response = self.upload(png_with_metadata(), name="mijn logo.png")

        self.assertEqual(response.status_code, 302)
        self.library.refresh_from_db()
        self.assertRegex(self.library.get_logo_name(), r"^partner-logos/[0-9a-f]{32}\.png$")
        with (
            default_storage.open(self.library.get_logo_name()) as stored,
            Image.open(stored) as image,
        ):
            self.assertEqual(image.format, "PNG")
            self.assertNotIn("Author", image.info)
            self.assertLessEqual(max(image.size), 800)

    def test_it_strips_exif_from_a_jpeg(self) -> None:
        self.upload(jpeg_with_exif(), name="logo.jpg")

        self.library.refresh_from_db()
        with (
            default_storage.open(self.library.get_logo_name()) as stored,
            Image.open(stored) as image,
        ):
            self.assertEqual(image.format, "JPEG")
            self.assertEqual(dict(image.getexif()), {})

    def test_it_refuses_a_file_that_only_pretends_to_be_an_image_and_keeps_the_rest(self) -> None:
        response = self.upload(b"<svg onload='alert(1)'></svg>", name="logo.png")

        self.assertEqual(response.status_code, 200)
        self.assertIn("new_logo", response.context["form"].errors)
        self.assertContains(response, "De bibliotheek helpt iedereen mee te doen.")
        self.library.refresh_from_db()
        self.assertFalse(self.library.logo)

    def test_it_refuses_an_image_in_another_format(self) -> None:
        output = io.BytesIO()
        Image.new("RGB", (10, 10)).save(output, "GIF")

        response = self.upload(output.getvalue(), name="logo.png")

        self.assertIn("new_logo", response.context["form"].errors)

    def test_it_refuses_a_file_that_is_too_large(self) -> None:
        response = self.upload(b"\x89PNG" + b"0" * 2_100_000)

        self.assertIn("new_logo", response.context["form"].errors)

    def test_it_shows_a_public_partners_logo_to_visitors(self) -> None:
        self.upload(png_with_metadata())
        self.client.logout()

        response = self.client.get(self.logo_url)

        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "image/png")
        self.assertEqual(response["X-Content-Type-Options"], "nosniff")
        self.assertEqual(b"".join(response.streaming_content)[:4], b"\x89PNG")  # type: ignore[attr-defined]

    def test_it_hides_a_hidden_partners_logo_from_everyone_outside_the_coalition(self) -> None:
        self.upload(png_with_metadata(), is_public="")
        self.assertFalse(Partner.objects.get(pk=self.library.pk).is_public)

        self.client.logout()
        self.assertEqual(self.client.get(self.logo_url).status_code, 404)
        self.log_in(self.dirk)
        self.assertEqual(self.client.get(self.logo_url).status_code, 404)
        self.log_in(self.cees)
        self.assertEqual(self.client.get(self.logo_url).status_code, 200)

    def test_it_removes_the_logo_and_its_file(self) -> None:
        self.upload(png_with_metadata())
        self.library.refresh_from_db()
        old_name = self.library.get_logo_name()

        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(
                self.edit_url,
                {
                    "description": "",
                    "domains": ["library"],
                    "is_public": "on",
                    "remove_logo": "on",
                },
            )

        self.library.refresh_from_db()
        self.assertFalse(self.library.logo)
        self.assertFalse(default_storage.exists(old_name))
