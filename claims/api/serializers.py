"""What the API reads and writes. Output and input serializers are separate
where they differ; none of them holds a business rule (the services do)."""
from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from django.utils.functional import cached_property
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from claims import representation
from claims.models import Claim, ExtractionJob, Outcome, Precision, Qualifier, ReviewAction, ReviewEvent
from claims.review import allowed_actions, notes_required
from factdesk.accounts.models import ApiToken, TokenRole
from factdesk.errors import ServiceError
from sources.models import Document, DocumentEvent, Outlet, Quote, Speaker
from sources.reading import parse_published

from .fields import (StrictCharField, StrictChoiceField, StrictDateTimeField, StrictIntegerField,
                     StrictURLField)

MAX_BULK_CLAIMS = 500


# --- Output ------------------------------------------------------------------

class OutletSerializer(serializers.ModelSerializer):
    class Meta:
        model = Outlet
        fields = ["id", "name", "domain"]


class SpeakerSummarySerializer(serializers.ModelSerializer):
    class Meta:
        model = Speaker
        fields = representation.SPEAKER_KEYS


class SpeakerSerializer(serializers.ModelSerializer):
    aliases = serializers.SerializerMethodField()

    class Meta:
        model = Speaker
        fields = ["id", "name", "kind", "role", "affiliation", "aliases", "created_at"]

    def get_aliases(self, speaker: Speaker) -> list[str]:
        return sorted(alias.alias for alias in speaker.aliases.all())


class DocumentSummarySerializer(serializers.ModelSerializer):
    outlet = serializers.CharField(source="outlet.name", default=None, read_only=True, allow_null=True)

    class Meta:
        model = Document
        fields = representation.DOCUMENT_KEYS


class ExtractionJobSerializer(serializers.ModelSerializer):
    requested_by = serializers.CharField(source="requested_by.username", default=None, read_only=True,
                                         allow_null=True)

    class Meta:
        model = ExtractionJob
        fields = ["id", "document", "url", "status", "attempts", "extractor_version", "requested_by", "queued_at",
                  "started_at", "heartbeat_at", "finished_at", "duration_ms", "claims_found", "claims_created",
                  "error"]


class JobStatusSerializer(serializers.ModelSerializer):
    class Meta:
        model = ExtractionJob
        fields = ["id", "status", "queued_at", "finished_at", "claims_found", "claims_created", "error"]


class DocumentSerializer(serializers.ModelSerializer):
    outlet = OutletSerializer(read_only=True, allow_null=True)
    claim_count = serializers.IntegerField(read_only=True)
    latest_job = serializers.SerializerMethodField()

    class Meta:
        model = Document
        fields = ["id", "url", "title", "authors", "outlet", "published_at", "published_date_only", "language",
                  "raw_content_type", "origin", "ingested_at", "version", "claim_count", "latest_job"]

    @extend_schema_field(JobStatusSerializer(allow_null=True))
    def get_latest_job(self, document: Document) -> dict | None:
        jobs = getattr(document, "jobs_newest_first", None)
        if jobs is None:
            jobs = list(document.jobs.order_by("-queued_at", "-id")[:1])
        return JobStatusSerializer(jobs[0]).data if jobs else None


class DocumentDetailSerializer(DocumentSerializer):
    class Meta(DocumentSerializer.Meta):
        fields = [*DocumentSerializer.Meta.fields, "text"]


class DocumentEventSerializer(serializers.ModelSerializer):
    actor = serializers.CharField(source="actor.username", default=None, read_only=True, allow_null=True)
    changes = serializers.DictField(
        child=serializers.ListField(min_length=2, max_length=2), read_only=True,
        help_text="field → [before, after]; dates as ISO 8601 (a bare date when the source names no time).",
    )

    class Meta:
        model = DocumentEvent
        fields = ["id", "document", "version", "actor", "changes", "note", "reextraction_job_id", "created_at"]


class DocumentSubmittedSerializer(serializers.Serializer):
    created = serializers.BooleanField(help_text="False when the document was seen before and not stored again.")
    duplicate_of = serializers.CharField(help_text='"url" or "content" when not created.')
    document = DocumentSerializer()
    job = ExtractionJobSerializer(allow_null=True)


