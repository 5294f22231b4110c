"""One voice without jargon on the demo as `make run` shows it (issue 17, items 4 and 7):
every page each demo user reaches by following links from /werk/, and the complainant's
page in each status the demo has, scanned like the access matrix's pages
(`tests/access/test_page_language.py`): no u/uw, one date format, no rule IDs, row ids or
words said twice; no hashes for the parties (the judgment's fingerprint was on theirs)."""

import re

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client

from klachtenregeling.accounts.models import User
from klachtenregeling.complaints.models import Complaint
from klachtenregeling.demo import data
from klachtenregeling.portal import tokens
from tests.access.test_page_language import findings, visible_text
from tests.two_factor import VerifiedClient

# Links not followed: log-out, files and downloads, and pages that act on a GET-looking link.
SKIP = re.compile(
    r"uitloggen|download|\.pdf|\.zip|\.csv|\.ics|/bestand|/brief|export"
    r"|/instellingen/gebruikers/\d+/(wachtwoordlink|tweestaps)"
)
PAGES_PER_USER = 60


@pytest.fixture
def demo(db):
    call_command("demo_seed", "--quiet")


def _crawl(client, start: str):
    todo, seen = [start], set()
    while todo and len(seen) < PAGES_PER_USER:
        url = todo.pop(0)
        if url in seen:
            continue
        seen.add(url)
        cache.clear()  # the rate limiter counts every page
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="nl")
        if response.status_code == 302 and response["Location"].startswith("/werk/"):
            todo.append(response["Location"].split("?")[0])
            continue
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        yield url, visible_text(html)
        todo += [h for h in re.findall(r'href="(/werk/[^"#?]*)"', html) if not SKIP.search(h)]


def test_every_page_of_the_demo_speaks_one_voice_without_jargon(demo):
    wrong, opened = [], {}
    for username, *_rest in data.USERS:
        user = User.objects.get(username=username)
        client = VerifiedClient()
        client.force_login(user)
        lay = not (user.is_officer or user.is_org_admin)
        pages = list(_crawl(client, "/werk/"))
        opened[username] = len(pages)
        wrong += [f"{username} {url}: {f}" for url, text in pages for f in findings(text, lay=lay)]
    assert opened["amber"] > 20 and opened["fatima"] > 20, opened
    assert wrong == [], "\n".join(wrong)


def test_the_complainants_page_in_every_demo_status_speaks_one_voice_without_hashes(demo):
    wrong, statuses = [], set()
    for complaint in Complaint.objects.order_by("pk"):
        if complaint.status in statuses:
            continue
        statuses.add(complaint.status)
        client = Client()
        slug = complaint.organisation.slug
        token = tokens.issue(complaint, purpose="test")
        response = client.get(f"/{slug}/mijn-klacht/open/?t={token}", follow=True)
        assert response.status_code == 200, complaint.status
        text = visible_text(response.content.decode())
        wrong += [f"{complaint.status}: {f}" for f in findings(text, lay=True)]
    assert {"judged", "resolved"} <= statuses
    assert wrong == [], "\n".join(wrong)
