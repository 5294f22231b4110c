"""Texts and values for the regulation's pure rules, and publishing helpers for tests."""

from klachtenregeling.regulation.constants import ARTICLE_ORDER, LANGUAGES
from klachtenregeling.regulation.defaults import DEFAULT_TEXTS
from klachtenregeling.regulation.rules.parameters import Officer, Parameters
from klachtenregeling.regulation.rules.publication import Texts, Wording


def default_texts(**replaced: str) -> Texts:
    """The default wording; `procedure_nl="..."` replaces that article's Dutch body."""
    texts = {
        language: {key: Wording(*DEFAULT_TEXTS[key][language]) for key in ARTICLE_ORDER}
        for language in LANGUAGES
    }
    for name, body in replaced.items():
        key, language = name.rsplit("_", 1)
        texts[language][key] = Wording(texts[language][key].title, body)
    return texts


def parameters(**overrides) -> Parameters:
    values = {
        "organisation_name": "Interactie",
        "term_days": 28,
        "officers": (Officer("Amber Veldman", "amber@interactietrainingen.nl"),),
        "disputes_body_name": "De Geschillencommissie",
        "disputes_body_address": "Postbus 90600, 2509 LP Den Haag",
        "disputes_body_url": "https://www.degeschillencommissie.nl",
        "contact_email": "klachten@interactietrainingen.nl",
        "website": "https://www.interactietrainingen.nl",
        "regulation_url": "https://klachten.example/interactie/klachtenregeling/",
    }
    values.update(overrides)
    return Parameters(**values)
