"""R-5.7: complainant, officer and respondent sign the judgment when settled satisfactorily.

A signature binds to the exact judgment text (its SHA-256); a changed judgment
needs new signatures.
"""

from collections.abc import Iterable

from ..constants import Signer


def required_signers(*, has_respondent: bool) -> frozenset[str]:
    signers = {Signer.COMPLAINANT, Signer.OFFICER}
    if has_respondent:
        signers.add(Signer.RESPONDENT)
    return frozenset(signers)


def valid_signers(signatures: Iterable, current_sha256: str) -> frozenset[str]:
    """Who signed the current text; signatures on another text count for nothing."""
    return frozenset(s.signer for s in signatures if s.text_sha256 == current_sha256)


def missing_signers(
    *, has_respondent: bool, signatures: Iterable, current_sha256: str
) -> frozenset[str]:
    return required_signers(has_respondent=has_respondent) - valid_signers(
        signatures, current_sha256
    )
