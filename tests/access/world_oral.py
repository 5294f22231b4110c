"""Objects of the access world for oral complaints (R-1.1): one record awaiting its written
confirmation on each side, written down by that side's officer."""

from datetime import date

from klachtenregeling.complaints.constants import Concern
from klachtenregeling.complaints.rules.intake import ComplaintDraft
from klachtenregeling.oral import services


def build(world, org, elsewhere, users) -> None:
    for side, officer in (("own", users["officer"]), ("other", users["foreign_officer"])):
        record, _token = services.oral_record_create(
            by=officer,
            told_on=date.today(),
            how_told="phone",
            draft=ComplaintDraft(
                complainant_name="Kees de Vries",
                complainant_email="kees@example.org",
                description="Telefonisch: de training ging niet door en niemand belde terug.",
                concerns=(Concern.PERFORMANCE,),
                engagement_description="Training Excel, maart, Utrecht",
            ),
        )
        world.extra[side]["record_id"] = str(record.pk)
        letter = services.oral_record_letter(by=officer, record_id=record.pk)  # to post
        world.extra[side]["letter_id"] = str(letter.pk)
