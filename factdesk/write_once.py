"""Rows written once and never changed or deleted: audit trails (review events, fact events).

The model refuses save() of a stored row and delete(); its queryset refuses
update() and delete(). The database refuses them too (triggers installed by
each app's database_guards), so nothing below the ORM gets round it either.
"""
from __future__ import annotations

from django.db import models


def _refusal(model, verb: str) -> TypeError:
    return TypeError(f"{model._meta.verbose_name_plural.capitalize()} are immutable and cannot be {verb}.")


class WriteOnceQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise _refusal(self.model, "updated")

    def delete(self):
        raise _refusal(self.model, "deleted")


class WriteOnceModel(models.Model):
    objects = WriteOnceQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None and not self._state.adding:
            raise _refusal(self, "changed once written")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise _refusal(self, "deleted")
