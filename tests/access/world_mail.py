"""Objects of the access world for incoming e-mail (issue 18): per side a message waiting
in the triage inbox (`mail_id`) and one that could not be read (`failed_id`)."""

from klachtenregeling.inbound.constants import Source
from klachtenregeling.inbound.services import mail_import


def build(world, org, elsewhere, users) -> None:
    for side, organisation in (("own", org), ("other", elsewhere)):
        waiting = mail_import(
            organisation=organisation,
            raw=(
                f"From: Iemand <iemand@example.net>\nTo: klachten@{organisation.slug}.example\n"
                f"Subject: Klacht\nMessage-ID: <access-{side}@example.net>\n\nTekst.\n"
            ).encode(),
            source=Source.FILE,
        ).mail
        failed = mail_import(organisation=organisation, raw=b"\x00" * 64, source=Source.FILE).mail
        world.extra[side]["mail_id"] = str(waiting.pk)
        world.extra[side]["failed_id"] = str(failed.pk)
