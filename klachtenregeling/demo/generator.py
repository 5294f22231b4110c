"""Volume data for benchmarks and scale tests: `manage.py generate_complaints` (issue 19).

N complaints spread over three years and several organisations, each with the dossier it
would have at its stage of the procedure: complaint, concerns, subjects, routing,
handling, invitations, statements of both sides, notes, extensions of the term, judgment,
the complainant's answer, signatures, the ending and its anonymous statistics. About ten
case events each, sealed with the same hash chain and content digests as the services
write (audit/chain.py, audit/content.py), so `manage.py verify_dossier` accepts them.

Rows go in with explicit ids in bulk: COPY on PostgreSQL, executemany on SQLite, one
transaction per batch of complaints; the id sequences and the reference counters are set
afterwards. Organisations, users, lists and the published regulation are made through
the ordinary services and models, so the public form works on the generated data.

The letters of the generated extensions are attachment rows without a stored file (the
dossier lists them; downloading one gives "not found").
"""

import hashlib
import json
import random
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from django.apps import apps
from django.core.management.color import no_style
from django.db import DatabaseError, connection, connections, transaction
from django.db.models import Max

from klachtenregeling.accounts.models import User
from klachtenregeling.audit import chain
from klachtenregeling.audit.constants import ActorRole, EventType
from klachtenregeling.audit.content import row_digest
from klachtenregeling.complaints.constants import Channel, Concern, Satisfaction, Status
from klachtenregeling.core import clock
from klachtenregeling.engagements.models import Client, Engagement
from klachtenregeling.organisations.models import Cause, Organisation, Subject
from klachtenregeling.regulation import selectors as regulation_selectors
from klachtenregeling.regulation.services import regulation_publish

from . import texts

GENERATED_DOMAIN = "example.org"
FINAL = (Status.CLOSED, Status.WITHDRAWN, Status.NOT_ADMISSIBLE)


# --- rows ------------------------------------------------------------------------------


@dataclass
class Table:
    """A table written in bulk: the model's attnames in the order of the row tuples."""

    label: str
    attnames: tuple[str, ...]
    model: Any = None
    columns: list[str] = field(default_factory=list)
    converters: list[Callable | None] = field(default_factory=list)
    extras: tuple = ()
    serialised: tuple[str, ...] = ()  # JSON columns whose values come as JSON text

    def bind(self) -> "Table":
        if "." in self.label:
            self.model = apps.get_model(self.label)
        fields = {f.attname: f for f in self.model._meta.concrete_fields}
        self.columns = [fields[name].column for name in self.attnames]
        self.converters = [
            None if name in self.serialised else _converter(fields[name]) for name in self.attnames
        ]
        # Columns the generator does not know (added since): their defaults, so that a new
        # column with a default never breaks the generator.
        self.extras = tuple(
            f.get_db_prep_save(f.get_default(), connection)
            for name, f in fields.items()
            if name not in self.attnames
            and not f.generated
            and not (f.primary_key and name == "id")
        )
        self.columns += [
            f.column
            for name, f in fields.items()
            if name not in self.attnames
            and not f.generated
            and not (f.primary_key and name == "id")
        ]
        return self

    @property
    def db_table(self) -> str:
        return self.model._meta.db_table


def _converter(model_field) -> Callable | None:
    target = model_field.target_field if model_field.is_relation else model_field
    kind = target.get_internal_type()
    if kind == "JSONField":
        return lambda v: json.dumps(v, ensure_ascii=False)
    if connection.vendor != "sqlite":
        return None
    if kind == "DateTimeField":
        return lambda v: None if v is None else str(v.astimezone(UTC).replace(tzinfo=None))
    if kind == "DateField":
        return lambda v: None if v is None else v.isoformat()
    if kind == "UUIDField":
        return lambda v: None if v is None else v.hex
    return None


