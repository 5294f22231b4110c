"""Our side of `make bench`, before serving: migrate, fill to N complaints, and print (as
one JSON line) what the load generator needs — the organisation, a verified session of
the officer with the most complaints, dossier paths to open, the report's address, and a
complainant's status page with the cookie of a session entered through a personal link.

Filling: `manage.py generate_complaints --count N` when the project has that command (the
data generator), otherwise a small fallback — the demo organisation and N complaints filed
through the intake service (today's date, no history: the report then has little to count).

    DJANGO_SETTINGS_MODULE=bench.oursite.settings DATA_DIR=var/bench/ours \\
        .venv/bin/python bench/ours_prepare.py --count 2000
"""

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.oursite.settings")

import django  # noqa: E402

django.setup()

import texts  # noqa: E402
from django.core.management import call_command, get_commands  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402


def fallback_fill(count: int, rng: random.Random) -> None:
    from klachtenregeling.complaints import services
    from klachtenregeling.complaints.constants import Channel
    from klachtenregeling.complaints.rules.intake import ComplaintDraft
    from klachtenregeling.organisations.models import Organisation

    call_command("demo_seed", quiet=True)
    organisation = Organisation.objects.get(slug="interactie")
    have = organisation.complaints.count()
    started = time.monotonic()
    for i in range(have, count):
        n = rng.randrange(10**6)
        services.complaint_submit(
            organisation=organisation,
            draft=ComplaintDraft(
                complainant_name=f"Klager {n}",
                complainant_email=f"klager{n}@example.org",
                description=texts.description(rng),
                engagement_description=texts.title(rng),
                concerns=("quality",),
            ),
            channel=Channel.WEB,
        )
        if i % 100 == 0:
            rate = (i - have + 1) / (time.monotonic() - started)
            print(f"\r  ours (fallback): {i:,}/{count:,}, {rate:,.0f}/s", end="", file=sys.stderr)
    print(file=sys.stderr)


def verified_client(officer, **defaults) -> Client:
    """A test client signed in as `officer`, past the second factor as the code page
    leaves it (`defaults`: the client's request defaults, e.g. HTTP_HOST)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from klachtenregeling.accounts import two_factor

    device = two_factor.totp_device(officer) or TOTPDevice.objects.create(
        user=officer, name="bench", key=two_factor.new_secret(), confirmed=True
    )
    client = Client(**defaults)
    client.force_login(officer)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def verified_session(officer) -> str:
    """The cookie of a signed-in session that passed the second factor."""
    client = verified_client(officer)
    return f"{client.cookies['sessionid'].key}={client.session.session_key}"


def complainant_client(complaint) -> Client:
    """A test client of the complainant of `complaint`, entered through a personal link as
    the complainant's mail opens it."""
    from klachtenregeling.portal import tokens

    client = Client(HTTP_HOST="127.0.0.1")
    token = tokens.issue(complaint, purpose="bench")
    slug = complaint.organisation.slug
    response = client.get(reverse("portal:enter", args=[slug]) + f"?t={token}")
    assert response.status_code == 302, response.status_code
    return client


def complainant_session(officer) -> dict[str, str]:
    """The complainant's status page of an open complaint of `officer` and the cookie of
    its complainant's session."""
    from klachtenregeling.complaints.constants import OPEN_STATUSES
    from klachtenregeling.complaints.models import Complaint

    complaint = (
        Complaint.objects.filter(assigned_officer=officer, status__in=OPEN_STATUSES)
        .order_by("-pk")
        .first()
    )
    client = complainant_client(complaint)
    cookie = f"{client.cookies['sessionid'].key}={client.cookies['sessionid'].value}"
    status = reverse("portal:status", args=[complaint.organisation.slug])
    return {"status": status, "complainant_cookie": cookie}


def full_dossier(officer) -> str:
    """Issue 19's dossier target: an open complaint of `officer` with 50 case events and 5
    attachments, filled once through the services (notes and the officer's documents)."""
    import io

    from klachtenregeling.complaints import services
    from klachtenregeling.complaints.constants import OPEN_STATUSES
    from klachtenregeling.complaints.models import Complaint

    complaint = (
        Complaint.objects.filter(assigned_officer=officer, status__in=OPEN_STATUSES)
        .exclude(respondent=officer)
        .order_by("pk")
        .first()
    )
    for n in range(complaint.attachments.count(), 5):
        text = f"Verslag {n + 1} van het gesprek met de trainer.\n".encode()
        services.complaint_add_attachment(
            complaint=complaint, name=f"verslag-{n + 1}.txt", stream=io.BytesIO(text), by=officer
        )
    for n in range(complaint.events.count(), 50):
        services.complaint_add_note(
            complaint=complaint,
            text=texts.description(random.Random(n)),  # noqa: S311 - test data
            by=officer,
        )
    return reverse("complaints:detail", kwargs={"reference": complaint.reference})


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument(
        "--full-dossier", action="store_true", help="and a dossier of 50 events, 5 attachments"
    )
    args = parser.parse_args()
    from klachtenregeling.accounts.models import User
    from klachtenregeling.complaints.models import Complaint

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    have = Complaint.objects.count()
    generator = "generate_complaints" if "generate_complaints" in get_commands() else "fallback"
    if have < args.count:
        if generator == "generate_complaints":
            call_command("generate_complaints", count=args.count - have)
        else:
            fallback_fill(args.count, random.Random(args.seed))  # noqa: S311 - test data
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    officer = (
        User.objects.filter(is_officer=True)
        .annotate(n=Count("complaints_handled"))
        .order_by("-n")
        .first()
    )
    mine = Complaint.objects.filter(assigned_officer=officer)
    references = list(mine.order_by("?").values_list("reference", flat=True)[:300])
    year = django.utils.timezone.now().year - 1
    print(
        json.dumps(
            {
                "generator": generator,
                "complaints": Complaint.objects.count(),
                "officer_complaints": mine.count(),
                "org": officer.organisation.slug,
                "cookie": verified_session(officer),
                "details": [
                    reverse("complaints:detail", kwargs={"reference": r}) for r in references
                ],
                "list": reverse("complaints:dashboard"),
                "report": f"{reverse('reports:index')}?kind=year&year={year}",
                "form": reverse("public:complaint-form", kwargs={"org": officer.organisation.slug}),
                "full_dossier": full_dossier(officer) if args.full_dossier else "",
                **complainant_session(officer),
            }
        )
    )


if __name__ == "__main__":
    main()
