# ruff: noqa: RUF001 - Django's msgids use the typographic apostrophe (U+2019)
"""Django's own messages about passwords, in our voice.

Django's Dutch translations say "u" and "uw" ("Uw wachtwoord mag niet…"); everything
else a person reads here says "je". Our locale comes first in LOCALE_PATHS, so the
translations of these msgids in `locale/nl/LC_MESSAGES/django.po` replace Django's. They
are listed here so that `makemessages` keeps them, and so that a test can check them.
"""

from django.utils.translation import gettext_noop, ngettext


def password_messages() -> list[str]:
    """The password help and errors of django.contrib.auth, and the texts of the
    password-reset pages and mail of Django's `registration/` templates."""
    return [
        gettext_noop("Your password can’t be too similar to your other personal information."),
        gettext_noop("Your password can’t be a commonly used password."),
        gettext_noop("Your password can’t be entirely numeric."),
        gettext_noop("Your old password was entered incorrectly. Please enter it again."),
        gettext_noop("Your password was changed."),
        gettext_noop(
            "Please enter your old password, for security’s sake, and then enter your new "
            "password twice so we can verify you typed it in correctly."
        ),
        gettext_noop("Your password has been set.  You may go ahead and log in now."),
        gettext_noop(
            "We’ve emailed you instructions for setting your password, if an account exists "
            "with the email you entered. You should receive them shortly."
        ),
        gettext_noop(
            "If you don’t receive an email, please make sure you’ve entered the address you "
            "registered with, and check your spam folder."
        ),
        gettext_noop(
            "You're receiving this email because you requested a password reset for your "
            "user account at %(site_name)s."
        ),
        gettext_noop("Your username, in case you’ve forgotten:"),
        gettext_noop(
            "Forgotten your password? Enter your email address below, and we’ll email "
            "instructions for setting a new one."
        ),
    ]


def password_length_message(min_length: int) -> str:
    """MinimumLengthValidator's help text (a plural), translated in the current language."""
    return ngettext(
        "Your password must contain at least %(min_length)d character.",
        "Your password must contain at least %(min_length)d characters.",
        min_length,
    ) % {"min_length": min_length}
