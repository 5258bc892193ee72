"""Ceasefire start times: clock times tied to a truce's start, resolved to the minute in UTC."""
from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from claims.extraction import speakers, text, times
from claims.extraction.types import Speaker


def starts_in(article: str, published: date) -> list[tuple[str, str]]:
    """(UTC minute, precision) of each ceasefire claim."""
    document = text.segment(article, published)
    found = times.find_ceasefires(document)
    for claim in found:
        assert claim.text == article[claim.start:claim.end]
        assert claim.values["effective_at"].utcoffset() is not None
    return [(claim.values["effective_at"].astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M"),
             claim.values["precision"]) for claim in found]


WEDNESDAY = date(2024, 3, 6)


# --- zones -------------------------------------------------------------------------------

def test_it_reads_a_truce_that_took_effect_at_a_gmt_time():
    assert starts_in("The truce took effect at 0800 GMT.", WEDNESDAY) == [("2024-03-06T08:00", "minute")]


def test_it_prefers_the_utc_equivalent_in_brackets():
    assert starts_in("Both armies agreed to a truce from noon local time (0930 GMT) on Sunday.", WEDNESDAY) == [
        ("2024-03-03T09:30", "minute")]


def test_it_resolves_local_time_from_the_places_in_the_sentence():
    # Kashmir is on Indian time, UTC+5:30
    assert starts_in("A ceasefire in Kashmir took effect from noon local time on Sunday.", WEDNESDAY) == [
        ("2024-03-03T06:30", "minute")]


def test_it_resolves_local_time_from_the_places_the_article_names_most():
    article = ("Fighting raged in Sudan for a third week.\n\n"
               "The army and its rivals in Khartoum accepted the deal.\n\n"
               "A ceasefire was due to begin at 6 a.m. on Monday.")
    # Sudan keeps UTC+2 all year
    assert starts_in(article, WEDNESDAY) == [("2024-03-04T04:00", "hour")]


@pytest.mark.parametrize("published, utc", [
    (date(2023, 11, 24), "2023-11-24T05:00"),   # winter: Gaza on UTC+2
    (date(2024, 7, 12), "2024-07-12T04:00"),    # summer: daylight saving, UTC+3
])
def test_it_follows_daylight_saving_in_the_local_zone(published, utc):
    assert starts_in("A pause in the fighting in Gaza began at 7 a.m. local time on Friday.", published) == [
        (utc, "hour")]


@pytest.mark.parametrize("sentence, utc", [
    ("A ceasefire ordered by Moscow took effect at 6 p.m. Moscow time on Saturday.", "2024-03-02T15:00"),
    ("A ceasefire took effect at 10:00 Kyiv time on Monday.", "2024-03-04T08:00"),
    ("The truce started at 16:00 UTC on Tuesday.", "2024-03-05T16:00"),
    ("The truce began at 6 a.m. Monday Moscow time.", "2024-03-04T03:00"),
])
def test_it_reads_named_zones(sentence, utc):
    assert [start for start, _ in starts_in(sentence, WEDNESDAY)] == [utc]


@pytest.mark.parametrize("sentence, utc", [
    ("The ceasefire began at 10:00 GMT+3 on Monday.", "2024-03-04T07:00"),
    ("The truce started at 8 p.m. (UTC-5) on Tuesday.", "2024-03-06T01:00"),
])
def test_it_reads_zones_written_as_offsets(sentence, utc):
    assert [start for start, _ in starts_in(sentence, WEDNESDAY)] == [utc]


@pytest.mark.parametrize("sentence, utc", [
    ("The truce began at noon local time (10am BST) on Friday.", "2024-07-12T09:00"),
    ("A truce was to begin at 2am on Friday (midnight UK time).", "2024-07-11T23:00"),
    ("The truce began at seven pm local time [16:00 GMT] on Friday.", "2024-07-12T16:00"),
])
def test_it_reads_a_bracketed_equivalent_in_any_named_zone(sentence, utc):
    assert [start for start, _ in starts_in(sentence, date(2024, 7, 12))] == [utc]


