"""/api/v1/… resources, the OpenAPI schema and its rendered docs."""
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.permissions import AllowAny
from rest_framework.routers import DefaultRouter

from claims.facts import api as facts_api

from . import views

router = DefaultRouter()
router.register("documents", views.DocumentViewSet, basename="document")
router.register("claims", views.ClaimViewSet, basename="claim")
router.register("speakers", views.SpeakerViewSet, basename="speaker")
router.register("quotes", views.QuoteViewSet, basename="quote")
router.register("jobs", views.ExtractionJobViewSet, basename="job")
router.register("tokens", views.ApiTokenViewSet, basename="token")
router.register("facts", facts_api.FactViewSet, basename="fact")

app_name = "api"
urlpatterns = [
    path("v1/export/claimreview/", facts_api.ClaimReviewExportViewSet.as_view({"get": "list"}),
         name="export-claimreview"),
    path("v1/export/facts.csv", facts_api.FactsCsvExportViewSet.as_view({"get": "list"}), name="export-facts-csv"),
    path("v1/", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(permission_classes=[AllowAny]), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema", permission_classes=[AllowAny]), name="docs"),
]
