"""The page a locked-out sign-in gets (django-axes calls it: AXES_LOCKOUT_CALLABLE)."""
from __future__ import annotations

import math

from axes.helpers import get_client_username, get_cool_off, get_failure_limit
from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def locked_out(request: HttpRequest, original_response: HttpResponse | None = None,
               credentials: dict | None = None) -> HttpResponse:
    cool_off = get_cool_off(request)
    context = {
        **admin.site.each_context(request),  # the site's own header and title, as on every admin page
        "username": get_client_username(request, credentials) or "",
        "failure_limit": get_failure_limit(request, credentials),
        "cooloff_minutes": math.ceil(cool_off.total_seconds() / 60) if cool_off else None,
    }
    return render(request, "accounts/locked_out.html", context, status=429)
