"""A regulation filled in: the wording of each article with the settings' values (R-4.1)."""

import hashlib
from dataclasses import asdict, dataclass

from .constants import ARTICLE_NUMBER, ARTICLE_ORDER, LANGUAGES, Article
from .rules import placeholders
from .rules.parameters import Parameters
from .rules.publication import Texts

HEADINGS = {"nl": ("Klachtenregeling", "Artikel"), "en": ("Complaints regulation", "Article")}


@dataclass(frozen=True)
class RenderedArticle:
    key: str
    number: int | None
    title: str
    body: str


def render(texts: Texts, parameters: Parameters) -> dict[str, list[dict]]:
    """Per language, the articles in order with every placeholder filled in."""
    result = {}
    for language in LANGUAGES:
        articles = []
        for key in ARTICLE_ORDER:
            wording = texts[language][key]
            if key == Article.INTRO and not wording.body.strip():
                continue
            articles.append(
                asdict(
                    RenderedArticle(
                        key=key,
                        number=ARTICLE_NUMBER[key],
                        title=placeholders.fill(wording.title.strip(), parameters, language),
                        body=placeholders.fill(wording.body.strip(), parameters, language),
                    )
                )
            )
        result[language] = articles
    return result


def canonical_text(articles: dict[str, list[dict]], parameters: Parameters) -> str:
    """The published text as plain text, every language; its SHA-256 identifies a version."""
    sections = []
    for language in LANGUAGES:
        title, article_word = HEADINGS[language]
        lines = [f"[{language}]", f"{title} {parameters.organisation_name}", ""]
        for article in articles[language]:
            if article["number"] is None:
                lines += [article["body"], ""]
            else:
                lines += [
                    f"{article_word} {article['number']} {article['title']}",
                    article["body"],
                    "",
                ]
        sections.append("\n".join(lines).strip())
    return "\n\n".join(sections) + "\n"


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
