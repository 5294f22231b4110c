"""An organisation and its regulation's parameters (R-1.4, R-4.2, R-5.5).

Every complaint, user and setting belongs to one organisation; nothing is
shared between organisations.
"""

import hashlib

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from klachtenregeling.core.append_only import AppendOnlyModel

from .validators import validate_days_off, validate_not_reserved

DEFAULT_TERM_DAYS = 28  # four weeks after receipt
DEFAULT_REMINDER_DAYS = 5  # the officer is reminded this many days before a deadline
DEFAULT_STATEMENT_REMINDER_DAYS = 2  # a party is reminded before their account is due
DEFAULT_ANSWER_REMINDER_DAYS = 14  # the complainant is reminded to answer the judgment
DEFAULT_ORAL_CONFIRMATION_DAYS = 14  # an oral complaint unconfirmed this long can close
DEFAULT_NO_ANSWER_DAYS = 14  # after the reminder, this long until "no answer"
DEFAULT_COOLING_OFF_DAYS = 7  # a confirmed destruction list can be cancelled this long


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("short name in web addresses"),
        max_length=50,
        unique=True,
        validators=[validate_not_reserved],
    )
    website = models.URLField(_("website"), blank=True)
    postal_address = models.TextField(
        _("postal address"), blank=True, help_text=_("Printed in the letterhead of letters.")
    )
    contact_email = models.EmailField(_("contact e-mail for complaints"))
    term_days = models.PositiveSmallIntegerField(
        _("term for a judgment (days)"),
        default=DEFAULT_TERM_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text=_("The officer judges within this many days after receipt."),
    )
    # a term ending on a Saturday, Sunday or public holiday ends on the next working
    # day (as the Algemene termijnenwet has it for statutory terms); the published
    # regulation says so when on.
    deadline_moves_off_days = models.BooleanField(
        _("a term ending on a day off ends on the next working day"),
        default=True,
        help_text=_("Saturday, Sunday and Dutch public holidays (as the Algemene termijnenwet)."),
    )
    extra_days_off = models.TextField(
        _("extra days off by decree"),
        blank=True,
        validators=[validate_days_off],
        help_text=_("One date a line, e.g. 24-12-2026. A term does not end on these days."),
    )
    reminder_days = models.PositiveSmallIntegerField(
        _("remind the officer (days before the deadline)"),
        default=DEFAULT_REMINDER_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_("The handling officer gets a reminder this many days before."),
    )
    statement_reminder_days = models.PositiveSmallIntegerField(
        _("remind a party (days before their account is due)"),
        default=DEFAULT_STATEMENT_REMINDER_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(30)],
    )
    answer_reminder_days = models.PositiveSmallIntegerField(
        _("remind the complainant to answer the judgment (days)"),
        default=DEFAULT_ANSWER_REMINDER_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(90)],
        help_text=_("Days after the judgment was sent without an answer."),
    )
    no_answer_days = models.PositiveSmallIntegerField(
        _("close without an answer (days after the reminder)"),
        default=DEFAULT_NO_ANSWER_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(90)],
        help_text=_(
            "After this many more days the officer can close the complaint as “no answer”."
        ),
    )
    oral_confirmation_days = models.PositiveSmallIntegerField(
        _("close an unconfirmed oral complaint (days)"),
        default=DEFAULT_ORAL_CONFIRMATION_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(90)],
        help_text=_(
            "Days after the written record was sent without a confirmation: then the "
            "complainant gets a reminder, and the officer can close it as “not confirmed”."
        ),
    )
    destruction_cooling_off_days = models.PositiveSmallIntegerField(
        _("cooling-off period before destruction (days)"),
        default=DEFAULT_COOLING_OFF_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_(
            "After two people confirmed a destruction list, either can still cancel it "
            "this many days."
        ),
    )
    disputes_body_name = models.CharField(
        _("disputes body"), max_length=200, default="De Geschillencommissie"
    )
    disputes_body_address = models.CharField(
        _("disputes body address"), max_length=300, default="Postbus 90600, 2509 LP Den Haag"
    )
    disputes_body_url = models.URLField(
        _("disputes body website"), default="https://www.degeschillencommissie.nl"
    )
    default_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("default complaints officer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Receives new complaints unless a complaint is about them."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(term_days__gte=1, term_days__lte=365),
                name="organisation_term_days_range",
            ),
            models.CheckConstraint(
                condition=models.Q(reminder_days__gte=1, reminder_days__lte=60),
                name="organisation_reminder_days_range",
            ),
            models.CheckConstraint(
                condition=models.Q(statement_reminder_days__gte=1, statement_reminder_days__lte=30),
                name="organisation_statement_reminder_days_range",
            ),
            models.CheckConstraint(
                condition=models.Q(answer_reminder_days__gte=1, answer_reminder_days__lte=90),
                name="organisation_answer_reminder_days_range",
            ),
            models.CheckConstraint(
                condition=models.Q(no_answer_days__gte=1, no_answer_days__lte=90),
                name="organisation_no_answer_days_range",
            ),
            models.CheckConstraint(
                condition=models.Q(
                    destruction_cooling_off_days__gte=1, destruction_cooling_off_days__lte=60
                ),
                name="organisation_cooling_off_days_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        officer = self.default_officer
        if officer is not None and (
            officer.organisation_id != self.pk or not officer.is_officer or not officer.is_active
        ):
            raise ValidationError(
                {"default_officer": _("Choose an active complaints officer of this organisation.")}
            )


class Subject(models.Model):
    """A complaint category (klachtonderwerp, R-8.1); a complaint can have several (R-8.2)."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="subjects"
    )
    name = models.CharField(_("name"), max_length=100)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("subject")
        verbose_name_plural = _("subjects")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="subject_unique_name")
        ]

    def __str__(self) -> str:
        return self.name


class Cause(models.Model):
    """A cause category (oorzaak, R-3.2): what led to the complaint, recorded at its end."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="causes")
    name = models.CharField(_("name"), max_length=100)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("cause")
        verbose_name_plural = _("causes")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="cause_unique_name")
        ]

    def __str__(self) -> str:
        return self.name


