"""Characters that no stored text may hold, checked the same way everywhere (forms, the API,
files, mail): the one definition the domain rules share."""

import re

# C0 control characters except tab and line breaks, and DEL.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# A lone surrogate (from JSON such as "a\ud800b") cannot be stored or mailed as UTF-8.
SURROGATE = re.compile(r"[\ud800-\udfff]")
# Bidirectional overrides and isolates: they make "gpj.exe" look like "exe.jpg".
BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
LINE_BREAK = re.compile(r"[\r\n\u0085\u2028\u2029]")


def not_storable(value: str) -> bool:
    """A text with a control character or a lone surrogate."""
    return bool(CONTROL.search(value) or SURROGATE.search(value))


def not_a_plain_line(value: str) -> bool:
    """A name or a file name: besides what no text may hold, no line break and no
    bidirectional override."""
    return not_storable(value) or bool(LINE_BREAK.search(value) or BIDI.search(value))
