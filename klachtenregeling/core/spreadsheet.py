"""Cells of a CSV file that people open in a spreadsheet program."""

from decimal import Decimal

# A spreadsheet runs a cell that starts with one of these as a formula ("CSV injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value) -> str:
    """The text of a cell, neutralised: text that a spreadsheet would run as a formula gets a
    leading apostrophe, which the program shows as text. Numbers (int, float, Decimal) are
    written as they are: their text is digits with at most a minus sign, never a formula,
    and a change of -3 must stay a number. None is an empty cell."""
    if value is None:
        return ""
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return str(value)
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_START) else text