class ClaimSerializer(serializers.ModelSerializer):
    """The claim's shape (claims.representation) as DRF fields: the OpenAPI schema and the generic path.

    Its field list is the declaration's; the fast serializers below write the
    same shape from the declaration directly (tests/test_api_read_cost.py
    holds them to this generic output).
    """

    speaker = SpeakerSummarySerializer(read_only=True, allow_null=True)
    document = DocumentSummarySerializer(read_only=True)
    reviewed_by = serializers.CharField(source="reviewed_by.username", default=None, read_only=True,
                                        allow_null=True)
    etag = serializers.CharField(read_only=True)

    class Meta:
        model = Claim
        fields = representation.CLAIM_KEYS


class ClaimRowSerializer(ClaimSerializer):
    """ClaimSerializer's output from a claims.selectors.claim_list_rows() row.

    The claims list is the API's busiest read. Built field by field, DRF's
    generic path looks up every attribute through its source and calls a
    field per value: about a fifth of a millisecond per claim. This writes the
    same shape from a values() dict through claims.representation.
    Read-only: it serializes rows, it validates nothing.
    """

    @cached_property
    def _datetime(self):
        return representation.datetime_writer()

    def to_representation(self, row: dict) -> dict:
        return representation.claim_from_row(row, write_datetime=self._datetime)


class QuoteSummarySerializer(serializers.ModelSerializer):
    class Meta:
        model = Quote
        fields = ["id", "exact", "start", "end"]


class ClaimDetailSerializer(ClaimSerializer):
    """One claim with its evidence in context: every read and every review answer.

    Its keys are the claim page's in claims.representation (CLAIM_PAGE); the
    fields below declare its evidence for the schema. to_representation writes
    the page from the declaration directly, from a claims.selectors.claim_page_rows()
    row (GET) or a claim_detail() instance (review answers), about a tenth of DRF's
    generic cost for these nested serializers (tests/test_api_read_cost.py holds
    both to the generic output).
    """

    context = serializers.SerializerMethodField(help_text="Document text around the evidence passage.")
    quote = QuoteSummarySerializer(read_only=True, allow_null=True)
    allowed_actions = serializers.SerializerMethodField()

    class Meta(ClaimSerializer.Meta):
        fields = representation.CLAIM_PAGE_KEYS

    def get_context(self, claim: Claim) -> dict[str, str]:
        return representation.claim_context(claim.start, claim.end, claim.document.text)

    def get_allowed_actions(self, claim: Claim) -> list[str]:
        return allowed_actions(claim.status)

    def to_representation(self, claim: Claim | Mapping) -> dict:
        if isinstance(claim, Mapping):
            return representation.claim_page_from_row(claim)
        return representation.claim_page_from_instance(claim)


class ReviewEventSerializer(serializers.ModelSerializer):
    actor = serializers.CharField(source="actor.username", default=None, read_only=True, allow_null=True)

    class Meta:
        model = ReviewEvent
        fields = ["id", "claim", "action", "from_status", "to_status", "actor", "note", "changes", "created_at"]


class QuoteSerializer(serializers.ModelSerializer):
    speaker = SpeakerSummarySerializer(read_only=True, allow_null=True)
    document = DocumentSummarySerializer(read_only=True)

    class Meta:
        model = Quote
        fields = ["id", "exact", "start", "end", "prefix", "suffix", "speaker", "document", "created_at"]


class ApiTokenSerializer(serializers.ModelSerializer):
    user = serializers.CharField(source="user.username", read_only=True)
    active = serializers.SerializerMethodField()

    class Meta:
        model = ApiToken
        fields = ["id", "name", "prefix", "user", "role", "parent", "created_at", "expires_at", "last_used_at",
                  "revoked_at", "active"]

    def get_active(self, token: ApiToken) -> bool:
        return token.is_active()


class ApiTokenCreatedSerializer(ApiTokenSerializer):
    secret = serializers.CharField(read_only=True, help_text="Shown this once; only its hash is kept.")

    class Meta(ApiTokenSerializer.Meta):
        fields = [*ApiTokenSerializer.Meta.fields, "secret"]


