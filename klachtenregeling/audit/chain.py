"""The hash chain of a dossier (R-7.4): every case event seals the one before it.

sha256 = SHA-256 of the canonical serialisation (JSON, sorted keys, no spaces, UTF-8) of
    prev_sha256, complaint id, seq, type, at (UTC, ISO 8601 with microseconds),
    actor id, actor role, visible to the complainant, data
with prev_sha256 of the first event = GENESIS. Version 2 (`chain_version` = 2, every event
written since migration audit/0009) adds "v": 2 and the organisation id to that content,
and an event that records a row carries that row's content digest in its data (content.py);
version 1 events (before 0009) are verified with the formula above, unchanged. Someone who changes, inserts or removes an
event in the database (bypassing the triggers) breaks the chain from that event on;
`manage.py verify_dossier` recomputes it. The format is fixed: migration 0004 filled the
chain for the events that existed before it with exactly these functions.
"""

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

GENESIS = "0" * 64
# The version every new event is written with.
VERSION = 2


def canonical_data(data: Any) -> Any:
    """The data as the database gives it back (jsonb reorders keys and drops tuples)."""
    return json.loads(json.dumps(data))


def digest(
    *,
    prev_sha256: str,
    complaint_id: int,
    seq: int,
    type: str,
    at: datetime,
    actor_id: int | None,
    actor_role: str,
    visible_to_complainant: bool,
    data: Any,
    chain_version: int = 1,
    organisation_id: int | None = None,
) -> str:
    content = {
        "prev_sha256": prev_sha256,
        "complaint_id": complaint_id,
        "seq": seq,
        "type": str(type),
        "at": at.astimezone(UTC).isoformat(timespec="microseconds"),
        "actor_id": actor_id,
        "actor_role": str(actor_role),
        "visible_to_complainant": bool(visible_to_complainant),
        "data": canonical_data(data),
    }
    if chain_version == 2:
        content |= {"v": 2, "organisation_id": organisation_id}
    elif chain_version != 1:
        raise ValueError(f"unknown chain version {chain_version}")
    serialised = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(serialised.encode("utf-8")).hexdigest()


def event_digest(event, prev_sha256: str) -> str:
    """The hash an event (as read from the database) must carry after `prev_sha256`."""
    return digest(
        prev_sha256=prev_sha256,
        complaint_id=event.complaint_id,
        seq=event.seq,
        type=event.type,
        at=event.at,
        actor_id=event.actor_id,
        actor_role=event.actor_role,
        visible_to_complainant=event.visible_to_complainant,
        data=event.data,
        # Migration 0004 passes events of before the column existed: version 1.
        chain_version=getattr(event, "chain_version", 1),
        organisation_id=getattr(event, "organisation_id", None),
    )


@dataclass(frozen=True)
class Break:
    """The first broken link in one complaint's chain."""

    complaint_id: int
    seq: int
    problem: str  # "missing", "unlinked", "altered"


def first_break(events: Iterable) -> Break | None:
    """Walk one complaint's events in seq order; the first event that does not fit."""
    expected_prev, expected_seq = GENESIS, 1
    for event in events:
        if event.seq != expected_seq:
            return Break(event.complaint_id, expected_seq, "missing")
        if event.prev_sha256 != expected_prev:
            return Break(event.complaint_id, event.seq, "unlinked")
        if event.sha256 != event_digest(event, expected_prev):
            return Break(event.complaint_id, event.seq, "altered")
        expected_prev, expected_seq = event.sha256, expected_seq + 1
    return None
