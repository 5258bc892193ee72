"""The OpenAPI schema as the API behaves: every problem an operation can answer, and the bounds it enforces.

drf-spectacular describes the successful answers it can see in the views and
serializers. What it cannot see is decided here, once for every operation,
from what the operation is (tests/test_api_fuzz.py holds the schema to the
running API with all of schemathesis's checks):

- its problems (RFC 9457, application/problem+json, the `Problem` component),
  from the view's permissions and throttles, its method, its parameters and
  its body — see `problem_statuses`;
- the bounds its ids and filters enforce (ids from 1; the filters' own
  min_value/max_value/max_length), so a value the API refuses is one the
  schema calls invalid.

Set as REST_FRAMEWORK["DEFAULT_SCHEMA_CLASS"]; importing this module also
registers the filter extension.
"""
from __future__ import annotations

from typing import Any

from django import forms
from drf_spectacular.contrib.django_filters import DjangoFilterExtension
from drf_spectacular.openapi import AutoSchema
from rest_framework import serializers
from rest_framework.permissions import AllowAny

from .errors import PROBLEM_CONTENT_TYPE, TITLES
from .filters import MAX_ID, UtcOffsetDateTimeField

CHANGES = frozenset({"POST", "PUT", "PATCH"})
# The offsets a date filter takes (UtcOffsetDateTimeField): Z, or -15:59 to +15:59.
UTC_OFFSET_PATTERN = r"(Z|z|[+-](0[0-9]|1[0-5]):[0-5][0-9])$"

WHEN = {
    400: "The request is not valid: `errors` names what to fix in each field.",
    401: "No valid credentials: send Authorization: Bearer <token>.",
    403: "Your role does not allow this.",
    404: "Nothing exists at this address (or you cannot see it), or an id in the request names nothing.",
    409: "The change conflicts with the current state (a transition the state machine refuses, a duplicate).",
    412: "If-Match names a version that is no longer current: read again and re-apply the change.",
    413: "The request body is over the size limit.",
    415: "The body is not JSON: send Content-Type: application/json.",
    428: "If-Match is missing: send the ETag you read.",
    429: "Too many requests: wait the seconds Retry-After gives.",
}


class ProblemSerializer(serializers.Serializer):
    """An error as RFC 9457 problem details; extra members (`errors`, `allowed`, …) depend on the problem."""

    type = serializers.CharField(help_text="A URI naming the kind of problem.")
    title = serializers.CharField()
    status = serializers.IntegerField(min_value=400, max_value=599)
    detail = serializers.CharField(help_text="What went wrong and how to put it right.")
    errors = serializers.DictField(child=serializers.ListField(child=serializers.CharField()), required=False,
                                   help_text="Messages per field (validation errors only).")


def problem_statuses(*, view, method: str, operation: dict[str, Any]) -> set[int]:
    """The 4xx (and 5xx) problems one operation can answer, from what the operation is."""
    parameters = operation.get("parameters", [])
    located = {(parameter["in"], parameter["name"]) for parameter in parameters}
    statuses: set[int] = set()
    if not all(isinstance(permission, AllowAny) for permission in view.get_permissions()):
        statuses |= {401, 403}
    if view.get_throttles():
        statuses.add(429)
    if method in CHANGES:
        # A change can be refused by the services' rules (400) or by the current state (409);
        # a DELETE is only refused for what it names (404).
        statuses |= {400, 409}
    if any(location == "query" for location, _ in located):
        statuses.add(400)
    if any(location == "path" for location, _ in located) or ("query", "cursor") in located:
        statuses.add(404)  # an id that names nothing, or a cursor that points nowhere
    if "requestBody" in operation:
        statuses |= {404, 413, 415}  # ids in the body name objects too
    if ("header", "If-Match") in located:
        statuses |= {412, 428}
    # What the operation's shape cannot show (versions named in the body, say), its view names.
    statuses |= set(getattr(view, "more_problems", {}).get(getattr(view, "action", None), ()))
    return statuses


class FactDeskAutoSchema(AutoSchema):
    def get_operation(self, path, path_regex, path_prefix, method, registry):
        operation = super().get_operation(path, path_regex, path_prefix, method, registry)
        if operation is None:
            return None
        responses = operation["responses"]
        for status in sorted(problem_statuses(view=self.view, method=self.method, operation=operation)):
            code = str(status)
            if code in responses:
                continue
            response = self._get_response_for_code(ProblemSerializer, code, media_types=[PROBLEM_CONTENT_TYPE])
            response["description"] = f"{TITLES[status]}. {WHEN[status]}"
            responses[code] = response
        operation["responses"] = dict(sorted(responses.items()))
        return operation

    def _resolve_path_parameters(self, variables):
        parameters = super()._resolve_path_parameters(variables)
        for parameter in parameters:
            schema = parameter["schema"]
            if schema.get("type") == "integer":
                # Ids start at 1; 0, negatives and non-numbers name nothing and answer 404.
                schema.update(minimum=1, maximum=MAX_ID)
        return parameters


class BoundedDjangoFilterExtension(DjangoFilterExtension):
    """django-filter's parameters with the bounds their form fields enforce (a value out of bounds is a 400)."""

    priority = 1

    def resolve_filter_field(self, auto_schema, model, filterset_class, field_name, filter_field):
        parameters = super().resolve_filter_field(auto_schema, model, filterset_class, field_name, filter_field)
        bounds = {"minimum": filter_field.extra.get("min_value"), "maximum": filter_field.extra.get("max_value"),
                  "maxLength": filter_field.extra.get("max_length")}
        if issubclass(filter_field.field_class, UtcOffsetDateTimeField):
            bounds["pattern"] = UTC_OFFSET_PATTERN
        # Django's DecimalField and FloatField are IntegerField subclasses: only a true integer field is whole.
        whole = (issubclass(filter_field.field_class, forms.IntegerField)
                 and not issubclass(filter_field.field_class, (forms.DecimalField, forms.FloatField)))
        for parameter in parameters:
            schema = parameter["schema"]
            target = schema["items"] if schema.get("type") == "array" else schema
            if whole:
                target.pop("format", None)
                target["type"] = "integer"
            target.update({key: value for key, value in bounds.items() if value is not None})
        return parameters
