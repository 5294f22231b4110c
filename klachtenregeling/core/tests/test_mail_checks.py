"""Deploy checks of the mail sender and SITE_URL (`manage.py check --deploy`)."""

import pytest
from django.core.checks import run_checks
from django.test import override_settings

GOOD = {
    "DEFAULT_FROM_EMAIL": "klachten@interactie-training.nl",
    "SITE_URL": "https://klachten.interactie-training.nl",
}


def mail_errors(**values) -> list[str]:
    with override_settings(**{**GOOD, **values}):
        return sorted(
            m.id for m in run_checks(include_deployment_checks=True) if m.id.startswith("core.")
        )


def test_a_real_sender_domain_and_https_site_url_pass():
    assert mail_errors() == []
    assert mail_errors(DEFAULT_FROM_EMAIL="Klachten <klachten@münchen.de>") == []


def test_the_checks_only_run_with_deploy():
    with override_settings(DEFAULT_FROM_EMAIL="klachten@localhost", SITE_URL="http://127.0.0.1"):
        assert not [m for m in run_checks() if m.id.startswith("core.")]


@pytest.mark.parametrize("sender", ["", "klachten", "Klachten <>", "@interactie.nl"])
def test_a_missing_sender_domain_fails(sender):
    assert mail_errors(DEFAULT_FROM_EMAIL=sender) == ["core.E101"]


@pytest.mark.parametrize(
    "sender",
    [
        "klachten@localhost",  # the old default
        "klachten@mail.localhost",
        "klachten@127.0.0.1",
        "klachten@[192.0.2.10]",
        "klachten@example.com",
        "klachten@klachten.example.nl",
        "klachten@interactie.test",
        "klachten@server.local",
        "klachten@klachtenregeling",  # one label: not a domain
        "klachten@foo_bar.nl",
    ],
)
def test_a_sender_domain_without_dns_fails(sender):
    assert mail_errors(DEFAULT_FROM_EMAIL=sender) == ["core.E102"]


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000",  # the old default
        "http://klachten.interactie-training.nl",
        "https://127.0.0.1",
        "https://localhost:8443",
        "https://[::1]",
        "https://0.0.0.0",
        "https://",
    ],
)
def test_a_site_url_not_on_https_or_on_loopback_fails(url):
    assert mail_errors(SITE_URL=url) == ["core.E103"]


def test_the_messages_say_what_is_wrong():
    with override_settings(DEFAULT_FROM_EMAIL="klachten@localhost", SITE_URL="http://127.0.0.1"):
        messages = {
            m.id: m.msg
            for m in run_checks(include_deployment_checks=True)
            if m.id.startswith("core.")
        }
    assert "a name of the local machine" in messages["core.E102"]
    assert "SPF, DKIM and DMARC" in messages["core.E102"]
    assert "https://" in messages["core.E103"] and "local machine" in messages["core.E103"]
