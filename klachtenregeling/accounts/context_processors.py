from . import policies, two_factor


def roles(request) -> dict:
    """What the navigation may offer the signed-in user."""
    user = getattr(request, "user", None)
    if not (user and user.is_authenticated):
        return {}
    is_verified = getattr(user, "is_verified", None)
    if is_verified is not None and not is_verified() and two_factor.must_verify(user):
        # Between password and code: nothing but log-out is offered.
        return {"nav_pending_two_factor": True}
    if not user.organisation_id:
        return {}
    organisation = user.organisation
    return {
        "nav_is_officer": user.is_officer,
        "nav_is_board": user.is_board,
        "nav_is_org_admin": policies.can(user, policies.ORGANISATION_ADMINISTER, organisation),
        "nav_organisation": organisation,
    }
