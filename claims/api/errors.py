"""Every API error as RFC 9457 problem details, from one handler.

    {"type": "...", "title": "...", "status": 409, "detail": "...", ...}

Validation errors add `errors` ({field: [messages]}); business errors
(factdesk.errors.ServiceError) add their extra members, such as `allowed` for
a refused review transition. The handler is set as DRF's EXCEPTION_HANDLER.
"""
from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.urls import Resolver404, resolve
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions, status
from rest_framework.response import Response

from .renderers import JSONRenderer

from factdesk.errors import ServiceError

PROBLEM_CONTENT_TYPE = "application/problem+json"
TYPE_BASE = "https://factdesk.example/problems/"


class PreconditionRequired(exceptions.APIException):
    status_code = 428
    default_detail = "This request must name the version it changes: send If-Match with the claim's ETag."
    default_code = "precondition_required"


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = "The claim changed since it was read: fetch it again and re-apply your change."
    default_code = "precondition_failed"


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The request body is too large."
    default_code = "payload_too_large"


TITLES = {
    400: "Invalid request",
    401: "Authentication required",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    406: "Not acceptable",
    409: "Conflict",
    412: "Precondition failed",
    413: "Payload too large",
    415: "Unsupported media type",
    428: "Precondition required",
    429: "Too many requests",
}


def problem(status_code: int, detail: str, *, title: str | None = None, code: str = "",
            headers: dict[str, str] | None = None, **members: Any) -> Response:
    title = title or TITLES.get(status_code, "Error")
    slug = code or title.lower().replace(" ", "-")
    body = {"type": TYPE_BASE + slug, "title": title, "status": status_code, "detail": detail, **members}
    return Response(body, status=status_code, headers=headers)


def flatten_errors(detail: Any, prefix: str = "") -> dict[str, list[str]]:
    """DRF's nested error detail as {"field": [...], "items.0": [...]}, what the problem body carries."""
    if isinstance(detail, dict):
        flat: dict[str, list[str]] = {}
        for key, value in detail.items():
            flat.update(flatten_errors(value, f"{prefix}.{key}" if prefix else str(key)))
        return flat
    if isinstance(detail, list) and any(isinstance(item, (dict, list)) for item in detail):
        flat = {}
        for index, item in enumerate(detail):
            if item:
                flat.update(flatten_errors(item, f"{prefix}.{index}" if prefix else str(index)))
        return flat
    messages = detail if isinstance(detail, list) else [detail]
    return {prefix or "non_field_errors": [str(message) for message in messages]}


def _service_error(error: ServiceError) -> Response:
    extra = dict(error.extra)
    field_errors = extra.pop("field_errors", None)
    members = {key: value for key, value in extra.items() if key not in ("type", "title", "status", "detail")}
    if field_errors:
        members["errors"] = {str(field): [str(m) for m in messages] for field, messages in field_errors.items()}
    return problem(error.status, error.detail, title=error.title, **members)


def _api_exception(exc: exceptions.APIException) -> Response:
    headers: dict[str, str] = {}
    if getattr(exc, "auth_header", None):
        headers["WWW-Authenticate"] = exc.auth_header
    if getattr(exc, "wait", None):
        headers["Retry-After"] = str(int(exc.wait))
    code = exc.status_code
    if isinstance(exc, exceptions.ValidationError):
        return problem(code, "The request is not valid: see `errors` for what to fix in each field.",
                       code="validation-error", errors=flatten_errors(exc.detail), headers=headers)
    detail = exc.detail
    if isinstance(detail, (list, dict)):
        return problem(code, "The request cannot be carried out.", errors=flatten_errors(detail), headers=headers)
    return problem(code, str(detail), code=str(getattr(detail, "code", "") or "").replace("_", "-"), headers=headers)


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, ServiceError):
        response = _service_error(exc)
    elif isinstance(exc, Http404):
        response = problem(404, "Nothing exists at this address, or you cannot see it.")
    elif isinstance(exc, PermissionDenied):
        response = problem(403, "Your role does not allow this.")
    elif isinstance(exc, RequestDataTooBig):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        response = problem(413, f"The request body is over the limit of {limit:,} bytes.")
    elif isinstance(exc, exceptions.APIException):
        response = _api_exception(exc)
    else:
        return None  # a bug: let Django answer 500 and log it
    request = context.get("request")
    renderer = getattr(request, "accepted_renderer", None)
    if renderer is not None and renderer.format == "api":
        return response  # a person in a browser: the browsable API's page shows the problem
    if request is not None and (renderer is None or renderer.format != "json"):
        # Whatever the resource speaks (YAML for the schema, none for a 406), a problem is JSON.
        request.accepted_renderer, request.accepted_media_type = JSONRenderer(), PROBLEM_CONTENT_TYPE
    response.content_type = PROBLEM_CONTENT_TYPE
    return response


@csrf_exempt  # it changes nothing, and a refused CSRF check would answer an HTML page
def unknown_path(request: HttpRequest, path: str = "") -> HttpResponse:
    """Every address under /api/ that no resource answers: a problem, whatever the method, DEBUG or not.

    An address that exists with a trailing slash is redirected there, as Django's APPEND_SLASH does
    for GET and HEAD (301); other methods get a 308, which repeats the request, body and all.
    """
    if settings.APPEND_SLASH and not request.path_info.endswith("/"):
        try:
            match = resolve(request.path_info + "/")
        except Resolver404:
            match = None
        if match is not None and match.func is not unknown_path:
            return HttpResponsePermanentRedirect(request.get_full_path(force_append_slash=True),
                                                 preserve_request=request.method not in ("GET", "HEAD"))
    body = {"type": TYPE_BASE + "not-found", "title": TITLES[404], "status": 404,
            "detail": f"No API resource at {request.path}: the API lives under /api/v1/ (its index lists the "
                      "resources), its schema at /api/schema/."}
    return JsonResponse(body, status=404, content_type=PROBLEM_CONTENT_TYPE)