def _tables() -> dict[str, Table]:
    complaint_fields = (
        "id",
        "organisation_id",
        "reference",
        "year",
        "number",
        "channel",
        "received_at",
        "language",
        "complainant_name",
        "complainant_email",
        "complainant_phone",
        "is_representative",
        "on_behalf_of",
        "engagement_id",
        "engagement_description",
        "description",
        "desired_outcome",
        "respondent_id",
        "assigned_officer_id",
        "status",
        "original_deadline",
        "deadline",
        "compliance_status",
        "compliance_rule",
        "compliance_checked_at",
        "compliance_verdicts",
        "compliance_recheck",
        "submission_key",
        "submission_digest",
        "created_at",
        "version",
        "respondent_notified_at",
        "closed_at",
        "cause_id",
        "root_cause",
        "satisfaction",
        "regulation_version_id",
    )
    tables = {
        "complaint": Table("complaints.Complaint", complaint_fields),
        "concern": Table("complaints.ComplaintConcern", ("complaint_id", "concern")),
        "subject": Table("", ("complaint_id", "subject_id")),
        "attachment": Table(
            "complaints.Attachment",
            (
                "id",
                "complaint_id",
                "kind",
                "file",
                "filename",
                "content_type",
                "size",
                "sha256",
                "uploaded_by_id",
                "uploaded_at",
            ),
        ),
        "extension": Table(
            "complaints.Extension",
            (
                "id",
                "complaint_id",
                "number",
                "previous_deadline",
                "new_deadline",
                "reason",
                "reason_category",
                "extended_by_id",
                "extended_at",
                "letter_id",
            ),
        ),
        "invitation": Table(
            "handling.HearingInvitation",
            ("id", "complaint_id", "party", "due_date", "invited_at", "invited_by_id"),
        ),
        "statement": Table(
            "handling.Statement",
            (
                "id",
                "complaint_id",
                "party",
                "text",
                "via",
                "given_at",
                "recorded_by_id",
                "corrects_id",
            ),
        ),
        "judgment": Table(
            "handling.Judgment",
            (
                "id",
                "complaint_id",
                "version",
                "verdict",
                "reasoning",
                "recommendations",
                "text_sha256",
                "issued_by_id",
                "issued_at",
                "letter_id",
            ),
        ),
        "answer": Table(
            "handling.JudgmentAnswer",
            ("id", "judgment_id", "answer", "comment", "via", "answered_at"),
        ),
        "signature": Table(
            "handling.Signature",
            ("id", "judgment_id", "signer", "user_id", "name", "signed_at", "via", "text_sha256"),
        ),
        "event": Table(
            "audit.CaseEvent",
            (
                "organisation_id",
                "complaint_id",
                "seq",
                "type",
                "at",
                "actor_id",
                "actor_role",
                "visible_to_complainant",
                "data",
                "prev_sha256",
                "sha256",
                "chain_version",
            ),
            serialised=("data",),
        ),
        "statistic": Table(
            "reports.ComplaintStatistic",
            (
                "id",
                "organisation_id",
                "complaint_id",
                "received_on",
                "ended_on",
                "channel",
                "engagement_kind",
                "outcome",
                "ruling_outcome",
                "handling_days",
                "term_outcome",
                "extensions_count",
                "cause_id",
                "satisfaction",
                "recommendations_count",
                "recorded_at",
            ),
        ),
        "statistic_concern": Table("reports.StatisticConcern", ("statistic_id", "concern")),
    }
    from klachtenregeling.complaints.models import Complaint

    tables["subject"].model = Complaint.subjects.through
    return {key: table.bind() for key, table in tables.items()}


# The order rows are written in: every foreign key points at a table written before.
ORDER = (
    "complaint",
    "concern",
    "subject",
    "attachment",
    "extension",
    "invitation",
    "statement",
    "judgment",
    "answer",
    "signature",
    "event",
    "statistic",
    "statistic_concern",
)


class BulkWriter:
    """Buffers rows per table; `flush` writes them all in one transaction."""

    def __init__(self, tables: dict[str, Table]):
        self.tables = tables
        self.rows: dict[str, list[tuple]] = defaultdict(list)
        self.written: dict[str, int] = defaultdict(int)

    def add(self, key: str, row: tuple) -> None:
        self.rows[key].append(row)

    def flush(self) -> None:
        with transaction.atomic(), connection.cursor() as cursor:
            for key in ORDER:
                rows = self.rows.pop(key, [])
                if rows:
                    self._write(cursor, self.tables[key], rows)
                    self.written[key] += len(rows)

    def _write(self, cursor, table: Table, rows: list[tuple]) -> None:
        columns = ", ".join(connection.ops.quote_name(c) for c in table.columns)
        name = connection.ops.quote_name(table.db_table)
        converters = list(enumerate(table.converters))
        if any(c is not None for _, c in converters):
            active = [(i, c) for i, c in converters if c is not None]

            def convert(row: tuple) -> tuple:
                values = list(row)
                for i, c in active:
                    values[i] = c(values[i])
                return tuple(values)

            rows = [convert(row) for row in rows]
        if table.extras:
            rows = [row + table.extras for row in rows]
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {name} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(table.columns))
            # Table and column names come from the models, values are parameters.
            sql = f"INSERT INTO {name} ({columns}) VALUES ({marks})"  # noqa: S608  # nosec B608
            cursor.executemany(sql, rows)


# --- the organisations -----------------------------------------------------------------


@dataclass
class Org:
    organisation: Organisation
    officers: list[User]
    staff: list[User]
    subjects: list[Subject]
    causes: list[Cause]
    engagements: list[tuple[int, str]]  # (id, title)
    regulation_id: int | None
    term_days: int
    domain: str


def make_organisations(
    count: int, officers: int, password: str | None, rng: random.Random
) -> list[Org]:
    """`count` organisations (new ones, or the generator's own of an earlier run), each
    with officers, staff, an administrator, a board member, lists, clients, engagements
    and a published regulation."""
    made = []
    for index in range(count):
        name, slug, domain = texts.ORGANISATIONS[index % len(texts.ORGANISATIONS)]
        if index >= len(texts.ORGANISATIONS):
            name, slug = f"{name} {index + 1}", f"{slug}-{index + 1}"
        made.append(_organisation(name, slug, domain, officers, password, rng))
    return made


def _user(organisation, username, first, last, domain, password, **roles) -> User:
    user = User(
        username=username,
        first_name=first,
        last_name=last,
        email=f"{username}@{domain}",
        organisation=organisation,
        **roles,
    )
    if password and (roles.get("is_officer") or roles.get("is_org_admin")):
        user.set_password(password)
    else:
        user.set_unusable_password()
    return user


