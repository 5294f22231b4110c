"""The world the access matrix asks about: one organisation with every role, one complaint
the roles are related to ("own") and one they are not ("other"), built through the real
services, and a second organisation.

Roles, as the matrix names them (R-6.1):

- anonymous: nobody signed in, no personal link
- complainant: the complainant of the own complaint, through their personal link
- officer: the officer handling the own complaint
- other_officer: an officer of the same organisation, handling the other complaint
- respondent: the staff member the own complaint is about, informed of it (R-5.2)
- employee: a staff member with no part in either complaint
- board: a board member (anonymised reports only)
- admin: the organisation's administrator (settings and users, no complaint content)
- foreign_officer: an officer of another organisation
"""

import io
from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from klachtenregeling.complaints import services as complaint_services
from klachtenregeling.complaints.constants import AttachmentKind, Concern
from klachtenregeling.complaints.rules.intake import ComplaintDraft
from klachtenregeling.complaints.services.attachments import cleaned_up_on_failure
from klachtenregeling.handling import selectors as handling_selectors
from klachtenregeling.handling import services as handling_services
from klachtenregeling.letters.store import store_letter
from klachtenregeling.organisations.models import ApiKey, Organisation
from klachtenregeling.portal import tokens
from klachtenregeling.questions import services as question_services
from klachtenregeling.questions.rules import QuestionDraft
from klachtenregeling.regulation import services as regulation_services
from klachtenregeling.reminders import services as reminder_services
from tests import samples
from tests.factories import (
    ClientFactory,
    EngagementFactory,
    OrganisationFactory,
    UserFactory,
)
from tests.two_factor import VerifiedClient

from . import (
    world_destruction,
    world_followup,
    world_mail,
    world_oral,
    world_post,
    world_registration,
    world_reports,
    world_retention,
    world_settings,
)

ROLES = (
    "anonymous",
    "complainant",
    "officer",
    "other_officer",
    "respondent",
    "employee",
    "board",
    "admin",
    "foreign_officer",
)
STAFF_ROLES = tuple(r for r in ROLES if r not in ("anonymous", "complainant"))


@dataclass
class Objects:
    """The path values that point at one side's objects."""

    reference: str
    attachment_id: str  # an attachment the complainant sent (staff side)
    letter_id: str  # a letter (PDF) to the complainant (the complainant's side)
    respondent_letter_id: str  # a letter to the person complained about (their side)
    question_pk: int
    calendar_token: str
    org: str


@dataclass
class World:
    users: dict = field(default_factory=dict)
    own: Objects | None = None
    other: Objects | None = None
    complainant_token: str = ""
    # Rows of the settings back-office (beheer), by model.
    beheer_ids: dict = field(default_factory=dict)
    content_type_id: int = 0
    # Path values of Article 8's objects, by side (world_*.py).
    extra: dict = field(default_factory=lambda: {"own": {}, "other": {}})
    _clients: dict = field(default_factory=dict)

    def client_for(self, role: str) -> VerifiedClient:
        """The role's browser, signed in once (its session is part of the world)."""
        if role not in self._clients:
            self._clients[role] = self._sign_in(role)
        return self._clients[role]

    def _sign_in(self, role: str) -> VerifiedClient:
        """A browser of the role: signed in with the second factor, or through the link."""
        client = VerifiedClient()
        if role == "complainant":
            response = client.get(f"/{self.own.org}/mijn-klacht/open/?t={self.complainant_token}")
            assert response.status_code == 302, response
        elif role != "anonymous":
            client.force_login(self.users[role])
        return client


def _draft(name: str, respondent_id: int) -> ComplaintDraft:
    return ComplaintDraft(
        complainant_name=name,
        complainant_email=f"{name.split()[0].lower()}@example.org",
        description="De training begon een uur te laat.",
        concerns=(Concern.PERFORMANCE,),
        engagement_description="Training Timemanagement, maart, Amersfoort",
        respondent_id=respondent_id,
    )


