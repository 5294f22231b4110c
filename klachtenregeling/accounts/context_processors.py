from . import policies


def roles(request) -> dict:
    """What the navigation may offer the signed-in user."""
    user = getattr(request, "user", None)
    if not (user and user.is_authenticated and user.organisation_id):
        return {}
    organisation = user.organisation
    return {
        "nav_is_officer": user.is_officer,
        "nav_is_org_admin": policies.can(user, policies.ORGANISATION_ADMINISTER, organisation),
        "nav_organisation": organisation,
    }