def _organisation(name, slug, domain, officers, password, rng) -> Org:
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is None:
        with transaction.atomic():
            organisation = Organisation.objects.create(
                name=name,
                slug=slug,
                website=f"https://www.{domain}",
                contact_email=f"klachten@{domain}",
                postal_address=f"Postbus {rng.randrange(100, 9999)}\n{rng.choice(texts.PLACES)}",
                term_days=28,
            )
            people = []
            for i in range(officers + 30):
                first = rng.choice(texts.FIRST_NAMES)
                last = rng.choice(texts.LAST_NAMES)
                is_officer = i < officers
                username = f"{slug}-{'officer' if is_officer else 'staff'}{i + 1}"
                people.append(
                    _user(
                        organisation, username, first, last, domain, password, is_officer=is_officer
                    )
                )
            people.append(
                _user(
                    organisation,
                    f"{slug}-admin",
                    "Beheer",
                    "Team",
                    domain,
                    password,
                    is_org_admin=True,
                    is_employee=False,
                )
            )
            people.append(
                _user(
                    organisation,
                    f"{slug}-board",
                    "Directie",
                    "Lid",
                    domain,
                    password,
                    is_board=True,
                )
            )
            User.objects.bulk_create(people)
            officer = User.objects.get(username=f"{slug}-officer1")
            organisation.default_officer = officer
            organisation.save(update_fields=["default_officer"])
            Subject.objects.bulk_create(
                Subject(organisation=organisation, name=n) for n in texts.SUBJECTS
            )
            Cause.objects.bulk_create(
                Cause(organisation=organisation, name=n) for n in texts.CAUSES
            )
            clients = Client.objects.bulk_create(
                Client(
                    organisation=organisation,
                    name=f"{rng.choice(texts.FIRST_NAMES)} {rng.choice(texts.LAST_NAMES)}",
                    email=f"client{i}@{GENERATED_DOMAIN}",
                )
                for i in range(60)
            )
            today = clock.today()
            Engagement.objects.bulk_create(
                Engagement(
                    organisation=organisation,
                    client=clients[i % len(clients)],
                    reference=f"OPD-{i + 1:05d}",
                    title=f"Training {rng.choice(texts.TRAININGS)} ({rng.choice(texts.PLACES)})",
                    starts_on=today - timedelta(days=rng.randrange(10, 1100)),
                )
                for i in range(300)
            )
        # published three years back, before the first generated complaint.
        with clock.frozen(clock.now() - timedelta(days=3 * 365 + 30)):
            if regulation_selectors.current_version(organisation) is None:
                regulation_publish(organisation=organisation)
    users = list(User.objects.filter(organisation=organisation).order_by("pk"))
    version = regulation_selectors.current_version(organisation)
    return Org(
        organisation=organisation,
        officers=[u for u in users if u.is_officer],
        staff=[u for u in users if not u.is_officer and u.is_employee and not u.is_board],
        subjects=list(Subject.objects.filter(organisation=organisation).order_by("pk")),
        causes=list(Cause.objects.filter(organisation=organisation).order_by("pk")),
        engagements=list(
            Engagement.objects.filter(organisation=organisation).values_list("pk", "title")
        ),
        regulation_id=version.pk if version is not None else None,
        term_days=organisation.term_days,
        domain=domain,
    )


# --- the complaints --------------------------------------------------------------------


class Ids:
    """The next free id of every table written with explicit ids."""

    def __init__(self, tables: dict[str, Table], start: dict[str, int] | None = None):
        self.next: dict[str, int] = {}
        if start is not None:
            self.next = dict(start)
            return
        for key, table in tables.items():
            if "id" in table.attnames and key != "attachment":
                top = table.model._base_manager.aggregate(top=Max("pk"))["top"] or 0
                self.next[key] = top + 1

    def take(self, key: str) -> int:
        value = self.next[key]
        self.next[key] = value + 1
        return value


def _fill(template: str, rng: random.Random, when: datetime) -> str:
    return template.format(
        date=(when - timedelta(days=rng.randrange(3, 40))).strftime("%d-%m-%Y"),
        training=rng.choice(texts.TRAININGS),
        place=rng.choice(texts.PLACES),
        amount=rng.choice((95, 145, 250, 395, 480, 750, 1250, 1800)),
        problem=rng.choice(texts.PROBLEMS).format(amount=rng.choice((95, 250, 480))),
        detail=rng.choice(texts.DETAILS).format(date="vorige week"),
    )


def _description(rng: random.Random, when: datetime) -> str:
    parts = [_fill(rng.choice(texts.OPENINGS), rng, when)]
    parts += [_fill(p, rng, when) for p in rng.sample(texts.PROBLEMS, rng.randint(1, 3))]
    parts += [_fill(d, rng, when) for d in rng.sample(texts.DETAILS, rng.randint(0, 2))]
    return " ".join(parts)


def _status(age_days: float, rng: random.Random) -> str:
    roll = rng.random()
    if age_days < 10:
        return (
            Status.RECEIVED if roll < 0.4 else Status.IN_HANDLING if roll < 0.8 else Status.HEARING
        )
    if age_days < 40:
        for status, upto in (
            (Status.IN_HANDLING, 0.2),
            (Status.HEARING, 0.6),
            (Status.JUDGED, 0.85),
        ):
            if roll < upto:
                return status
        return Status.RESOLVED
    if age_days < 70:
        for status, upto in (
            (Status.JUDGED, 0.1),
            (Status.RESOLVED, 0.25),
            (Status.WITHDRAWN, 0.3),
        ):
            if roll < upto:
                return status
        return Status.CLOSED
    if roll < 0.06:
        return Status.WITHDRAWN
    if roll < 0.09:
        return Status.NOT_ADMISSIBLE
    return Status.CLOSED


