"""Pure rules of the anonymous statistics and the periodic report (R-8.1, R-8.3)."""

from django.utils.translation import gettext as _

from klachtenregeling.complaints.constants import Status
from klachtenregeling.handling.constants import Verdict

from .constants import MAX_RECOMMENDATION_LENGTH, MAX_RECOMMENDATIONS, Outcome

_VERDICT_OUTCOME = {
    Verdict.WELL_FOUNDED: Outcome.WELL_FOUNDED,
    Verdict.PARTLY: Outcome.PARTLY,
    Verdict.UNFOUNDED: Outcome.UNFOUNDED,
}


def outcome_of(*, status: str, verdict: str | None, referred: bool) -> Outcome:
    """How an ended complaint is counted: its end, else the judgment it ended with.

    A complaint that went to the disputes body counts as referred (its ruling is kept
    beside it); a withdrawal before or after the judgment counts as withdrawn.
    """
    if status == Status.WITHDRAWN:
        return Outcome.WITHDRAWN
    if status == Status.NOT_ADMISSIBLE:
        return Outcome.NOT_ADMISSIBLE
    if status != Status.CLOSED:
        raise ValueError(f"a complaint with status {status!r} has not ended")
    if referred:
        return Outcome.REFERRED
    if verdict not in _VERDICT_OUTCOME:
        raise ValueError("a closed complaint without a referral ended with a judgment")
    return _VERDICT_OUTCOME[verdict]


def recommendations_from_text(text: str) -> list[str]:
    """R-8.3: the recommendations of a report, one a line; blank lines are skipped."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def recommendation_errors(recommendations: list[str]) -> list[str]:
    """What is wrong with the recommendations of a report (empty: nothing)."""
    errors = []
    if len(recommendations) > MAX_RECOMMENDATIONS:
        errors.append(_("At most %(n)s recommendations, one a line.") % {"n": MAX_RECOMMENDATIONS})
    for number, text in enumerate(recommendations, start=1):
        if len(text) > MAX_RECOMMENDATION_LENGTH:
            errors.append(
                _("Recommendation %(number)s is longer than %(n)s characters.")
                % {"number": number, "n": MAX_RECOMMENDATION_LENGTH}
            )
    return errors
