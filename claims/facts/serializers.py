"""What the facts API writes: a fact (declared once in representation.py) and, on its page, its timeline."""
from __future__ import annotations

from django.urls import reverse
from rest_framework import serializers

from claims.models import Claim
from claims.representation import claim_from_instance

from .models import Fact, FactEvent, FactStatus
from .representation import fact_payload
from .series import AUTHORITY_LABELS, Standing


def claim_summary(claim: Claim) -> dict:
    """A claim inside a fact's timeline: the claim as the API shows it (claims.representation),
    with a link to its page, where its passage is shown in context."""
    return {**claim_from_instance(claim), "link": reverse("api:claim-detail", args=[claim.pk])}


class FactSerializer(serializers.Serializer):
    """A fact in a list: identity, subject, place, period, best figure, range, grade, dispute, counts."""

    id = serializers.IntegerField()
    kind = serializers.CharField()
    status = serializers.CharField()
    title = serializers.CharField()
    subject = serializers.JSONField()
    place = serializers.CharField(allow_null=True)
    period = serializers.JSONField()
    best = serializers.JSONField()
    range = serializers.JSONField()
    grade = serializers.CharField()
    disputed = serializers.BooleanField()
    conflicts = serializers.JSONField()
    claims_count = serializers.IntegerField()
    suggestions_count = serializers.IntegerField()
    version = serializers.IntegerField()
    etag = serializers.CharField()
    links = serializers.JSONField()

    def to_representation(self, fact: Fact) -> dict:
        return {**fact_payload(fact), "claims_count": getattr(fact, "claims_count", None),
                "suggestions_count": getattr(fact, "suggestions_count", None)}


class FactDetailSerializer(FactSerializer):
    timeline = serializers.JSONField(help_text="The claims in the order they were reported, with their standing.")
    allowed_actions = serializers.ListField(child=serializers.CharField())

    def to_representation(self, fact: Fact) -> dict:
        timeline = self.context["timeline"]
        body = super().to_representation(fact)
        body["timeline"] = [
            {**claim_summary(row.claim), "membership": row.membership, "standing": row.standing,
             "standing_label": Standing.LABELS[row.standing], "source_kind": row.authority,
             "source_kind_label": AUTHORITY_LABELS[row.authority], "in_conflict": row.in_conflict}
            for row in timeline.rows
        ]
        body["allowed_actions"] = ([] if fact.status == FactStatus.RETIRED else
                                   ["confirm", "reject", "move", "merge", "split", "prefer", "edit"])
        return body


class FactEventSerializer(serializers.ModelSerializer):
    actor = serializers.CharField(source="actor.username", default=None, read_only=True, allow_null=True)

    class Meta:
        model = FactEvent
        fields = ["id", "fact", "action", "actor", "claim_ids", "other_fact_id", "note", "changes", "created_at"]
