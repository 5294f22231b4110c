"""The organisation's mailbox settings: saved by its administrator; the secret by a command."""

from django.db import transaction

from klachtenregeling.accounts import policies

from ..models import Mailbox

FIELDS = (
    "address",
    "host",
    "port",
    "security",
    "username",
    "auth_method",
    "folder",
    "move_to",
    "enabled",
)


def mailbox_save(*, by, organisation, values: dict, secret: str = "") -> Mailbox:
    """Create or change the mailbox. An empty `secret` keeps the stored one."""
    policies.require(by, policies.MAILBOX_CONFIGURE, organisation)
    with transaction.atomic():
        mailbox = Mailbox.objects.select_for_update().filter(organisation=organisation).first()
        mailbox = mailbox or Mailbox(organisation=organisation)
        for name in FIELDS:
            setattr(mailbox, name, values[name])
        if secret:
            mailbox.secret = secret
        mailbox.save()
    return mailbox


def mailbox_set_secret(*, mailbox: Mailbox, secret: str, auth_method: str | None = None) -> None:
    """The password, or an OAuth2 access token fetched by the organisation's own tooling
    (`manage.py set_mailbox_secret`, e.g. from cron before the token expires)."""
    fields = {"secret": secret, "last_error": ""}
    if auth_method:
        fields["auth_method"] = auth_method
    Mailbox.objects.filter(pk=mailbox.pk).update(**fields)
