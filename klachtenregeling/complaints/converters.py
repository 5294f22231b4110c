"""URL converter for complaint references: anything else never reaches a view or a query."""

from .constants import REFERENCE_PREFIX


class ReferenceConverter:
    regex = REFERENCE_PREFIX + r"-[0-9]{4}-[0-9]{1,9}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return str(value)
