"""R-5.7: who must sign, and which signatures count (only those on the current text)."""

from types import SimpleNamespace

import pytest

from klachtenregeling.handling.constants import Signer
from klachtenregeling.handling.rules.signatures import (
    missing_signers,
    required_signers,
    valid_signers,
)

C, OF, R = Signer.COMPLAINANT, Signer.OFFICER, Signer.RESPONDENT
NEW = "a" * 64  # the current judgment text's SHA-256
OLD = "b" * 64  # an earlier version's


def sig(signer: str, sha: str = NEW) -> SimpleNamespace:
    return SimpleNamespace(signer=signer, text_sha256=sha)


@pytest.mark.parametrize(
    ("has_respondent", "expected"),
    [
        (True, {C, OF, R}),  # complainant, officer and the person complained about
        (False, {C, OF}),  # no person complained about: two signatures
    ],
)
def test_r5_7_required_signers(has_respondent, expected):
    assert required_signers(has_respondent=has_respondent) == expected


@pytest.mark.parametrize(
    ("signatures", "valid"),
    [
        ([], set()),
        ([sig(C)], {C}),
        ([sig(C), sig(OF), sig(R)], {C, OF, R}),
        ([sig(C, OLD), sig(OF, OLD)], set()),  # signed an earlier text: count for nothing
        ([sig(C, OLD), sig(C), sig(OF, OLD)], {C}),  # re-signed the new text
        ([sig(C, NEW.upper())], set()),  # the hash must match exactly
    ],
)
def test_r5_7_only_signatures_on_the_current_text_are_valid(signatures, valid):
    assert valid_signers(signatures, NEW) == valid


@pytest.mark.parametrize(
    ("has_respondent", "signatures", "missing"),
    [
        (True, [], {C, OF, R}),
        (True, [sig(C)], {OF, R}),
        (True, [sig(C), sig(OF)], {R}),
        (True, [sig(C), sig(OF), sig(R)], set()),  # resolved
        (True, [sig(C), sig(OF), sig(R, OLD)], {R}),  # one signature on a revised text lapsed
        (True, [sig(C, OLD), sig(OF, OLD), sig(R, OLD)], {C, OF, R}),  # revision voids them all
        (False, [sig(C), sig(OF)], set()),  # two signatures suffice without a respondent
        (False, [sig(C)], {OF}),
        (False, [sig(C), sig(OF), sig(R)], set()),  # an extra signature does no harm
    ],
)
def test_r5_7_missing_signers(has_respondent, signatures, missing):
    result = missing_signers(
        has_respondent=has_respondent, signatures=signatures, current_sha256=NEW
    )
    assert result == missing
