"""Characters that no stored text may hold, checked the same way everywhere (forms, the API,
files, mail): the one definition the domain rules share."""

import re

from django.utils.translation import gettext_lazy as _

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


# A web or e-mail address in a name: the name is repeated in the mail the organisation sends
# to the address typed in the same form, so a link typed as a name would be relayed under
# the organisation's name to whoever that address belongs to.
LINK = re.compile(r"https?://|www\.|@|\b[a-z0-9-]+\.[a-z]{2,}\b(?!\.)")


def has_link(value: str) -> bool:
    return bool(LINK.search(value))


def text_errors(value: str, *, required: bool, max_length: int, name_like: bool = False) -> list:
    """The one check of a typed text (forms, the API, mail): the messages, [] when fine.
    `name_like`: a name (one line, no special characters, no web or e-mail address)."""
    if required and not value.strip():
        return [_("This field is required.")]
    if len(value) > max_length:
        return [
            _("Use at most %(max)d characters (now %(n)d).") % {"max": max_length, "n": len(value)}
        ]
    if not_storable(value):
        return [_("This text contains characters that are not allowed.")]
    if name_like and not_a_plain_line(value):
        return [_("Write this on one line, without special characters.")]
    if name_like and has_link(value):
        return [_("A name cannot contain a web or e-mail address.")]
    return []
