"""How a per-period compliance table (selectors.compliance_table) is shown: on the report
page, in its PDF and CSV, in the yearly review and in the period's statement — live or
frozen in a finalised report."""

from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from .constants import Verdict

# The columns, in the order they are read: the good news first, then what went wrong.
COLUMNS = (
    Verdict.MET,
    Verdict.BREACHED,
    Verdict.AT_RISK,
    Verdict.NOT_YET_DUE,
    Verdict.NOT_APPLICABLE,
)
TITLE = _("Compliance with the regulation")
NOTE = _(
    "Each rule of the complaints regulation that concerns a single complaint, checked "
    "against the dossiers of the complaints received in the period, as they stood on the "
    "day shown. Complaints destroyed after their review have no dossier any more: they are "
    "not checked and nothing is claimed about them."
)


def table_for_display(table: dict | None) -> dict | None:
    """Rows of counts in the order of COLUMNS, with the column headings; None stays None
    (a report finalised before the table existed has none)."""
    if not table:
        return None
    return {
        "title": TITLE,
        "note": NOTE,
        "columns": [Verdict(value).label for value in COLUMNS],
        "rows": [
            {"title": row["title"], "cells": [row[value] for value in COLUMNS]}
            for row in table["rows"]
        ],
        "as_of": date_format(date.fromisoformat(table["as_of"]), "j F Y"),
        "checked": table["checked"],
        "destroyed": table["destroyed"],
        "chain_verified": table["chain_verified"],
    }
