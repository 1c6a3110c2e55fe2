"""Photos on moments: real image types only, size limits, EXIF stripped, encrypted at rest,
served only to those who may see the moment. New moments default to private."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from nearer.couples.services import leave_couple
from nearer.testing import make_moment
from nearer.timeline import photos
from nearer.timeline.forms import MomentForm
from nearer.timeline.models import Photo
from nearer.visibility import Visibility

pytestmark = pytest.mark.django_db


def jpeg_with_location(size=(64, 48)) -> bytes:
    image = Image.new("RGB", size, "orange")
    exif = Image.Exif()
    exif[0x010F] = "SpyCam Inc"  # camera make
    exif[0x0132] = "2024:05:01 10:00:00"
    gps = {1: "N", 2: (48.0, 51.0, 24.0), 3: "E", 4: (2.0, 21.0, 3.0)}
    exif[0x8825] = gps
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def upload(client, moment, data, name="photo.jpg"):
    return client.post(
        reverse("timeline:photo_add", kwargs={"pk": moment.pk}),
        {"photo": SimpleUploadedFile(name, data, content_type="image/jpeg")},
        follow=True,
    )


def test_exif_is_stripped_and_the_photo_encrypted(cast, client_for):
    original = jpeg_with_location()
    assert b"SpyCam" in original and Image.open(io.BytesIO(original)).getexif()
    moment = make_moment(cast.a, Visibility.SHARED)
    upload(client_for(cast.a), moment, original)
    photo = Photo.objects.get()
    stored = bytes(photo.data_encrypted)
    assert b"\xff\xd8" not in stored[:4] and b"SpyCam" not in stored
    served = client_for(cast.a).get(reverse("timeline:photo", kwargs={"pk": photo.pk}))
    assert served["Content-Type"] == "image/jpeg"
    assert served["Cache-Control"] == "private, no-store"
    body = served.content
    assert b"SpyCam" not in body and b"Exif" not in body
    cleaned = Image.open(io.BytesIO(body))
    assert cleaned.size == (64, 48) and not cleaned.getexif()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"this is not an image at all", "not a photo we can read"),
        (b"GIF89a" + b"\x00" * 40, "not a photo we can read"),
    ],
)
def test_non_images_are_refused_with_a_clear_message(cast, client_for, data, message):
    moment = make_moment(cast.a, Visibility.SHARED)
    response = upload(client_for(cast.a), moment, data)
    assert response.status_code == 200 and message in response.content.decode()
    assert not Photo.objects.exists()


def test_other_image_types_are_refused(cast, client_for):
    out = io.BytesIO()
    Image.new("RGB", (8, 8)).save(out, format="GIF")
    response = upload(client_for(cast.a), make_moment(cast.a), out.getvalue(), "a.gif")
    assert "JPEG, PNG or WebP" in response.content.decode()
    assert not Photo.objects.exists()


def test_too_large_is_refused(cast, client_for, monkeypatch):
    monkeypatch.setattr(photos, "MAX_BYTES", 1000)
    response = upload(client_for(cast.a), make_moment(cast.a), jpeg_with_location((400, 400)))
    assert "too large" in response.content.decode()
    with pytest.raises(photos.BadPhoto):
        photos.clean_image(b"x" * 1001)


def test_too_many_pixels_is_refused(monkeypatch):
    monkeypatch.setattr(photos, "MAX_PIXELS", 100)
    with pytest.raises(photos.BadPhoto, match="too many pixels"):
        photos.clean_image(jpeg_with_location((20, 20)))


def test_big_photos_are_scaled_down():
    cleaned, kind, width, height = photos.clean_image(jpeg_with_location((3000, 1500)))
    assert (kind, width, height) == ("image/jpeg", 2000, 1000)


def test_served_only_to_those_who_may_see_the_moment(cast, client_for):
    private = photos.add_photo(
        cast.a, make_moment(cast.a, Visibility.PRIVATE), jpeg_with_location()
    )
    shared = photos.add_photo(cast.a, make_moment(cast.a, Visibility.SHARED), jpeg_with_location())
    url = lambda p: reverse("timeline:photo", kwargs={"pk": p.pk})  # noqa: E731
    assert client_for(cast.b).get(url(private)).status_code == 404
    assert client_for(cast.b).get(url(shared)).status_code == 200
    assert client_for(cast.outsider).get(url(shared)).status_code == 404
    leave_couple(cast.a)
    assert client_for(cast.b).get(url(shared)).status_code == 404


def test_only_the_moments_author_adds_photos(cast, client_for):
    moment = make_moment(cast.a, Visibility.SHARED)
    response = client_for(cast.b).post(
        reverse("timeline:photo_add", kwargs={"pk": moment.pk}),
        {"photo": SimpleUploadedFile("p.jpg", jpeg_with_location())},
    )
    assert response.status_code == 404 and not Photo.objects.exists()


def test_photo_shows_on_the_moment_page(cast, client_for):
    moment = make_moment(cast.a, Visibility.SHARED)
    photo = photos.add_photo(cast.a, moment, jpeg_with_location())
    page = client_for(cast.b).get(reverse("timeline:detail", kwargs={"pk": moment.pk}))
    assert reverse("timeline:photo", kwargs={"pk": photo.pk}) in page.content.decode()


def test_new_moments_default_to_private():
    assert MomentForm().fields["visibility"].initial == Visibility.PRIVATE
