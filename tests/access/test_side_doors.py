"""R-6.1: nothing of a complaint leaks through the side doors — search and counts, the
refusal itself (a complaint one may not see looks exactly like one that does not exist),
e-mail subjects, file names and the place files are kept. Uses the access world
(world.py): the own complaint (Marieke Jonker, about Sanne, handled by Amber) and the
other (Kees Bakker, about Pieter, handled by Bram)."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.db import transaction

from klachtenregeling.complaints.models import Attachment, Complaint
from klachtenregeling.notifications.compose import compose
from klachtenregeling.notifications.models import OutboxMessage


@pytest.fixture
def cell(world, db):
    """Each request in a savepoint of the world, as in the matrix."""

    def _get(role, url, **params):
        savepoint = transaction.savepoint()
        try:
            return world.client_for(role).get(url, params)
        finally:
            transaction.savepoint_rollback(savepoint)

    return _get


def _page(response) -> str:
    return response.content.decode()


def test_r6_1_search_and_counts_never_show_a_complaint_one_cannot_see(world, cell):
    own = world.own.reference
    for query in ("Marieke", "Jonker", own, "uur te laat"):
        # What was asked is shown back in the search field; nothing else of it.
        page = _page(cell("other_officer", "/werk/klachten/", q=query)).replace(query, "")
        assert own not in page and "Marieke" not in page, query
    # The counters of the other officer count their own complaint only.
    page = _page(cell("other_officer", "/werk/klachten/"))
    assert world.other.reference in page and own not in page
    assert re.search(r"\b1\b", page)
    # The other organisation's officer finds nothing of either.
    page = _page(cell("foreign_officer", "/werk/klachten/", q="training"))
    assert own not in page and world.other.reference not in page


@pytest.mark.parametrize(
    ("role", "path"),
    [
        ("other_officer", "/werk/klachten/{ref}/"),
        ("other_officer", "/werk/klachten/{ref}/inzage/"),
        ("employee", "/werk/over-mij/{ref}/"),
        ("foreign_officer", "/werk/klachten/{ref}/"),
        ("admin", "/werk/klachten/{ref}/"),
    ],
)
def test_r6_1_refusal_looks_the_same_as_a_complaint_that_does_not_exist(world, cell, role, path):
    existing = cell(role, path.format(ref=world.own.reference))
    missing = cell(role, path.format(ref="KL-2026-9999"))
    assert existing.status_code == missing.status_code == 404
    assert _normalised(_page(existing), world.own.reference) == _normalised(
        _page(missing), "KL-2026-9999"
    )


def _normalised(page: str, reference: str) -> str:
    """The page without the address asked for and the per-response CSRF token."""
    page = page.replace(reference, "REF")
    return re.sub(r'("X-CSRFToken": "|name="csrfmiddlewaretoken" value=")[^"]+', r"\1", page)


def test_r6_1_e_mail_subjects_carry_the_reference_only(world, db):
    # As sent: a new complaint's mails are composed by the worker (issue 19).
    messages = [compose(m.pk) for m in OutboxMessage.objects.all()]
    assert len(messages) >= 4  # acknowledgements, the respondent's notice, extensions
    names = [world.users[r].get_full_name() for r in ("respondent", "employee", "officer")]
    names += ["Marieke", "Jonker", "Kees", "Bakker"]
    for message in messages:
        assert not any(part and part in message.subject for part in names), message.subject
        assert "uur te laat" not in message.subject and "Training" not in message.subject
    references = {world.own.reference, world.other.reference}
    assert all(any(ref in m.subject for ref in references) for m in messages if m.complaint_id)


def test_r6_1_letter_file_names_name_no_one(world, cell):
    response = cell("complainant", f"/interactie/mijn-klacht/brieven/{world.own.letter_id}/")
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert re.search(rf'filename="{world.own.reference}-[a-z0-9-]+\.pdf"', disposition), disposition
    assert response["X-Content-Type-Options"] == "nosniff"


def test_r6_1_files_are_kept_under_random_names_outside_the_web_root(world, cell):
    for attachment in Attachment.objects.all():
        name = attachment.file.name
        path = Path(attachment.file.path).resolve()
        assert Path(settings.STATIC_ROOT).resolve() not in path.parents
        assert all(Path(d).resolve() not in path.parents for d in settings.STATICFILES_DIRS)
        assert re.fullmatch(r"attachments/\d+/[0-9a-f]{32}", name), name
        assert attachment.filename not in name
        complaint = Complaint.objects.get(pk=attachment.complaint_id)
        assert complaint.complainant_name not in name
        # Nothing answers at the stored path, signed in or not.
        assert cell("officer", f"/{name}").status_code == 404
        assert cell("anonymous", f"/media/{name}").status_code == 404
