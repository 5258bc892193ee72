"""Who announced or agreed a ceasefire's start, and the treaty forms of its clock; sentences written for the tests."""
from __future__ import annotations

from datetime import date, timezone

import pytest

from claims.extraction import text, times

FRIDAY = date(2024, 3, 8)


def starts(article: str, published: date = FRIDAY) -> list[tuple[str, str | None]]:
    """(UTC minute, speaker name) of each timed start."""
    document = text.segment(article, published)
    return [(claim.values["effective_at"].astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M"),
             claim.speaker.name if claim.speaker else None)
            for claim in times.find_ceasefires(document) if claim.values["precision"] != "day"]


# --- "2400 hours": the treaty and military form of the midnight that ends a day ---------------------

def test_2400_hours_on_a_date_is_the_midnight_that_ends_it():
    assert starts("The truce in Yemen is to come into force at 2400 hours on March 9.") == [
        ("2024-03-09T21:00", None)]  # 00:00 on 10 March in Aden (+03:00)


def test_24_00_on_a_weekday_is_the_midnight_that_ends_it():
    assert starts("The ceasefire in Yemen will take effect at 24:00 on Saturday.") == [("2024-03-09T21:00", None)]


# --- parties that agree or undertake, and texts that set the terms, are the source -----------------

@pytest.mark.parametrize("sentence, speaker", [
    ("The two delegations agreed that the truce in Yemen would begin at 0600 GMT on Sunday.", "two delegations"),
    ("The two governments undertook that the ceasefire in Yemen would come into force at 0600 GMT on Sunday.",
     "two governments"),
])
def test_parties_that_agree_a_start_are_its_source(sentence, speaker):
    assert starts(sentence) == [("2024-03-10T06:00", speaker)]


@pytest.mark.parametrize("sentence, speaker", [
    ("The accord, signed late on Thursday in a hotel in Muscat, calls for a halt to fighting in Yemen from "
     "0600 GMT on Sunday.", "accord"),
    ("The decree, published on Friday, stipulates that the truce in Yemen begins at 0600 GMT on Sunday.", "decree"),
])
def test_a_text_that_sets_the_terms_speaks_for_them(sentence, speaker):
    assert starts(sentence) == [("2024-03-10T06:00", speaker)]


def test_who_told_that_others_had_agreed_is_the_source_not_the_parties():
    assert starts("The mediator, Hans Grunwald, told a news conference on Thursday that the commanders of both "
                  "sides had agreed to a ceasefire in Yemen from 0600 GMT on Sunday.") == [
        ("2024-03-10T06:00", "Hans Grunwald")]


def test_a_start_in_the_story_own_voice_has_no_speaker():
    assert starts("A ceasefire in Yemen took effect at 0600 GMT on Thursday after weeks of shelling.") == [
        ("2024-03-07T06:00", None)]


# --- where the truce was reached is not where it applies ---------------------------------------------

def test_a_truce_reached_abroad_keeps_the_zone_of_the_place_it_applies():
    assert starts("The accord, reached in Norway last month, says the ceasefire in Yemen takes effect at "
                  "noon local time on Sunday.") == [("2024-03-10T09:00", "accord")]


# --- "that night": the day the sentence named before the clock ----------------------------------------

def test_that_night_after_the_clock_is_the_day_named_earlier_in_the_sentence():
    assert starts("Yemen's prime minister told reporters on Wednesday evening that the guns would fall silent at "
                  "midnight that night.") == [("2024-03-06T21:00", "Yemen's prime minister")]


def test_an_attribution_closing_the_sentence_reports_what_the_parties_agreed():
    assert starts("Ruritania and Osterlich agreed on Thursday to stop the shelling, with a ceasefire in Yemen to take "
                  "effect from 0600 GMT on Sunday, diplomats in both capitals said.") == [
        ("2024-03-10T06:00", "diplomats")]


def test_a_truce_that_someone_said_began_is_theirs_not_the_accusers():
    assert starts("Rwanda and Burundi accused each other on Friday of violating a truce in Yemen that the mediators "
                  "said took effect at 0600 GMT on Thursday.") == [("2024-03-07T06:00", "mediators")]


# --- the agent of a truce's own participle ("declared by", "announced by") is its source -------------

@pytest.mark.parametrize("article, speaker", [
    ("The unilateral truce declared by the Karen National Union took effect at 0600 GMT on Friday.",
     "Karen National Union"),
    ("The truce, announced by African Union mediators in the capital, took effect at 0600 GMT on Friday.",
     "African Union mediators"),
    ("A 12-hour humanitarian ceasefire declared by the army for the festival began at 0600 GMT on Friday.",
     "army"),
])
def test_the_agent_of_a_truce_participle_is_the_source_of_its_start(article, speaker):
    [(utc, found)] = starts(article)
    assert utc == "2024-03-08T06:00"
    assert found == speaker


def test_a_truce_as_subject_of_declared_is_never_its_own_speaker():
    # "declared" is a verb of saying too; the truce is what was declared, not who spoke
    [(_, found)] = starts("The ceasefire declared by the rebels took effect at 0600 GMT on Friday.")
    assert found == "rebels"


# --- round 27c: who made the truce, whose truce it is, and announcements by a body ----------------------------

@pytest.mark.parametrize("article, speaker", [
    ("Two truces have failed this week. The second, brokered by Qatar after a day of telephone calls, was due to "
     "begin at 0600 GMT on Friday.", "Qatar"),
    ("A local pause negotiated by village elders, from 0600 GMT on Friday, let the wounded reach the clinic.",
     "village elders"),
    ("A truce agreed by the regional council on Monday was to take effect at 0600 GMT on Friday.",
     "regional council"),
    ("An earlier pause, announced by the governor for 0600 GMT on Friday, never held.", "governor"),
])
def test_who_made_or_announced_a_truce_named_after_it_is_the_source_of_its_start(article, speaker):
    assert starts(article) == [("2024-03-08T06:00", speaker)]


def test_who_made_a_truce_yields_to_who_reports_its_start():
    article = "The opposition said a truce brokered by Turkey had taken hold from 0600 GMT on Friday."
    assert starts(article) == [("2024-03-08T06:00", "opposition")]


@pytest.mark.parametrize("article, speaker", [
    ("The KNU ceasefire took effect at 0600 GMT on Friday.", "KNU"),
    ("The Easter truce took effect at 0600 GMT on Friday.", None),  # a feast owns no truce
])
def test_a_body_named_before_the_truce_word_owns_the_truce(article, speaker):
    assert starts(article) == [("2024-03-08T06:00", speaker)]


def test_the_body_after_announcement_by_gives_the_that_clause():
    article = ("Relief agencies welcomed the announcement by the Southern Front (SF) that it would halt all "
               "operations from 0600 GMT on Friday.")
    assert starts(article) == [("2024-03-08T06:00", "Southern Front (SF)")]
