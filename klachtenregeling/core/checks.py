"""Deploy checks (`manage.py check --deploy`): mail can only be trusted from a real domain.

A sender on localhost, an IP address or example.* fails SPF, DKIM and DMARC, so complainants'
mail servers reject the mail or file it as spam; links (and calendar UIDs) built from a
SITE_URL on http:// or on the local machine do not reach them safely.

Ids core.E101-E199 are the mail checks.
"""

from django.conf import settings
from django.core import checks

from .mail import sender_address, sender_domain, sender_domain_problem, site_url_problem

README = 'README, "Standards: E-mail"'


def mail_sender(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    errors = []
    if not sender_domain():
        errors.append(
            checks.Error(
                f"DEFAULT_FROM_EMAIL ({settings.DEFAULT_FROM_EMAIL!r}) is not an address with "
                "a domain.",
                hint="Set DEFAULT_FROM_EMAIL to an address on the organisation's own domain, "
                f"e.g. klachten@organisatie.nl ({README}).",
                id="core.E101",
            )
        )
    elif problem := sender_domain_problem(sender_domain()):
        errors.append(
            checks.Error(
                f"The sender domain of DEFAULT_FROM_EMAIL ({sender_address()}) is {problem}: "
                "mail from it cannot pass SPF, DKIM and DMARC.",
                hint="Use an address on a domain whose DNS carries SPF, DKIM and DMARC records "
                f"for the mail server ({README}).",
                id="core.E102",
            )
        )
    if problem := site_url_problem(settings.SITE_URL):
        errors.append(
            checks.Error(
                f"SITE_URL ({settings.SITE_URL!r}) cannot be used in mails: {problem}.",
                hint="Set SITE_URL to the public https:// address of the application, e.g. "
                "https://klachten.organisatie.nl.",
                id="core.E103",
            )
        )
    return errors


def register() -> None:
    checks.register(mail_sender, checks.Tags.security, deploy=True)
