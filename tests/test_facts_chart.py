"""The fact chart: SVG drawn on the server from the timeline, escaped, self-contained."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from claims.facts.chart import fact_chart_svg
from claims.facts.models import Fact
from claims.facts.selectors import fact_timeline
from claims.facts.services import facts_group_pending
from claims.services import claims_review_bulk
from tests.conftest import reported_claim

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"
ARTICLE = "Clashes on the Armenia-Azerbaijan border went on, the Azerbaijani side said, as Armenian troops dug in."


def toll(count: int, day: int, outlet: str, speaker: str, **values):
    passage = f"{count} Azerbaijani soldiers were killed"
    return reported_claim(passage, article=f"{ARTICLE}\n\n{passage}.", published=f"2022-09-{day}T08:00Z",
                          outlet=outlet, count=count, group="Azerbaijani soldiers", speaker=speaker, **values)


def test_the_chart_marks_each_claim_by_outlet_shades_the_range_and_rings_conflicts(reviewer):
    own = toll(50, 13, "Wire <A>", "Azerbaijani defence ministry")
    other = toll(200, 13, "Wire B", "Armenian defence ministry", qualifier="more_than")
    later = toll(71, 14, "Wire <A>", "Azerbaijani defence ministry")
    facts_group_pending()
    claims_review_bulk(claim_ids=[own.pk, other.pk], action="approve", actor=reviewer)
    fact = Fact.objects.get()
    svg = fact_chart_svg(fact, fact_timeline(fact))
    root = ET.fromstring(svg)  # well-formed XML: every article text was escaped
    markers = root.findall(f"{SVG}g[@class='claim']")
    assert [int(marker.get("data-claim")) for marker in markers] == [own.pk, other.pk, later.pk]
    rings = [marker for marker in markers if marker.find(f"{SVG}circle[@stroke='#C0392B']") is not None]
    assert [int(marker.get("data-claim")) for marker in rings] == [own.pk, other.pk]
    assert "Wire &lt;A&gt;" in svg and "<A>" not in svg
    assert "awaiting review" in markers[2].find(f"{SVG}title").text
    assert root.find(f".//{SVG}rect/{SVG}title").text == "range of approved claims"
    assert "http" not in svg.replace("http://www.w3.org/2000/svg", "")  # nothing fetched from anywhere


def test_a_fact_without_figures_says_so():
    toll(50, 13, "Wire A", "Azerbaijani defence ministry")
    facts_group_pending()
    fact = Fact.objects.get()
    timeline = fact_timeline(fact)
    timeline.rows = []
    assert "No figures to draw yet." in fact_chart_svg(fact, timeline)