# A key is "kr_" and 43 characters of a random 32-byte token; only its SHA-256 is stored.
# The first characters (the prefix) are kept to tell keys apart; they open nothing.
API_KEY_PREFIX = "kr_"
API_KEY_VISIBLE = 11  # "kr_" and 8 characters of the token


def api_key_hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


class ApiKeyScope(models.TextChoices):
    """What an API key may do; the API checks the scope of each operation."""

    SUBMIT_COMPLAINTS = "complaints.submit", _("submit complaints")


class ApiKey(models.Model):
    """A key with which an organisation's own systems (its website server) use the API.

    Only the SHA-256 of the key is stored; the key itself is shown once, when it is made.
    The prefix (the first characters of the key) tells keys apart in the list. With a key
    the organisation is the key's, and the key has its own rate limit (API_KEY_RATE).
    """

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="api_keys",
        verbose_name=_("organisation"),
    )
    name = models.CharField(
        _("name"), max_length=100, help_text=_("What the key is used for, e.g. “website”.")
    )
    scope = models.CharField(
        _("scope"),
        max_length=40,
        choices=ApiKeyScope.choices,
        default=ApiKeyScope.SUBMIT_COMPLAINTS,
    )
    prefix = models.CharField(_("prefix"), max_length=16, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("created by"),
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True, editable=False)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("revoked by"),
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API key")
        verbose_name_plural = _("API keys")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class LogAction(models.TextChoices):
    """What the organisation log records: every change to people, roles and settings."""

    SETTINGS_CHANGED = "settings.changed", _("changed the organisation settings")
    SUBJECT_ADDED = "subject.added", _("added a subject")
    SUBJECT_CHANGED = "subject.changed", _("changed a subject")
    CAUSE_ADDED = "cause.added", _("added a cause")
    CAUSE_CHANGED = "cause.changed", _("changed a cause")
    USER_INVITED = "user.invited", _("invited a user")
    USER_CHANGED = "user.changed", _("changed a user")
    PASSWORD_LINK_SENT = "user.password_link_sent", _("sent a link to set a new password")
    PASSWORD_SET = "user.password_set", _("set a password with an e-mailed link")
    TWO_FACTOR_RESET = "user.two_factor_reset", _("reset two-step log-in")
    API_KEY_CREATED = "api_key.created", _("created an API key")
    API_KEY_REVOKED = "api_key.revoked", _("revoked an API key")
    ENGAGEMENT_ADDED = "engagement.added", _("added an engagement")
    ENGAGEMENT_CHANGED = "engagement.changed", _("changed an engagement")
    ENGAGEMENT_DOCUMENT_ADDED = "engagement.document_added", _("added a document to an engagement")


class OrganisationLogEntry(AppendOnlyModel):
    """One change to the organisation's people, roles or settings: who, what, before/after.

    Written by the service that makes the change, in its transaction (organisations/log.py);
    never changed or removed. `changes` is a list of {"field", "before", "after"}: the field's
    name on `model` (shown with its label) and the values as they read then.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="log_entries"
    )
    at = models.DateTimeField(_("when"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # Kept as text as well: who did it stays readable whatever happens to the user.
    actor_name = models.CharField(_("who"), max_length=200, blank=True)
    action = models.CharField(_("what"), max_length=40, choices=LogAction.choices)
    subject = models.CharField(_("about"), max_length=200, blank=True)
    model = models.CharField(max_length=40, blank=True)  # "organisation", "user", ...
    changes = models.JSONField(default=list)

    class Meta:
        verbose_name = _("organisation log entry")
        verbose_name_plural = _("organisation log")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["organisation", "-at"], name="orglog_org_at")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(action__in=LogAction.values), name="orglog_action_valid"
            )
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.subject}"
