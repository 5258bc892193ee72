"""Query-string filters for the lists (django-filter), and the ordering filter
that keeps cursor pagination stable."""
from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from datetime import timezone as dt_timezone
from typing import Any

import django_filters as df
from django import forms
from django.core.exceptions import FieldDoesNotExist, ImproperlyConfigured
from django.core.exceptions import ValidationError as FormValidationError
from django.db import models
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce
from django.http import QueryDict
from django_filters.fields import IsoDateTimeField
from django_filters.widgets import SuffixedMultiWidget
from rest_framework.exceptions import ValidationError
from rest_framework.filters import OrderingFilter

from claims.models import Claim, ClaimKind, ClaimStatus, ExtractionJob, JobStatus, Outcome
from sources.models import Document, Quote, Speaker

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

    def is_valid(self) -> bool:
        # django-filter skips a parameter given empty ("?status="); but only a text filter has a
        # meaning for "", so for the others an empty value is a mistake the client should hear of.
        valid = super().is_valid()
        for name, filter_ in self.filters.items():
            if isinstance(filter_, df.CharFilter) or name not in self.form.fields:
                continue
            for param in _widget_keys(name, self.form.fields[name].widget):
                if param in self.data and any(value == "" for value in self.data.getlist(param)):
                    self.form.add_error(name, f"{param} is empty: give a value or leave the parameter out.")
                    valid = False
        return valid


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
            raise FormValidationError(
                "The UTC offset %(offset)s is out of range: give one from -15:59 to +15:59 in hours and minutes, "
                "or Z for UTC.", code="invalid_offset", params={"offset": _offset_text(offset)})
        try:
            result.astimezone(dt_timezone.utc)
        except OverflowError:
            raise FormValidationError("This moment falls outside the years 1 to 9999 in UTC.",
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


@dataclass(frozen=True)
class _SortTerm:
    """One term of an ordering: the public name, its direction, and what the queryset is ordered by."""

    name: str
    descending: bool
    column: str  # a column of the queryset, or the alias of `expression`
    expression: Any = None

    @property
    def order_by(self) -> str:
        return f"-{self.column}" if self.descending else self.column


def _stand_ins(field: models.Field) -> tuple[Any, Any, models.Field]:
    """What an empty value sorts as, ascending and descending (so empty ones come last either way),
    and the output field: never null, so a cursor always has a position to compare with."""
    if isinstance(field, models.DateTimeField):
        return datetime(9999, 12, 31, tzinfo=dt_timezone.utc), datetime(1, 1, 1, tzinfo=dt_timezone.utc), \
            models.DateTimeField()
    if isinstance(field, models.DateField):
        return date(9999, 12, 31), date(1, 1, 1), models.DateField()
    if isinstance(field, models.IntegerField):
        return 2**62, -(2**62), models.BigIntegerField()
    if isinstance(field, models.FloatField):
        return 1e308, -1e308, models.FloatField()
    raise ImproperlyConfigured(f"cannot sort the empty values of a {type(field).__name__}; add a stand-in")


def _column_of(model: type[models.Model], path: str) -> tuple[models.Field | None, bool]:
    """The model field at the end of `path` (a lookup such as "document__published_at"), and whether
    it can be empty on the way (a null column or a null foreign key)."""
    field, nullable = None, False
    for part in path.split("__"):
        if part == "pk":
            return model._meta.pk, nullable
        try:
            field = model._meta.get_field(part)
        except FieldDoesNotExist:
            return None, nullable  # an annotation of the list's queryset: ordered as it is
        nullable = nullable or bool(getattr(field, "null", False))
        if field.is_relation and field.related_model is not None:
            model = field.related_model
    return field, nullable


class StableOrderingFilter(OrderingFilter):
    """The one ordering backend of every list: `?ordering=count,-published_at`.

    A view names what its list sorts by in `ordering_fields`, a list of names, or a dict from the
    public name to a lookup path ({"published_at": "document__published_at"}). An unknown value is a
    400 naming the allowed ones (never a silent default); the schema lists them as an enum. Empty
    values come last whichever the direction (and cursor pages stay whole); the id is the final
    tie-breaker, so pages never repeat or skip rows.
    """

    ordering_description = ("Sort by these values, comma-separated; a leading '-' sorts descending. Empty values "
                            "come last either way; ties are broken by id.")

    def sortable(self, view) -> dict[str, str]:
        fields = getattr(view, "ordering_fields", None) or {}
        return dict(fields) if isinstance(fields, dict) else {name: name for name in fields}

    def allowed_values(self, view) -> list[str]:
        return [value for name in self.sortable(view) for value in (name, f"-{name}")]

    def _requested(self, request, view) -> list[str]:
        given = request.query_params.get(self.ordering_param, "")
        names = [term.strip() for term in given.split(",") if term.strip()]
        if not names:
            default = getattr(view, "ordering", None) or []
            return [default] if isinstance(default, str) else list(default)
        sortable = self.sortable(view)
        unknown = [name for name in names if (name[1:] if name.startswith("-") else name) not in sortable]
        if unknown:
            allowed = ", ".join(self.allowed_values(view)) or "none: this list has one order"
            raise ValidationError({self.ordering_param: [
                f"Unknown ordering {', '.join(repr(name[:50]) for name in unknown[:5])}: use one of {allowed} "
                "(several may be given, comma-separated)."]})
        return names

    def _terms(self, request, queryset, view) -> list[_SortTerm]:
        sortable = self.sortable(view)
        terms: list[_SortTerm] = []
        for requested in self._requested(request, view):
            descending = requested.startswith("-")
            name = requested[1:] if descending else requested
            if any(term.name == name for term in terms):
                continue
            path = sortable.get(name, name)
            field, nullable = _column_of(queryset.model, path)
            if field is not None and nullable:
                ascending_stand_in, descending_stand_in, output = _stand_ins(field)
                stand_in = descending_stand_in if descending else ascending_stand_in
                expression = Coalesce(path, Value(stand_in, output_field=output), output_field=output)
                terms.append(_SortTerm(name, descending, f"ordering_{name}", expression))
            elif "__" in path:
                terms.append(_SortTerm(name, descending, f"ordering_{name}", F(path)))
            else:
                terms.append(_SortTerm(name, descending, path))
        if terms and not any(term.column in ("id", "pk") for term in terms):
            terms.append(_SortTerm("id", terms[0].descending, "id"))
        return terms

    def get_ordering(self, request, queryset, view) -> list[str]:
        # Also what CursorPagination pages by: the columns filter_queryset annotated and ordered by.
        return [term.order_by for term in self._terms(request, queryset, view)]

    def filter_queryset(self, request, queryset, view):
        terms = self._terms(request, queryset, view)
        annotations = {term.column: term.expression for term in terms if term.expression is not None}
        if annotations:
            queryset = queryset.annotate(**annotations)
        return queryset.order_by(*(term.order_by for term in terms)) if terms else queryset

    def get_template_context(self, request, queryset, view):
        try:
            return super().get_template_context(request, queryset, view)
        except ValidationError:  # the browsable API's form for an answer that is already a 400
            return {"request": request, "current": None, "param": self.ordering_param, "options": []}

    def get_schema_operation_parameters(self, view) -> list[dict]:
        return [{
            "name": self.ordering_param, "required": False, "in": "query",
            "description": self.ordering_description,
            "schema": {"type": "array", "items": {"type": "string", "enum": self.allowed_values(view)}},
            "style": "form", "explode": False,
        }]
