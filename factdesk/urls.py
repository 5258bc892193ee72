from django.contrib import admin
from django.urls import include, path

from claims.api.errors import unknown_path

from . import health, home

# The admin is the review desk: it says whose it is, and gives the claims list the width
# the navigation sidebar would take on a laptop screen (the breadcrumbs and the index remain).
admin.site.site_header = "FactDesk"
admin.site.site_title = "FactDesk"
admin.site.index_title = "Claims, sources and their review"
admin.site.enable_nav_sidebar = False

urlpatterns = [
    path("", home.home, name="home"),
    path("healthz", health.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("api/", include("claims.api.urls")),
    path("api", unknown_path),  # a problem, like every unknown address under /api/
]

handler404 = "factdesk.error_pages.not_found"
handler500 = "factdesk.error_pages.server_error"
