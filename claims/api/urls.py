"""/api/v1/… resources, the OpenAPI schema and its rendered docs."""
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.permissions import AllowAny
from rest_framework.reverse import reverse
from rest_framework.routers import APIRootView, DefaultRouter

from claims.webhooks import api as webhooks_api
from claims.facts import api as facts_api

from . import errors, views


class FactDeskApiRoot(APIRootView):
    """FactDesk's REST API: the documents FactDesk has read, the claims found in them (casualty counts,
    ceasefire start times, quoted statements) with their passage and speaker, and their review.

    Authenticate with a bearer token (header "Authorization: Bearer fdk_…") or an admin session. Reviews
    and corrections need an If-Match header with the ETag you read. Errors are RFC 9457 problem details.
    Every endpoint is described at /api/docs/ (OpenAPI schema at /api/schema/).
    """

    def get_view_name(self) -> str:
        return "FactDesk API"

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        response.data["schema"] = reverse("api:schema", request=request)
        response.data["docs"] = reverse("api:docs", request=request)
        return response


class FactDeskRouter(DefaultRouter):
    APIRootView = FactDeskApiRoot


router = FactDeskRouter()
router.register("documents", views.DocumentViewSet, basename="document")
router.register("claims", views.ClaimViewSet, basename="claim")
router.register("speakers", views.SpeakerViewSet, basename="speaker")
router.register("quotes", views.QuoteViewSet, basename="quote")
router.register("jobs", views.ExtractionJobViewSet, basename="job")
router.register("tokens", views.ApiTokenViewSet, basename="token")
router.register("webhooks/endpoints", webhooks_api.EndpointViewSet, basename="webhook-endpoint")
router.register("webhooks/deliveries", webhooks_api.DeliveryViewSet, basename="webhook-delivery")
router.register("facts", facts_api.FactViewSet, basename="fact")

app_name = "api"
urlpatterns = [
    path("v1/export/claimreview/", facts_api.ClaimReviewExportViewSet.as_view({"get": "list"}),
         name="export-claimreview"),
    path("v1/export/facts.csv", facts_api.FactsCsvExportViewSet.as_view({"get": "list"}), name="export-facts-csv"),
    path("v1/", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(permission_classes=[AllowAny]), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema", permission_classes=[AllowAny]), name="docs"),
    # Last: any other address under /api/ is a problem-details 404 (never Django's HTML page, DEBUG or not).
    re_path(r"^(?P<path>.*)$", errors.unknown_path, name="unknown"),
]
