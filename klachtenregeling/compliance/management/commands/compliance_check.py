"""Check every open complaint of every organisation against the regulation (issue 14).

    manage.py compliance_check            breaches and at-risk items, one per line
    manage.py compliance_check --json     the same as one JSON document

Complaints are read in batches (three queries per batch, flat memory). Exit code 1 when a
rule is breached, 0 otherwise (at-risk items alone do not fail).
"""

import json

from django.core.management.base import BaseCommand, CommandError

from klachtenregeling.compliance.constants import ALARMING, Verdict
from klachtenregeling.compliance.selectors import compliance_of_open_complaints


class Command(BaseCommand):
    help = "Check all open complaints against the regulation; exit 1 when a rule is breached."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="print one JSON document")

    def handle(self, *args, **options):
        checked, items = 0, []
        for complaint, findings in compliance_of_open_complaints():
            checked += 1
            items.extend(
                {
                    "reference": complaint.reference,
                    "organisation": complaint.organisation.slug,
                    "organisation_name": complaint.organisation.name,
                    "rule": f.rule,
                    "title": str(f.title),
                    "status": f.verdict.value,
                    "since": f.since.isoformat() if f.since else None,
                    "missing": str(f.missing),
                }
                for f in findings
                if f.verdict in ALARMING
            )
        breaches = sum(item["status"] == Verdict.BREACHED for item in items)
        at_risk = len(items) - breaches
        if options["json"]:
            self._json(checked, breaches, at_risk, items)
        else:
            self._text(checked, breaches, at_risk, items)
        if breaches:
            raise CommandError(f"{breaches} breaches in {checked} open complaints.", returncode=1)

    def _json(self, checked, breaches, at_risk, items):
        document = {"checked": checked, "breaches": breaches, "at_risk": at_risk, "items": items}
        self.stdout.write(json.dumps(document, ensure_ascii=False, indent=2))

    def _text(self, checked, breaches, at_risk, items):
        for item in items:
            style = self.style.ERROR if item["status"] == Verdict.BREACHED else self.style.WARNING
            when = "since" if item["status"] == Verdict.BREACHED else "due by"
            since = f" ({when} {item['since']})" if item["since"] else ""
            label = Verdict(item["status"]).label
            line = f"{item['reference']} ({item['organisation_name']}): {label}: {item['title']}"
            self.stdout.write(style(line + since))
        self.stdout.write(
            f"{checked} open complaints checked: {breaches} breaches, {at_risk} at risk."
        )