# How far along the procedure each status got (steps in order).
REACHED = {
    Status.RECEIVED: 0,
    Status.IN_HANDLING: 1,
    Status.HEARING: 2,
    Status.JUDGED: 3,
    Status.RESOLVED: 4,
    Status.CLOSED: 5,
}


class Dossier:
    """The events of one complaint, chained as audit/events.record does."""

    def __init__(self, writer: BulkWriter, complaint_id: int, organisation_id: int):
        self.writer = writer
        self.complaint_id = complaint_id
        self.organisation_id = organisation_id
        self.seq = 0
        self.prev = chain.GENESIS

    def add(self, event_type, at: datetime, *, role, actor=None, visible=False, data=None):
        self.seq += 1
        serialised_data = _compact(data or {})
        actor_id = actor.pk if actor is not None else None
        sha256 = fast_digest(
            prev_sha256=self.prev,
            complaint_id=self.complaint_id,
            seq=self.seq,
            type=str(event_type),
            at=at,
            actor_id=actor_id,
            actor_role=str(role),
            visible=visible,
            serialised_data=serialised_data,
            organisation_id=self.organisation_id,
        )
        self.writer.add(
            "event",
            (
                self.organisation_id,
                self.complaint_id,
                self.seq,
                str(event_type),
                at,
                actor_id,
                str(role),
                visible,
                serialised_data,
                self.prev,
                sha256,
                chain.VERSION,
            ),
        )
        self.prev = sha256


_compact = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode
_string = json.JSONEncoder(ensure_ascii=False).encode


def fast_digest(
    *,
    prev_sha256: str,
    complaint_id: int,
    seq: int,
    type: str,
    at: datetime,
    actor_id: int | None,
    actor_role: str,
    visible: bool,
    serialised_data: str,
    organisation_id: int,
) -> str:
    """chain.digest (version 2) for data that is already plain JSON (dicts, lists, strings,
    numbers, booleans, None), serialised once with sorted keys: the same bytes as
    chain.digest hashes (its content's keys in sorted order), without serialising the data
    twice. test_generator checks the two agree."""
    serialised = (
        f'{{"actor_id":{"null" if actor_id is None else actor_id},'
        f'"actor_role":{_string(actor_role)},'
        f'"at":"{at.astimezone(UTC).isoformat(timespec="microseconds")}",'
        f'"complaint_id":{complaint_id},"data":{serialised_data},'
        f'"organisation_id":{organisation_id},"prev_sha256":"{prev_sha256}",'
        f'"seq":{seq},"type":{_string(type)},"v":{chain.VERSION},'
        f'"visible_to_complainant":{"true" if visible else "false"}}}'
    )
    return hashlib.sha256(serialised.encode("utf-8")).hexdigest()


def _sealed(kind: str, pk, table: Table, row: tuple) -> dict:
    values = dict(zip(table.attnames, row, strict=True))
    return {
        "content_id": str(pk) if kind == "attachment" else pk,
        "content_sha256": row_digest(kind, pk, values),
    }


@dataclass
class Generated:
    complaints: int
    rows: dict[str, int]
    counters: dict[tuple[int, int], int]


def generate(
    count: int,
    orgs: list[Org],
    *,
    years: int = 3,
    batch: int = 2000,
    seed: int = 42,
    progress: Callable[[int], None] | None = None,
    workers: int = 1,
) -> Generated:
    """Write `count` complaints with their dossiers; returns what was written.

    With `workers` > 1 (PostgreSQL only) the organisations are split into groups of about
    equal volume, and each group is written by a process of its own, so that making rows in
    Python and storing them overlap: reference numbers are per organisation, so a group
    owns its numbers; each group gets its own range of ids."""
    tables = _tables()
    ids = Ids(tables)
    counters = _existing_counters(orgs)
    weights = [2.0] + [1.0] * (len(orgs) - 1)
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        # SQLite has one writer; inside a transaction (a test) other connections would not
        # see the organisations.
        workers = 1
    groups = _groups(list(zip(orgs, weights, strict=True)), max(1, workers))
    total_weight = sum(weights)
    shares = [round(count * sum(w for _, w in group) / total_weight) for group in groups]
    shares[-1] = count - sum(shares[:-1])
    jobs = []
    before = 0
    for index, (group, share) in enumerate(zip(groups, shares, strict=True)):
        start = {key: value + before * PER_COMPLAINT[key] for key, value in ids.next.items()}
        jobs.append(
            Job(index, group, share, start, years, batch, seed + ids.next["complaint"] + index)
        )
        before += share
    written: dict[str, int] = defaultdict(int)
    with bulk_load(tables, count):
        if len(jobs) == 1:
            results = [_run(jobs[0], counters, progress)]
        else:
            results = _run_parallel(jobs, counters, progress)
    for job_written, job_counters in results:
        for key, n in job_written.items():
            written[key] += n
        for key, top in job_counters.items():
            counters[key] = max(counters.get(key, 0), top)
    finish(counters)
    return Generated(count, dict(written), counters)


# The most rows of a table one complaint gets (the id range a group reserves per complaint).
PER_COMPLAINT = {
    "complaint": 1,
    "extension": 1,
    "invitation": 1,
    "statement": 2,
    "judgment": 1,
    "answer": 1,
    "signature": 3,
    "statistic": 1,
}


@dataclass
class Job:
    index: int
    orgs: list[tuple[Org, float]]
    count: int
    ids: dict[str, int]
    years: int
    batch: int
    seed: int


