"""Benchmark: importing 1,000 messages from a real IMAP server (issue 18). Prints figures.

A throw-away Dovecot is started on a loopback port (tests/dovecot.py, the tests' own; it is
installed from Debian's packages when missing). The organisation gets --complaints
complaints through the real intake service (each with its acknowledgement in the outbox),
then --messages messages are put into the mailbox with IMAP APPEND (not timed), shaped
after the test corpus (klachtenregeling/inbound/tests/corpus) with a unique Message-ID
each: 40 % replies to an acknowledgement (Outlook and Gmail shapes, threaded into the
dossier as case events, the officer notified), 10 % replies to the keyed address (Apple
Mail), 25 % new complaints (a PDF and a .docx, Windows-1252, HTML only), 10 %
out-of-office, 10 % bounces of an acknowledgement (DSN), 5 % without a Message-ID.

It then times one `fetching.fetch_mailbox` (what the scheduled task and `manage.py
fetch_mail` run): fetch in batches of 50, import each message through the one import path
(parse, classify, thread, store, case event, outbox), move the batch to "Verwerkt". It
prints messages per second, and the growth of the process's peak resident memory (VmHWM,
reset through /proc/self/clear_refs before the import) with the resident size after each
quarter of the messages, to show it stays flat.

Usage (from the project's root):

    .venv/bin/python bench/mail_import.py                                   # SQLite, temp dir
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kr_bench_mail .venv/bin/python bench/mail_import.py

The PostgreSQL database is dropped and created first (it must be a database of its own).
"""

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from deadlines import _create_postgres_database  # noqa: E402

CORPUS = ROOT / "klachtenregeling" / "inbound" / "tests" / "corpus"
MIX = [
    ("outlook_reply.eml", 20),
    ("gmail_reply.eml", 20),
    ("apple_reply.eml", 10),
    ("pdf_and_docx.eml", 10),
    ("windows_1252.eml", 10),
    ("html_only.eml", 5),
    ("out_of_office.eml", 10),
    ("dsn_bounce.eml", 10),
    ("no_message_id.eml", 5),
]


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=1_000)
    parser.add_argument("--complaints", type=int, default=100)
    parser.add_argument("--seed", type=int, default=42)
    return parser.parse_args()


def configure() -> str:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    if not os.environ.get("DATABASE_URL"):
        os.environ["DATA_DIR"] = tempfile.mkdtemp(prefix="klachten-bench-mail-")
        return f"SQLite in {os.environ['DATA_DIR']}"
    _create_postgres_database(os.environ["DATABASE_URL"])
    return "PostgreSQL " + os.environ["DATABASE_URL"].rsplit("/", 1)[-1]


def _rss_kib(field: str = "VmRSS") -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1])
    return 0


def _unique(raw: bytes, n: int) -> bytes:
    """Each message its own Message-ID (and digest); the one without keeps none."""
    head, sep, body = raw.partition(b"\r\n\r\n")
    lines = []
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"message-id:"):
            line = f"Message-ID: <bench-{n}@bench.example>".encode()
        lines.append(line)
    return b"\r\n".join(lines) + sep + body + f"\r\n-- bench {n}\r\n".encode()


def messages(count: int, complaints: list, rng: random.Random) -> list[bytes]:
    from klachtenregeling.inbound.selectors import reply_address_of

    names = [name for name, weight in MIX for _ in range(weight)]
    made = []
    for n in range(count):
        name = rng.choice(names)
        complaint, acknowledgement = rng.choice(complaints)
        raw = (CORPUS / name).read_bytes()
        for key, value in {
            "REFERENCE": complaint.reference,
            "IN_REPLY_TO": acknowledgement.message_id,
            "REPLY_ADDRESS": reply_address_of(complaint),
        }.items():
            raw = raw.replace(b"{{" + key.encode() + b"}}", value.encode())
        made.append(_unique(raw, n))
    return made


def main() -> None:
    args = arguments()
    where = configure()
    import django

    django.setup()
    from django.core.management import call_command

    from klachtenregeling.complaints import services
    from klachtenregeling.complaints.constants import Concern
    from klachtenregeling.complaints.rules.intake import ComplaintDraft
    from klachtenregeling.inbound import fetching
    from klachtenregeling.inbound.models import InboundMail, Mailbox
    from tests.dovecot import Dovecot
    from tests.factories import OrganisationFactory, UserFactory

    call_command("migrate", verbosity=0)
    rng = random.Random(args.seed)  # noqa: S311 - test data, not secrets
    org = OrganisationFactory(name="Interactie", slug="interactie")
    officer = UserFactory(organisation=org, officer=True, username="amber")
    org.default_officer = officer
    org.save()
    server = Dovecot().start()
    try:
        mailbox = Mailbox.objects.create(
            organisation=org,
            address="klachten@interactie.nl",
            host=server.host,
            port=server.port,
            security="none",
            username=server.user,
            secret=server.password,
        )
        complaints = []
        for n in range(args.complaints):
            draft = ComplaintDraft(
                complainant_name="Marieke Jonker",
                complainant_email="marieke@example.org",
                description=f"Klacht nummer {n}: de training begon te laat.",
                concerns=(Concern.PERFORMANCE,),
                engagement_description="Training",
            )
            complaint = services.complaint_submit(organisation=org, draft=draft).complaint
            complaints.append((complaint, complaint.messages.get(kind="acknowledgement")))
        client = server.connect()
        for raw in messages(args.messages, complaints, rng):
            client.append("INBOX", None, None, raw)
        client.logout()
        assert server.count("INBOX") == args.messages

        quarter = max(1, args.messages // 4)
        samples = []
        original = fetching._batch

        def sampled(box, mailbox, uids, report):
            original(box, mailbox, uids, report)
            if report.fetched // quarter > len(samples):
                samples.append(_rss_kib())

        fetching._batch = sampled
        before = _rss_kib()
        Path("/proc/self/clear_refs").write_text("5")  # reset VmHWM to the current RSS
        started = time.perf_counter()
        report = fetching.fetch_mailbox(mailbox)
        seconds = time.perf_counter() - started
        peak = _rss_kib("VmHWM")
        assert report.errors == [], report.errors
        assert server.count("INBOX") == 0 and server.count("Verwerkt") == args.messages
        stored = InboundMail.objects.filter(organisation=org).count()
    finally:
        server.stop()
    by_status = {}
    for mail in InboundMail.objects.values_list("status", flat=True):
        by_status[mail] = by_status.get(mail, 0) + 1
    print(f"Database: {where}; {args.complaints} complaints; load {os.getloadavg()[0]:.2f}")
    print(
        f"Imported {report.fetched} messages from Dovecot in {seconds:.2f} s: "
        f"{report.fetched / seconds:.0f} messages/s ({report.created} stored, {stored} rows; "
        f"{', '.join(f'{k} {v}' for k, v in sorted(by_status.items()))})"
    )
    print(
        f"Peak memory: +{(peak - before) / 1024:.1f} MiB over {before / 1024:.0f} MiB resident "
        f"(VmHWM growth); resident after each quarter: "
        + ", ".join(f"{s / 1024:.0f}" for s in samples)
        + " MiB"
    )


if __name__ == "__main__":
    main()