def _complaint(org, *, name, officer, respondent, question_email):
    """A complaint about `respondent`, handled by `officer`, the respondent informed."""
    complaint = complaint_services.complaint_submit(
        organisation=org,
        draft=_draft(name, respondent.pk),
        files=[("bewijs.pdf", io.BytesIO(samples.pdf()))],
    ).complaint
    if complaint.assigned_officer_id != officer.pk:
        complaint_services.complaint_assign_officer(
            complaint=complaint,
            officer=officer,
            by=complaint.assigned_officer,
            expected_officer_id=complaint.assigned_officer_id,
        )
    complaint.refresh_from_db()
    complaint_services.complaint_start_handling(complaint=complaint, by=officer)
    complaint.refresh_from_db()
    handling_services.respondent_notify(complaint=complaint, by=officer)
    complaint.refresh_from_db()
    complaint_services.complaint_extend_deadline(
        complaint=complaint,
        new_deadline=complaint.deadline + timedelta(days=14),
        reason="De trainer is op vakantie.",
        by=officer,
    )
    complaint.refresh_from_db()
    attachment = complaint.attachments.exclude(kind=AttachmentKind.LETTER).get()
    letter = handling_selectors.letters(complaint).get()
    # A letter addressed to the person complained about (as the judgment makes one), stored
    # through the letters' own function: the respondent's side of the matrix reads it.
    with cleaned_up_on_failure() as stored, transaction.atomic():
        store_letter(
            complaint,
            stored,
            pdf=samples.pdf(),
            letter="oordeel",
            suffix="-v1-betrokkene",
            by=officer,
            kind=AttachmentKind.RESPONDENT_LETTER,
        )
    question = question_services.question_submit(
        organisation=org,
        draft=QuestionDraft(
            name="Joost Mulder",
            email=question_email,
            text="Geldt de klachtenregeling ook voor een open training?",
            language="nl",
            consent_to_complaint=True,
        ),
        submission_key=None,
    ).question
    return complaint, attachment, letter, question


def build() -> World:
    world = World()
    org = OrganisationFactory(name="Interactie", slug="interactie")
    elsewhere = OrganisationFactory(name="Andere Organisatie", slug="andere")
    users = world.users
    users["officer"] = UserFactory(organisation=org, officer=True, username="amber")
    users["other_officer"] = UserFactory(organisation=org, officer=True, username="bram")
    users["respondent"] = UserFactory(organisation=org, username="sanne")
    users["employee"] = UserFactory(organisation=org, username="pieter")
    users["board"] = UserFactory(organisation=org, board=True, username="henk")
    users["admin"] = UserFactory(organisation=org, admin=True, username="fatima")
    users["foreign_officer"] = UserFactory(organisation=elsewhere, officer=True, username="olga")
    org.default_officer = users["officer"]
    org.save()
    elsewhere.default_officer = users["foreign_officer"]
    elsewhere.save()
    regulation_services.regulation_publish(organisation=org)

    own, own_file, own_letter, own_question = _complaint(
        org,
        name="Marieke Jonker",
        officer=users["officer"],
        respondent=users["respondent"],
        question_email="joost@example.org",
    )
    other, other_file, other_letter, _ = _complaint(
        org,
        name="Kees Bakker",
        officer=users["other_officer"],
        respondent=users["employee"],
        question_email="joke@example.org",
    )
    # The other organisation's question: the "other" question of the matrix.
    foreign_question = question_services.question_submit(
        organisation=elsewhere,
        draft=QuestionDraft(
            name="Joke Smit",
            email="joke@example.org",
            text="Hoe dien ik een klacht in?",
            language="nl",
            consent_to_complaint=True,
        ),
        submission_key=None,
    ).question
    world.complainant_token = tokens.issue(own, purpose="access matrix")
    world.own = Objects(
        reference=own.reference,
        attachment_id=str(own_file.pk),
        letter_id=str(own_letter.pk),
        respondent_letter_id=str(handling_selectors.respondent_letters(own).get().pk),
        question_pk=own_question.pk,
        calendar_token=reminder_services.calendar_feed_issue(user=users["officer"]),
        org=org.slug,
    )
    world.other = Objects(
        reference=other.reference,
        attachment_id=str(other_file.pk),
        letter_id=str(other_letter.pk),
        respondent_letter_id=str(handling_selectors.respondent_letters(other).get().pk),
        question_pk=foreign_question.pk,
        calendar_token="0" * 43,  # no such address
        org=elsewhere.slug,
    )
    engagement = EngagementFactory(organisation=org, client=ClientFactory(organisation=org))
    foreign_engagement = EngagementFactory(organisation=elsewhere)
    api_keys = {
        side: ApiKey.objects.create(
            organisation=organisation,
            name="website",
            prefix=f"kr_{side}",
            key_hash=side * (64 // len(side)) + side[: 64 % len(side)],
        )
        for side, organisation in (("own", org), ("other", elsewhere))
    }
    world.beheer_ids = {
        "own": {
            "organisation": org.pk,
            "user": users["employee"].pk,
            "client": engagement.client_id,
            "engagement": engagement.pk,
            "apikey": api_keys["own"].pk,
        },
        "other": {
            "organisation": elsewhere.pk,
            "user": users["foreign_officer"].pk,
            "client": foreign_engagement.client_id,
            "engagement": foreign_engagement.pk,
            "apikey": api_keys["other"].pk,
        },
    }
    world.content_type_id = ContentType.objects.get_for_model(Organisation).pk
    for extension in (
        world_registration,
        world_reports,
        world_followup,
        world_retention,
        world_destruction,
        world_mail,
        world_post,
        world_settings,
        world_oral,
    ):
        extension.build(world, org, elsewhere, users)
    for role in ROLES:
        world.client_for(role)
    return world
