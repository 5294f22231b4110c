"""tests/e2e/html_validation.py: the pages are kept once each, vnu's verdict names the page."""

import io

import pytest
from django.http import FileResponse, HttpResponse, HttpResponseRedirect

from tests.e2e import html_validation
from tests.e2e.html_validation import Outcome, PageStore

VALID = (
    '<!DOCTYPE html><html lang="nl"><head><title>Klacht</title></head>'
    '<body data-hx-headers=\'{{"X-CSRFToken": "{token}"}}\'>'
    '<form method="post"><input type="hidden" name="csrfmiddlewaretoken" value="{token}">'
    "</form><section><h2>Kop</h2></section></body></html>"
)
INVALID = (
    '<!DOCTYPE html><html lang="nl"><head><title>Klacht</title></head><body>'
    '<form hx-get="/werk/"></form><section><p>Geen kop</p></section>'
    '<p><time datetime="2026-12-05T08:19:10.279562+01:00">5 dec</time></p></body></html>'
)


def test_a_page_differing_only_in_its_csrf_token_is_kept_once(tmp_path):
    store = PageStore(tmp_path, "gw0")
    store.add("http://testserver/a/", VALID.format(token="one").encode())
    store.add("http://testserver/a/", VALID.format(token="two").encode())
    store.add("http://testserver/b/", INVALID.encode())
    assert sorted(p.name for p in tmp_path.glob("*.html")) == ["gw0-0001.html", "gw0-0002.html"]
    assert html_validation.read_index(tmp_path) == {
        "gw0-0001.html": "http://testserver/a/",
        "gw0-0002.html": "http://testserver/b/",
    }


def test_only_html_documents_a_browser_asked_for_are_kept(tmp_path, rf):
    store = PageStore(tmp_path, "main")
    page = HttpResponse(INVALID)
    store.keep(rf.get("/fragment/", headers={"Sec-Fetch-Dest": "empty"}), page)  # htmx
    store.keep(rf.get("/client/"), page)  # the test client, not a browser
    document = {"Sec-Fetch-Dest": "document"}
    store.keep(rf.post("/form/", headers=document), HttpResponseRedirect("/next/"))
    store.keep(rf.get("/brief.pdf", headers=document), FileResponse(io.BytesIO(b"%PDF")))
    store.keep(rf.get("/plain/", headers=document), HttpResponse("text", content_type="text/plain"))
    assert not html_validation.read_index(tmp_path)

    store.keep(rf.post("/form/", headers=document), HttpResponse(INVALID, status=400))
    assert html_validation.read_index(tmp_path) == {"main-0001.html": "http://testserver/form/"}
    assert (tmp_path / "main-0001.html").read_text() == INVALID


def test_errors_and_headingless_sections_fail_other_warnings_do_not():
    report = {
        "messages": [
            {"type": "error", "url": "file:/tmp/x/gw1-0003.html", "lastLine": 7,
             "message": "Attribute “hx-get” not allowed on element “form” at this point.",
             "extract": "<form hx-get>"},
            {"type": "info", "subType": "warning", "url": "file:/tmp/x/gw1-0003.html",
             "message": "Section lacks heading. Consider using “h2”-“h6” elements.",
             "extract": "<section>"},
            {"type": "info", "subType": "warning", "url": "file:/tmp/x/gw1-0003.html",
             "message": "A table row was 2 columns wide, which is less than …", "extract": ""},
            {"type": "info", "url": "file:/tmp/x/gw1-0003.html", "message": "Trailing slash"},
        ]
    }  # fmt: skip
    errors = html_validation.errors_from(report, {"gw1-0003.html": "http://testserver/werk/"})
    assert [(e["page"], e["line"]) for e in errors] == [
        ("http://testserver/werk/", 7),
        ("http://testserver/werk/", None),
    ]
    assert html_validation.other_warnings(report) == {
        "A table row was 2 columns wide, which is less than …": 1
    }


def test_the_report_groups_bad_values_into_one_message():
    errors = [
        {"page": f"http://testserver/{n}/", "file": f"main-000{n}.html", "line": 3,
         "message": f"Bad value “2026-12-05T08:19:1{n}.279562+01:00” for attribute “datetime”.",
         "extract": f'<time datetime="2026-12-05T08:19:1{n}.279562+01:00">'}
        for n in range(1, 8)
    ]  # fmt: skip
    lines = Outcome(pages=7, urls=7, errors=errors).lines()
    assert lines[0].startswith("vnu checked 7 HTML documents (7 distinct URLs): 7 errors")
    assert lines[1] == "- Bad value “…” for attribute “datetime”. (7x on 7 pages)"
    assert lines[2].startswith("    http://testserver/1/ [main-0001.html:3]: <time datetime=")
    assert lines[-1] == "    … and 2 more"


def test_vnu_finds_the_errors_of_a_page_and_passes_a_valid_one(tmp_path):
    jar = html_validation.vnu_jar()
    if jar is None:
        pytest.skip("vnu-jar is not installed: bash scripts/ensure_vnu.sh")
    store = PageStore(tmp_path, "main")
    store.add("http://testserver/goed/", VALID.format(token="t").encode())
    store.add("http://testserver/fout/", INVALID.encode())

    outcome = html_validation.validate(tmp_path, jar)

    assert outcome.problem is None
    assert (outcome.pages, outcome.urls) == (2, 2)
    assert {e["page"] for e in outcome.errors} == {"http://testserver/fout/"}
    messages = " | ".join(e["message"] for e in outcome.errors)
    assert "“hx-get” not allowed" in messages
    assert "A fraction of a second must be one, two, or three digits" in messages
    assert "Section lacks heading" in messages
    assert len(outcome.errors) == 3


def test_a_compressed_page_is_kept_as_the_browser_reads_it(tmp_path, rf):
    """The public regulation pages are sent gzip-compressed: vnu gets the HTML."""
    import gzip

    store = PageStore(tmp_path, "main")
    page = HttpResponse(gzip.compress(INVALID.encode()))
    page["Content-Encoding"] = "gzip"
    store.keep(rf.get("/regeling/", headers={"Sec-Fetch-Dest": "document"}), page)
    assert (tmp_path / "main-0001.html").read_text() == INVALID
