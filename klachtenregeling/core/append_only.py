"""Rows of the dossier are inserted, never changed or removed through the ORM (R-7.4)."""

from django.db import models


class AppendOnlyError(Exception):
    pass


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError(f"{self.model._meta.verbose_name} rows cannot be changed")

    def delete(self):
        raise AppendOnlyError(f"{self.model._meta.verbose_name} rows cannot be deleted")


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
