"""What a change would do to the published regulation, sentence by sentence (R-4.1).

Before a change of the settings or the officers is saved, the administrator sees the
sentences of the published text that change, and that the new version applies to new
complaints. `changed_sentences` is pure; `preview` reads the current version.
"""

import difflib
import re
from dataclasses import dataclass, field

from . import rendering, selectors
from .constants import LANGUAGES

# A sentence ends at . ! or ? followed by white space; a line break ends one too.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True)
class SentenceChange:
    """One changed place of an article: the sentences before and after ("" = none)."""

    number: int | None  # the article's number; None for the introduction
    title: str
    before: str
    after: str


@dataclass(frozen=True)
class Preview:
    """The published version now, the number the next one gets, and what changes."""

    current_number: int
    next_number: int
    changes: list[SentenceChange] = field(default_factory=list)


def sentences(text: str) -> list[str]:
    result = []
    for line in text.splitlines():
        result += [s.strip() for s in _SENTENCE_END.split(line) if s.strip()]
    return result


def changed_sentences(before: list[dict], after: list[dict]) -> list[SentenceChange]:
    """The places where the articles differ, in the order of the articles; each place
    groups the sentences that were replaced (or removed, or added) there."""
    old = {article["key"]: article for article in before}
    changes = []
    for article in after:
        previous = old.get(article["key"], {"title": "", "body": ""})
        title = article["title"]
        if previous["title"] != title:
            changes.append(SentenceChange(article["number"], title, previous["title"], title))
        a, b = sentences(previous["body"]), sentences(article["body"])
        matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag != "equal":
                changes.append(
                    SentenceChange(article["number"], title, " ".join(a[i1:i2]), " ".join(b[j1:j2]))
                )
    return changes


def preview(candidate, *, language: str, officers=None) -> Preview | None:
    """What publishing the regulation with `candidate`'s values (an organisation with
    unsaved changes; `officers` a proposed list of officers) would change; None when the
    regulation is not published yet or would stay as it is."""
    current = selectors.current_version(candidate)
    if current is None:
        return None
    parameters = selectors.parameters_of(candidate, officers=officers)
    articles = rendering.render(selectors.texts_of(candidate), parameters)
    text = rendering.canonical_text(articles, parameters)
    if rendering.sha256(text) == current.sha256 and current.parameters == parameters.as_dict():
        return None
    language = language if language in LANGUAGES else LANGUAGES[0]
    return Preview(
        current_number=current.number,
        next_number=current.number + 1,
        changes=changed_sentences(current.articles_in(language), articles[language]),
    )
