"""What `manage.py benchmark_api` serves: the real API plus a bare "floor".

The floor answers the same claim list and claim page with values() and a
JsonResponse: no authentication, permissions, serializers or pagination. The
gap between the two is what the API's machinery costs. Nothing here is
mounted by factdesk.urls; gunicorn loads `claims.api.benchmark:application`.
"""
from __future__ import annotations

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factdesk.settings")

from django.core.wsgi import get_wsgi_application  # noqa: E402 — the settings module is named first

application = get_wsgi_application()

from django.conf import settings  # noqa: E402
from django.http import Http404, HttpRequest, JsonResponse  # noqa: E402
from django.urls import include, path  # noqa: E402

from claims.models import Claim  # noqa: E402
from claims.representation import CLAIM_COLUMNS  # noqa: E402

# The floor reads the same columns the API's claim shows (claims.representation).
LIST_FIELDS = CLAIM_COLUMNS
CONTEXT_CHARS = 200


def floor_claim_list(request: HttpRequest) -> JsonResponse:
    rows = (Claim.objects.filter(status=request.GET.get("status", "pending"), kind=request.GET.get("kind", "casualty"))
            .order_by("-created_at", "-id").values(*LIST_FIELDS)[:min(int(request.GET.get("page_size", 50)), 100)])
    return JsonResponse({"results": list(rows)})


def floor_claim_detail(request: HttpRequest, pk: int) -> JsonResponse:
    row = Claim.objects.filter(pk=pk).values(*LIST_FIELDS, "document__text").first()
    if row is None:
        raise Http404
    text = row.pop("document__text")
    row["context"] = {"before": text[max(0, row["start"] - CONTEXT_CHARS):row["start"]],
                      "after": text[row["end"]:row["end"] + CONTEXT_CHARS]}
    return JsonResponse(row)


urlpatterns = [
    path("floor/claims/", floor_claim_list),
    path("floor/claims/<int:pk>/", floor_claim_detail),
    path("", include("factdesk.urls")),
]

settings.ROOT_URLCONF = __name__
