from django.apps import AppConfig


class FactsConfig(AppConfig):
    """Facts: what many claims report on, their series, disputes and exports (issue 12)."""

    name = "claims.facts"
    label = "facts"
    verbose_name = "Facts"
