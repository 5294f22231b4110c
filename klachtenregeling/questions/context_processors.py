from . import selectors


def questions(request) -> dict:
    """The number of unanswered questions, in the officers' navigation."""
    user = getattr(request, "user", None)
    if not (user and user.is_authenticated and user.is_officer and user.organisation_id):
        return {}
    return {"nav_open_questions": selectors.open_count(user)}
