"""Suggest facts for every claim not on one yet (what the periodic sweep does), and say what happened."""
from __future__ import annotations

from django.core.management.base import BaseCommand

from claims.facts.services import facts_group_pending


class Command(BaseCommand):
    help = "Group every casualty and ceasefire claim that is on no fact yet into suggested facts."

    def handle(self, *args, **options):
        self.stdout.write(str(facts_group_pending()))
