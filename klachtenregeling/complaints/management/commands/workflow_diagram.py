"""Print the workflow table as a Mermaid state diagram (the README's copy is checked by a test)."""

from django.core.management.base import BaseCommand

from klachtenregeling.complaints.workflow import mermaid


class Command(BaseCommand):
    help = "Print the complaint workflow (workflow.TRANSITIONS) as a Mermaid diagram."

    def handle(self, *args, **options):
        self.stdout.write(mermaid())
