"""The chain seals content, not pointers (R-7.4): the SHA-256 of a recorded row as stored.

An event that records a row (a statement given, a judgment issued, …) carries
`content_id` and `content_sha256` in its data: the row's id and the digest of the row's
recorded columns as the database gives them back. Rows that existed before this (migration
audit/0009) are sealed by one `content.sealed` event per complaint, whose data lists
`rows`: [{"kind", "id", "sha256"}]. `verify_dossier` recomputes every digest from the rows
(and an attachment's stored file: its plaintext must still have the sealed `sha256`) and
names the first row that differs.

row digest = SHA-256 of the canonical JSON (sorted keys, no spaces, UTF-8) of
    {"kind": kind, "id": str(id), "fields": {column: value}}
with datetimes in UTC ISO 8601 with microseconds, dates ISO 8601, UUIDs and decimals as
text. The columns are the ones the database refuses to change (record_guards.py), or for a
later answer or ruling exactly those columns.
"""

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from django.db import models

from .constants import EventType


@dataclass(frozen=True)
class Kind:
    model: str  # app_label.ModelName
    fields: tuple[str, ...]  # attnames


KINDS = {
    "complaint": Kind(
        "complaints.Complaint",
        (
            "organisation_id",
            "reference",
            "year",
            "number",
            "channel",
            "received_at",
            "language",
            "complainant_name",
            "complainant_email",
            "complainant_phone",
            "is_representative",
            "on_behalf_of",
            "engagement_id",
            "engagement_description",
            "description",
            "desired_outcome",
            "original_deadline",
            "submission_key",
            "submission_digest",
            "created_at",
            "regulation_version_id",
        ),
    ),
    "statement": Kind(
        "handling.Statement",
        ("complaint_id", "party", "text", "via", "given_at", "recorded_by_id", "corrects_id"),
    ),
    "waiver": Kind(
        "handling.HearingWaiver",
        ("complaint_id", "party", "reason", "recorded_by_id", "recorded_at"),
    ),
    "proposal": Kind(
        "handling.Proposal",
        ("complaint_id", "text", "proposed_by_id", "proposed_role", "proposed_at"),
    ),
    "proposal_answer": Kind("handling.Proposal", ("answer", "answer_comment", "answered_at")),
    "judgment": Kind(
        "handling.Judgment",
        (
            "complaint_id",
            "version",
            "verdict",
            "reasoning",
            "recommendations",
            "text_sha256",
            "issued_by_id",
            "issued_at",
            "letter_id",
        ),
    ),
    "judgment_answer": Kind(
        "handling.JudgmentAnswer", ("judgment_id", "answer", "comment", "via", "answered_at")
    ),
    "signature": Kind(
        "handling.Signature",
        ("judgment_id", "signer", "user_id", "name", "signed_at", "via", "text_sha256"),
    ),
    "extension": Kind(
        "complaints.Extension",
        (
            "complaint_id",
            "number",
            "previous_deadline",
            "new_deadline",
            "reason",
            "reason_category",
            "extended_by_id",
            "extended_at",
            "letter_id",
        ),
    ),
    "referral": Kind(
        "handling.Referral",
        ("complaint_id", "body_name", "referred_on", "body_reference", "recorded_by_id"),
    ),
    "ruling": Kind(
        "handling.Referral", ("ruling_on", "ruling_outcome", "ruling_text", "ruling_document_id")
    ),
    "attachment": Kind(
        "complaints.Attachment",
        (
            "complaint_id",
            "kind",
            "filename",
            "content_type",
            "size",
            "sha256",
            "uploaded_by_id",
            "uploaded_at",
        ),
    ),
}

# The row each event type records (its id is the event's `content_id`).
EVENT_KINDS = {
    EventType.SUBMITTED: "complaint",
    EventType.REGISTERED: "complaint",
    EventType.STATEMENT_GIVEN: "statement",
    EventType.HEARING_WAIVED: "waiver",
    EventType.PROPOSAL_MADE: "proposal",
    EventType.PROPOSAL_ANSWERED: "proposal_answer",
    EventType.JUDGMENT_ISSUED: "judgment",
    EventType.JUDGMENT_ANSWERED: "judgment_answer",
    EventType.SIGNED: "signature",
    EventType.DEADLINE_EXTENDED: "extension",
    EventType.REFERRED: "referral",
    EventType.RULING_RECORDED: "ruling",
    EventType.ATTACHMENT_ADDED: "attachment",
    EventType.LETTER_ISSUED: "attachment",
}


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, UUID | Decimal):
        return str(value)
    return value


def row_digest(kind: str, pk: Any, values: dict[str, Any]) -> str:
    content = {
        "kind": kind,
        "id": str(pk),
        "fields": {name: _plain(values[name]) for name in KINDS[kind].fields},
    }
    serialised = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(serialised.encode("utf-8")).hexdigest()


def model_of(kind: str, apps=None):
    if apps is None:
        from django.apps import apps
    return apps.get_model(KINDS[kind].model)


def stored_rows(kind: str, pks, apps=None) -> dict[str, dict[str, Any]]:
    """The recorded columns of rows as the database gives them back, by str(id)."""
    model = model_of(kind, apps)
    fields = KINDS[kind].fields
    rows = model._base_manager.filter(pk__in=list(pks)).values("pk", *fields)
    return {str(row["pk"]): row for row in rows}


def seal(kind: str, pk: Any) -> str:
    """The digest of one stored row."""
    row = stored_rows(kind, [pk])[str(pk)]
    return row_digest(kind, pk, row)


