"""The floor: the claims list and the claim page with no authentication, permissions,
serializers or pagination: a values() query and a JsonResponse.

The gap between the floor and the API, served by the same processes, is what the
API's machinery costs. It reads the columns the API's claim shows (claims.representation).
"""
from __future__ import annotations

from django.http import Http404, HttpRequest, JsonResponse

from claims.models import Claim
from claims.representation import CLAIM_COLUMNS

CONTEXT_CHARS = 200


def floor_claim_list(request: HttpRequest) -> JsonResponse:
    size = min(int(request.GET.get("page_size", 50)), 100)
    rows = (Claim.objects.filter(status=request.GET.get("status", "pending"), kind=request.GET.get("kind", "casualty"))
            .order_by("-created_at", "-id").values(*CLAIM_COLUMNS)[:size])
    return JsonResponse({"results": list(rows)})


def floor_claim_detail(request: HttpRequest, pk: int) -> JsonResponse:
    row = Claim.objects.filter(pk=pk).values(*CLAIM_COLUMNS, "document__text").first()
    if row is None:
        raise Http404
    text = row.pop("document__text")
    row["context"] = {"before": text[max(0, row["start"] - CONTEXT_CHARS):row["start"]],
                      "after": text[row["end"]:row["end"] + CONTEXT_CHARS]}
    return JsonResponse(row)
