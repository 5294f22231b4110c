"""What the start pages show of the follow-up of Article 8: the user's own recommendations
(R-3.5), the state of the yearly review (R-8.4) and the board's card. Reads only."""

from klachtenregeling.accounts import policies
from klachtenregeling.core import clock
from klachtenregeling.improvements import selectors as recommendations

from . import selectors


def home_cards(user) -> dict:
    """For accounts/home.html (everyone but the officers)."""
    organisation = user.organisation
    if organisation is None:
        return {}
    today = clock.today()
    is_admin = policies.can(user, policies.ORGANISATION_ADMINISTER, organisation)
    mine = recommendations.decorate(recommendations.open_for_owner(user)[:10], user, today=today)
    return {
        "my_recommendations": mine,
        "my_recommendation_counts": recommendations.counts_for_owner(user, today=today),
        "review_due": selectors.review_due(organisation, today=today) if is_admin else None,
        "is_board": policies.can(user, policies.BOARD_HOME, organisation),
    }


def dashboard_card(user) -> dict:
    """For the officers' dashboard: counts of recommendations and the yearly review."""
    organisation = user.organisation
    today = clock.today()
    return {
        "recommendation_counts": recommendations.counts_for_organisation(organisation, today=today),
        "my_recommendation_counts": recommendations.counts_for_owner(user, today=today),
        "review_due": selectors.review_due(organisation, today=today),
    }
