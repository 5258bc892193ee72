"""Query-string filters for the facts list, the facts CSV and the ClaimReview export (API and commands)."""
from __future__ import annotations

import django_filters as df
from django.db.models import Q

from claims.api.filters import ClaimFilter, DateTimeFilter, FilterSet, TrueFalseFilter
from claims.models import ClaimStatus, Outcome

from .models import Fact, FactKind, FactStatus, Grade


class FactFilter(FilterSet):
    kind = df.MultipleChoiceFilter(choices=FactKind.choices, distinct=False)
    status = df.MultipleChoiceFilter(choices=FactStatus.choices, distinct=False,
                                     help_text="Retired facts are left out unless asked for.")
    outcome = df.MultipleChoiceFilter(choices=Outcome.choices, distinct=False)
    grade = df.MultipleChoiceFilter(choices=Grade.choices, distinct=False)
    disputed = TrueFalseFilter()
    subject = df.CharFilter(method="filter_subject", max_length=200,
                            help_text="Words of the subject: party, group or its aliases ('Armenian soldiers').")
    party = df.CharFilter(field_name="party__name", lookup_expr="iexact", max_length=200)
    place = df.CharFilter(field_name="place__name", lookup_expr="icontains", max_length=200)
    period_after = DateTimeFilter(method="filter_period_after",
                                  help_text="Facts whose period ends on or after this day.")
    period_before = DateTimeFilter(method="filter_period_before",
                                   help_text="Facts whose period starts on or before this day.")

    class Meta:
        model = Fact
        fields = ["kind", "status", "outcome", "grade", "disputed"]

    def filter_subject(self, queryset, name, value):
        condition = Q()
        for word in value.split():
            condition &= (Q(party__name__icontains=word) | Q(party__aliases__alias__iexact=word)
                          | Q(category__name__icontains=word) | Q(category__aliases__alias__iexact=word)
                          | Q(group_text__icontains=word))
        return queryset.filter(pk__in=Fact.objects.filter(condition).values("pk"))

    def filter_period_after(self, queryset, name, value):
        return queryset.filter(period_end__gte=value.date())

    def filter_period_before(self, queryset, name, value):
        return queryset.filter(period_start__lte=value.date())

    def filter_queryset(self, queryset):
        if not self.form.cleaned_data.get("status"):
            queryset = queryset.live()
        return super().filter_queryset(queryset)


class ReviewedClaimFilter(ClaimFilter):
    status = df.MultipleChoiceFilter(
        choices=[(value, label) for value, label in ClaimStatus.choices if value != ClaimStatus.PENDING],
        distinct=False)
