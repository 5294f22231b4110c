"""Rows of the dossier are inserted, never changed or removed through the ORM (R-7.4).

The database refuses it too (audit/triggers.py). The one exception is the erasure of a
whole dossier after the yearly review (R-8.5): `erase_for_complaint` under a grant, called
only by audit/erasure.py.
"""

from django.db import models


class AppendOnlyError(Exception):
    pass


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError(f"{self.model._meta.verbose_name} rows cannot be changed")

    def delete(self):
        raise AppendOnlyError(f"{self.model._meta.verbose_name} rows cannot be deleted")

    def erase_for_complaint(self, grant) -> int:
        """Delete every row of the complaint named by a stored erasure grant; returns the count."""
        stored = (
            grant is not None
            and grant.pk is not None
            and type(grant)
            ._default_manager.filter(pk=grant.pk, complaint_id=grant.complaint_id)
            .exists()
        )
        if not stored:
            raise AppendOnlyError("erasing rows needs a stored erasure grant")
        rows = self.model._default_manager.using(self.db).filter(complaint_id=grant.complaint_id)
        deleted, _ = models.QuerySet.delete(rows)
        return deleted


class AppendOnlyModel(models.Model):
    """Abstract base: insert once; a correction is a new row that refers to the old one."""

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError(f"{self._meta.verbose_name} rows cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError(f"{self._meta.verbose_name} rows cannot be deleted")
