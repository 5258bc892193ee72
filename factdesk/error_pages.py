"""404 and 500 for URLs no view answered: problem details under /api/, Django's pages elsewhere.

DRF's exception handler covers errors inside API views; these cover what
happens before a view is found (an unknown /api/ path) or outside DRF.
"""
from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views import defaults

PROBLEM_JSON = "application/problem+json"


def _problem(status: int, title: str, detail: str) -> JsonResponse:
    return JsonResponse({"type": "about:blank", "title": title, "status": status, "detail": detail},
                        status=status, content_type=PROBLEM_JSON)


def not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    if request.path.startswith("/api/"):
        return _problem(404, "Not found", f"no API resource at {request.path}; the API lives under /api/v1/, "
                                          "its schema at /api/schema/")
    return defaults.page_not_found(request, exception)


def server_error(request: HttpRequest) -> HttpResponse:
    if request.path.startswith("/api/"):
        return _problem(500, "Internal server error", "the server failed to answer; the error has been logged")
    return defaults.server_error(request)
