"""A report's figures as CSV (R-8.3): one row per figure, UTF-8 with a byte-order mark
(spreadsheet programs then read the accents), every text cell neutralised against
formulas (subject and cause names are typed by people)."""

import csv
import io

from django.utils.translation import gettext as _

from klachtenregeling.compliance.presentation import table_for_display
from klachtenregeling.core.spreadsheet import spreadsheet_cell

from .presentation import period_words, sections_for_display


def report_csv(figures: dict, compliance: dict | None = None) -> bytes:
    """The figures, then (when there is one) the period's compliance table: a heading row
    of its own and one row per rule."""
    out = io.StringIO()
    writer = csv.writer(out)

    def write(cells) -> None:
        writer.writerow([spreadsheet_cell(cell) for cell in cells])

    write([_("period"), period_words(figures["period"])])
    write([_("previous period"), period_words(figures["previous_period"])])
    write(
        [
            _("section"),
            _("figure"),
            _("this period"),
            _("previous period"),
            _("difference"),
            _("share this period (%)"),
            _("share previous period (%)"),
        ]
    )
    for section in sections_for_display(figures):
        for row in section["rows"]:
            write(
                [
                    section["title"],
                    row["label"],
                    row["current"],
                    row["previous"],
                    row["change"],
                    row.get("current_share"),
                    row.get("previous_share"),
                ]
            )
    if table := table_for_display(compliance):
        write([])
        write([table["title"], _("Rule"), *table["columns"]])
        for row in table["rows"]:
            write([table["title"], row["title"], *row["cells"]])
        write([table["title"], _("complaints checked"), table["checked"]])
        write([table["title"], _("destroyed, not checked"), table["destroyed"]])
        write([table["title"], _("dossiers whose hash chain verifies"), table["chain_verified"]])
        write([table["title"], _("as on"), table["as_of"]])
    return out.getvalue().encode("utf-8-sig")