def test_it_reads_a_bracketed_utc_time_after_the_day():
    assert starts_in("The truce took effect at noon on Saturday (0900 GMT).", WEDNESDAY) == [
        ("2024-03-02T09:00", "minute")]


@pytest.mark.parametrize("sentence", [
    "A ceasefire from 12 noon GMT held.",
    "The truce took effect at 12.00 GMT.",
    "The truce took effect at 1200 hours GMT.",
    "The truce took effect at 1200 on Wednesday in London.",
])
def test_it_reads_other_ways_of_writing_noon(sentence):
    assert [start for start, _ in starts_in(sentence, WEDNESDAY)] == ["2024-03-06T12:00"]


def test_it_reads_a_bracketed_utc_time_that_names_its_own_day():
    assert starts_in("They declared a halt to hostilities from midnight Kyiv time (2200 GMT Saturday).",
                     date(2024, 1, 15)) == [("2024-01-13T22:00", "minute")]


# --- days --------------------------------------------------------------------------------

def test_it_takes_a_weekday_to_be_this_week_looking_back_from_publication():
    assert starts_in("The truce began at 0600 GMT on Monday.", WEDNESDAY) == [("2024-03-04T06:00", "minute")]


def test_it_takes_a_weekday_in_a_future_clause_to_be_the_coming_one():
    assert starts_in("The truce will begin at 0600 GMT on Monday.", WEDNESDAY) == [("2024-03-11T06:00", "minute")]


def test_it_takes_a_weekday_of_unclear_tense_to_be_the_nearer_one():
    # published on a Wednesday: Thursday is tomorrow, Monday was two days ago
    assert starts_in("Ceasefire due to begin on Thursday at 6am GMT, an official says.", WEDNESDAY) == [
        ("2024-03-07T06:00", "hour")]
    assert starts_in("A ceasefire from 6am GMT on Monday, an official says.", WEDNESDAY) == [
        ("2024-03-04T06:00", "hour")]


def test_it_reads_a_truce_still_to_begin_at_midnight_as_the_coming_midnight():
    assert starts_in("The army announced a truce to take effect at midnight GMT.", WEDNESDAY) == [
        ("2024-03-07T00:00", "minute")]


def test_it_reads_an_infinitive_of_starting_as_future_unless_it_was_due():
    assert starts_in("Officials confirmed a truce to begin at 2am GMT on Friday.", WEDNESDAY) == [
        ("2024-03-08T02:00", "hour")]
    assert starts_in("An earlier truce, due to begin at 2am GMT on Monday, fell apart.", WEDNESDAY) == [
        ("2024-03-04T02:00", "hour")]


def test_it_takes_a_present_tense_schedule_to_be_the_coming_weekday():
    assert starts_in("The ceasefire takes effect at 1800 hours GMT on Friday.", WEDNESDAY) == [
        ("2024-03-08T18:00", "minute")]


def test_it_takes_the_publication_weekday_to_be_the_same_day():
    assert starts_in("A ceasefire took effect at 9 a.m. GMT on Saturday.", date(2024, 3, 9)) == [
        ("2024-03-09T09:00", "hour")]


def test_it_reads_yesterday_from_the_publication_date():
    assert starts_in("The ceasefire that began at 6 p.m. GMT yesterday is holding.", WEDNESDAY) == [
        ("2024-03-05T18:00", "hour")]


@pytest.mark.parametrize("sentence, utc", [
    ("The truce took effect at 11 p.m. GMT last night.", "2024-03-05T23:00"),
    ("The truce takes effect at 6 p.m. GMT today.", "2024-03-06T18:00"),
    ("The truce will take effect at 6 a.m. GMT tomorrow.", "2024-03-07T06:00"),
])
def test_it_reads_days_named_relative_to_publication(sentence, utc):
    assert [start for start, _ in starts_in(sentence, WEDNESDAY)] == [utc]


