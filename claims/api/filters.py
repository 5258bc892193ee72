"""Query-string filters for the lists (django-filter), and the ordering filter
that keeps cursor pagination stable."""
from __future__ import annotations

import copy

import django_filters as df
from django import forms
from django.db.models import Q
from rest_framework.filters import OrderingFilter

from claims.models import Claim, ClaimKind, ClaimStatus, ExtractionJob, JobStatus, Outcome
from sources.models import Document, Quote, Speaker

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

    def is_valid(self) -> bool:
        # django-filter skips a parameter given empty ("?status="); but only a text filter has a
        # meaning for "", so for the others an empty value is a mistake the client should hear of.
        valid = super().is_valid()
        for name, filter_ in self.filters.items():
            if isinstance(filter_, df.CharFilter) or name not in self.form.fields:
                continue
            suffixes = getattr(self.form.fields[name].widget, "suffixes", None) or [""]
            for param in (f"{name}_{suffix}" if suffix else name for suffix in suffixes):
                if param in self.data and any(value == "" for value in self.data.getlist(param)):
                    self.form.add_error(name, f"{param} is empty: give a value or leave the parameter out.")
                    valid = False
        return valid


class TrueFalseField(forms.Field):
    """true or false, as the schema's boolean is written in a query string; anything else is a 400."""

    def to_python(self, value):
        if value in (None, ""):
            return None
        if value not in ("true", "false"):
            raise forms.ValidationError(f"{str(value)[:40]!r} is not a boolean: give true or false.", code="invalid")
        return value == "true"


class TrueFalseFilter(df.BooleanFilter):
    field_class = TrueFalseField


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


class ClaimFilter(FilterSet):
    status = df.MultipleChoiceFilter(choices=ClaimStatus.choices, distinct=False)
    kind = df.MultipleChoiceFilter(choices=ClaimKind.choices, distinct=False)
    outcome = df.MultipleChoiceFilter(choices=Outcome.choices, distinct=False)
    speaker = IdFilter(field_name="speaker_id")
    outlet = IdFilter(field_name="document__outlet_id")
    document = IdFilter(field_name="document_id")
    published = df.IsoDateTimeFromToRangeFilter(field_name="document__published_at")
    created = df.IsoDateTimeFromToRangeFilter(field_name="created_at")
    count_min = CountFilter(field_name="count", lookup_expr="gte")
    count_max = CountFilter(field_name="count", lookup_expr="lte")
    confidence_min = df.NumberFilter(field_name="confidence", lookup_expr="gte", min_value=0, max_value=1)
    confidence_max = df.NumberFilter(field_name="confidence", lookup_expr="lte", min_value=0, max_value=1)

    class Meta:
        model = Claim
        fields = ["status", "kind", "outcome", "speaker", "outlet", "document"]


class DocumentFilter(FilterSet):
    outlet = IdFilter(field_name="outlet_id", help_text="An outlet id.")

    class Meta:
        model = Document
        fields = ["outlet"]


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
