"""Objects of the access world for the administrator's own pages (issue 17): a user and an
API key and an engagement of each side, and a (not valid) link to set a password."""

from klachtenregeling.engagements.models import Engagement
from klachtenregeling.organisations.models import ApiKey


def build(world, org, elsewhere, users) -> None:
    for side, organisation, user in (
        ("own", org, users["employee"]),
        ("other", elsewhere, users["foreign_officer"]),
    ):
        world.extra[side]["user_id"] = str(user.pk)
        world.extra[side]["key_id"] = str(ApiKey.objects.filter(organisation=organisation)[0].pk)
        world.extra[side]["uidb64"] = "MQ"
        engagement = Engagement.objects.filter(organisation=organisation)[0]
        world.extra[side]["engagement_id"] = str(engagement.pk)
