"""The security log as CSV (issue 15): who was refused which complaint URL, when."""

import csv
import io

from django.utils.translation import gettext as _

from klachtenregeling.core.clock import AMSTERDAM
from klachtenregeling.core.spreadsheet import spreadsheet_cell


def refusals_csv(entries) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([_("when"), _("who"), _("user name"), _("address"), _("alert sent")])
    for entry in entries:
        writer.writerow(
            [
                entry.at.astimezone(AMSTERDAM).isoformat(timespec="seconds"),
                spreadsheet_cell(entry.user.display_name),
                spreadsheet_cell(entry.user.username),
                spreadsheet_cell(entry.path),
                _("yes") if entry.alerted else "",
            ]
        )
    # With a byte-order mark, spreadsheet programs read the UTF-8 (names with accents).
    return out.getvalue().encode("utf-8-sig")