def test_it_reads_an_explicit_date_in_the_publication_year():
    assert starts_in("Mediators announced a truce starting at 12:00 GMT on February 29.", WEDNESDAY) == [
        ("2024-02-29T12:00", "minute")]


def test_it_lets_a_date_after_the_weekday_settle_the_week():
    assert starts_in("The truce is set to begin at 10 a.m. GMT on Thursday, 28 March.", WEDNESDAY) == [
        ("2024-03-28T10:00", "hour")]


def test_it_takes_the_year_named_in_the_sentence():
    assert starts_in("In 2021, a truce began at noon GMT on May 21 after eleven days of war.", WEDNESDAY) == [
        ("2021-05-21T12:00", "minute")]


def test_it_uses_the_publication_day_when_no_day_is_named():
    assert starts_in("Officials said a humanitarian ceasefire was agreed from 12:00 GMT.", WEDNESDAY) == [
        ("2024-03-06T12:00", "minute")]


# --- what ties a time to the start -------------------------------------------------------

def test_it_reads_the_moment_the_guns_fell_silent():
    # Khartoum: UTC+2
    assert starts_in("In Khartoum it was 2 a.m. on Friday when the guns fell silent.", date(2023, 6, 9)) == [
        ("2023-06-09T00:00", "hour")]


def test_it_reads_the_hour_the_guns_went_silent_with_its_evidence():
    document = text.segment("Residents said the guns went silent at 11 a.m. GMT.", WEDNESDAY)
    [claim] = times.find_ceasefires(document)
    assert claim.text == "guns went silent at 11 a.m. GMT"


def test_it_reads_a_24_hour_clock_written_with_hours():
    assert starts_in("The army said the truce would hold from 06:00 hours GMT on Thursday.", WEDNESDAY) == [
        ("2024-03-07T06:00", "minute")]


def test_it_reads_a_bare_hour_as_the_start_just_reported():
    article = ("The truce took effect at 10 p.m. local time (1900 GMT) on Tuesday.\n\n"
               "\"Since ten o'clock the shelling has stopped,\" a commander said.")
    assert starts_in(article, WEDNESDAY) == [("2024-03-05T19:00", "minute"), ("2024-03-05T19:00", "hour")]


def test_it_reuses_the_offset_a_bracketed_utc_time_revealed_for_later_local_times():
    article = ("The truce took effect at 7 a.m. local time (0400 GMT) on Tuesday.\n\n"
               "Mediators said a second pause would begin at 9 a.m. on Wednesday.")
    assert [start for start, _ in starts_in(article, WEDNESDAY)] == ["2024-03-05T04:00", "2024-03-06T06:00"]


def test_it_does_not_take_a_named_zone_for_what_local_time_means():
    article = ("Fighting in Afghanistan eased this week, officials in Kabul said.\n\n"
               "A first truce began at noon Moscow time on Tuesday.\n\n"
               "A second truce took effect at 8 p.m. local time on Tuesday.")
    # Moscow is UTC+3; Kabul, the article's place, UTC+4:30
    assert [start for start, _ in starts_in(article, WEDNESDAY)] == ["2024-03-05T09:00", "2024-03-05T15:30"]


def test_it_reads_local_time_where_the_sentence_sets_the_truce():
    article = "Talks were held in Doha.\n\nA truce in Gaza, brokered by Qatar, took effect at 7 a.m. on Friday."
    # Gaza in November: UTC+2, though Qatar is UTC+3
    assert starts_in(article, date(2023, 11, 24)) == [("2023-11-24T05:00", "hour")]


def test_it_reads_the_end_of_the_fighting_as_the_start_of_the_truce():
    assert starts_in("Officials said the fighting would end at 4 a.m. GMT.", WEDNESDAY) == [("2024-03-06T04:00", "hour")]