def _groups(weighted: list[tuple[Org, float]], workers: int) -> list[list[tuple[Org, float]]]:
    """The organisations in `workers` groups of about equal weight (largest first)."""
    groups: list[list[tuple[Org, float]]] = [[] for _ in range(min(workers, len(weighted)))]
    for item in sorted(weighted, key=lambda pair: -pair[1]):
        min(groups, key=lambda group: sum(w for _, w in group)).append(item)
    return groups


def _run(
    job: Job, counters: dict[tuple[int, int], int], progress: Callable[[int], None] | None
) -> tuple[dict[str, int], dict[tuple[int, int], int]]:
    """One group's complaints, in batches of one transaction each."""
    tables = _tables()
    writer = BulkWriter(tables)
    ids = Ids(tables, job.ids)
    counters = dict(counters)
    rng = random.Random(job.seed)  # noqa: S311  # nosec B311 - test data, not secrets
    now = clock.now().replace(microsecond=0)
    span = job.years * 365.0
    orgs = [org for org, _ in job.orgs]
    weights = [weight for _, weight in job.orgs]
    concerns = list(Concern.values)
    count = job.count
    done = 0
    with _session_for_loading():
        for i in range(count):
            age = span * (1 - (i + rng.random()) / count)
            received = now - timedelta(days=age)
            org = rng.choices(orgs, weights=weights)[0]
            _complaint(writer, ids, tables, counters, org, received, age, concerns, now, rng)
            done += 1
            if done % job.batch == 0:
                writer.flush()
                if progress:
                    progress(job.batch)
        writer.flush()
    if progress and done % job.batch:
        progress(done % job.batch)
    return dict(writer.written), counters


def _run_parallel(jobs: list[Job], counters, progress) -> list:
    """Each job in a process of its own (forked: the settings and the organisations come
    along; each opens its own connection). Progress comes back through a queue."""
    import multiprocessing
    import queue as queues

    context = multiprocessing.get_context("fork")
    reports = context.Queue()
    results = context.Queue()
    connections.close_all()  # a child must never share the parent's connection
    processes = [
        context.Process(target=_child, args=(job, counters, reports, results), daemon=True)
        for job in jobs
    ]
    for process in processes:
        process.start()
    collected: dict[int, Any] = {}
    while len(collected) < len(jobs):
        try:
            n = reports.get(timeout=0.5)
            if progress:
                progress(n)
        except queues.Empty:
            pass
        while not results.empty():
            index, outcome = results.get()
            collected[index] = outcome
        if len(collected) < len(jobs) and any(p.exitcode not in (None, 0) for p in processes):
            for process in processes:
                process.kill()
            raise RuntimeError("a generator process failed (see its error above)")
    for process in processes:
        process.join()
    while not reports.empty():
        n = reports.get()
        if progress:
            progress(n)
    for index in sorted(collected):
        if isinstance(collected[index], str):
            raise RuntimeError(f"generator process {index} failed: {collected[index]}")
    return [collected[index] for index in sorted(collected)]


def _child(job: Job, counters, reports, results) -> None:
    try:
        outcome: Any = _run(job, counters, reports.put)
    except Exception as error:  # reported to the parent, which stops the run
        outcome = f"{type(error).__name__}: {error}"
    finally:
        connections.close_all()
    results.put((job.index, outcome))


