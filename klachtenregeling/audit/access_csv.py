"""The access log of one complaint as CSV (R-6.2): who read what, when, from where — no content."""

import csv
import io

from django.utils.translation import gettext as _

from klachtenregeling.core.clock import AMSTERDAM
from klachtenregeling.core.spreadsheet import spreadsheet_cell

from .constants import AccessKind, ActorRole
from .presentation import reader


def _cell(value) -> str:
    return spreadsheet_cell(str(value))


def _who(entry) -> str:
    """The administrator sees no complaint content (R-6.1); who the complaint is about is
    content, so the person complained about appears by role only."""
    if entry.actor_role == ActorRole.RESPONDENT:
        return _("the person complained about")
    return reader(entry)


def access_log_csv(complaint, entries) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [_("reference"), _("who"), _("role"), _("what"), _("object"), _("when"), _("IP address")]
    )
    for entry in entries:
        writer.writerow(
            [
                _cell(complaint.reference),
                _cell(_who(entry)),
                _cell(ActorRole(entry.actor_role).label),
                _cell(AccessKind(entry.kind).label),
                _cell(entry.object_id),
                entry.at.astimezone(AMSTERDAM).isoformat(timespec="seconds"),
                entry.ip_address or "",
            ]
        )
    # With a byte-order mark, spreadsheet programs read the UTF-8 (names with accents).
    return out.getvalue().encode("utf-8-sig")
