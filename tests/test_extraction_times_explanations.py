"""Every resolved ceasefire time says why: the words read, the day chosen and the zone, in order."""
from __future__ import annotations

import json
from datetime import date

from claims.extraction import extract


def contract_claims(article: str, published: date) -> list[dict]:
    """The ceasefire claims as the extract_claims command prints them (JSON round trip included)."""
    result = extract(article, published)
    printed = json.loads(json.dumps([claim.as_contract() for claim in result.claims]))
    return [claim for claim in printed if claim["kind"] == "ceasefire"]


def test_the_contract_json_carries_each_claims_explanation_as_a_list_of_steps():
    [claim] = contract_claims("The truce took effect at 2300 GMT on Tuesday, the mediators said.", date(2019, 3, 6))

    assert claim["effective_at"] == "2019-03-05T23:00:00+00:00"
    assert isinstance(claim["explanation"], list) and claim["explanation"]
    assert "2300 GMT" in claim["explanation"][0]


def test_claims_of_other_kinds_carry_an_explanation_member_too():
    result = extract("Shelling killed 12 civilians on Monday, officials said.", date(2019, 3, 6))

    assert [claim.as_contract()["explanation"] for claim in result.claims if claim.kind == "casualty"] == [[
        "speaker officials: the attribution right after the statement governs it",
        "frame: the subject of 'said'",
    ]]


def test_a_start_in_a_story_dated_by_its_dateline_still_says_who_gave_it():
    # the correspondent's story of the 28th in the paper of the 29th: the day is the dateline's, and the
    # explanation goes on to name the speaker and the frame that credits them, as in any other story
    article = ("From Our Correspondent, Beirut, March 28\n\n"
               "The guerrillas said tonight that their fighters in southern Lebanon would observe a ceasefire from "
               "0600 hours tomorrow.")
    [claim] = contract_claims(article, date(1978, 3, 29))

    assert claim["speaker"] == "guerrillas"
    assert "the dateline dates the story 1978-03-28, 1 day before its publication: its 'today' is that day" \
        in claim["explanation"]
    assert claim["explanation"][-2:] == [
        "speaker guerrillas: the nearest reporting frame before the statement governs it",
        "frame: the subject of 'said'",
    ]
