from django.contrib import admin
from django.urls import include, path

from . import health

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("api/", include("claims.api.urls")),
]

handler404 = "factdesk.error_pages.not_found"
handler500 = "factdesk.error_pages.server_error"
