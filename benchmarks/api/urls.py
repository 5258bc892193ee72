"""The floor at /floor/claims/…, and the service's own URLs for everything else."""
from django.urls import include, path

from .floor import floor_claim_detail, floor_claim_list

urlpatterns = [
    path("floor/claims/", floor_claim_list),
    path("floor/claims/<int:pk>/", floor_claim_detail),
    path("", include("factdesk.urls")),
]
