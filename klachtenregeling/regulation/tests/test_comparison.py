"""R-4.1: the sentences a change of the settings changes in the published regulation."""

from klachtenregeling.regulation.comparison import changed_sentences, sentences


def _article(body: str, *, title: str = "Termijnen", number: int = 5) -> dict:
    return {"key": "procedure", "number": number, "title": title, "body": body}


def test_sentences_split_at_sentence_ends_and_line_breaks():
    assert sentences("Eén. Twee? Drie!\nVier\n\n") == ["Eén.", "Twee?", "Drie!", "Vier"]


def test_r4_1_only_the_changed_sentence_is_shown():
    before = [_article("Je krijgt bericht. Wij oordelen binnen 28 dagen. Dat is gratis.")]
    after = [_article("Je krijgt bericht. Wij oordelen binnen 21 dagen. Dat is gratis.")]
    [change] = changed_sentences(before, after)
    assert (change.number, change.title) == (5, "Termijnen")
    assert change.before == "Wij oordelen binnen 28 dagen."
    assert change.after == "Wij oordelen binnen 21 dagen."


def test_r4_1_added_and_removed_sentences_and_a_new_title():
    before = [_article("Eén. Twee.")]
    after = [_article("Eén. Twee. Drie.", title="Behandeling")]
    title, added = changed_sentences(before, after)
    assert (title.before, title.after) == ("Termijnen", "Behandeling")
    assert (added.before, added.after) == ("", "Drie.")
    assert changed_sentences(after, before)[1].after == ""


def test_r4_1_the_same_text_has_no_changes():
    articles = [_article("Eén. Twee.")]
    assert changed_sentences(articles, articles) == []