@contextmanager
def _session_for_loading() -> Iterator[None]:
    """PostgreSQL: this session loads as a restore does. It skips the per-row foreign-key
    checks (session_replication_role = replica; the generator writes every row after the
    one it points at) and commits without waiting for the disk; back to normal after."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit = off")
        try:
            with transaction.atomic():
                cursor.execute("SET session_replication_role = replica")
        except DatabaseError:  # not a superuser: the checks stay on, the load is slower
            pass
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET session_replication_role")
            cursor.execute("RESET synchronous_commit")


# Below this many complaints the indexes stay: rebuilding them costs more than it saves.
REBUILD_INDEXES_FROM = 20_000


@contextmanager
def bulk_load(tables: dict[str, Table], count: int) -> Iterator[None]:
    """PostgreSQL, a large load: the secondary indexes of the big tables (not the unique
    ones, which guard the data) are dropped first and built again afterwards in one pass
    each — the full-text GIN index included. They come back even when the load fails."""
    if connection.vendor != "postgresql" or count < REBUILD_INDEXES_FROM:
        yield
        return
    with connection.cursor() as cursor:
        dropped = _drop_secondary_indexes(cursor, tables)
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SET maintenance_work_mem = '512MB'")
            for _name, definition in dropped:
                cursor.execute(definition)
            cursor.execute("RESET maintenance_work_mem")


BIG_TABLES = ("complaint", "event", "statement", "concern", "subject", "statistic")


def _drop_secondary_indexes(cursor, tables: dict[str, Table]) -> list[tuple[str, str]]:
    names = [tables[key].db_table for key in BIG_TABLES]
    cursor.execute(
        """
        SELECT i.relname, pg_get_indexdef(i.oid)
        FROM pg_index x
        JOIN pg_class i ON i.oid = x.indexrelid
        JOIN pg_class t ON t.oid = x.indrelid
        WHERE t.relname = ANY(%s) AND NOT x.indisunique AND NOT x.indisprimary
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
        """,
        [names],
    )
    dropped = cursor.fetchall()
    with transaction.atomic():
        for name, _definition in dropped:
            cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
    return dropped


def _existing_counters(orgs: list[Org]) -> dict[tuple[int, int], int]:
    from klachtenregeling.complaints.models import Complaint

    rows = (
        Complaint.objects.filter(organisation__in=[o.organisation for o in orgs])
        .values_list("organisation_id", "year")
        .annotate(top=Max("number"))
    )
    return {(org_id, year): top for org_id, year, top in rows}


def _complaint(writer, ids, tables, counters, org, received, age, concerns, now, rng) -> None:
    organisation_id = org.organisation.pk
    local = clock.local_date(received)
    key = (organisation_id, local.year)
    counters[key] = number = counters.get(key, 0) + 1
    complaint_id = ids.take("complaint")
    status = _status(age, rng)
    officer = rng.choice(org.officers)
    respondent = rng.choice(org.staff) if rng.random() < 0.35 else None
    first, last = rng.choice(texts.FIRST_NAMES), rng.choice(texts.LAST_NAMES)
    name = f"{first} {last}"
    email = (
        f"{first.lower()}.{last.lower().replace(' ', '')}{rng.randrange(1000)}@{GENERATED_DOMAIN}"
    )
    representative = rng.random() < 0.08
    engagement_id, engagement_description = None, ""
    if rng.random() < 0.6:
        engagement_id = rng.choice(org.engagements)[0]
    else:
        engagement_description = (
            f"Training {rng.choice(texts.TRAININGS)} in {rng.choice(texts.PLACES)}"
        )
    deadline = original = local + timedelta(days=org.term_days)
    chosen_concerns = sorted(rng.sample(concerns, rng.choice((1, 1, 1, 2, 2, 3))))
    subjects = rng.sample(org.subjects, rng.choice((1, 1, 2)))
    channel = Channel.WEB if rng.random() < 0.85 else Channel.API
    language = "nl" if rng.random() < 0.93 else "en"
    reached = REACHED.get(status, 1 if status == Status.WITHDRAWN else 0)
    t = received + timedelta(hours=rng.uniform(2, 30))

    def later(hours_low: float, hours_high: float) -> datetime:
        nonlocal t
        t = min(t + timedelta(hours=rng.uniform(hours_low, hours_high)), now)
        return t

    # The steps' times, decided first: the complaint row holds the ending.
    extension = None
    if reached >= 2 and rng.random() < 0.12:
        extension = rng.choice(texts.EXTENSION_REASONS)
    cause = rng.choice(org.causes) if status in FINAL and status != Status.NOT_ADMISSIBLE else None
    satisfaction = ""
    if status in FINAL:
        satisfaction = rng.choice(Satisfaction.values)
    complaint_row = (
        complaint_id,
        organisation_id,
        f"KL-{local.year}-{number:04d}",
        local.year,
        number,
        channel,
        received,
        language,
        name,
        email,
        f"06{rng.randrange(10_000_000, 99_999_999)}" if rng.random() < 0.5 else "",
        representative,
        f"{rng.choice(texts.FIRST_NAMES)} {rng.choice(texts.LAST_NAMES)}" if representative else "",
        engagement_id,
        engagement_description,
        _description(rng, received),
        rng.choice(texts.OUTCOMES),
        respondent.pk if respondent else None,
        officer.pk,
        status,
        original,
        deadline,  # raised below when extended
        2,
        "",
        None,
        "",
        True,
        None,
        "",
        received,
        1,
        None,
        None,  # closed_at: set below
        cause.pk if cause else None,
        "",
        satisfaction,
        org.regulation_id,
    )
    dossier = Dossier(writer, complaint_id, organisation_id)
    complaint_table = tables["complaint"]
    intake = {
        "reference": complaint_row[2],
        "channel": channel,
        "received_at": received.isoformat(),
        "deadline": original.isoformat(),
        "term_days": org.term_days,
        "concerns": chosen_concerns,
        "engagement_id": engagement_id,
        "engagement_described": bool(engagement_description),
        "is_representative": representative,
        "respondent_id": respondent.pk if respondent else None,
        "subjects": [],
    }
    sealed = _sealed("complaint", complaint_id, complaint_table, complaint_row)
    dossier.add(
        EventType.SUBMITTED,
        received,
        role=ActorRole.COMPLAINANT,
        visible=True,
        data={**intake, **sealed},
    )
    dossier.add(
        EventType.ROUTED,
        received,
        role=ActorRole.SYSTEM,
        data={
            "officer_id": officer.pk,
            "officer": officer.display_name,
            "reason": "default_officer" if officer == org.officers[0] else "next_officer",
        },
    )
    for concern in chosen_concerns:
        writer.add("concern", (complaint_id, concern))
    for subject in subjects:
        writer.add("subject", (complaint_id, subject.pk))

    current = Status.RECEIVED
    recommendations: list[str] = []
    extensions = 0
    if status == Status.NOT_ADMISSIBLE:
        at = later(20, 100)
        dossier.add(
            EventType.NOT_ADMISSIBLE,
            at,
            role=ActorRole.OFFICER,
            actor=officer,
            visible=True,
            data={
                "reasons": "De klacht gaat niet over een opdracht van ons.",
                "status_from": current,
                "status_to": status,
                "cause": None,
                "root_cause": "",
                "satisfaction": satisfaction,
            },
        )
    if reached >= 1:
        at = later(10, 40)
        dossier.add(
            EventType.HANDLING_STARTED,
            at,
            role=ActorRole.OFFICER,
            actor=officer,
            visible=True,
            data={"status_from": current, "status_to": Status.IN_HANDLING},
        )
        current = Status.IN_HANDLING
        dossier.add(
            EventType.SUBJECTS_CHANGED,
            later(0.1, 2),
            role=ActorRole.OFFICER,
            actor=officer,
            data={"added": [{"id": s.pk, "name": s.name} for s in subjects], "removed": []},
        )
        if rng.random() < 0.5:
            dossier.add(
                EventType.NOTE_ADDED,
                later(1, 48),
                role=ActorRole.OFFICER,
                actor=officer,
                data={"text": rng.choice(texts.NOTES)},
            )
    if reached >= 2:
        at = later(2, 48)
        due = clock.local_date(at) + timedelta(days=14)
        invitation_id = ids.take("invitation")
        writer.add("invitation", (invitation_id, complaint_id, "complainant", due, at, officer.pk))
        dossier.add(
            EventType.HEARING_INVITED,
            at,
            role=ActorRole.OFFICER,
            actor=officer,
            visible=True,
            data={
                "invitation_id": invitation_id,
                "party": "complainant",
                "due_date": due.isoformat(),
                "status_from": current,
                "status_to": Status.HEARING,
            },
        )
        current = Status.HEARING
        for party, via, role, actor, pool in (
            (
                "complainant",
                "personal_link",
                ActorRole.COMPLAINANT,
                None,
                texts.STATEMENTS_COMPLAINANT,
            ),
            ("respondent", "phone", ActorRole.OFFICER, officer, texts.STATEMENTS_RESPONDENT),
        ):
            if reached == 2 and party == "respondent" and rng.random() < 0.5:
                break
            given = later(12, 120)
            statement_id = ids.take("statement")
            row = (
                statement_id,
                complaint_id,
                party,
                _fill(rng.choice(pool), rng, given),
                via,
                given,
                actor.pk if actor else None,
                None,
            )
            writer.add("statement", row)
            dossier.add(
                EventType.STATEMENT_GIVEN,
                given,
                role=role,
                actor=actor,
                visible=party == "complainant",
                data={
                    "statement_id": statement_id,
                    "party": party,
                    "via": via,
                    "corrects_id": None,
                    "length": len(row[3]),
                    **_sealed("statement", statement_id, tables["statement"], row),
                },
            )
        if extension:
            at = later(1, 24)
            new_deadline = max(deadline, clock.local_date(at)) + timedelta(days=21)
            letter_id = uuid.uuid4()
            writer.add(
                "attachment",
                (
                    letter_id,
                    complaint_id,
                    "letter",
                    f"generated/{letter_id.hex}",
                    "verlenging-termijn.pdf",
                    "application/pdf",
                    18_000,
                    "0" * 64,
                    officer.pk,
                    at,
                ),
            )
            extension_id = ids.take("extension")
            category = rng.choice(("hearing", "information", "availability", "complexity"))
            row = (
                extension_id,
                complaint_id,
                1,
                deadline,
                new_deadline,
                extension,
                category,
                officer.pk,
                at,
                letter_id,
            )
            writer.add("extension", row)
            dossier.add(
                EventType.DEADLINE_EXTENDED,
                at,
                role=ActorRole.OFFICER,
                actor=officer,
                visible=True,
                data={
                    "extension_id": extension_id,
                    "number": 1,
                    "previous_deadline": deadline.isoformat(),
                    "new_deadline": new_deadline.isoformat(),
                    "original_deadline": original.isoformat(),
                    "reason": extension,
                    "reason_category": category,
                    "announced_in_time": clock.local_date(at) <= deadline,
                    "letter_id": str(letter_id),
                    **_sealed("extension", extension_id, tables["extension"], row),
                },
            )
            deadline = new_deadline
            extensions = 1
    judgment = None
    if reached >= 3:
        at = later(24, 24 * 10)
        judgment_id = ids.take("judgment")
        verdict = rng.choice(("well_founded", "partly_well_founded", "unfounded"))
        reasoning = _fill(rng.choice(texts.REASONINGS), rng, at)
        recommendations = rng.sample(texts.RECOMMENDATIONS, rng.randint(0, 2))
        text_sha256 = hashlib.sha256(reasoning.encode()).hexdigest()
        judgment = (
            judgment_id,
            complaint_id,
            1,
            verdict,
            reasoning,
            recommendations,
            text_sha256,
            officer.pk,
            at,
            None,
        )
        writer.add("judgment", judgment)
        dossier.add(
            EventType.JUDGMENT_ISSUED,
            at,
            role=ActorRole.OFFICER,
            actor=officer,
            visible=True,
            data={
                "judgment_id": judgment_id,
                "version": 1,
                "verdict": verdict,
                "recommendations": len(recommendations),
                "text_sha256": text_sha256,
                "status_from": current,
                "status_to": Status.JUDGED,
                **_sealed("judgment", judgment_id, tables["judgment"], judgment),
            },
        )
        current = Status.JUDGED
    if reached >= 4 and judgment:
        judgment_id, text_sha256 = judgment[0], judgment[6]
        at = later(12, 24 * 5)
        answer_id = ids.take("answer")
        row = (answer_id, judgment_id, "accepted", "", "personal_link", at)
        writer.add("answer", row)
        dossier.add(
            EventType.JUDGMENT_ANSWERED,
            at,
            role=ActorRole.COMPLAINANT,
            visible=True,
            data={
                "judgment_id": judgment_id,
                "answer": "accepted",
                "via": "personal_link",
                **_sealed("judgment_answer", answer_id, tables["answer"], row),
            },
        )
        signers = [
            ("complainant", None, name, "personal_link", ActorRole.COMPLAINANT),
            ("officer", officer, officer.display_name, "log_in", ActorRole.OFFICER),
        ]
        if respondent:
            signers.append(
                ("respondent", respondent, respondent.display_name, "log_in", ActorRole.RESPONDENT)
            )
        for signer, user, signer_name, via, role in signers:
            signed_at = at if signer == "complainant" else later(1, 48)
            signature_id = ids.take("signature")
            row = (
                signature_id,
                judgment_id,
                signer,
                user.pk if user else None,
                signer_name,
                signed_at,
                via,
                text_sha256,
            )
            writer.add("signature", row)
            dossier.add(
                EventType.SIGNED,
                signed_at,
                role=role,
                actor=user,
                visible=True,
                data={
                    "judgment_id": judgment_id,
                    "signer": signer,
                    "via": via,
                    "text_sha256": text_sha256,
                    **_sealed("signature", signature_id, tables["signature"], row),
                },
            )
        dossier.add(
            EventType.RESOLVED,
            t,
            role=ActorRole.SYSTEM,
            visible=True,
            data={
                "judgment_id": judgment_id,
                "text_sha256": text_sha256,
                "status_from": current,
                "status_to": Status.RESOLVED,
            },
        )
        current = Status.RESOLVED
    closed_at = None
    ending = {
        "cause": {"id": cause.pk, "name": cause.name} if cause else None,
        "root_cause": "",
        "satisfaction": satisfaction,
    }
    if status == Status.CLOSED:
        closed_at = later(2, 24 * 7)
        dossier.add(
            EventType.CLOSED,
            closed_at,
            role=ActorRole.OFFICER,
            actor=officer,
            visible=True,
            data={"status_from": current, "status_to": status, **ending},
        )
    elif status == Status.WITHDRAWN:
        closed_at = later(2, 24 * 7)
        dossier.add(
            EventType.WITHDRAWN,
            closed_at,
            role=ActorRole.COMPLAINANT,
            visible=True,
            data={
                "status_from": current,
                "status_to": status,
                "reason": "Opgelost in een gesprek.",
                **ending,
            },
        )
    elif status == Status.NOT_ADMISSIBLE:
        closed_at = t
    if closed_at is not None:
        outcome = (
            judgment[3]
            if judgment
            else "withdrawn"
            if status == Status.WITHDRAWN
            else "not_admissible"
        )
        ended_on = clock.local_date(closed_at)
        decided_on = clock.local_date(judgment[8]) if judgment else None
        if decided_on is None:
            term = "no_decision"
        elif decided_on <= original:
            term = "within_original"
        elif decided_on <= deadline:
            term = "within_extended"
        else:
            term = "late"
        statistic_id = ids.take("statistic")
        writer.add(
            "statistic",
            (
                statistic_id,
                organisation_id,
                complaint_id,
                local,
                ended_on,
                channel,
                "linked" if engagement_id else "described",
                outcome,
                "",
                (ended_on - local).days,
                term,
                extensions,
                cause.pk if cause else None,
                satisfaction or "unknown",
                len(recommendations),
                closed_at,
            ),
        )
        for concern in chosen_concerns:
            writer.add("statistic_concern", (statistic_id, concern))
        dossier.add(
            EventType.STATISTICS_RECORDED,
            closed_at,
            role=ActorRole.SYSTEM,
            data={"outcome": outcome, "subjects": [{"id": s.pk, "name": s.name} for s in subjects]},
        )
    open_ = status not in FINAL
    row = list(complaint_row)
    index = {name: i for i, name in enumerate(complaint_table.attnames)}
    row[index["deadline"]] = deadline
    row[index["closed_at"]] = closed_at
    row[index["respondent_notified_at"]] = (
        received + timedelta(days=1) if respondent and reached >= 2 else None
    )
    row[index["version"]] = dossier.seq
    # Open complaints get their compliance checked by the scheduler's daily round; ended ones
    # were fine when they ended (a breach there would be history).
    row[index["compliance_checked_at"]] = None if open_ else closed_at
    row[index["compliance_recheck"]] = open_
    writer.add("complaint", tuple(row))


def finish(counters: dict[tuple[int, int], int]) -> None:
    """Every counter the app relies on: the reference counters (the highest number issued
    per organisation and year) and the id sequences of the tables written with ids."""
    from klachtenregeling.complaints.models import ReferenceCounter

    with transaction.atomic():
        for (organisation_id, year), top in counters.items():
            counter, _ = ReferenceCounter.objects.select_for_update().get_or_create(
                organisation_id=organisation_id, year=year
            )
            if counter.last_number < top:
                counter.last_number = top
                counter.save(update_fields=["last_number"])
        statements = connection.ops.sequence_reset_sql(no_style(), _sequenced_models())
        if statements:
            with connection.cursor() as cursor:
                for statement in statements:
                    cursor.execute(statement)


def _sequenced_models() -> Iterable:
    return [table.model for table in _tables().values()]


def analyse() -> None:
    """Fresh planner statistics after a bulk load (as a database in use would have); on
    SQLite the search index, filled row by row by its triggers, merged into one segment."""
    from klachtenregeling.complaints import fulltext

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    fulltext.merge(connection)
