"""Colours that stay readable (WCAG 2.1 AA): white text on them needs a contrast of 4.5:1.

The primary colour is the background of buttons and the colour of links; the accent
colour the background of the page's banner. Both carry white text, or are text on white
— the same contrast either way.
"""

import re

from django.utils.translation import gettext_lazy as _

MIN_CONTRAST = 4.5  # WCAG 2.1 success criterion 1.4.3, normal text
_HEX = re.compile(r"^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
WHITE = (255, 255, 255)
# The page background (static/css/app.css --bg): links of the primary colour sit on it,
# and it is a shade darker than white, so the check measures against it too.
PAGE_BACKGROUND = (246, 248, 251)


def parse_colour(value: str) -> str | None:
    """ "#0B5CAB", "0b5cab", "#08c" -> "#0b5cab" / "#0088cc"; None when it is not a colour."""
    match = _HEX.match((value or "").strip())
    if not match:
        return None
    digits = match.group(1).lower()
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    return f"#{digits}"


def rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def relative_luminance(colour: tuple[int, int, int]) -> float:
    """WCAG 2.1 relative luminance of an sRGB colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: tuple[int, int, int], second: tuple[int, int, int]) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def darker(colour: str, amount: float = 0.2) -> str:
    """The same colour mixed with black (hover shade): its contrast with white only grows."""
    return "#" + "".join(f"{round(v * (1 - amount)):02x}" for v in rgb(colour))


def colour_problem(value: str) -> str | None:
    """Why `value` cannot be a colour for white text; None when it can (or is empty)."""
    if not (value or "").strip():
        return None
    colour = parse_colour(value)
    if colour is None:
        return _("Enter a colour as a hex code, like #0b5cab.")
    ratio = lowest_contrast(colour)
    if ratio < MIN_CONTRAST:
        return _(
            "%(colour)s has too little contrast with white: %(ratio)s:1, while at least 4.5:1 "
            "is needed to stay readable (WCAG AA). Choose a darker colour."
        ) % {"colour": colour, "ratio": f"{int(ratio * 100) / 100:.2f}".replace(".", ",")}
    return None


def lowest_contrast(colour: str) -> float:
    """Contrast with white text on it and with the page around it, whichever is lower."""
    return min(contrast_ratio(rgb(colour), WHITE), contrast_ratio(rgb(colour), PAGE_BACKGROUND))
