"""Registering a written complaint (R-1.1) and routing it to an officer (R-5.1, R-5.4)."""

import hashlib
import json
from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import IO

from django.db import IntegrityError, connection, transaction
from django.utils.translation import gettext_lazy as _

from klachtenregeling.accounts import policies
from klachtenregeling.accounts.models import User
from klachtenregeling.accounts.selectors import officers_in_order, staff_members_of
from klachtenregeling.audit import events
from klachtenregeling.audit.constants import ActorRole
from klachtenregeling.core import clock
from klachtenregeling.core.errors import InvalidInput
from klachtenregeling.engagements.models import Engagement
from klachtenregeling.notifications import messages
from klachtenregeling.organisations.models import Subject
from klachtenregeling.regulation.selectors import (
    days_off_rule_of,
    term_days_of,
    version_in_force,
)

from ..constants import REFERENCE_PREFIX, AttachmentKind, Channel
from ..models import Complaint, ComplaintConcern, ReferenceCounter
from ..rules import deadlines, intake, routing
from ..uploads import CheckedFile, check_upload, check_uploads
from .attachments import cleaned_up_on_failure

Upload = tuple[str, IO[bytes]]


@dataclass(frozen=True)
class SubmitResult:
    complaint: Complaint
    created: bool


@dataclass(frozen=True)
class _Resolved:
    engagement: Engagement | None
    respondent: User | None
    subjects: list[Subject]
    files: list[CheckedFile]
    original: CheckedFile | None


def complaint_submit(
    *,
    organisation,
    draft: intake.ComplaintDraft,
    files: list[Upload] = (),
    channel: str = Channel.WEB,
    submission_key: str | None = None,
) -> SubmitResult:
    """A complainant files a complaint through the web form or the API (R-1.1).

    A repeated submission (same key, same content) returns the first complaint.
    One transaction (issue 19): the complaint, its reference, its dossier's first events and
    the messages it queues, in a fixed number of queries.
    """
    if channel not in (Channel.WEB, Channel.API):
        raise ValueError(f"complaint_submit is for web and API channels, not {channel!r}")
    return _idempotent(
        organisation,
        draft,
        submission_key,
        lambda: _create(
            organisation=organisation,
            draft=draft,
            resolved=_resolve(organisation, draft, files=files, original=None, errors={}),
            channel=channel,
            received_at=clock.now(),
            by=None,
            submission_key=submission_key,
        ),
    )


def complaint_register(
    *,
    by: User,
    draft: intake.ComplaintDraft,
    channel: str,
    received_on: date | None,
    original: Upload | None,
    files: list[Upload] = (),
    submission_key: str | None = None,
) -> SubmitResult:
    """An officer registers a complaint that arrived by letter or e-mail (R-1.1).

    The original is kept as an attachment and the term runs from the date it
    was received (R-5.5), not from the date it was registered.
    """
    organisation = by.organisation
    policies.require(by, policies.COMPLAINT_REGISTER, organisation)
    errors = intake.validate_received_on(received_on, clock.today())
    if channel not in (Channel.EMAIL, Channel.LETTER):
        errors.setdefault("channel", []).append(_("Choose letter or e-mail."))
    if original is None:
        errors.setdefault("original", []).append(
            _("Attach the original: a scan of the letter or the e-mail as received.")
        )
    return _idempotent(
        organisation,
        draft,
        submission_key,
        lambda: _create(
            organisation=organisation,
            draft=draft,
            resolved=_resolve(organisation, draft, files=files, original=original, errors=errors),
            channel=channel,
            received_at=clock.start_of_day(received_on),
            by=by,
            submission_key=submission_key,
        ),
    )


def complaint_register_oral(
    *,
    by: User,
    draft: intake.ComplaintDraft,
    confirmed_at: datetime,
    original: Upload,
    history,
    files: list[Upload] = (),
) -> Complaint:
    """R-1.1, second sentence: an oral complaint, put in writing by the officer `by` and
    confirmed in writing by the complainant, becomes a complaint at `confirmed_at`; the
    term runs from then (R-5.5). The written record is its original. Called by the oral
    app inside its own transaction; `history(complaint)` writes the record's history as
    the dossier's first event."""
    return _create(
        organisation=by.organisation,
        draft=draft,
        resolved=_resolve(by.organisation, draft, files=files, original=original, errors={}),
        channel=Channel.ORAL,
        received_at=confirmed_at,
        by=by,
        submission_key=None,
        history=history,
    )