# --- Input -------------------------------------------------------------------

class DocumentSubmitSerializer(serializers.Serializer):
    """`text` or `html` (with `url` as the page's address, not fetched), or `url` alone: a job fetches it."""

    url = StrictURLField(required=False, max_length=2000)
    html = StrictCharField(required=False, trim_whitespace=False)
    text = StrictCharField(required=False, trim_whitespace=False)
    title = StrictCharField(required=False, allow_blank=True, max_length=500, default="")
    outlet = StrictCharField(required=False, allow_blank=True, max_length=200, default="")
    published_at = StrictDateTimeField(required=False, allow_null=True, default=None)

    def validate(self, attrs: dict) -> dict:
        blank = {name: ["Is empty: send the article's words."] for name in ("html", "text")
                 if name in attrs and not attrs[name].strip()}
        if blank:
            raise serializers.ValidationError(blank)
        bodies = [name for name in ("html", "text") if attrs.get(name)]
        if len(bodies) > 1:
            raise serializers.ValidationError({"non_field_errors": ["Send `html` or `text`, not both."]})
        if not bodies and not attrs.get("url"):
            raise serializers.ValidationError(
                {"non_field_errors": ["Send one of `url` (to fetch), `html` or `text`."]})
        attrs["source"] = bodies[0] if bodies else "url"
        if attrs["source"] == "url" and attrs.get("title"):
            raise serializers.ValidationError(
                {"title": ["A fetched page's title is read from the page; send `html` to give your own."]})
        return attrs


class ReviewNoteSerializer(serializers.Serializer):
    """What every review action takes: `note`, the one name for a reviewer's words (approve, reject, dispute,
    correct, reopen, bulk). Which actions need one is the state machine's rule (claims.review), not this one's."""

    note = StrictCharField(
        required=False, allow_blank=True, max_length=5000, default="",
        help_text=f"Why: recorded in the review history; required to {notes_required()}.",
    )

    def to_internal_value(self, data):
        if isinstance(data, Mapping) and "reason" in data:
            raise serializers.ValidationError(
                {"reason": ["No longer accepted: send your reason as `note`, the field every review action takes."]})
        return super().to_internal_value(data)


class CorrectSerializer(ReviewNoteSerializer):
    """The values to change; fields left out keep their value. The extracted originals are kept."""

    count = StrictIntegerField(required=False, allow_null=True, min_value=0, max_value=2_147_483_647)
    count_high = StrictIntegerField(required=False, allow_null=True, min_value=0, max_value=2_147_483_647)
    outcome = StrictChoiceField(required=False, allow_blank=True, choices=Outcome.choices)
    qualifier = StrictChoiceField(required=False, allow_blank=True, choices=Qualifier.choices)
    group = StrictCharField(required=False, allow_blank=True, max_length=200)
    speaker = StrictIntegerField(required=False, allow_null=True, min_value=1, max_value=2**63 - 1,
                                 help_text="A speaker id.")
    effective_at = StrictDateTimeField(required=False, allow_null=True)
    precision = StrictChoiceField(required=False, allow_blank=True, choices=Precision.choices)

    def validate(self, attrs: dict) -> dict:
        if not set(attrs) - {"note"}:
            raise serializers.ValidationError({"non_field_errors": ["Give at least one value to correct."]})
        return attrs

    def values(self) -> dict:
        values = {key: value for key, value in self.validated_data.items() if key != "note"}
        if "speaker" in values:
            values["speaker_id"] = values.pop("speaker")
        return values


class ClaimVersionSerializer(serializers.Serializer):
    """One claim of a bulk review, named with the version it was read at (its `version`, as in its ETag)."""

    id = StrictIntegerField(min_value=1, max_value=2**63 - 1)
    version = StrictIntegerField(min_value=1, max_value=2_147_483_647,
                                 help_text="The claim's version as you read it; stale: 412, missing: 428.")

    def to_internal_value(self, data):
        if isinstance(data, Mapping):
            unknown = sorted(set(data) - set(self.fields))
            if unknown:
                raise serializers.ValidationError(
                    {name: ['Unknown: name a claim as {"id": …, "version": …}.'] for name in unknown})
        return super().to_internal_value(data)


