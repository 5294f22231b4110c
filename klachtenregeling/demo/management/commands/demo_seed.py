"""Load the demo organisation (idempotent) and print the demo log-ins."""

import io
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from klachtenregeling.accounts.models import User
from klachtenregeling.audit import access
from klachtenregeling.audit.constants import AccessKind, ActorRole
from klachtenregeling.complaints import services
from klachtenregeling.complaints.constants import Channel, Status
from klachtenregeling.complaints.rules.intake import ComplaintDraft
from klachtenregeling.core import clock
from klachtenregeling.engagements.models import Client, Engagement
from klachtenregeling.notifications.procedure_messages import complainant_link
from klachtenregeling.organisations import services as list_services
from klachtenregeling.organisations.models import Cause, Organisation, Subject

from ... import data, procedure, regulation, report_history

SCAN = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def _eml(item) -> bytes:
    return (
        f"From: {item['name']} <{item['email']}>\nTo: amber@interactietrainingen.nl\n"
        f"Subject: Klacht\nDate: Mon, 2 Nov 2026 09:00:00 +0100\n\n{item['description']}\n"
    ).encode()


class Command(BaseCommand):
    help = "Create the demo organisation Interactie with users, engagements and complaints."

    def add_arguments(self, parser):
        parser.add_argument("--quiet", action="store_true", help="Do not print the log-ins.")
        parser.add_argument(
            "--logins-only",
            action="store_true",
            help="Only print the addresses and log-ins of a demo loaded before (make run's end).",
        )

    def handle(self, *args, quiet=False, logins_only=False, **options):
        password, fresh_password = self._password()
        organisation = Organisation.objects.filter(slug=data.ORGANISATION["slug"]).first()
        if logins_only and organisation is not None and not fresh_password:
            self._print_logins(organisation, password)
            return
        if organisation is None:
            with transaction.atomic():
                organisation = self._organisation(password)
            regulation.publish_regulation(organisation)
            self._complaints(organisation)
            self.stdout.write(self.style.SUCCESS("Demo organisation Interactie created."))
        elif fresh_password:
            for user in User.objects.filter(organisation=organisation):
                user.set_password(password)
                user.save(update_fields=["password"])
        # Also for a demo made before these existed: the regulation and a few questions,
        # the lists of subjects and causes.
        self._lists(organisation)
        regulation.publish_regulation(organisation)
        regulation.add_questions(organisation)
        # And a year and a half of anonymous history for the reports.
        report_history.add_report_history(organisation)
        if not quiet:
            self._print_logins(organisation, password)

    def _lists(self, organisation: Organisation) -> None:
        """Add the demo's subjects and causes that the organisation's lists lack (by name,
        ignoring case; one taken out of use by hand stays out of use)."""
        officer = organisation.default_officer
        for model, names, add in (
            (Subject, data.SUBJECTS, list_services.subject_add),
            (Cause, data.CAUSES, list_services.cause_add),
        ):
            existing = {
                n.casefold()
                for n in model.objects.filter(organisation=organisation).values_list(
                    "name", flat=True
                )
            }
            for name in names:
                if name.casefold() not in existing:
                    add(organisation=organisation, name=name, by=officer)

    def _password(self) -> tuple[str, bool]:
        path = settings.DATA_DIR / "demo-password"
        if path.exists():
            return path.read_text().strip(), False
        path.parent.mkdir(parents=True, exist_ok=True)
        password = "demo-" + secrets.token_urlsafe(9)
        path.write_text(password)
        path.chmod(0o600)
        return password, True

    def _organisation(self, password: str) -> Organisation:
        organisation = Organisation.objects.create(**data.ORGANISATION)
        users = {}
        for username, first, last, roles in data.USERS:
            user = User(
                username=username,
                first_name=first,
                last_name=last,
                email=f"{username}@interactietrainingen.nl",
                organisation=organisation,
                **roles,
            )
            user.set_password(password)
            user.save()
            users[username] = user
        organisation.default_officer = users["amber"]
        organisation.save(update_fields=["default_officer"])
        Subject.objects.bulk_create(
            Subject(organisation=organisation, name=n) for n in data.SUBJECTS
        )
        clients = [
            Client.objects.create(organisation=organisation, name=name, email=email)
            for name, email in data.CLIENTS
        ]
        today = clock.today()
        for reference, client, title, days_ago in data.ENGAGEMENTS:
            Engagement.objects.create(
                organisation=organisation,
                client=clients[client],
                reference=reference,
                title=title,
                starts_on=today - timedelta(days=days_ago),
                ends_on=today - timedelta(days=days_ago - 14),
            )
        return organisation

    def _complaints(self, organisation: Organisation) -> None:
        users = {u.username: u for u in User.objects.filter(organisation=organisation)}
        engagements = {e.reference: e for e in Engagement.objects.filter(organisation=organisation)}
        subjects = {s.name: s for s in Subject.objects.filter(organisation=organisation)}
        now = clock.now()
        for item in sorted(data.COMPLAINTS, key=lambda i: -i["days_ago"]):
            at = now - timedelta(days=item["days_ago"], hours=3)
            engagement = engagements.get(item.get("engagement"))
            respondent = users.get(item.get("respondent"))
            draft = ComplaintDraft(
                complainant_name=item["name"],
                complainant_email=item["email"],
                description=item["description"],
                desired_outcome=item.get("desired_outcome", ""),
                concerns=tuple(item["concerns"]),
                is_representative="representative" in item,
                on_behalf_of=item.get("representative", ""),
                engagement_id=engagement.pk if engagement else None,
                engagement_description=item.get("engagement_description", ""),
                respondent_id=respondent.pk if respondent else None,
                language=item.get("language", "nl"),
            )
            channel = item.get("channel", Channel.WEB)
            with clock.frozen(at):
                if channel in (Channel.LETTER, Channel.EMAIL):
                    officer = users[item["officer"]]
                    original = ("brief.pdf", io.BytesIO(SCAN))
                    if channel == Channel.EMAIL:
                        original = ("klacht.eml", io.BytesIO(_eml(item)))
                    complaint = services.complaint_register(
                        by=officer,
                        draft=draft,
                        channel=channel,
                        received_on=clock.local_date(at),
                        original=original,
                    ).complaint
                else:
                    complaint = services.complaint_submit(
                        organisation=organisation, draft=draft, channel=channel
                    ).complaint
            officer = complaint.assigned_officer
            later = at + timedelta(hours=20)
            with clock.frozen(later - timedelta(minutes=5)):
                # the officer opens the dossier before the first step, as in the app.
                access.scripted_read(
                    complaint, user=officer, kind=AccessKind.DOSSIER, role=ActorRole.OFFICER
                )
            with clock.frozen(later):
                if item.get("subjects"):
                    services.complaint_set_subjects(
                        complaint=complaint,
                        subject_ids=[subjects[n].pk for n in item["subjects"]],
                        by=officer,
                    )
                if item.get("start"):
                    services.complaint_start_handling(complaint=complaint, by=officer)
                if item.get("note"):
                    services.complaint_add_note(complaint=complaint, text=item["note"], by=officer)
            if item.get("stage"):
                if complaint.respondent_id:
                    with clock.frozen(later + timedelta(days=1, hours=3)):
                        # The person complained about reads it once informed.
                        access.scripted_read(
                            complaint,
                            user=complaint.respondent,
                            kind=AccessKind.DOSSIER_AS_RESPONDENT,
                            role=ActorRole.RESPONDENT,
                        )
                procedure.advance(complaint, item["stage"], officer=officer, start=later)
            if item.get("extend"):
                complaint.refresh_from_db()
                with clock.frozen(later + timedelta(days=6)):
                    services.complaint_extend_deadline(
                        complaint=complaint,
                        new_deadline=complaint.deadline + timedelta(days=14),
                        reason=item["extend"],
                        by=officer,
                    )

    def _print_logins(self, organisation: Organisation, password: str) -> None:
        site = settings.SITE_URL
        self.stdout.write("")
        self.stdout.write(self.style.MIGRATE_HEADING("Klachtenregeling demo"))
        self.stdout.write(f"  Public complaint form : {site}/{organisation.slug}/klacht/")
        self.stdout.write(f"  Regulation            : {site}/{organisation.slug}/klachtenregeling/")
        self.stdout.write(f"  Staff log-in          : {site}/inloggen/")
        self.stdout.write(f"  Settings (admins)     : {site}/werk/instellingen/")
        self.stdout.write(f"  API (OpenAPI)         : {site}/api/v1/openapi.json")
        judged = organisation.complaints.filter(status=Status.JUDGED).first()
        if judged is not None:
            link = complainant_link(judged, purpose="demo")
            self.stdout.write(f"  Complainant's page of {judged.reference} (judgment to answer):")
            self.stdout.write(f"    {link}")
        self.stdout.write(f"  Password for every demo user: {password}")
        for username, _first, _last, _roles in data.USERS:
            self.stdout.write(f"    {username:<8} {data.ROLE_LABELS[username]}")
        self.stdout.write(
            "  Officers and administrators set up two-step log-in (an authenticator app)"
            " at their first log-in."
        )
        self.stdout.write("")
