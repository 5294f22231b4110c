"""makemessages with sorted output and no source locations.

Messages sorted by msgid, without `#: file:line` comments, keep the translation file
stable when code moves, so that parallel changes merge without conflicts.
"""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    msgmerge_options = [*makemessages.Command.msgmerge_options, "--sort-output"]
    msguniq_options = [*makemessages.Command.msguniq_options, "--sort-output"]
    msgattrib_options = [*makemessages.Command.msgattrib_options, "--sort-output"]
    xgettext_options = [*makemessages.Command.xgettext_options, "--sort-output"]

    def handle(self, *args, **options):
        options["no_location"] = True
        options.setdefault("ignore_patterns", [])
        options["ignore_patterns"] += [
            ".venv/*",
            ".tools/*",
            "staticfiles/*",
            "artifacts/*",
            "var/*",
            "bench/*",
        ]  # var/: runtime data (make bench puts a venv there); bench/: not the product
        return super().handle(*args, **options)
