"""What the subject suggestion learned per organisation (R-8.1): data, never code.

The parameters are JSON (vocabularies, idf weights, coefficients; see classifier.py), so
loading a model runs nothing; no pickle. Nothing leaves the machine.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SubjectModel(models.Model):
    organisation = models.OneToOneField(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="subject_model"
    )
    trained_at = models.DateTimeField(_("trained at"))
    examples = models.PositiveIntegerField(_("earlier complaints learned from"))
    # [{"id", "name", "examples", "precision", "recall"}] per subject learned
    subjects = models.JSONField(default=list)
    # Held-out figures: accuracy, exact, precision, recall (None when too few to test).
    evaluation = models.JSONField(default=dict)
    parameters = models.JSONField()

    class Meta:
        verbose_name = _("subject model")
        verbose_name_plural = _("subject models")

    def __str__(self) -> str:
        return f"{self.organisation} ({self.examples})"
