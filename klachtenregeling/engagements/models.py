"""Clients (opdrachtgevers) and their engagements (overeenkomsten van opdracht, R-2.1)."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class Client(models.Model):
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="clients"
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("client")
        verbose_name_plural = _("clients")
        ordering = ["name"]
        indexes = [models.Index(fields=["organisation", "name"], name="client_org_name")]

    def __str__(self) -> str:
        return self.name


class Engagement(models.Model):
    """An engagement; its reference is printed on the order confirmation."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="engagements"
    )
    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="engagements")
    reference = models.CharField(_("engagement number"), max_length=40)
    title = models.CharField(_("title"), max_length=200)
    starts_on = models.DateField(_("start date"), null=True, blank=True)
    ends_on = models.DateField(_("end date"), null=True, blank=True)

    class Meta:
        verbose_name = _("engagement")
        verbose_name_plural = _("engagements")
        ordering = ["-starts_on", "reference"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "reference"], name="engagement_unique_reference"
            )
        ]

    def __str__(self) -> str:
        return f"{self.reference} — {self.title}"


class DocumentKind(models.TextChoices):
    CONTRACT = "contract", _("contract / order confirmation")
    INVOICE = "invoice", _("invoice")


def document_path(instance: "EngagementDocument", filename: str) -> str:
    return f"engagements/{instance.engagement.organisation_id}/{uuid.uuid4().hex}"


class EngagementDocument(models.Model):
    """The engagement's contract and invoices: part of the case file for the disputes body."""

    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("kind"), max_length=20, choices=DocumentKind.choices)
    file = models.FileField(_("file"), upload_to=document_path, max_length=200)
    filename = models.CharField(_("file name"), max_length=200, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("engagement document")
        verbose_name_plural = _("engagement documents")
        ordering = ["kind", "uploaded_at"]

    def __str__(self) -> str:
        return self.filename
