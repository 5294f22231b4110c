from klachtenregeling.handling.tests.conftest import complaint, respondent  # noqa: F401
