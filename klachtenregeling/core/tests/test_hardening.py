"""Web hardening (Art. 6): production settings, Content-Security-Policy, password hashing."""

import base64
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password

ROOT = Path(settings.BASE_DIR)
# Pages the browser renders; letters and other PDFs and e-mails are not served as web pages.
BROWSER_TEMPLATES = [
    path
    for path in [
        *ROOT.glob("templates/**/*.html"),
        *ROOT.glob("klachtenregeling/*/templates/**/*.html"),
    ]
    if not {"letters", "notifications", "pdf"} & set(path.parts)
]


# Not taken from the test run: set per case below, or (async unsafe: the browser tests) never
# set in production.
PRODUCTION_UNSET = {
    "SECRET_KEY",
    "DEBUG",
    "DATABASE_URL",
    "REDIS_URL",
    "DJANGO_SETTINGS_MODULE",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "DEFAULT_FROM_EMAIL",
    "SITE_URL",
}


def _production(**env) -> subprocess.CompletedProcess:
    """manage.py with the production settings in a fresh process (settings are read at start)."""
    base = {key: value for key, value in os.environ.items() if key not in PRODUCTION_UNSET}
    base.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
        DATABASE_URL="postgres://klachten@127.0.0.1:5432/klachten",
        REDIS_URL="redis://127.0.0.1:6379/0",
        KLACHTEN_KEK=base64.b64encode(secrets.token_bytes(32)).decode(),
        DEFAULT_FROM_EMAIL="klachten@interactie-training.nl",
        SITE_URL="https://klachten.interactie-training.nl",
        DATA_DIR=str(Path(settings.DATA_DIR) / "production-check"),
    )
    base.update(env)
    base = {k: v for k, v in base.items() if v is not None}
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=base,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_check_deploy_with_the_production_settings_prints_no_warnings():
    result = _production()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNING" not in result.stdout + result.stderr


def test_check_deploy_fails_on_the_default_mail_sender_and_site_url():
    """Without DEFAULT_FROM_EMAIL and SITE_URL mail would go out as klachten@localhost with
    links to http://127.0.0.1:8000: no mail server would trust it."""
    result = _production(DEFAULT_FROM_EMAIL=None, SITE_URL=None)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "core.E102" in output and "klachten@localhost" in output
    assert "core.E103" in output and "http://127.0.0.1:8000" in output


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"SECRET_KEY": None}, "SECRET_KEY must be set"),
        ({"DEBUG": "1"}, "DEBUG must be off"),
        ({"DATABASE_URL": None}, "DATABASE_URL must point"),
        ({"REDIS_URL": None}, "REDIS_URL must be set"),
    ],
)
def test_production_refuses_to_start_when_misconfigured(env, message):
    result = _production(**env)
    assert result.returncode != 0
    assert message in result.stderr


def test_passwords_are_hashed_with_argon2id(settings):
    from config.settings import base

    # The test settings hash with fast MD5; every other environment uses base's list.
    settings.PASSWORD_HASHERS = base.PASSWORD_HASHERS
    encoded = make_password("correct horse battery")
    assert encoded.startswith("argon2$argon2id$")
    assert check_password("correct horse battery", encoded)


def test_every_page_carries_a_strict_content_security_policy(client, org):
    policy = client.get(f"/{org.slug}/klacht/")["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["default-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["form-action"] == "'self'"
    assert directives["base-uri"] == "'none'"
    assert directives["object-src"] == "'none'"
    assert "unsafe" not in policy


def test_other_security_headers(client, org):
    response = client.get(f"/{org.slug}/klacht/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
INLINE_STYLE = re.compile(r"<style\b|\sstyle=", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)


@pytest.mark.parametrize("path", BROWSER_TEMPLATES, ids=lambda p: str(p.relative_to(ROOT)))
def test_templates_have_no_inline_scripts_styles_or_event_handlers(path):
    """The policy allows neither; such markup would simply not work."""
    text = path.read_text()
    assert not INLINE_SCRIPT.search(text)
    assert not INLINE_STYLE.search(text)
    assert not EVENT_HANDLER.search(text)
