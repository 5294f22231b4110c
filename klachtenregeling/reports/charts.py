"""The report's charts as SVG, drawn on the server with pygal (R-8.3).

pygal's JavaScript (tooltips, fetched from pygal.org) is switched off: a chart is a plain
image that needs no script and no external resource. Each chart has a data table beside
it on the page: the table is what screen readers read (the image is aria-hidden).
"""

# Only our own chart, just drawn by pygal, is parsed (never input from outside).
from xml.etree import ElementTree  # nosec B405

import pygal
from django.utils.translation import gettext as _
from pygal.style import Style

# URL name -> the section of the figures it draws, and how.
CHARTS = {
    "onderwerpen": ("subjects", "horizontal"),
    "uitkomsten": ("outcomes", "horizontal"),
    "termijn": ("term", "horizontal"),
    "tevredenheid": ("satisfaction", "horizontal"),
}
# Where a section has a chart, the name of that chart.
CHART_OF_SECTION = {section: name for name, (section, _kind) in CHARTS.items()}

_STYLE = Style(
    background="#ffffff",
    plot_background="#ffffff",
    foreground="#1a1a1a",
    foreground_strong="#1a1a1a",
    foreground_subtle="#555555",
    colors=("#1f5c99", "#a3b8cc"),
    font_family="DejaVu Sans, Arial, sans-serif",
    label_font_size=15,
    major_label_font_size=15,
    legend_font_size=15,
    value_font_size=14,
)


def chart_svg(figures: dict, name: str) -> str:
    """The chart `name` of CHARTS for these figures (live or frozen), as SVG text."""
    section_key, _kind = CHARTS[name]
    section = next(s for s in figures["sections"] if s["key"] == section_key)
    rows = section["rows"][:15]
    chart = pygal.HorizontalBar(
        js=[],
        disable_xml_declaration=True,
        style=_STYLE,
        width=720,
        height=max(220, 70 + 42 * len(rows)),
        legend_at_bottom=True,
        legend_at_bottom_columns=2,
        print_values=False,
        show_y_guides=False,
        truncate_label=40,
        margin=8,
        spacing=8,
    )
    # pygal draws the first label at the bottom; reversed, the chart reads like the table.
    rows = list(reversed(rows))
    chart.x_labels = [row["label"] for row in rows]
    chart.add(_("this period"), [row["current"] or 0 for row in rows])
    chart.add(_("previous period"), [row["previous"] or 0 for row in rows])
    return _without_scripts(chart.render_tree())


def _without_scripts(tree) -> str:
    """pygal always writes an inline <script> with its configuration (even with js=[]);
    nothing runs in our charts, so every script element is removed from the tree, and so
    are the ids of its legend's script hooks (several charts in one PDF would repeat them)."""
    for element in tree.iter():
        if element.get("id", "").startswith("activate-serie"):
            del element.attrib["id"]
    for parent in list(tree.iter()):
        for child in list(parent):
            if child.tag == "script" or str(child.tag).endswith("}script"):
                parent.remove(child)
    return ElementTree.tostring(tree, encoding="unicode")
