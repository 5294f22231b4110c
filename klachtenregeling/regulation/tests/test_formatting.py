"""An article's text becomes paragraphs and lists; everything is escaped."""

from klachtenregeling.regulation.formatting import blocks, to_html


def test_paragraphs_numbered_and_bulleted_items():
    body = "In deze regeling:\n- klacht: een uiting;\n- klager: de opdrachtgever.\n\n1. Eerste lid\nloopt door.\n2. Tweede lid."
    parsed = blocks(body)
    assert [(b.kind, b.items) for b in parsed] == [
        ("p", ["In deze regeling:"]),
        ("ul", ["klacht: een uiting;", "klager: de opdrachtgever."]),
        ("ol", ["Eerste lid loopt door.", "Tweede lid."]),
    ]
    assert parsed[2].numbers == [1, 2]


def test_html_is_escaped_and_addresses_become_links():
    html = to_html(
        '1. Zie <script>alert(1)</script> https://www.degeschillencommissie.nl of mail a@b.nl "x"'
    )
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert '<a href="https://www.degeschillencommissie.nl">' in html
    assert '<a href="mailto:a@b.nl">a@b.nl</a>' in html
    assert html.startswith('<ol><li value="1">')


def test_closing_punctuation_stays_outside_the_link():
    html = to_html("Den Haag (https://www.degeschillencommissie.nl). Mail amber@x.nl.")
    assert html == (
        '<p>Den Haag (<a href="https://www.degeschillencommissie.nl">'
        "https://www.degeschillencommissie.nl</a>). Mail "
        '<a href="mailto:amber@x.nl">amber@x.nl</a>.</p>'
    )
