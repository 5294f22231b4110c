from django import template

from ..formatting import to_html

register = template.Library()


@register.filter
def article_html(body: str):
    """An article's text as paragraphs and lists (escaped; addresses become links)."""
    return to_html(body or "")