class BulkReviewSerializer(ReviewNoteSerializer):
    action = StrictChoiceField(choices=[ReviewAction.APPROVE, ReviewAction.REJECT, ReviewAction.DISPUTE,
                                        ReviewAction.REOPEN])
    claims = serializers.ListField(child=ClaimVersionSerializer(), min_length=1, max_length=MAX_BULK_CLAIMS,
                                   help_text="Each claim with the version you read; all or nothing.")

    @staticmethod
    def unversioned(data) -> list[str]:
        """The claims named without a version (bare ids, the old `claim_ids`): the API answers 428 for them."""
        if not isinstance(data, Mapping):
            return []
        entries = data.get("claims", data.get("claim_ids"))
        if not isinstance(entries, list):
            return []
        if "claims" not in data:
            return [str(entry)[:20] for entry in entries]
        return [str(entry.get("id") if isinstance(entry, Mapping) else entry)[:20] for entry in entries
                if (isinstance(entry, int) and not isinstance(entry, bool))
                or (isinstance(entry, Mapping) and entry.get("version") is None)]

    def validate_claims(self, claims: list[dict]) -> list[dict]:
        named = Counter(claim["id"] for claim in claims)
        twice = sorted(claim_id for claim_id, times in named.items() if times > 1)
        if twice:
            raise serializers.ValidationError(f"Name each claim once: {', '.join(map(str, twice))} named twice.")
        return claims

    def expected_versions(self) -> dict[int, int]:
        return {claim["id"]: claim["version"] for claim in self.validated_data["claims"]}


class ApiTokenCreateSerializer(serializers.Serializer):
    name = StrictCharField(max_length=100)
    expires_at = StrictDateTimeField(
        required=False, allow_null=True, default=None,
        help_text="None: never, unless the request's own token expires (then at most when it does).")
    role = StrictChoiceField(
        choices=TokenRole.choices, required=False, allow_blank=True, default="",
        help_text="The token acts with at most this role (never above its user's, nor above the request's "
                  "own token); empty: the user's own, or the request's token's role.")
    user = StrictIntegerField(required=False, min_value=1, max_value=2**63 - 1,
                              help_text="Admins only: make the token for this user id.")


class DocumentUpdateSerializer(serializers.Serializer):
    """A correction of a document's metadata: send only the fields that change (PATCH)."""

    title = StrictCharField(required=False, allow_blank=True, max_length=500)
    url = StrictURLField(required=False, allow_null=True, allow_blank=True, max_length=2000)
    outlet = StrictCharField(required=False, allow_null=True, allow_blank=True, max_length=200,
                             help_text="The outlet's name; a new name makes a new outlet; null removes it.")
    published_at = StrictCharField(
        required=False, allow_null=True, max_length=40,
        help_text="2022-09-13 (the day, when the source gives no time) or 2022-09-13T08:30:00+03:00; "
                  "null when unknown. A changed day re-runs extraction.",
    )
    authors = serializers.ListField(child=StrictCharField(max_length=200), required=False, max_length=50)
    language = StrictCharField(required=False, allow_blank=True, max_length=16)
    note = StrictCharField(required=False, allow_blank=True, max_length=2000, default="",
                           help_text="Why the change was made; kept in the document's history.")

    def to_internal_value(self, data):
        if isinstance(data, dict):
            unknown = sorted(set(data) - set(self.fields))
            if unknown:
                raise serializers.ValidationError(
                    {name: ["This field cannot be changed; the editable fields are "
                            f"{', '.join(name for name in self.fields if name != 'note')}."] for name in unknown})
        return super().to_internal_value(data)

    def validate_published_at(self, value: str | None):
        if value is None:
            return None
        try:
            return parse_published(value)
        except ServiceError as error:
            raise serializers.ValidationError(str(error)) from None

    def validate(self, attrs: dict) -> dict:
        if not set(attrs) - {"note"}:
            raise serializers.ValidationError({"non_field_errors": ["Send at least one field to change."]})
        return attrs

