"""Pure rules of the anonymous statistics and the periodic report (R-8.1, R-8.3)."""

from klachtenregeling.complaints.constants import Status
from klachtenregeling.handling.constants import Verdict

from .constants import Outcome

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
