from django import template

from klachtenregeling.audit.presentation import reader as _reader

register = template.Library()


@register.filter
def reader(entry) -> str:
    """Who read, for the access log (R-6.2)."""
    return _reader(entry)
