"""Fixtures of the procedure: a complaint about a staff member, taken into handling."""

import pytest

from . import steps


@pytest.fixture
def respondent(staff_member):
    """The person complained about (R-5.2)."""
    return staff_member


@pytest.fixture
def complaint(submit, officer, respondent):
    """A complaint about the respondent, in handling by the (default) officer."""
    return steps.start(submit(respondent_id=respondent.pk), officer)


@pytest.fixture
def general_complaint(submit, officer):
    """A complaint about the service, not about a particular person."""
    return steps.start(submit(), officer)
