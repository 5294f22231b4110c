class ShortCodeConverter:
    """The code of a letter's short link (tokens.SHORT_ALPHABET, SHORT_LENGTH): twelve
    letters and digits, read case-insensitively (a person types it from paper)."""

    regex = "[2-9a-zA-Z]{12}"

    def to_python(self, value: str) -> str:
        return value.lower()

    def to_url(self, value: str) -> str:
        return value