def event_seals(event) -> list[tuple[str, str, str]]:
    """(kind, id, sha256) for every row an event seals."""
    data = event.data or {}
    if event.type == EventType.CONTENT_SEALED:
        return [(row["kind"], str(row["id"]), row["sha256"]) for row in data.get("rows", [])]
    kind = EVENT_KINDS.get(event.type)
    if kind is None or "content_sha256" not in data:
        return []
    return [(kind, str(data["content_id"]), data["content_sha256"])]


# How the rows of a kind find their complaint, and which rows hold it (once recorded).
_COMPLAINT_PATH = {
    "complaint": "pk",
    "judgment_answer": "judgment__complaint_id",
    "signature": "judgment__complaint_id",
}
_ONLY_WHEN = {
    "proposal_answer": {"answered_at__isnull": False},
    "ruling": {"ruling_on__isnull": False},
}


def unsealed_rows(complaint_ids, sealed: set[tuple[str, str]], apps=None):
    """{complaint id: [{"kind", "id", "sha256"}]} for the recorded rows of these complaints
    that no event seals yet (`sealed`: (kind, id) already sealed)."""
    found: dict[int, list[dict]] = {pk: [] for pk in complaint_ids}
    for kind, spec in KINDS.items():
        path = _COMPLAINT_PATH.get(kind, "complaint_id")
        rows = (
            model_of(kind, apps)
            ._base_manager.filter(
                **{f"{path}__in": list(complaint_ids)}, **_ONLY_WHEN.get(kind, {})
            )
            .values("pk", *spec.fields, owner=models.F(path))
            .order_by("pk")
        )
        for row in rows:
            if (kind, str(row["pk"])) not in sealed:
                digest = row_digest(kind, row["pk"], row)
                found[row["owner"]].append({"kind": kind, "id": str(row["pk"]), "sha256": digest})
    return found


def seal_existing(apps, batch: int = 500) -> int:
    """Migration audit/0009: append a `content.sealed` event to each complaint with recorded
    rows that no event seals yet; returns how many were sealed. Events are never rewritten."""
    from klachtenregeling.core import clock

    from . import chain

    Complaint = apps.get_model("complaints", "Complaint")
    CaseEvent = apps.get_model("audit", "CaseEvent")
    ids = list(Complaint._base_manager.order_by("pk").values_list("pk", "organisation_id"))
    written = 0
    for start in range(0, len(ids), batch):
        part = dict(ids[start : start + batch])
        events = CaseEvent._base_manager.filter(complaint_id__in=list(part)).order_by(
            "complaint_id", "seq"
        )
        last: dict[int, tuple[int, str]] = {}
        sealed: set[tuple[str, str]] = set()
        for event in events.only("complaint_id", "seq", "sha256", "type", "data"):
            last[event.complaint_id] = (event.seq, event.sha256)
            sealed.update((kind, pk) for kind, pk, _ in event_seals(event))
        new = []
        now = clock.now()
        for complaint_id, rows in unsealed_rows(list(part), sealed, apps).items():
            if not rows:
                continue
            seq, prev = last.get(complaint_id, (0, chain.GENESIS))
            fields = {
                "seq": seq + 1,
                "type": EventType.CONTENT_SEALED.value,
                "at": now,
                "actor_role": "system",
                "visible_to_complainant": False,
                "data": {"rows": rows},
                "chain_version": chain.VERSION,
            }
            sha256 = chain.digest(
                prev_sha256=prev,
                complaint_id=complaint_id,
                organisation_id=part[complaint_id],
                actor_id=None,
                **fields,
            )
            new.append(
                CaseEvent(
                    organisation_id=part[complaint_id],
                    complaint_id=complaint_id,
                    actor_id=None,
                    prev_sha256=prev,
                    sha256=sha256,
                    **fields,
                )
            )
        CaseEvent._base_manager.bulk_create(new)
        written += len(new)
    return written


@dataclass(frozen=True)
class Difference:
    """The first recorded row of a dossier that is no longer what its event sealed."""

    seq: int  # the event that sealed it
    kind: str
    id: str
    problem: str  # "missing", "changed", "file"


def _file_sha256(attachment_id: str) -> str | None:
    """SHA-256 of an attachment's stored file as plaintext; None when it cannot be read."""
    from klachtenregeling.retention.files import open_plaintext

    attachment = model_of("attachment")._base_manager.get(pk=attachment_id)
    if not attachment.file:
        return None
    digest = hashlib.sha256()
    try:
        with open_plaintext(attachment) as reader:
            while chunk := reader.read(1 << 16):
                digest.update(chunk)
    except Exception:  # unreadable is as bad as changed here
        return None
    return digest.hexdigest()


def differences(dossiers: dict[int, list]) -> dict[int, Difference]:
    """For complaints with their events in seq order: the first sealed row of each that is
    missing or differs from its seal, or an attachment whose file no longer has its digest."""
    wanted: dict[str, set[str]] = {}
    for events in dossiers.values():
        for event in events:
            for kind, pk, _ in event_seals(event):
                wanted.setdefault(kind, set()).add(pk)
    rows = {kind: stored_rows(kind, pks) for kind, pks in wanted.items()}
    found = {}
    for complaint_id, events in dossiers.items():
        for event in events:
            difference = _first_in_event(event, rows)
            if difference is not None:
                found[complaint_id] = difference
                break
    return found


def _first_in_event(event, rows) -> Difference | None:
    for kind, pk, sha256 in event_seals(event):
        row = rows[kind].get(pk)
        if row is None:
            return Difference(event.seq, kind, pk, "missing")
        if row_digest(kind, pk, row) != sha256:
            return Difference(event.seq, kind, pk, "changed")
        if kind == "attachment" and _file_sha256(pk) != row["sha256"]:
            return Difference(event.seq, kind, pk, "file")
    return None