def test_it_does_not_take_the_announcement_day_for_a_start_in_a_future_clause():
    assert starts_in("He announced the deal on Monday, saying the fighting would end at 4 a.m. GMT.", WEDNESDAY) == [
        ("2024-03-06T04:00", "hour")]


def test_it_takes_the_day_the_sentence_is_about_for_a_start_without_a_day():
    assert starts_in("The president on Monday ordered a truce from 6 p.m. GMT.", WEDNESDAY) == [
        ("2024-03-04T18:00", "hour")]


def test_it_does_not_read_the_end_of_a_truce_as_a_start():
    assert starts_in("The truce will end at 4 a.m. GMT on Friday.", WEDNESDAY) == []


def test_it_reads_a_time_that_opens_the_sentence_before_its_verb_of_starting():
    assert starts_in("At 6 a.m. GMT, the guns along the front fell silent.", WEDNESDAY) == [("2024-03-06T06:00", "hour")]


def test_it_does_not_take_an_opening_time_whose_verb_of_starting_is_far_off():
    assert starts_in("At 3 p.m. GMT the talks ended, and much later the truce took effect.", WEDNESDAY) == []


def test_it_reads_a_regime_of_calm_as_a_truce():
    assert starts_in('The "regime of calm" began at 01:00 on Wednesday (22:00 GMT on Tuesday).', WEDNESDAY) == [
        ("2024-03-05T22:00", "minute")]


def test_it_reads_a_start_whose_subject_refers_back_to_the_truce_before():
    assert starts_in("A truce was agreed on Friday. It took effect at 0800 GMT on Saturday.", WEDNESDAY) == [
        ("2024-03-02T08:00", "minute")]


def test_it_does_not_refer_back_when_the_sentence_before_named_no_truce():
    assert starts_in("The trade talks went well. It took effect at 0800 GMT.", WEDNESDAY) == []


@pytest.mark.parametrize("sentence", [
    "The truce runs until 6 p.m. GMT on Sunday.",                              # an end, not a start
    "The truce, from 9 a.m. GMT until midnight GMT, was broken at 11 a.m. GMT.",  # only the start counts
    "Mediators announced at 3 p.m. GMT that a truce had been agreed.",          # another event's time
    "Lavish talks ended shortly after 4:00 am GMT, a day before the truce.",     # another event's time
    "The market opens at 9 a.m. GMT on Monday.",                                # no ceasefire at all
    "A strike hit the depot at 5:30 GMT; the truce collapsed.",                 # no start tied to the time
    "The truce was violated 30 times since 7 a.m. GMT, monitors said.",         # 'since' without a quiet front
    "Talks lasted from 10 a.m. GMT to 6 p.m. GMT before the truce was announced.",  # another event's span
    "The ceasefire was holding as of 5 p.m. GMT, the army said.",                  # a state, not a start
    "Talks on a truce will be held at 10 a.m. GMT on Monday.",                     # a meeting's time
])
def test_it_passes_over_clock_times_not_tied_to_a_truce_start(sentence):
    starts = starts_in(sentence, WEDNESDAY)
    assert all(start.endswith("T09:00") for start, _ in starts), starts


def test_it_reads_a_start_given_roughly():
    assert starts_in("The truce took effect shortly after 8 p.m. GMT.", WEDNESDAY) == [("2024-03-06T20:00", "hour")]


def test_it_reads_since_when_the_truce_has_held():
    assert starts_in("The truce has held since 9 a.m. GMT on Monday.", WEDNESDAY) == [("2024-03-04T09:00", "hour")]


def test_it_reads_only_the_start_of_a_truce_with_an_end():
    assert starts_in("The truce, from 9 a.m. GMT until midnight GMT, was broken at 11 a.m. GMT.", WEDNESDAY) == [
        ("2024-03-06T09:00", "hour")]


def test_it_marks_minute_and_hour_precision():
    assert starts_in("The truce took effect at 20:00 GMT. A second truce took effect at 8 p.m. GMT.",
                     WEDNESDAY) == [("2024-03-06T20:00", "minute"), ("2024-03-06T20:00", "hour")]


