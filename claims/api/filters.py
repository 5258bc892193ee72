"""Query-string filters for the lists (django-filter), and the ordering filter
that keeps cursor pagination stable."""
from __future__ import annotations

import copy

import django_filters as df
from django import forms
from django.db.models import Q
from django.http import QueryDict
from django_filters.widgets import SuffixedMultiWidget
from rest_framework.filters import OrderingFilter

from claims.models import Claim, ClaimKind, ClaimStatus, ExtractionJob, JobStatus, Outcome
from sources.models import Quote, Speaker

# Bounds keep out-of-range numbers a 400 instead of a database overflow.
MAX_INT = 2_147_483_647
MAX_ID = 2**63 - 1


class FilterSet(df.FilterSet):
    """django-filter's FilterSet doing only the work of the filters a request gives.

    django-filter deep-copies every filter, builds a form class and a form with a
    field per filter, and cleans every field on every request, given or not: for the
    claims list, twelve filters when a request gives two. Here a request's filter set
    copies, builds and validates only the filters its query string names (and any
    required one); a filter not given filters nothing either way. The form class
    for each such set of names is built once per filter set class and kept.

    People in the browsable API are shown the form with every filter, as django-filter builds it.
    """

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        if queryset is None:
            queryset = self._meta.model._default_manager.all()
        self.is_bound = data is not None
        self.data = data or QueryDict()
        self.queryset = queryset
        self.request = request
        self.form_prefix = prefix
        names = self._given_names(self.data, prefix) if self.is_bound and not _browsing(request) else self.base_filters
        self.filters = {name: copy.deepcopy(self.base_filters[name]) for name in names}
        for filter_ in self.filters.values():
            filter_.model = queryset.model
            filter_.parent = self

    @classmethod
    def _given_names(cls, data, prefix: str | None) -> tuple[str, ...]:
        """The filters whose query-string keys appear in `data` (`published_after` gives `published`)."""
        keys = cls._data_keys()
        lead = f"{prefix}-" if prefix else ""
        return tuple(name for name, (required, names) in keys.items()
                     if required or any(lead + key in data for key in names))

    @classmethod
    def _data_keys(cls) -> dict[str, tuple[bool, tuple[str, ...]]]:
        keys = cls.__dict__.get("_shared_data_keys")
        if keys is None:
            keys = {name: (field.required, _widget_keys(name, field.widget))
                    for name, field in cls._form_class(tuple(cls.base_filters)).base_fields.items()}
            cls._shared_data_keys = keys
        return keys

    @classmethod
    def _form_class(cls, names: tuple[str, ...]) -> type[forms.Form]:
        """The form class for these filters; one per set of names, shared by every request.

        These filters are the same for every request (no choices or querysets depend on who
        asks) and a Django form copies its fields for each instance, so one class serves all.
        At most one class per subset of the filters is ever made (4,096 for twelve filters).
        """
        classes = cls.__dict__.get("_shared_form_classes")
        if classes is None:
            classes = cls._shared_form_classes = {}
        form_class = classes.get(names)
        if form_class is None:
            fields = cls.__dict__.get("_shared_fields")
            if fields is None:
                filters = copy.deepcopy(cls.base_filters)  # the base filters stay as django-filter left them
                for filter_ in filters.values():
                    filter_.model = cls._meta.model  # labels are read from the model, as for a bound filter
                fields = cls._shared_fields = {name: filter_.field for name, filter_ in filters.items()}
            form_class = type(f"{cls.__name__}Form", (cls._meta.form,), {name: fields[name] for name in names})
            classes[names] = form_class
        return form_class

    def get_form_class(self) -> type[forms.Form]:
        return self._form_class(tuple(self.filters))


def _widget_keys(name: str, widget: forms.Widget) -> tuple[str, ...]:
    """The query-string keys a filter's widget reads: `published` reads published_after and published_before."""
    if isinstance(widget, SuffixedMultiWidget):
        return tuple(widget.suffixed(name, suffix) for suffix in widget.suffixes)
    if isinstance(widget, forms.MultiWidget):
        return tuple(name + suffix for suffix in widget.widgets_names)
    return (name,)


def _browsing(request) -> bool:
    """A person in the browsable API, whose page shows a form with every filter."""
    return getattr(getattr(request, "accepted_renderer", None), "format", None) == "api"


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
