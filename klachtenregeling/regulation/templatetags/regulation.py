from django import template

from ..formatting import linkify, to_html

register = template.Library()


@register.filter
def article_html(body: str):
    """An article's text as paragraphs and lists (escaped; addresses become links)."""
    return to_html(body or "")


@register.filter(name="linkify")
def linkify_filter(text: str):
    """Escaped text with web and e-mail addresses as links."""
    return linkify(text or "")
