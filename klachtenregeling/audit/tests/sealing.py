"""What an event that records a row carries about it (R-7.4, audit/content.py)."""

from klachtenregeling.audit import content


def sealed(kind: str, pk) -> dict:
    """The `content_id` and `content_sha256` of the row as stored now."""
    return {"content_id": pk, "content_sha256": content.seal(kind, pk)}
