"""The holds box of a complaint (retention/_holds.html) on the officer's dossier."""

from django import template

from klachtenregeling.accounts import policies

from .. import selectors
from ..forms import HoldLiftForm, HoldSetForm

register = template.Library()


@register.simple_tag(takes_context=True)
def holds_box(context, complaint) -> dict:
    user = context["request"].user
    return {
        "holds": list(selectors.holds_of(complaint)),
        "blockers": selectors.blockers(complaint),
        "may_manage": policies.can(user, policies.HOLD_MANAGE, complaint),
        "set_form": HoldSetForm(),
        "lift_form": HoldLiftForm(),
    }