def complaint_draft_check(organisation, draft: intake.ComplaintDraft, errors: dict) -> None:
    """Raise every error registration would raise for `draft` (plus `errors`), without
    storing anything: an oral complaint is checked when it is written down, so that its
    confirmation later cannot fail on its content."""
    _resolve(organisation, draft, files=[], original=None, errors=errors)


def _digest(draft: intake.ComplaintDraft) -> str:
    canonical = json.dumps(asdict(draft), sort_keys=True, default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _idempotent(organisation, draft, key: str | None, create) -> SubmitResult:
    """A double submit or an API retry finds the complaint the same key already made.

    The key must come with the same content: a key reused for other content is refused,
    so that nobody learns about a complaint that is not theirs by guessing a key.
    """

    def existing() -> Complaint | None:
        complaint = Complaint.objects.filter(organisation=organisation, submission_key=key).first()
        if complaint is not None and complaint.submission_digest != _digest(draft):
            raise InvalidInput(
                {
                    "submission_key": [
                        _(
                            "This submission was already used for another complaint. "
                            "Start again to file a different complaint."
                        )
                    ]
                }
            )
        return complaint

    # No lookup first: the key is unique per organisation, so a repeat fails its INSERT
    # (rolled back) and is answered below — one query less for every first submission.
    try:
        return SubmitResult(create(), created=True)
    except IntegrityError:
        if key and (found := existing()):  # the same key committed concurrently
            return SubmitResult(found, created=False)
        raise


def _resolve(organisation, draft, *, files, original, errors) -> _Resolved:
    """Validate everything and look up what the draft refers to; raise all errors at once."""
    errors = {**errors, **intake.validate_draft(draft)}
    engagement = None
    if draft.engagement_id is not None:
        engagement = Engagement.objects.filter(
            organisation=organisation, pk=draft.engagement_id
        ).first()
        if engagement is None:
            errors.setdefault("engagement_id", []).append(_("Choose an engagement from the list."))
    elif draft.engagement_reference.strip() and "engagement_reference" not in errors:
        engagement = Engagement.objects.filter(
            organisation=organisation, reference__iexact=draft.engagement_reference.strip()
        ).first()
        if engagement is None:
            errors.setdefault("engagement_reference", []).append(
                _(
                    "We do not know this engagement number. Check the number on your order "
                    "confirmation, or leave it empty and describe the engagement."
                )
            )
    respondent = None
    if draft.respondent_id is not None:
        respondent = staff_members_of(organisation).filter(pk=draft.respondent_id).first()
        if respondent is None:
            errors.setdefault("respondent_id", []).append(_("Choose a person from the list."))
    subjects = list(
        Subject.objects.filter(organisation=organisation, is_active=True, pk__in=draft.subject_ids)
    )
    if len(subjects) != len(set(draft.subject_ids)):
        errors.setdefault("subject_ids", []).append(_("Choose subjects from the list."))
    checked_files: list[CheckedFile] = []
    checked_original = None
    try:
        checked_files = check_uploads(list(files))
    except InvalidInput as error:
        errors.setdefault("attachments", []).extend(error.errors["attachments"])
    if original is not None:
        try:
            checked_original = check_upload(*original, field="original")
        except InvalidInput as error:
            errors.setdefault("original", []).extend(error.errors["original"])
    if errors:
        raise InvalidInput(errors)
    return _Resolved(engagement, respondent, subjects, checked_files, checked_original)


def _next_reference(organisation, year: int) -> tuple[str, int]:
    """The next number of the year, under a row lock: gaps are possible, duplicates never.

    One statement takes the number: it raises the counter past both its own value and the
    highest number already stored for the year (an index lookup), so a counter that lags
    behind existing references (an import, a restore, bulk-loaded data) catches up instead
    of handing out a number that is taken.
    """
    number = _raise_counter(organisation.pk, year)
    if number is None:  # the first complaint of the year: make the counter, then take one
        ReferenceCounter.objects.get_or_create(organisation=organisation, year=year)
        number = _raise_counter(organisation.pk, year)
    return f"{REFERENCE_PREFIX}-{year}-{number:04d}", number


def _raise_counter(organisation_id: int, year: int) -> int | None:
    quote = connection.ops.quote_name
    counter, complaint = ReferenceCounter._meta.db_table, Complaint._meta.db_table
    greatest = "GREATEST" if connection.vendor == "postgresql" else "MAX"
    # Table names from the models; the values are parameters. UPDATE ... RETURNING takes
    # the row lock (PostgreSQL) and reads the new value in one round trip.
    sql = (
        f"UPDATE {quote(counter)} SET last_number = {greatest}(last_number, COALESCE(("  # noqa: S608  # nosec B608
        f"SELECT MAX(number) FROM {quote(complaint)} "
        "WHERE organisation_id = %s AND year = %s), 0)) + 1 "
        "WHERE organisation_id = %s AND year = %s RETURNING last_number"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [organisation_id, year, organisation_id, year])
        row = cursor.fetchone()
    return row[0] if row else None


def _create(
    *,
    organisation,
    draft: intake.ComplaintDraft,
    resolved: _Resolved,
    channel: str,
    received_at: datetime,
    by: User | None,
    submission_key: str | None,
    history=None,
) -> Complaint:
    # the regulation in force at receipt applies, with the term it published.
    regulation = version_in_force(organisation, received_at)
    deadline = deadlines.judgment_deadline(
        received_at,
        term_days_of(organisation, regulation),
        days_off_rule_of(organisation, regulation),
    )
    role = ActorRole.OFFICER if by else ActorRole.COMPLAINANT
    # decided before the row is written, so the officer is in its INSERT.
    officers = officers_in_order(organisation)
    decision = routing.choose_officer(
        officer_ids=[officer.pk for officer in officers],
        default_officer_id=organisation.default_officer_id,
        respondent_id=resolved.respondent.pk if resolved.respondent else None,
        preferred_id=by.pk if by else None,
    )
    officer = next((o for o in officers if o.pk == decision.officer_id), None)
    with cleaned_up_on_failure() as stored, transaction.atomic():
        reference, number = _next_reference(organisation, clock.local_date(received_at).year)
        complaint = Complaint.objects.create(
            organisation=organisation,
            reference=reference,
            year=clock.local_date(received_at).year,
            number=number,
            channel=channel,
            received_at=received_at,
            language=draft.language,
            complainant_name=draft.complainant_name.strip(),
            complainant_email=draft.complainant_email.strip(),
            complainant_phone=draft.complainant_phone.strip(),
            address_street=draft.address_street.strip(),
            address_number=draft.address_number.strip(),
            address_postcode=intake.normalised_postcode(draft.address_postcode),
            address_city=draft.address_city.strip(),
            address_foreign="\n".join(
                line.strip() for line in draft.address_foreign.splitlines() if line.strip()
            ),
            is_representative=draft.is_representative,
            on_behalf_of=draft.on_behalf_of.strip(),
            engagement=resolved.engagement,
            engagement_description=draft.engagement_description.strip(),
            description=draft.description.strip(),
            desired_outcome=draft.desired_outcome.strip(),
            respondent=resolved.respondent,
            original_deadline=deadline,
            deadline=deadline,
            submission_key=submission_key or None,
            submission_digest=_digest(draft) if submission_key else "",
            regulation_version=regulation,
            assigned_officer=officer,
        )
        concerns = intake.unique_concerns(draft.concerns)
        ComplaintConcern.objects.bulk_create(
            ComplaintConcern(complaint=complaint, concern=c) for c in concerns
        )
        if resolved.subjects:  # a new complaint has none yet: nothing to compare
            complaint.subjects.add(*resolved.subjects)
        with events.new_dossier(complaint):
            if history is not None:
                history(complaint)
            if by:
                events.complaint_registered(
                    complaint, by=by, concerns=concerns, subjects=resolved.subjects
                )
            else:
                events.complaint_submitted(complaint, concerns=concerns, subjects=resolved.subjects)
            if resolved.original:
                stored.add(
                    complaint, resolved.original, kind=AttachmentKind.ORIGINAL, by=by, role=role
                )
            for checked in resolved.files:
                stored.add(complaint, checked, kind=AttachmentKind.SUPPORTING, by=by, role=role)
            _route(complaint, officer, reason=decision.reason, registering_officer=by)
            messages.acknowledgement(complaint)
    return complaint


def _route(
    complaint: Complaint, officer: User | None, *, reason: str, registering_officer: User | None
) -> None:
    """R-5.1: the officer assigned at the INSERT is recorded; R-5.4: when none could be
    (only the officer complained about, or none at all), the admin is alerted."""
    if officer is None:
        events.complaint_routing_failed(complaint, reason=reason)
        messages.officer_needed(complaint)
        return
    events.complaint_routed(complaint, officer=officer, reason=reason)
    if officer != registering_officer:
        messages.new_complaint_for_officer(complaint, officer)
