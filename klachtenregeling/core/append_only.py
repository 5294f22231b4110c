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
        return self.erase_for_complaints([grant])

    def erase_for_complaints(self, grants) -> int:
        """Delete every row of the complaints named by stored erasure grants (one statement,
        a batch of a destruction list); returns the count. Every grant must be stored, for
        the complaint it names."""
        grants = list(grants)
        wanted = {(grant.pk, grant.complaint_id) for grant in grants if grant is not None}
        stored = bool(grants) and len(wanted) == len(grants) and None not in {p for p, _ in wanted}
        if stored:
            model = type(grants[0])
            found = set(
                model._default_manager.filter(pk__in=[pk for pk, _ in wanted]).values_list(
                    "pk", "complaint_id"
                )
            )
            stored = found == wanted
        if not stored:
            raise AppendOnlyError("erasing rows needs a stored erasure grant")
        rows = self.model._default_manager.using(self.db).filter(
            complaint_id__in=sorted({complaint_id for _, complaint_id in wanted})
        )
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
