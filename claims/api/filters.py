"""Query-string filters for the lists (django-filter), and the ordering filter
that keeps cursor pagination stable."""
from __future__ import annotations

import copy
from datetime import datetime, timedelta
from datetime import timezone as dt_timezone

import django_filters as df
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django_filters.fields import IsoDateTimeField
from rest_framework.filters import OrderingFilter

from claims.models import Claim, ClaimKind, ClaimStatus, ExtractionJob, JobStatus, Outcome
from sources.models import Quote, Speaker

# Bounds keep out-of-range numbers a 400 instead of a database overflow.
MAX_INT = 2_147_483_647
MAX_ID = 2**63 - 1


class FilterSet(df.FilterSet):
    """django-filter's FilterSet with its form class built once per class, not once per request.

    django-filter makes a new form class, and a new form field per filter, on
    every request; these filters are the same for every request (no choices or
    querysets depend on who asks), and a Django form copies its fields for each
    instance anyway, so one class per filter set serves every request.
    """

    @classmethod
    def _form_class(cls) -> type[forms.Form]:
        form_class = cls.__dict__.get("_shared_form_class")
        if form_class is None:
            filters = copy.deepcopy(cls.base_filters)  # the base filters stay as django-filter left them
            for filter_ in filters.values():
                filter_.model = cls._meta.model  # labels are read from the model, as for a bound filter
            fields = {name: filter_.field for name, filter_ in filters.items()}
            form_class = type(f"{cls.__name__}Form", (cls._meta.form,), fields)
            cls._shared_form_class = form_class
        return form_class

    def get_form_class(self) -> type[forms.Form]:
        return self._form_class()


class IdFilter(df.NumberFilter):
    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(*args, **kwargs)


class CountFilter(df.NumberFilter):
    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault("max_value", MAX_INT)
        super().__init__(*args, **kwargs)


# PostgreSQL refuses a time zone displacement beyond this ("time zone displacement out of range").
MAX_UTC_OFFSET = timedelta(hours=15, minutes=59)


class UtcOffsetDateTimeField(IsoDateTimeField):
    """ISO 8601 (a bare date is its midnight in UTC) with an offset every database we run on can read.

    An offset beyond ±15:59, one with seconds, or a moment outside the years 1 to 9999 once in UTC is
    invalid: a 400 naming the parameter, before any query is built.
    """

    def to_python(self, value) -> datetime | None:
        result = super().to_python(value)
        offset = result.utcoffset() if result is not None else None
        if offset is None:
            return result
        if abs(offset) > MAX_UTC_OFFSET or offset % timedelta(minutes=1):
            raise ValidationError(
                "The UTC offset %(offset)s is out of range: give one from -15:59 to +15:59 in hours and minutes, "
                "or Z for UTC.", code="invalid_offset", params={"offset": _offset_text(offset)})
        try:
            result.astimezone(dt_timezone.utc)
        except OverflowError:
            raise ValidationError("This moment falls outside the years 1 to 9999 in UTC.",
                                  code="out_of_range") from None
        return result


def _offset_text(offset: timedelta) -> str:
    minutes, seconds = divmod(int(abs(offset).total_seconds()), 60)
    text = f"{'-' if offset < timedelta(0) else '+'}{minutes // 60:02d}:{minutes % 60:02d}"
    return f"{text}:{seconds:02d}" if seconds else text


class DateTimeFilter(df.IsoDateTimeFilter):
    """The one date filter of every list: `<name>_after` (from, inclusive) or `<name>_before` (up to, inclusive)."""

    field_class = UtcOffsetDateTimeField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("help_text", "An ISO 8601 date, or date and time with a UTC offset from -15:59 to +15:59 "
                                       "(Z for UTC); inclusive.")
        super().__init__(*args, **kwargs)


class ClaimFilter(FilterSet):
    status = df.MultipleChoiceFilter(choices=ClaimStatus.choices, distinct=False)
    kind = df.MultipleChoiceFilter(choices=ClaimKind.choices, distinct=False)
    outcome = df.MultipleChoiceFilter(choices=Outcome.choices, distinct=False)
    speaker = IdFilter(field_name="speaker_id")
    outlet = IdFilter(field_name="document__outlet_id")
    document = IdFilter(field_name="document_id")
    published_after = DateTimeFilter(field_name="document__published_at", lookup_expr="gte")
    published_before = DateTimeFilter(field_name="document__published_at", lookup_expr="lte")
    created_after = DateTimeFilter(field_name="created_at", lookup_expr="gte")
    created_before = DateTimeFilter(field_name="created_at", lookup_expr="lte")
    count_min = CountFilter(field_name="count", lookup_expr="gte")
    count_max = CountFilter(field_name="count", lookup_expr="lte")
    confidence_min = df.NumberFilter(field_name="confidence", lookup_expr="gte", min_value=0, max_value=1)
    confidence_max = df.NumberFilter(field_name="confidence", lookup_expr="lte", min_value=0, max_value=1)

    class Meta:
        model = Claim
        fields = ["status", "kind", "outcome", "speaker", "outlet", "document"]


class SpeakerFilter(FilterSet):
    document = IdFilter(method="filter_document", help_text="Speakers quoted or credited in this document.")
    kind = df.ChoiceFilter(choices=Speaker.Kind.choices)

    class Meta:
        model = Speaker
        fields = ["kind"]

    def filter_document(self, queryset, name, value):
        ids = Claim.objects.filter(document_id=value, speaker__isnull=False).values("speaker_id")
        quoted = Quote.objects.filter(document_id=value, speaker__isnull=False).values("speaker_id")
        return queryset.filter(Q(pk__in=ids) | Q(pk__in=quoted))


class QuoteFilter(FilterSet):
    document = IdFilter(field_name="document_id")
    speaker = IdFilter(field_name="speaker_id")

    class Meta:
        model = Quote
        fields = ["document", "speaker"]


class ExtractionJobFilter(FilterSet):
    document = IdFilter(field_name="document_id")
    status = df.MultipleChoiceFilter(choices=JobStatus.choices, distinct=False)

    class Meta:
        model = ExtractionJob
        fields = ["document", "status"]


class StableOrderingFilter(OrderingFilter):
    """The requested ordering with the id as the final tie-breaker, so pages never repeat or skip rows."""

    def get_ordering(self, request, queryset, view):
        ordering = list(super().get_ordering(request, queryset, view) or [])
        if ordering and not any(field.lstrip("-") in ("id", "pk") for field in ordering):
            ordering.append("-id" if ordering[0].startswith("-") else "id")
        return ordering
