"""format=flowed (RFC 3676): short lines that a reader's client joins back into paragraphs."""

from hypothesis import given
from hypothesis import strategies as st

from klachtenregeling.notifications.flowed import WIDTH, flow, unflow

URL = "https://klachten.example.nl/interactie/mijn-klacht/open/?t=" + "Ab1-_" * 30

# Words that exercise the rules: stuffing (">", "From ", a leading space), the signature
# separator, long URLs, and ordinary text in any script (no line ends: those split paragraphs).
WORDS = st.one_of(
    st.sampled_from([">", ">>", "From", "--", "-", "", URL, "x" * 79, "é" * 40]),
    st.text(
        st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters=" "),
        max_size=20,
    ),
)
PARAGRAPHS = st.lists(
    st.lists(st.tuples(WORDS, st.sampled_from([" ", "  ", "   "])), max_size=40).map(
        lambda pairs: "".join(word + space for word, space in pairs)
    ),
    max_size=8,
)


def written(paragraphs: list[str]) -> str:
    """What the reader should see: each paragraph without its trailing spaces."""
    return "\n".join(p if p == "-- " else p.rstrip(" ") for p in paragraphs)


def unbreakable(line: str) -> bool:
    """A line may exceed the width only if it holds one word (or a soft line that would
    otherwise read as the signature separator "-- " keeps its next word)."""
    content = line[1:] if line.startswith(" ") else line
    words = content.rstrip(" ").removeprefix("-- ").split(" ")
    return len([w for w in words if w]) <= 1


@given(PARAGRAPHS)
def test_unflowing_gives_back_the_paragraphs_and_no_line_is_longer_than_78(paragraphs):
    text = "\n".join(paragraphs)
    flowed = flow(text)
    assert unflow(flowed) == written(paragraphs)
    for line in flowed.split("\n"):
        assert len(line) <= WIDTH or unbreakable(line), line


@given(PARAGRAPHS)
def test_no_word_is_split_so_urls_stay_whole(paragraphs):
    lines = flow("\n".join(paragraphs)).split("\n")
    on_lines = {word for line in lines for word in line.split(" ")}
    for paragraph in paragraphs:
        for word in filter(None, paragraph.split(" ")):
            assert word in on_lines


def test_a_long_paragraph_is_broken_after_spaces_and_a_long_url_stands_alone():
    sentence = "De klachtenfunctionaris heeft een oordeel gegeven over uw klacht. " * 3
    text = f"{sentence.strip()}\n\nBeantwoord het oordeel: {URL}\nMet vriendelijke groet,"
    lines = flow(text).split("\n")
    assert lines[0].endswith(" ") and len(lines[0]) <= WIDTH  # a soft break
    assert "Beantwoord het oordeel: " in lines
    assert URL in lines  # longer than 78 characters: alone on its line, not broken
    assert len(URL) > WIDTH
    assert lines[-1] == "Met vriendelijke groet,"  # a hard break: no trailing space
    assert unflow(flow(text)) == text


def test_lines_that_would_read_as_quotes_or_from_lines_are_space_stuffed():
    text = "> not a quote\nFrom the officer\n indented"
    assert flow(text).split("\n") == [" > not a quote", " From the officer", "  indented"]
    assert unflow(flow(text)) == text


def test_crlf_from_a_browser_form_does_not_leave_soft_breaks_behind():
    flowed = flow("Eerste regel \r\nTweede regel\r\n")
    assert flowed == "Eerste regel\nTweede regel\n"