def test_it_reads_a_start_named_only_by_its_day_with_day_precision():
    document = text.segment("The truce will take effect on Monday, mediators said.", WEDNESDAY)
    [claim] = times.find_ceasefires(document)
    assert claim.values["precision"] == "day"
    assert claim.values["effective_at"].date() == date(2024, 3, 11)
    assert claim.text == "truce will take effect on Monday"


def test_it_keeps_a_sentence_full_stop_out_of_the_evidence():
    document = text.segment("The ceasefire took effect at noon GMT on Monday. Jan. 6 was quiet.", WEDNESDAY)
    [claim] = times.find_ceasefires(document)
    assert claim.text == "ceasefire took effect at noon GMT on Monday"


def test_it_asks_the_speakers_stage_who_announced_the_start(monkeypatch):
    monkeypatch.setattr(speakers, "statement_speaker", lambda document, position: Speaker("Mediation Office"))
    document = text.segment("The office said the truce took effect at 0600 GMT.", WEDNESDAY)
    [claim] = times.find_ceasefires(document)
    assert claim.speaker.name == "Mediation Office"
    assert claim.values["effective_at"] == datetime(2024, 3, 6, 6, 0, tzinfo=timezone.utc)


# --- a halt named by its verb, without "ceasefire" ---------------------------------------

@pytest.mark.parametrize("sentence, start", [
    ("The command ordered all units to suspend offensive actions from 1500 GMT on Thursday.", "2024-03-07T15:00"),
    ("The rebels said they would suspend military operations from 09:00 GMT on Friday.", "2024-03-08T09:00"),
    ("The two militias agreed to lay down their weapons at 1100 GMT on Thursday.", "2024-03-07T11:00"),
    ("Both sides must stop shelling at 0400 GMT on Thursday, the envoy said.", "2024-03-07T04:00"),
    ("The army declared a unilateral pause in operations starting at 2300 GMT on Thursday.", "2024-03-07T23:00"),
    ("A cessation of hostilities will begin at 0500 GMT on Friday.", "2024-03-08T05:00"),
    ("Both sides agreed to hold their fire from 1800 GMT on Thursday.", "2024-03-07T18:00"),
    ("The two sides agreed to end the fighting at 0600 GMT on Thursday.", "2024-03-07T06:00"),
])
def test_it_reads_a_halt_of_fighting_as_a_truce_start(sentence, start):
    assert starts_in(sentence, WEDNESDAY) == [(start, "minute")]


@pytest.mark.parametrize("sentence", [
    "The army said it would not halt its attacks at 0500 GMT, as the rebels had demanded.",  # denied
    "The government suspended the talks at 1700 GMT on Monday after the truce broke down.",  # talks, not fighting
    "Gunmen violated the truce at 1400 GMT on Tuesday.",                                      # a breach
    "The army said it would not end hostilities at 0600 GMT on Thursday.",                   # denied
    "The talks will end at 1700 GMT on Thursday without a truce.",                           # talks end
    "The rebels agreed to halt attacks on convoys, but fighting went on until 1600 GMT.",     # an end, not a start
])
def test_a_halt_word_near_a_time_is_no_start_unless_the_time_is_the_halts(sentence):
    assert starts_in(sentence, WEDNESDAY) == []


# --- which midnight -------------------------------------------------------------------------

def test_midnight_on_a_named_day_is_the_midnight_that_ends_it():
    # news style (issue 10): midnight belongs to the day that is ending, "from midnight on Saturday" is 00:00 Sunday
    assert starts_in("The rebels announced a truce from midnight GMT on Saturday.", WEDNESDAY) == [
        ("2024-03-10T00:00", "minute")]


def test_midnight_still_to_come_on_the_day_of_publication_ends_that_day():
    saturday = date(2024, 3, 9)
    assert starts_in("The ceasefire will take effect at midnight GMT on Saturday.", saturday) == [
        ("2024-03-10T00:00", "minute")]
    assert starts_in("The ceasefire will take effect from midnight (2000 GMT) on Saturday.", saturday) == [
        ("2024-03-09T20:00", "minute")]


