"""R-5.6, R-5.7: the judgment's text, and the hash a signature binds to."""

import hashlib
from collections.abc import Sequence

from ..constants import Verdict


def canonical_text(*, verdict: str, reasoning: str, recommendations: Sequence[str]) -> str:
    """The exact text that is judged, printed and signed: one form, so one hash."""
    lines = [f"verdict: {Verdict(verdict).value}", "", reasoning.strip()]
    for number, item in enumerate(recommendations, start=1):
        lines += ["", f"recommendation {number}: {item.strip()}"]
    return "\n".join(lines).replace("\r\n", "\n")


def text_sha256(*, verdict: str, reasoning: str, recommendations: Sequence[str]) -> str:
    text = canonical_text(verdict=verdict, reasoning=reasoning, recommendations=recommendations)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def clean_recommendations(lines: Sequence[str]) -> list[str]:
    """One recommendation per non-empty line, whitespace trimmed, order kept."""
    return [line.strip() for line in lines if line.strip()]
