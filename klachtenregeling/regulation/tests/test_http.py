"""Issue 20, item 6: the regulation PDF revalidates (ETag, 304) and says how long it may be
kept; the public regulation pages are sent compressed."""

import gzip
import hashlib

from django.urls import reverse

from .conftest import pdf_text


def test_pdf_has_an_etag_of_its_bytes_and_cache_headers(client, org, publish):
    publish()
    response = client.get(reverse("regulation:pdf", args=[org.slug]))
    assert response.status_code == 200
    assert response["ETag"] == f'"{hashlib.sha256(response.content).hexdigest()}"'
    assert response["Cache-Control"] == "private, max-age=300"
    assert {"Accept-Language", "Cookie"} <= {v.strip() for v in response["Vary"].split(",")}
    assert "Klachtenregeling" in pdf_text(response.content)


def test_pdf_answers_304_to_the_copy_the_client_has(client, org, publish):
    version = publish()
    url = reverse("regulation:version-pdf", args=[org.slug, version.number])
    first = client.get(url)
    assert first["Cache-Control"] == "private, max-age=86400"  # a version never changes
    again = client.get(url, headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]
    assert again["Cache-Control"] == first["Cache-Control"]
    other = client.get(url, headers={"if-none-match": '"something-else"'})
    assert other.status_code == 200
    assert other.content == first.content


def test_pdf_in_another_language_has_another_etag(client, org, publish):
    publish()
    url = reverse("regulation:pdf", args=[org.slug])
    dutch = client.get(url)
    client.post(reverse("set_language"), {"language": "en", "next": url})
    english = client.get(url, headers={"if-none-match": dutch["ETag"]})
    assert english.status_code == 200
    assert english["ETag"] != dutch["ETag"]


def test_regulation_pages_are_compressed(client, org, publish):
    version = publish()
    for url in (
        reverse("regulation:page", args=[org.slug]),
        reverse("regulation:versions", args=[org.slug]),
        reverse("regulation:version", args=[org.slug, version.number]),
    ):
        plain = client.get(url)
        packed = client.get(url, headers={"accept-encoding": "gzip"})
        assert packed["Content-Encoding"] == "gzip", url
        assert "Accept-Encoding" in packed["Vary"], url
        page = gzip.decompress(packed.content).decode()
        assert page.startswith("<!DOCTYPE html>") and org.name in page, url
        assert "Content-Encoding" not in plain, url