def test_midnight_already_past_on_the_day_of_publication_began_that_day():
    assert starts_in("The ceasefire took effect at midnight GMT on Saturday.", date(2024, 3, 9)) == [
        ("2024-03-09T00:00", "minute")]


def test_a_truce_that_took_hold_at_a_time_started_then():
    assert starts_in("The ceasefire took hold at 5 a.m. local time (0300 GMT) on Monday.", WEDNESDAY) == [
        ("2024-03-04T03:00", "minute")]


def test_any_place_the_lexicon_knows_names_a_zone_when_followed_by_time():
    # Myanmar is UTC+6:30 all year
    assert starts_in("The truce began at 6 a.m. Myanmar time on Monday.", WEDNESDAY) == [("2024-03-03T23:30", "hour")]


def test_fighting_due_to_stop_at_a_time_names_the_start():
    assert starts_in("Under the deal, fighting is due to stop at 0700 GMT on Friday.", WEDNESDAY) == [
        ("2024-03-08T07:00", "minute")]


@pytest.mark.parametrize("sentence, start", [
    ("The rebels declared a ceasefire from Thursday 1800 GMT.", "2024-03-07T18:00"),
    ("The truce is effective Friday, 9 a.m. GMT, the envoy said.", "2024-03-08T09:00"),
])
def test_a_start_cue_may_name_the_day_before_the_time(sentence, start):
    assert [moment for moment, _ in starts_in(sentence, WEDNESDAY)] == [start]


# --- day-before-month dates, headlines, fronted start times ---------------------------------

@pytest.mark.parametrize("sentence", [
    "The truce came into force at 12:00 GMT on 2 March.",
    "The truce came into force at 12:00 GMT (15:00 local time) on 2 March.",
    "The truce, which came into force at 12:00 GMT on 2 March, has largely held.",
    "The truce came into force at 12:00 GMT on the 2nd of March.",
    "The truce came into force on the 2nd of March at 12:00 GMT.",
    "The truce came into force at 12:00 (GMT) on 2 March.",
])
def test_a_day_written_before_its_month_dates_the_start(sentence):
    assert starts_in(sentence, WEDNESDAY) == [("2024-03-02T12:00", "minute")]


def test_midnight_tonight_ends_the_publication_day_in_a_headline_as_in_the_body():
    headline = "Rival militias agree truce from midnight tonight\n\nBy a staff reporter\n\nTalks went on all day."
    body = "The rival militias agreed on Wednesday to a truce from midnight tonight, mediators said."
    assert starts_in(headline, WEDNESDAY) == starts_in(body, WEDNESDAY) == [("2024-03-07T00:00", "minute")]


def test_a_headline_may_drop_the_at_before_the_start_time():
    assert starts_in("Truce begins 0600 GMT Friday\n\nBoth sides agreed.", WEDNESDAY) == [
        ("2024-03-08T06:00", "minute")]


@pytest.mark.parametrize("sentence", [
    "From 0600 GMT on Friday, both sides will observe a truce.",
    "From 0600 GMT on Friday, the army and the rebel alliance in the hills will respect a ceasefire, envoys said.",
    "From 0600 GMT on Friday until 1800 GMT on Sunday, both sides will observe a truce.",
])
def test_a_start_time_opening_the_sentence_belongs_to_the_truce_of_its_main_clause(sentence):
    assert starts_in(sentence, WEDNESDAY) == [("2024-03-08T06:00", "minute")]


@pytest.mark.parametrize("sentence", [
    "From 0900 GMT on Friday, the talks went on in Geneva, where a truce was discussed.",
    "From 0600 GMT on Friday, neither side will observe a truce, the envoy said.",
    "From 0600 GMT on Friday, aid convoys will enter the city under the truce.",
])
def test_a_fronted_time_of_another_clause_or_a_denied_truce_is_no_start(sentence):
    assert starts_in(sentence, WEDNESDAY) == []


