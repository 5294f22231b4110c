"""Train the subject suggestion of every organisation (or one) and print how it did."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from klachtenregeling.organisations.models import Organisation
from klachtenregeling.suggestions.services import subject_model_train


def _figure(value) -> str:
    return "—" if value is None else f"{value:.2f}"


class Command(BaseCommand):
    help = (
        "Learn each organisation's complaint subjects from its own earlier complaints (article 8)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--organisation", metavar="SLUG", help="Only this organisation.")

    def handle(self, *args, organisation=None, **options):
        organisations = Organisation.objects.order_by("slug")
        if organisation:
            organisations = organisations.filter(slug=organisation)
            if not organisations.exists():
                raise CommandError(f"No organisation with short name {organisation!r}.")
        for org in organisations:
            result = subject_model_train(organisation=org)
            if not result.trained:
                self.stdout.write(
                    f"{org.slug}: {result.examples} examples; too few "
                    f"(at least {settings.SUBJECT_SUGGESTION_MIN_EXAMPLES} with subjects, "
                    f"{settings.SUBJECT_SUGGESTION_MIN_PER_SUBJECT} per subject): no model"
                )
                continue
            e = result.evaluation
            self.stdout.write(
                f"{org.slug}: {result.examples} examples, {len(result.subjects)} subjects "
                f"learned; held-out accuracy {_figure(e.get('accuracy'))} "
                f"(exact {_figure(e.get('exact'))}, precision {_figure(e.get('precision'))}, "
                f"recall {_figure(e.get('recall'))}, {e.get('examples', 0)} held out)"
            )
            for s in result.subjects:
                self.stdout.write(
                    f"  {s['name']}: {s['examples']} examples, precision "
                    f"{_figure(s['precision'])}, recall {_figure(s['recall'])}"
                )
