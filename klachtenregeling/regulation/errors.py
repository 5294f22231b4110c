"""The publication check refused: its problems, as form errors and as a list."""

from klachtenregeling.core.errors import InvalidInput

from .rules.publication import Problem


class PublicationRefused(InvalidInput):
    """Nothing was saved: the regulation would not pass the publication check (R-4.1)."""

    def __init__(self, problems: list[Problem]):
        errors: dict[str, list] = {}
        for problem in problems:
            errors.setdefault(problem.setting or "__all__", []).append(problem.message)
        super().__init__(errors)
        self.problems = problems