# --- an hour written as words with its part of the day --------------------------------------

def test_it_reads_an_hour_in_words_with_the_part_of_the_day_and_a_zone_after_a_comma():
    assert starts_in("The army said the truce would begin at seven in the evening, Greenwich time, on Friday.",
                     WEDNESDAY) == [("2024-03-08T19:00", "hour")]


def test_a_comma_before_local_words_that_are_not_a_zone_leaves_them_out():
    assert starts_in("The truce took effect at 0800 GMT, local officials said.", WEDNESDAY) == [
        ("2024-03-06T08:00", "minute")]


def test_the_same_start_repeated_without_its_day_keeps_the_day_said_first():
    article = ("Both sides agreed to a truce from 04:00 GMT on Friday, officials said.\n\n"
               '"The guns will fall silent at four in the morning, Greenwich time," the mediator said.')
    assert starts_in(article, WEDNESDAY) == [("2024-03-08T04:00", "minute"), ("2024-03-08T04:00", "hour")]


@pytest.mark.parametrize("phrase", [
    "12:30", "6.30 pm", "6pm", "0800 GMT", "1800 hours", "one minute past midnight", "a minute before midnight",
    "A minute after midnight", "noon", "12 noon", "Midday", "six o'clock", "Six p.m.", "six in the morning", "10 in the evening",
    "zero hour", "24:00", "2400h", "midnight Saturday", "eleven o'clock in the evening", "two minutes to noon",
])
def test_the_clocks_opening_test_lets_every_kind_of_clock_through(phrase):
    import re

    from claims.extraction.times import clock

    unguarded = re.compile(clock.TIME.pattern.replace(clock.CLOCK_OPENS, "", 1), clock.TIME.flags)
    text = f"The truce began at {phrase} on Friday, officials said."
    assert [m.groupdict() for m in clock.TIME.finditer(text)] == [m.groupdict() for m in unguarded.finditer(text)]
    assert any(m.group(0) for m in clock.TIME.finditer(text))


# --- round 163: "22 hours of Monday", as agencies translating Portuguese, Spanish or French write it ----------

@pytest.mark.parametrize("sentence, utc", [
    ('The fighters were told to respect the cease-fire "from 22 hours of Monday, Luanda time".', "1975-01-13T21:00"),
    ("The cease-fire came into force at 18 hours on Sunday, Luanda time, the communique said.", "1975-01-12T17:00"),
    ("The cease-fire came into force at 6 hours of today, Luanda time.", "1975-01-14T05:00"),
])
def test_an_hour_counted_in_hours_of_a_named_day_is_a_clock(sentence, utc):
    assert [start for start, _ in starts_in(sentence, date(1975, 1, 14))] == [utc]


@pytest.mark.parametrize("sentence", [
    "The talks on a cease-fire lasted 22 hours on Monday, Luanda time.",
    "The cease-fire was broken after 22 hours on Monday, officials in Luanda said.",
    "The cease-fire held for 18 hours on Sunday in Luanda.",
])
def test_hours_that_count_a_duration_are_no_clock(sentence):
    assert starts_in(sentence, date(1975, 1, 14)) == []


# --- round 163: a range of four-figure clocks --------------------------------------------------------------------

def test_a_range_of_four_figure_clocks_with_its_day_starts_at_its_first_clock():
    sentence = "Elders agreed a humanitarian window on the road from 0700 to 1700 on Monday 18 June, in Yemen."
    assert [start for start, _ in starts_in(sentence, date(2007, 6, 19))] == ["2007-06-18T04:00"]


def test_a_span_of_years_is_no_range_of_clocks():
    sentence = "The ceasefire held in Yemen from 1945 to 1950 on the whole, historians said on Monday."
    assert starts_in(sentence, date(2007, 6, 19)) == []
