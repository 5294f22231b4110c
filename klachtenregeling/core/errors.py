"""The domain's error hierarchy. Views, forms and the API map these in one place each."""

from django.utils.functional import Promise


class DomainError(Exception):
    """A rule of the regulation or of the system refused an action. Nothing was changed."""

    def __init__(self, message: str | Promise, *, field: str | None = None, code: str = ""):
        super().__init__(str(message))
        self.message = message
        self.field = field
        self.code = code or type(self).__name__


class InvalidInput(DomainError):
    """Input that fails validation; `errors` maps field names to messages."""

    def __init__(self, errors: dict[str, list[str | Promise]]):
        first = next(iter(errors.values()))[0] if errors else "invalid"
        super().__init__(first, code="invalid")
        self.errors = errors


class NotPermitted(DomainError):
    """The actor may not do this. Shown as 404 where existence itself is confidential."""


class TransitionRefused(DomainError):
    """The workflow does not allow this step in the complaint's current state."""


class StaleObject(DomainError):
    """Someone else changed the object after the form was loaded."""


class JudgmentChanged(StaleObject):
    """A signature or answer was given on a judgment text that is no longer the current one
    (R-5.7): the page shows why, and the current text, instead of the form again."""


class FileUnreadable(DomainError):
    """A stored file cannot be decrypted (changed on disk, or a wrong key). Never a 500."""
