"""The admin site, whose model admins load when the site is first needed, not at every start-up.

Django's own AdminConfig imports every app's `admin` module when Django starts (autodiscover), and
ours import the review services, forms and widgets with them: every management command, Celery
worker and test process paid for the review desk. Here the admin app is Django's SimpleAdminConfig
(no autodiscover in ready()) and the default site discovers the admin modules the first time it is
asked for what they register: when the URLconf builds its URLs (so before any request is served),
when the system checks check it, or when a page lists its models. The site, its models and its
pages are the same.
"""
from __future__ import annotations

from django.contrib import admin
from django.contrib.admin.apps import SimpleAdminConfig


class AdminSite(admin.AdminSite):
    """Django's AdminSite, which imports the apps' admin modules before it first answers for its registry."""

    _discovered = False

    def discover(self) -> None:
        if not self._discovered:
            self._discovered = True  # set first: the admin modules being imported register on this site
            admin.autodiscover()

    def get_urls(self):
        self.discover()
        return super().get_urls()

    def check(self, app_configs):
        self.discover()
        return super().check(app_configs)

    def is_registered(self, model):
        self.discover()
        return super().is_registered(model)

    def get_model_admin(self, model):
        self.discover()
        return super().get_model_admin(model)

    def _build_app_dict(self, request, label=None):
        self.discover()
        return super()._build_app_dict(request, label)


class AdminConfig(SimpleAdminConfig):
    """django.contrib.admin (label "admin"), with the site above as `admin.site`."""

    default_site = "factdesk.admin_site.AdminSite"
