"""Objects of the access world for the managed lists of subjects and causes (R-8.1, R-3.2).

`build(world, org, elsewhere, users)` adds path values for the own and the other side to
`world.extra["own"]` and `world.extra["other"]` (routes.fill uses them by parameter name).
Each organisation has two subjects in use (so one can be taken out of use) and a cause.
"""

from klachtenregeling.organisations.models import Cause, Subject


def build(world, org, elsewhere, users) -> None:
    for side, organisation in (("own", org), ("other", elsewhere)):
        subject = Subject.objects.create(organisation=organisation, name="Planning")
        Subject.objects.create(organisation=organisation, name="Facturatie")
        cause = Cause.objects.create(organisation=organisation, name="Communicatie")
        world.extra[side]["subject_id"] = str(subject.pk)
        world.extra[side]["cause_id"] = str(cause.pk)
