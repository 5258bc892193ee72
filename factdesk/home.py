"""The page at /: what FactDesk is and where to go from here (the admin, the API, the health check)."""
from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "factdesk/home.html")
