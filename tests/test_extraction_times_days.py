"""Which day a ceasefire clock falls on: the news convention for midnight, pinned readings, tense and dateline."""
from __future__ import annotations

from datetime import date, timezone

import pytest

from claims.extraction import text, times

WEDNESDAY = date(2024, 3, 6)
SATURDAY = date(2024, 3, 9)


def starts(article: str, published: date) -> list[str]:
    document = text.segment(article, published)
    return [claim.values["effective_at"].astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M")
            for claim in times.find_ceasefires(document) if claim.values["precision"] != "day"]


def reasons(article: str, published: date) -> tuple[str, ...]:
    [claim] = times.find_ceasefires(text.segment(article, published))
    return claim.explanation


# --- midnight belongs to the day that is ending --------------------------------------------------

@pytest.mark.parametrize("sentence, utc", [
    ("The truce will take effect at midnight GMT Saturday, the envoy said.", "2024-03-10T00:00"),   # Reuters order
    ("A ceasefire begins at midnight on Friday GMT.", "2024-03-09T00:00"),
    ("The truce took effect at Tuesday midnight GMT.", "2024-03-06T00:00"),  # dated Wednesday: the night before
])
def test_midnight_of_a_named_day_is_the_one_that_ends_it(sentence, utc):
    assert starts(sentence, WEDNESDAY) == [utc]


def test_a_midnight_reported_as_past_in_a_story_of_that_day_is_the_one_just_past():
    assert starts("The truce took effect at midnight GMT, the army said.", SATURDAY) == ["2024-03-09T00:00"]
    assert starts("The truce took effect at midnight GMT on Saturday.", SATURDAY) == ["2024-03-09T00:00"]


def test_a_midnight_still_to_come_with_no_day_is_the_coming_one():
    assert starts("The truce will take effect at midnight GMT, the army said.", SATURDAY) == ["2024-03-10T00:00"]


def test_the_explanation_states_the_midnight_convention():
    steps = reasons("The rebels announced a truce from midnight GMT on Saturday.", WEDNESDAY)
    assert "midnight belongs to the day that is ending: 00:00 on 2024-03-10" in steps


def test_a_gmt_reading_in_brackets_pins_the_day_of_a_local_midnight():
    # Kyiv in winter is UTC+2: the midnight that ends Friday is 2200 GMT on Friday
    article = "The truce in Ukraine began at midnight local time (2200 GMT) on Friday."
    assert starts(article, date(2024, 1, 15)) == ["2024-01-12T22:00"]
    assert any("the bracketed '2200 GMT' pins the moment" in step for step in reasons(article, date(2024, 1, 15)))


@pytest.mark.parametrize("sentence, utc", [
    ("The truce took effect at zero hour GMT on the 30th.", "2024-03-30T00:00"),
    ("The truce took effect at zero hour of the 30th, Moscow time.", "2024-03-29T21:00"),
])
def test_zero_hour_of_a_day_of_the_month_is_that_day_beginning(sentence, utc):
    assert starts(sentence, date(2024, 3, 31)) == [utc]


# --- month-days and weekdays ---------------------------------------------------------------------

def test_a_month_day_without_a_year_is_the_nearest_such_date_ahead_or_back():
    assert starts("The truce will begin at noon GMT on March 2.", date(2024, 2, 27)) == ["2024-03-02T12:00"]
    assert starts("The truce began at noon GMT on December 30.", date(2024, 1, 3)) == ["2023-12-30T12:00"]


def test_a_weekday_follows_the_verbs_tense_from_the_dateline():
    # published on a Wednesday: a past "Friday" is five days back, a future one two days ahead
    assert starts("The truce took effect at 0600 GMT on Friday.", WEDNESDAY) == ["2024-03-01T06:00"]
    assert starts("The truce will take effect at 0600 GMT on Friday.", WEDNESDAY) == ["2024-03-08T06:00"]


# --- the day the story names elsewhere for the same start -------------------------------------------

def test_a_past_clock_with_no_day_takes_the_day_the_story_ties_to_the_start():
    article = ("A ceasefire between the two militias took effect on Friday, officials said.\n\n"
               "It began at 6 p.m. GMT, and by Saturday morning the front was quiet.")
    assert starts(article, date(2024, 3, 9)) == ["2024-03-08T18:00"]


def test_a_clock_still_to_come_keeps_the_publication_day_whatever_the_story_said_before():
    article = ("A first truce took effect on Friday but collapsed within hours.\n\n"
               "A new ceasefire will begin at 6 p.m. GMT, mediators said.")
    assert starts(article, date(2024, 3, 9)) == ["2024-03-09T18:00"]


def test_midnight_of_a_calendar_date_ends_that_date_unless_a_gmt_reading_says_otherwise():
    # Kyiv in winter is UTC+2
    assert starts("A ceasefire in eastern Ukraine will take effect at midnight on February 15, the envoy said.",
                  date(2015, 2, 12)) == ["2015-02-15T22:00"]
    assert starts("A ceasefire in eastern Ukraine will take effect at midnight on February 15 (2200 GMT on "
                  "February 14), the envoy said.", date(2015, 2, 12)) == ["2015-02-14T22:00"]


def test_a_month_day_reported_as_past_is_not_after_publication():
    # 1 January is nearer ahead (81 days) than back (284), but "took effect" puts it behind us
    assert starts("An earlier truce took effect at noon GMT on January 1.", date(1995, 10, 12)) == [
        "1995-01-01T12:00"]


def test_a_month_day_counted_from_publication_takes_that_year():
    assert starts("The truce took effect at noon GMT on October 10 last year.", date(1998, 5, 1)) == [
        "1997-10-10T12:00"]


def test_a_sentence_referring_back_takes_the_day_of_the_sentence_it_refers_to():
    # published on a Thursday: "on Friday" in a past report is six days back, and "It began" is that truce
    article = ("Commanders around the river town had agreed on Friday to a local truce. It began at 6 p.m. GMT "
               "and has largely held.")
    assert starts(article, date(1995, 10, 12)) == ["1995-10-06T18:00"]


def test_a_weekday_named_with_a_date_chooses_the_year():
    # 29 December 2016 was a Thursday; so is the truce's, in a story of 3 January 2017 (Damascus UTC+2)
    assert starts("The army announced a halt to all military operations in Syria from midnight on Thursday "
                  "29 December.", date(2017, 1, 3)) == ["2016-12-29T22:00"]


def test_a_clock_with_no_day_takes_the_day_of_the_start_read_before_unless_still_to_come():
    article = ("A ceasefire between the two armies began at 4:30pm GMT on Saturday.\n\n"
               "Officials said the commanders had agreed by telephone to stop all firing from 1630 GMT.")
    assert starts(article, date(2025, 5, 11)) == ["2025-05-10T16:30", "2025-05-10T16:30"]


# --- a future reported from a statement already made ---------------------------------------------

THURSDAY = date(2024, 3, 7)


@pytest.mark.parametrize("sentence, utc", [
    # said yesterday that the halt would come that day: the Wednesday just past, not next week's
    ("The rebels said their fighters would stop firing from 2000 GMT on Wednesday.", "2024-03-06T20:00"),
    # with no statement day named, the statement is yesterday's: a Tuesday halt said on Wednesday is next week's
    ("The army said its units would cease fire at noon GMT on Tuesday.", "2024-03-12T12:00"),
    # the statement's own day counts forward: "said Monday ... would ... Saturday" is the Saturday after it
    ("The militia said Monday that it would observe a truce from 6 p.m. GMT Saturday.", "2024-03-09T18:00"),
])
def test_a_weekday_in_reported_speech_counts_from_the_statement_not_from_publication(sentence, utc):
    assert starts(sentence, THURSDAY) == [utc]


def test_a_plain_future_still_means_the_coming_weekday():
    assert starts("The ceasefire will take effect at 2000 GMT on Wednesday.", THURSDAY) == ["2024-03-13T20:00"]


def test_a_clock_after_since_looks_back():
    # "since ... Sunday" in a Thursday story is the Sunday before, though Sunday is nearer ahead
    assert starts("Government troops had in fact held their fire since 1800 GMT on Sunday, the army said.",
                  THURSDAY) == ["2024-03-03T18:00"]


# --- minutes counted from a named time ------------------------------------------------------------

@pytest.mark.parametrize("sentence, utc", [
    ("The truce took effect at one minute past midnight GMT on Thursday.", "2024-03-07T00:01"),
    ("The truce will begin one minute before midnight GMT on Friday.", "2024-03-08T23:59"),
    ("A ceasefire began at five minutes to noon GMT on Tuesday.", "2024-03-05T11:55"),
])
def test_minutes_past_or_before_a_named_time(sentence, utc):
    assert starts(sentence, THURSDAY) == [utc]


def test_minutes_after_midnight_of_a_named_day_count_from_the_midnight_that_ends_it():
    # news style: "midnight Saturday" ends Saturday, so a minute after it is 00:01 on Sunday
    assert starts("Both sides accepted a truce beginning one minute after midnight GMT Saturday.", THURSDAY) == [
        "2024-03-10T00:01"]


def test_a_bracketed_reading_with_its_own_date_pins_a_counted_minute():
    assert starts("The truce took effect at one minute past midnight on December 30 (2201 GMT December 29).",
                  date(2025, 1, 2)) == ["2024-12-29T22:01"]


def test_a_later_start_without_a_day_falls_on_the_day_a_midnight_led_to():
    article = ("Mediators said a truce beginning one minute after midnight GMT Saturday had been accepted. "
               "The army said in a statement it had halted operations in the north from 0001 hours GMT.")
    assert starts(article, date(2024, 3, 10)) == ["2024-03-10T00:01", "2024-03-10T00:01"]


# --- a date between the verb and its clock --------------------------------------------------------

def test_a_date_between_the_verb_of_starting_and_the_clock():
    assert starts("An earlier truce began on March 3, 2019, at 10 am GMT and collapsed within a week.",
                  THURSDAY) == ["2019-03-03T10:00"]


def test_a_minute_past_midnight_on_a_day_falls_in_that_day():
    # "past midnight on Sunday" is a moment of Sunday, while "after midnight Sunday" follows the midnight ending it
    assert starts("The rebels said late on Saturday they would stop fighting from one minute past midnight GMT "
                  "on Sunday.", date(2024, 3, 10)) == ["2024-03-10T00:01"]


# --- the year of a date written without one -------------------------------------------------------

def test_a_month_the_paragraph_dated_with_a_year_gives_its_days_that_year():
    assert starts("The border war of June 2021 lasted nine days. It ended with a truce that took effect at "
                  "2 a.m. GMT on June 21.", WEDNESDAY) == ["2021-06-21T02:00"]


def test_a_month_dated_last_year_in_the_sentence_before_keeps_that_year():
    assert starts("In August last year, a truce began on August 1. Two weeks later the army declared a ceasefire "
                  "from 6 a.m. GMT on August 15.", date(2020, 3, 6)) == ["2019-08-15T06:00"]


def test_a_year_given_to_another_month_does_not_date_this_one():
    assert starts("The fighting began in June 2021. The truce takes effect at 6 a.m. GMT on March 10.",
                  WEDNESDAY) == ["2024-03-10T06:00"]


def test_a_date_recalled_with_its_weekday_falls_in_the_last_year_it_was_that_weekday():
    # 21 May was a Friday in 2021, not in 2022, 2023 or 2024
    assert starts("That war ended in a ceasefire that came into force at 2 a.m. GMT on Friday, May 21.",
                  date(2023, 11, 30)) == ["2021-05-21T02:00"]


def test_a_bracketed_weekday_is_the_one_nearest_the_local_day():
    assert starts("The ceasefire in Gaza came into force at 2 a.m. on Friday, May 21 (2300 GMT Thursday).",
                  date(2023, 11, 30)) == ["2021-05-20T23:00"]


# --- midnight in a statement, and a truce kept since midnight ------------------------------------

def test_a_midnight_announced_on_a_named_day_is_the_one_that_ends_it():
    assert starts("The president announced the plan on Monday evening, saying a truce would start at midnight "
                  "GMT.", date(2024, 3, 5)) == ["2024-03-05T00:00"]


def test_a_midnight_announced_without_a_day_is_still_the_coming_one():
    assert starts("Officials said a truce would start at midnight GMT.", WEDNESDAY) == ["2024-03-07T00:00"]


def test_troops_that_had_observed_a_truce_from_midnight_kept_it_since_the_midnight_just_past():
    assert starts("The ceasefire held overnight. Troops had observed the truce from midnight GMT, officers said.",
                  WEDNESDAY) == ["2024-03-06T00:00"]


def test_a_day_that_dates_an_aside_before_the_verb_of_starting_is_not_the_starts_day():
    # a Monday story: agreed last Tuesday, in force since the midnight just past
    assert starts("The truce, agreed by the two leaders in the capital last Tuesday, took effect at midnight "
                  "(0000 GMT).", date(1999, 5, 24)) == ["1999-05-24T00:00"]


def test_a_twelve_oclock_noon_takes_the_zone_written_after_it():
    assert starts("The group said the ceasefire had taken effect at 12:00 noon Beijing time on January 12.",
                  date(2024, 1, 13)) == ["2024-01-12T04:00"]


def test_the_following_day_after_a_clock_counts_on_from_the_date_before_it():
    assert starts("Under the accord of May 31, 1991, a ceasefire took effect at 1800 hours GMT the following day, "
                  "but fighting resumed.", date(2004, 12, 31)) == ["1991-06-01T18:00"]


def test_the_next_day_counts_on_from_a_statements_weekday_read_as_the_nearest():
    assert starts("Mediators told reporters late on Thursday that the truce would begin at 7.30pm GMT the next day.",
                  date(2014, 1, 24)) == ["2014-01-24T19:30"]


def test_a_past_event_dated_without_a_year_in_a_paragraph_narrating_an_earlier_year_takes_that_year():
    article = ("The first ceasefire took effect at 4pm GMT on July 22nd 1974, two days after the landing. Talks broke "
               "up on August 14th. The army's own ceasefire took effect at 6pm GMT on August 16th.")
    assert starts(article, date(2004, 7, 17)) == ["1974-07-22T16:00", "1974-08-16T18:00"]


def test_a_date_named_before_which_took_effect_is_the_starts_day():
    assert starts("The parties recalled the cessation of hostilities of 19 February 2015, which took effect at "
                  "midnight GMT.", date(2015, 6, 6)) == ["2015-02-20T00:00"]


def test_a_clock_in_brackets_is_no_year_and_of_that_year_points_back():
    article = ("The war that ended with the 1994 truce, which took effect at one minute past midnight on May 12 of "
               "that year (2001 GMT on May 11), killed 30,000 people.")
    assert starts(article, date(2016, 4, 5)) == ["1994-05-11T20:01"]


# --- round 11: the hour it was announced, that day, the morning of, 18h00 and 18.00 hours ----------

def test_a_start_earlier_in_the_day_than_the_hour_it_was_announced_is_the_next_days():
    assert starts("The prime minister went on television at 10pm GMT on Saturday to say that the cabinet had "
                  "approved a halt to fire from 2am GMT.", date(2009, 1, 18)) == ["2009-01-18T02:00"]


def test_a_start_that_was_to_take_effect_on_a_weekday_looks_back():
    assert starts("The ceasefire, reached at a meeting of commanders, was to take effect from 1800 GMT on Thursday, "
                  "a spokesman said.", date(2011, 4, 29)) == ["2011-04-28T18:00"]


def test_on_that_day_after_a_clock_points_back_to_the_date_of_the_sentence_before():
    article = ("The ceasefire will enter into force on D-Day, which the parties have set as 29 December 1996. The "
               "ceasefire will run from 00:00 hours GMT on that day.")
    assert starts(article, date(1996, 12, 4)) == ["1996-12-29T00:00"]


@pytest.mark.parametrize("article, published, utc", [
    ("The ceasefire had come into force at 00h00 GMT this morning, Thursday.", date(1992, 10, 15),
     "1992-10-15T00:00"),
    ("The movement told its fighters to cease all military activity from six o'clock GMT on the morning of "
     "15 October.", date(1992, 10, 15), "1992-10-15T06:00"),
    ("The declaration binds the two sides to stop fighting with effect from 18.00 hours GMT on Monday.",
     date(2008, 5, 28), "2008-05-26T18:00"),
])
def test_clocks_and_days_written_as_other_outlets_write_them(article, published, utc):
    assert starts(article, published) == [utc]


def test_each_date_takes_the_year_counted_right_after_it():
    document_day = date(2019, 7, 21)
    got = starts("A winter truce began at 00:00 GMT on December 29 last year, and a spring truce was declared "
                 "from 00:00 GMT on March 8 this year.", document_day)
    assert got == ["2018-12-29T00:00", "2019-03-08T00:00"]


# --- a clock still to come, in a statement whose day the sentence names --------------------------

@pytest.mark.parametrize("sentence, utc", [
    # a story of Friday: said on Wednesday night that the halt would come at 11pm: Wednesday's 11pm
    ("Mediators said on Wednesday night that the guns would fall silent at 11pm GMT.", "2024-03-06T23:00"),
    # an evening statement and a morning start: the next morning, the first such clock after it
    ("The army announced on Wednesday evening that its units would hold fire from 6 a.m. GMT.",
     "2024-03-07T06:00"),
    # a statement with no part of the day and an afternoon start: the same day
    ("The rebels said on Wednesday that a truce would begin at 4 p.m. GMT.", "2024-03-06T16:00"),
])
def test_a_clock_still_to_come_counts_from_the_day_of_the_statement_that_announced_it(sentence, utc):
    assert starts(sentence, date(2024, 3, 8)) == [utc]


# --- an hour without its half, spoken of again after another start ---------------------------------

def test_an_hour_without_its_half_is_the_start_read_earlier_at_that_hour_not_only_the_last_one():
    article = ("A truce agreed by the two governors took effect at 1800 hours GMT on Monday. "
               "The southern militia said it had held its fire only from midnight GMT Monday. "
               "A northern commander said his fighters had stopped shooting at six o'clock, as agreed.")
    assert starts(article, WEDNESDAY) == ["2024-03-04T18:00", "2024-03-05T00:00", "2024-03-04T18:00"]


# --- a range whose day is written after its end -------------------------------------------------------

@pytest.mark.parametrize("sentence, utc", [
    ("A humanitarian pause is to hold from 10:00 to 18:00 GMT on Sunday, officials said.", "2024-03-10T10:00"),
    ("The corridor truce will run from 9 a.m. until 5 p.m. GMT on Monday.", "2024-03-11T09:00"),
    # an overnight range: the day written is the end's, the start is the evening before
    ("The overnight truce lasted from 22:00 to 06:00 GMT on Friday.", "2024-03-07T22:00"),
])
def test_the_day_written_after_a_range_is_the_day_of_its_start_too(sentence, utc):
    assert starts(sentence, SATURDAY) == [utc]


def test_a_past_date_without_a_year_in_a_paragraph_about_last_year_is_last_years():
    article = ("Last year's holiday truce was shorter. The army's ceasefire then took effect at 6 a.m. GMT "
               "on December 16.")
    assert starts(article, date(2012, 12, 20)) == ["2011-12-16T06:00"]
    # with no year counted in the paragraph, the nearest such date before publication
    assert starts("The army's ceasefire took effect at 6 a.m. GMT on December 16.",
                  date(2012, 12, 20)) == ["2012-12-16T06:00"]


def test_a_month_the_sentence_dates_gives_its_days_that_year_before_any_other_year_named():
    article = ("The armies fought in the city in August 1999 and again in May this year; the May round ended with a "
               "truce that began at noon GMT on 8 May.")
    assert starts(article, date(2000, 6, 13)) == ["2000-05-08T12:00"]


def test_that_evening_points_back_to_a_day_a_past_verb_dated():
    article = ("The prime minister, who bargained with the gunmen by telephone on Sunday, had ordered troops in the "
               "region to cease fire from 1800 GMT that evening.")
    assert starts(article, date(1995, 6, 22)) == ["1995-06-18T18:00"]  # a Thursday story: the Sunday before


def test_a_relative_day_followed_by_its_date_is_that_date():
    # a statement quoted two days on: its "today" is the date it names, not the story's day
    article = 'The statement read: "Our units will observe a complete ceasefire from 12 noon GMT today, Saturday 2 March."'
    assert starts(article, date(2024, 3, 4)) == ["2024-03-02T12:00"]


def test_a_start_a_group_had_suspended_operations_from_is_past():
    article = 'That group said it had suspended "all military operations" from 6pm GMT on Tuesday.'
    assert starts(article, date(1998, 8, 24)) == ["1998-08-18T18:00"]  # a Monday story: the Tuesday before


def test_a_year_written_for_another_date_in_the_sentence_does_not_put_a_past_start_after_publication():
    article = ("The army said the ceasefire had taken effect at 00:00 GMT on 21 December and would remain in force "
               "until 30 April 2019.")
    assert starts(article, date(2018, 12, 22)) == ["2018-12-21T00:00"]


def test_a_clock_without_a_day_is_a_start_read_earlier_at_that_moment_not_only_the_last_one():
    article = ("The government's ceasefire begins at one minute past midnight GMT tonight. The rebels say they will "
               "hold fire from 6 a.m. GMT on Tuesday. The decree sets the start at 00:01 GMT.")
    assert starts(article, date(2023, 10, 16)) == ["2023-10-17T00:01", "2023-10-17T06:00", "2023-10-17T00:01"]


# --- round 23: a bracket's own day, a statement dated in its reporting clause ---------------------------

def test_a_bracketed_utc_reading_with_its_own_day_is_not_dated_by_another_truce_in_the_story():
    # a live page of Thursday 7 March: the spring truce's day must not date today's start
    article = ("An earlier truce, meant to start at midnight on January 30, collapsed within days.\n\n"
               "10:05 - A ceasefire in the east took effect at midnight (22:00 GMT on Wednesday), the monitors said.")
    assert starts(article, date(2024, 3, 7))[-1] == "2024-03-06T22:00"


def test_a_bracketed_utc_reading_with_its_own_day_is_a_new_start_not_an_earlier_one_spoken_of_again():
    # the headline borrows Tuesday from the pause; the bracketed reading must not fall back on the headline's start
    article = ("A two-hour humanitarian pause from 7pm on Tuesday let the wounded out of the old city.\n\n"
               "Ceasefire in force since 1am, ministry says.\n\n"
               "The ministry says the ceasefire took effect at 1am local time (22:00 GMT on Wednesday) on all fronts "
               "in Yemen.")
    assert starts(article, date(2024, 3, 7))[-1] == "2024-03-06T22:00"


def test_a_reported_future_counts_from_the_day_that_closes_its_reporting_clause():
    # published Monday 11 March; the statement was carried on Saturday 9 March: its "midnight on Saturday"
    # is the midnight ending that Saturday, not next week's
    article = ("The rebel movement said in a statement carried by its radio station on Saturday that its units "
               "would stop all offensive action from midnight GMT on Saturday.")
    assert starts(article, date(2024, 3, 11)) == ["2024-03-10T00:00"]


# --- round 25: a year over is no future start's; the day a statement or a "then" carries ---------------

def test_a_start_still_to_come_does_not_take_a_past_year_written_for_another_event():
    article = ("The guerrillas said on Tuesday they would suspend all offensive actions beginning at 0000 GMT on "
               "March 20, a gesture to rescue talks that opened in Havana in 2019.")
    assert starts(article, WEDNESDAY) == ["2024-03-20T00:00"]


def test_a_reported_future_counts_from_the_day_of_the_event_the_sentence_before_dated():
    # published Thursday 7 March; the accord was signed on Monday 4 March
    article = ("The accord was signed on Monday afternoon at the mediators' offices. In a statement, the mediators "
               "said the ceasefire would apply nationwide \"from midnight GMT on Monday.\"")
    assert starts(article, date(2024, 3, 7)) == ["2024-03-05T00:00"]


def test_then_carries_on_from_the_day_of_the_sentence_before():
    article = ("Tanks opened fire on the parliament building at 9:45 a.m. on Monday. The ministry said the troops "
               "encircling it then held fire from 1200 GMT to let the wounded out.")
    assert starts(article, WEDNESDAY) == ["2024-03-04T12:00"]


def test_a_bare_midnight_after_a_zero_hour_with_its_day_is_that_zero_hour():
    article = ("The spring truce was due to begin at 00:00 on March 5, but the army counted that midnight by Kyiv "
               "time, while the rebels ordered their units to stop firing at midnight Moscow time, an hour earlier.")
    assert starts(article, date(2024, 3, 29)) == ["2024-03-04T22:00", "2024-03-04T21:00"]


# --- round 26: the day a sentence before gives a past start; a statement after a dated event -------------

def test_that_day_points_back_to_a_day_the_sentence_before_put_in_the_past():
    # published Thursday 7 March: the pause "came on Saturday" is 2 March, not the coming Saturday
    article = ("An earlier pause came on Saturday. The Red Cross said a truce it had arranged took effect at "
               "1000 GMT that day, long enough to carry the wounded out.")
    assert starts(article, date(2024, 3, 7)) == ["2024-03-02T10:00"]


def test_a_past_start_with_no_day_takes_the_day_the_sentence_before_gave_the_truce():
    article = ("On Tuesday, soldiers held their fire for two hours after clergy negotiated a way out for families. "
               "The council of churches said the pause it arranged took effect at 2030 GMT.")
    assert starts(article, date(2024, 3, 7)) == ["2024-03-05T20:30"]


def test_a_sentence_before_naming_two_days_gives_a_later_past_start_none_of_them():
    article = ("The truce began at 00:00 GMT on Thursday and is meant to run until midnight on May 10-11. "
               "The halt formally began at 0000 GMT in the capital too.")
    assert starts(article, date(2024, 3, 7)) == ["2024-03-07T00:00", "2024-03-07T00:00"]


def test_a_reported_future_counts_from_a_past_day_named_before_the_verb_of_saying():
    # published Friday 8 March; after talks on Monday 4 March he said "on Tuesday": the 5th, not the 12th
    article = ("After talks in the regional capital on Monday with the envoys, the rebel prime minister said his "
               "fighters would hold fire from 2000 GMT on Tuesday.")
    assert starts(article, date(2024, 3, 8)) == ["2024-03-05T20:00"]


def test_a_day_that_belongs_to_another_sides_clock_is_no_statement_day():
    # "Thursday" before "Khartoum said" is Eritrea's start, not the day Khartoum spoke (published Wednesday)
    article = ("Eritrea said the truce would begin at 1800 GMT on Thursday, while Khartoum said the ceasefire would "
               "start at 1900 GMT on Thursday.")
    assert starts(article, WEDNESDAY) == ["2024-03-07T18:00", "2024-03-07T19:00"]


def test_a_stop_with_no_day_later_in_the_day_the_fighting_before_it_was_dated_falls_on_that_day():
    # published Wednesday: the fighting of Monday afternoon ended that Monday, not on the day of the story
    article = ("The two armies exchanged mortar fire from about 1.15pm GMT on Monday. Commanders on both sides agreed "
               "by telephone to stop firing at 3pm GMT, and the last rounds fell minutes later.")
    assert starts(article, WEDNESDAY) == ["2024-03-04T15:00"]


def test_a_clock_earlier_than_the_fighting_before_it_is_not_taken_to_that_day():
    article = ("The two armies exchanged mortar fire from about 4pm GMT on Monday. The truce took effect at 3pm GMT.")
    assert starts(article, WEDNESDAY) == ["2024-03-06T15:00"]


# --- round 29: the day a statement was made, and days that date other things --------------------------------------

def test_a_monitoring_digests_item_is_read_from_the_day_its_source_line_gives():
    # the digest is dated the 14th; the item went out on the 12th, so its "tonight" is the 12th
    article = ("SUMMARY OF WORLD BROADCASTS\n\n"
               "Voice of the Mountains, Kalat, in Pashto 1830 gmt 12 May 95\n\n"
               "The Eastern Shura said in a broadcast that its fighters would stop firing from 2100 gmt tonight.\n\n"
               "Radio Free Highlands, Herat, in Dari 0600 gmt 13 May 95\n\n"
               "Elders said the truce that began at 0200 gmt yesterday was holding.")
    assert starts(article, date(1995, 5, 14)) == ["1995-05-12T21:00", "1995-05-12T02:00"]
    assert any("source line dates what it says: 1995-05-12" in step for step in reasons(article.split(
        "\n\nRadio Free")[0], date(1995, 5, 14)))


def test_of_that_year_is_the_year_named_before_not_one_named_after():
    article = ("The last harvest truce came in 1987. It began at midnight GMT on October 4 of that year and led to "
               "the longer truce of 1988.")
    assert starts(article, date(2001, 10, 3)) == ["1987-10-05T00:00"]


def test_today_inside_a_written_statements_quotation_counts_from_the_day_the_lede_gives_it():
    # published Tuesday; the lede says the council announced it on Monday: "this evening" is Monday evening
    article = ("The tribal council on Monday announced a month-long truce in the valley.\n\n"
               "Its written statement, read out in the main mosque, said the truce would begin \"at 1900 GMT this "
               "evening\" and bind every clan.")
    assert starts(article, date(2024, 3, 5)) == ["2024-03-04T19:00"]


def test_yesterday_in_a_spokesmans_quoted_words_counts_from_the_day_of_the_story():
    article = ("The militia on Monday announced a halt to its attacks.\n\n"
               "A spokesman told reporters on the phone that the halt \"began at 1600 GMT yesterday, as ordered\".")
    assert starts(article, date(2024, 3, 6)) == ["2024-03-05T16:00"]


def test_the_day_of_a_truce_that_never_took_hold_dates_no_later_start():
    # published Sunday 22 September 1991; the earlier truce was for Wednesday, the new order is for today
    article = ("The two sides agreed on Sunday to a new truce from 1300 GMT. It replaces an accord which was meant "
               "to take effect at 1000 GMT on Wednesday but never took hold. The army said later that its units had "
               "been ordered to cease fire at 1600 GMT.")
    assert starts(article, date(1991, 9, 22)) == ["1991-09-22T13:00", "1991-09-18T10:00", "1991-09-22T16:00"]


def test_a_promised_start_of_a_truce_the_sentence_says_is_over_is_in_the_past():
    # published Sunday 26 December: the Wednesday of a promise made last week is the 22nd, not the 29th
    article = ("The holiday truce, which the three armies promised would silence the guns from midnight GMT on "
               "Wednesday, had all but vanished by yesterday.")
    assert starts(article, date(1993, 12, 26)) == ["1993-12-23T00:00"]


def test_a_day_that_opens_the_sentence_dates_the_statement_it_reports():
    # published Tuesday 21 January: said on Saturday the 18th, so "Sunday" is the 19th
    article = ("On Saturday, according to church officials, the rebels sent word that they would observe a pause "
               "from 2300 GMT on Sunday.")
    assert starts(article, date(2025, 1, 21)) == ["2025-01-19T23:00"]


def test_an_afternoon_clock_after_a_midnight_start_falls_on_the_day_that_midnight_ends():
    article = ("The movement said its fighters would halt operations \"from midnight GMT on Sunday\".\n\n"
               "In the capital, an official of the second group said its men had been told \"to stop at 1500 GMT and "
               "not one minute later\".")
    assert starts(article, date(2003, 6, 30)) == ["2003-06-30T00:00", "2003-06-29T15:00"]


def test_an_ordinal_before_a_capitalised_unit_name_is_no_day_of_the_month():
    # "The 9th Regiment" names a unit; "that day" is the Tuesday of the sentence before
    article = ("The truce came into force at 1500 GMT on Tuesday. The 9th Regiment said separately that its men had "
               "been ordered to hold their positions from 1700 GMT that day.")
    assert starts(article, date(2018, 9, 5)) == ["2018-09-04T15:00", "2018-09-04T17:00"]


def test_a_clock_still_to_come_takes_the_day_the_sentence_goes_on_to_give_the_start():
    # published Friday 30 August: "starting on Sunday, 1 September" dates the 6 a.m. before it
    article = ("The vaccination pauses will run from 0300 GMT to 1200 GMT and move from zone to zone: three days in "
               "the centre starting on Sunday, 1 September, then the south.")
    assert starts(article, date(2024, 8, 30)) == ["2024-09-01T03:00"]


def test_a_day_that_opens_an_earlier_sentence_of_the_paragraph_dates_the_statement_reported_after_it():
    # published Wednesday 25 August; said on Sunday the 22nd, so "Monday" is the 23rd, not the 30th
    article = ("On Sunday, the leader of the armed groups said in a video that the gangs had made peace so that aid "
               "could pass. He said the truce would hold from 1000 GMT Monday, so that convoys could move in daylight.")
    assert starts(article, date(2021, 8, 25)) == ["2021-08-23T10:00"]


# --- round 35: the day a statement was made, named with the statement; readings on other clocks --------------

@pytest.mark.parametrize("article, utc", [
    # "In a statement on Friday night": Friday 1 March, so "Sunday" is the 3rd, not the 10th
    ('In a statement on Friday night, the militia said its units would stop firing "from 6 a.m. on Sunday".',
     "2024-03-03T06:00"),
    # read on air on Monday: its "midnight tonight" ends Monday 4 March
    ('A government communique read on state television at 8 p.m. Monday said the army would hold its fire '
     '"from midnight tonight".', "2024-03-05T00:00"),
    # broadcast on Monday: its "yesterday" is Sunday 3 March
    ('The rebels\' radio, in a commentary broadcast Monday, said its fighters had "held their fire since noon '
     'yesterday".', "2024-03-03T12:00"),
])
def test_a_day_in_the_words_naming_a_statement_dates_the_statement(article, utc):
    assert starts(article, WEDNESDAY) == [utc]


def test_a_written_statements_tonight_counts_from_the_day_the_storys_opening_gives_its_news():
    # published Wednesday 6 March; the leaders signed "yesterday", Tuesday, so the communique's night is Tuesday's
    article = ("The three commanders signed a truce at the presidential palace yesterday, and their aides said the "
               "guns would fall silent from midnight.\n\n"
               'A joint communique said all units would "cease hostilities from midnight tonight".')
    assert starts(article, WEDNESDAY) == ["2024-03-06T00:00", "2024-03-06T00:00"]
    # published Sunday 10 March: the truce "took effect ... on Saturday", the day the statement was handed out
    article = ("A truce declared by the government took effect at midnight (2200 GMT) on Saturday, officials said.\n\n"
               'A written statement handed out by the delegation said the army "will halt all operations from '
               'midnight tonight, Cairo time".')
    assert starts(article, date(2024, 3, 10)) == ["2024-03-09T22:00", "2024-03-09T22:00"]


def test_the_same_moment_on_another_places_clock_in_brackets_leaves_the_day_written_after_it():
    article = "The truce took effect at 5am Cairo time (6am Riyadh) yesterday, witnesses said."
    assert starts(article, WEDNESDAY) == ["2024-03-05T03:00"]  # yesterday, Tuesday; Cairo is two hours ahead


def test_square_brackets_give_a_gmt_reading_as_round_ones_do():
    # a monitoring digest's editor brackets the GMT reading in square brackets
    assert starts("The ministry said a truce came into force at 1200 [0900 gmt] today.", SATURDAY) \
        == ["2024-03-09T09:00"]
    # (a year before an editor's note is no clock)
    assert starts("The two sides agreed a truce in 2015 [passage omitted] and it held until 2019.", SATURDAY) == []


def test_a_person_speaking_of_an_order_dates_its_last_night_from_publication_not_from_the_storys_opening():
    article = ("The truce was signed yesterday afternoon.\n\n"
               'A rebel spokesman said the ceasefire order went out over the radio yesterday evening and applied '
               '"from midnight last night".')
    # (a guard: the opening's "yesterday" dates only the words of a text that speaks for itself)
    assert starts(article, WEDNESDAY) == ["2024-03-06T00:00"]  # the night of Tuesday, seen from Wednesday


def test_a_daily_reports_source_line_with_no_comma_and_a_desk_code_dates_its_item():
    # the report is dated the 24th; the item went out on the 22nd, so "this evening" is the 22nd's
    article = ("DAILY REPORT -- MIDDLE EAST\n24 October 1973\n\n"
               "COMMAND ORDERS UNITS TO HOLD FIRE\n"
               "Cairo Domestic Service in Arabic 1315 GMT 22 Oct 73 NC\n"
               "[Excerpts] The General Command has instructed all units to cease fire at 1852 Cairo time this "
               "evening.")
    assert starts(article, date(1973, 10, 24)) == ["1973-10-22T16:52"]


def test_a_later_midnight_for_a_start_the_story_dated_at_00_00_is_the_same_one():
    # published Monday 20 February: "00:00 Kyiv time on Monday" began Monday; the separatists' midnight Moscow time
    # is the same night, an hour earlier in GMT, not the night after
    article = ("A new ceasefire began at 00:00 Kyiv time on Monday, the monitors said.\n\n"
               "The separatists told their fighters to stop firing at midnight Moscow time, an hour before Ukrainian "
               "units.")
    assert starts(article, date(2017, 2, 20)) == ["2017-02-19T22:00", "2017-02-19T21:00"]


def test_a_bracketed_year_after_a_numbered_text_dates_the_text_not_the_start():
    article = ("The truce between the two armies took effect at 0600 hours GMT on 3 June, as required by Security "
               "Council resolution 998 (1995).")
    assert starts(article, date(1996, 6, 5)) == ["1996-06-03T06:00"]


def test_a_midnight_in_a_story_that_says_the_truce_began_overnight_is_the_night_just_past():
    # published Tuesday: "overnight" is the night that ended on Tuesday morning, so its midnight opened Tuesday
    article = ("The truce in the port began overnight after a day of shelling.\n\n"
               "A rebel commander said his men are observing the truce \"from one minute after midnight GMT\" and "
               "will only answer attacks.")
    assert starts(article, date(2018, 12, 18)) == ["2018-12-18T00:01"]


def test_a_day_that_opens_the_sentence_dates_the_announcement_of_a_start_still_to_come():
    # published Wednesday; announced on Monday, so the 1500 GMT still to come is Monday's, not Wednesday's
    article = ("On Monday, after a night of talks at the mission, a government spokesman announced that the "
               "ceasefire would apply from 1500 GMT.")
    assert starts(article, WEDNESDAY) == ["2024-03-04T15:00"]


def test_a_digests_source_line_that_names_no_language_dates_its_item():
    # the digest is dated the 26th; the item went out on the 24th, so its "today" is the 24th
    article = ("SUMMARY OF WORLD BROADCASTS\nTuesday 26 March 1974\n\n"
               "Truce order to the northern front\n"
               "Baghdad home service 1630 gmt 24 Mar 74\n\n"
               "Text of communique: The forces in the north were ordered to cease fire at 2000 local time (1700 gmt) "
               "today.")
    assert starts(article, date(1974, 3, 26)) == ["1974-03-24T17:00"]


def test_a_truce_announced_to_begin_that_did_not_survive_began_on_the_day_before_publication():
    # published Wednesday 6 March: the truce is over, so "Sunday" is the 3rd, not the coming 10th
    article = ("An earlier truce, brokered by the neighbours and announced by state radio to begin at 1800 GMT on "
               "Sunday, did not survive the night.")
    assert starts(article, WEDNESDAY) == ["2024-03-03T18:00"]


def test_a_season_of_this_year_dates_a_month_day_the_paragraph_would_give_an_earlier_year():
    article = ("Last year's harvest truce began at 00:00 GMT on August 1, 2023, and lasted a month. A spring truce "
               "this spring, meant to start at midnight GMT on April 30, collapsed within days.")
    assert starts(article, date(2024, 9, 2))[-1] == "2024-05-01T00:00"


def test_yesterday_quoted_from_a_communique_that_says_it_today_counts_from_publication():
    # published Saturday 19 July; the lede dates another announcement 'last night', but this communique speaks now
    article = ("The council, meeting through the night, said last night that both sides had agreed to a truce.\n\n"
               "A communique from the palace says its forces \"ceased fire at 1800 GMT yesterday\" as a proof of good "
               "faith.")
    assert starts(article, date(1969, 7, 19))[-1] == "1969-07-18T18:00"


def test_an_equivalent_after_which_is_or_that_is_pins_the_moment():
    assert starts("The guard would cease fire at 1900 hours local time, which is 1700 GMT, the spokesman said.",
                  WEDNESDAY) == ["2024-03-06T17:00"]
    assert starts("A truce will come into force at 1800 hours Turkish time, that is 1500 GMT, the office said.",
                  WEDNESDAY) == ["2024-03-06T15:00"]


def test_an_hour_with_no_half_of_the_day_takes_the_half_its_equivalent_falls_in():
    article = "The spokesman said the guard would cease fire at seven o'clock local time, which is 1700 GMT."
    assert starts(article, WEDNESDAY) == ["2024-03-06T17:00"]


def test_the_following_weekday_after_a_clock_counts_from_the_day_named_before_it():
    article = ("A truce pledged in a joint declaration on 14 September was supposed to take hold at 1000 GMT the "
               "following Saturday.")
    assert starts(article, date(1993, 9, 27)) == ["1993-09-18T10:00"]


def test_a_source_line_in_brackets_after_an_item_dates_the_item_above_it():
    # the digest is dated the 12th; each item's own line, in brackets under its text, gives the day it went out
    article = ("SUMMARY OF BROADCASTS\n12 August 1964\n\n"
               "1. Army ordered to cease fire\n\n"
               "The spokesman said the army had been ordered to cease fire \"as from 0300 GMT this morning\".\n"
               "(Capital home service in English 0430 gmt 10 Aug 64)\n\n"
               "2. Fighters to stop\n\n"
               "The radio said the fighters would stop firing \"as from 2100 GMT tonight\".\n"
               "(Hill radio in English 1900 gmt 11 Aug 64)")
    assert starts(article, date(1964, 8, 12)) == ["1964-08-10T03:00", "1964-08-11T21:00"]


def test_a_source_line_may_write_its_day_in_figures():
    article = ("SUMMARY OF BROADCASTS\nMonday 12 June 1967\n\n"
               "Home service in English 1700 GMT 10.6.67\n\n"
               "Announcement: A cease-fire came into force at 1630 GMT today.")
    assert starts(article, date(1967, 6, 12)) == ["1967-06-10T16:30"]


def test_a_dateline_of_a_weekday_alone_dates_the_story_to_that_day_before_the_paper():
    # a Wednesday paper prints the correspondent's despatch of Tuesday: "this morning" is Tuesday's
    article = ("GUNS FALL SILENT IN THE CITY\n\nFrom Our Own Correspondent\n\nELISABETHVILLE, Tuesday.\n\n"
               "The fighting died away early this morning after the United Nations command in Katanga ordered its "
               "troops to cease fire at 2 a.m. local time.")
    assert starts(article, date(1961, 12, 20)) == ["1961-12-19T00:00"]


@pytest.mark.parametrize("dateline", ["ELISABETHVILLE, Wednesday.", "Elisabethville, Tuesday, said the radio."])
def test_a_weekday_dateline_of_the_papers_own_day_or_in_a_sentence_changes_nothing(dateline):
    article = (f"{dateline}\n\nThe United Nations command in Katanga ordered its troops to cease fire at 2 a.m. "
               "local time this morning.")
    assert starts(article, date(1961, 12, 20)) == ["1961-12-20T00:00"]


def test_a_source_line_without_a_year_dates_its_item_by_the_date_nearest_the_digest():
    # a digest of Tuesday 2 January 1968: "30 Dec" is last year's, and the item's "Sunday" is the day after it
    article = ("ASIA BROADCAST MONITOR\nTuesday, 2 January 1968\n\n"
               "2. SAIGON: ALLIED TRUCE\nSaigon Home Service, in Vietnamese, 0400 GMT 30 Dec\n\n"
               "A government communique said allied forces in Vietnam would observe a truce of 36 hours, from 1800 on "
               "Sunday to 0600 on Tuesday, Saigon time.")
    assert starts(article, date(1968, 1, 2)) == ["1967-12-31T10:00"]


def test_a_weekday_the_sentence_has_dated_with_a_past_verb_is_that_same_day():
    # published Wednesday 24 February 2010: signed on Tuesday evening, the truce's "midnight on Tuesday" ends that
    # Tuesday, not the next one
    article = ("The government and the rebels signed a framework agreement in Doha on Tuesday evening which includes "
               "a ceasefire to come into force at midnight on Tuesday (21:00 GMT).")
    assert starts(article, date(2010, 2, 24)) == ["2010-02-23T21:00"]


def test_the_day_of_a_truces_participle_without_commas_dates_the_agreement_not_the_start():
    # published 1 September: agreed on 26 August, it took effect at the midnight just past
    article = ("The ceasefire agreed by the contact group in Minsk on Aug. 26 took effect at midnight GMT, timed for "
               "the first day of the school year.")
    assert starts(article, date(2015, 9, 1)) == ["2015-09-01T00:00"]


def test_a_headlines_undated_midnight_is_the_bodys_start_pinned_in_gmt():
    # the body's start is kept in UTC (pinned by its bracket); seen on Khartoum's clock it is the same midnight
    article = ("Khartoum and the rebels sign framework deal, ceasefire from midnight\n\n"
               "KHARTOUM - The government and the rebels signed a framework agreement in Doha on Tuesday evening which "
               "includes a ceasefire to come into force at midnight on Tuesday (21:00 GMT).")
    assert starts(article, date(2010, 2, 24)) == ["2010-02-23T21:00", "2010-02-23T21:00"]


def test_last_tuesday_is_not_the_tuesday_the_sentence_dated_before_it():
    # published Tuesday 9 December 2014: "to Tuesday morning" is today; "last Tuesday" is the 2nd
    article = ("The press centre said three soldiers had been killed in the 24 hours to Tuesday morning near the "
               "airport, where a local ceasefire was supposed to begin at 0400 GMT last Tuesday but collapsed.")
    assert starts(article, date(2014, 12, 9)) == ["2014-12-02T04:00"]


RETROSPECTIVE = ("Fifty years on: how the 1974 truce in the hills was kept\n\n"
                 "The fighting had begun on Friday, March 1, 1974, and went on for four months.\n\n"
                 "Was there a ceasefire?\n\nYes. A ceasefire took effect at 0600 GMT on July 1, and held.")


def test_a_month_day_in_a_retrospective_falls_in_the_year_its_headline_and_dates_name():
    assert starts(RETROSPECTIVE, date(2024, 9, 2)) == ["1974-07-01T06:00"]


def test_a_headlines_past_year_alone_does_not_move_a_month_day():
    article = RETROSPECTIVE.replace("on Friday, March 1, 1974, and", "in the spring and")
    assert starts(article, date(2024, 9, 2)) == ["2024-07-01T06:00"]


def test_a_retrospectives_headline_may_come_under_a_masthead_and_its_full_date_later_in_the_text():
    # a research note of 9 November 2018: its title (the third line with words) names 1918, and the timeline
    # dates a day of 1918 in full only after the entry read here
    article = ("INSTITUTE FOR TRUCE STUDIES\nBriefing 7/18 | 9 November 2018\n\n"
               "How the guns fell silent in the autumn of 1918\n\n"
               "29 September: Bulgaria signs at Salonika. Hostilities on the Macedonian front cease at 1000 GMT on "
               "30 September.\n\n"
               "13 December 1918: the armistice with Germany is renewed at Trier.")
    assert starts(article, date(2018, 11, 9)) == ["1918-09-30T10:00"]


def test_a_headline_year_in_figures_with_no_full_date_of_it_anywhere_moves_nothing():
    article = ("INSTITUTE FOR TRUCE STUDIES\nBriefing 7/18 | 9 November 2018\n\n"
               "What the armistices of 1918 teach today's mediators\n\n"
               "The new truce in the region takes effect at 1000 GMT on 30 November, the mediators said.")
    assert starts(article, date(2018, 11, 9)) == ["2018-11-30T10:00"]


def test_years_ago_in_the_standfirst_dates_a_retrospective_when_the_text_names_that_year_with_a_month():
    # a weekly of Thursday 16 December 2021 looking back fifty years: "Friday, December 17" is 1971's, a Friday too
    article = ("THE WEEKLY REVIEW\nWeekly | December 16, 2021 | Retrospective\n\nThe night the guns stopped\n\n"
               "Fifty years ago this week, the war in the east ended in a day.\n\n"
               "The war of December 1971 had lasted thirteen days.\n\nOn the radio, the prime minister said the "
               "army would cease fire on the western front from 8 pm GMT on Friday, December 17.")
    assert starts(article, date(2021, 12, 16)) == ["1971-12-17T20:00"]


def test_years_ago_moves_nothing_unless_the_year_it_counts_back_to_is_written():
    article = ("THE WEEKLY REVIEW\nWeekly | December 16, 2021 | Retrospective\n\nThe night the guns stopped\n\n"
               "Fifty years ago this week, the war in the east ended in a day.\n\n"
               "On the radio, the prime minister said the army would cease fire on the western front from 8 pm GMT "
               "on Friday, December 17.")
    assert starts(article, date(2021, 12, 16)) == ["2021-12-17T20:00"]


def test_an_agreed_truce_that_was_ignored_still_started():
    # "ignored" is no refusal of a proposal: the truce was agreed, then broken (the appeal beside it is no start)
    article = ("A ceasefire that the envoys said had been agreed from 1200 GMT on 24 May was ignored on both sides "
               "within an hour.")
    assert starts(article, date(1994, 6, 7)) == ["1994-05-24T12:00"]


def test_a_weekday_with_the_day_of_the_month_is_that_date_in_a_month_where_it_falls_on_that_weekday():
    # a letter of Saturday 28 December 1985: Thursday the 19th is 19 December, Kampala +03
    article = "Rebel radio said its units in Uganda would hold their fire only from 6 a.m. on Thursday, the 19th."
    assert starts(article, date(1985, 12, 28)) == ["1985-12-19T03:00"]


def test_the_weekday_of_a_narrated_week_follows_the_last_date_the_text_gave():
    # "the Saturday" is the one after Friday 24 January, not the Saturday nearest a story of 4 February
    article = ("The order to cease fire came into effect at midnight on Friday, 24th January, Djakarta time. "
               "The Malaysian Government told its forces to hold fire from 6 a.m. on the Saturday, Malayan time.")
    assert starts(article, date(1964, 2, 4)) == ["1964-01-24T17:00", "1964-01-24T22:30"]


def test_a_datelines_day_before_the_paper_is_the_day_the_storys_tomorrow_counts_from():
    # a morning paper of Wednesday 29 March prints its correspondent's story of the 28th: "tomorrow" is the 29th
    article = ("From Our Correspondent, Beirut, March 28\n\n"
               "The guerrillas said tonight that their fighters in southern Lebanon would observe a ceasefire from "
               "0600 hours tomorrow.")
    assert starts(article, date(1978, 3, 29)) == ["1978-03-29T04:00"]
    assert any("the dateline dates the story 1978-03-28" in step
               for step in times.find_ceasefires(text.segment(article, date(1978, 3, 29)))[0].explanation)


def test_a_past_start_with_no_day_is_not_later_than_the_minute_its_page_went_up():
    # stamped 06:15 GMT on Monday 21 July: a pause that took effect at 10:30 GMT was Sunday's
    article = ("21 Jul 2014 06:15 GMT\n\nGaza City - A two-hour humanitarian pause in Shujayea took effect at 1:30pm "
               "local time (10:30 GMT), but it broke down within the hour.")
    assert starts(article, date(2014, 7, 21)) == ["2014-07-20T10:30"]


def test_a_weekday_last_week_is_that_weekday_of_the_week_before_the_storys():
    # a story of Tuesday 28 March: "Tuesday last week" is 21 March, not the day of the story
    article = "Israel declared its ceasefire at 6 pm local time (1600 GMT) on Tuesday last week."
    assert starts(article, date(1978, 3, 28)) == ["1978-03-21T16:00"]


def test_a_fixed_feast_names_its_date_nearest_the_story():
    # aired on 4 February 1968: Christmas Eve is 24 December 1967, on Saigon's +08
    article = "At Christmas the allies kept a 24-hour truce from six in the evening on Christmas Eve, Saigon time."
    assert starts(article, date(1968, 2, 4)) == ["1967-12-24T10:00"]


def test_that_night_is_the_day_of_the_sentence_right_before_even_when_it_names_no_truce():
    # a chronology's entry: the dated line's day, not the day of the truce an earlier entry named
    article = ("FEBRUARY 10, 1964 - Baghdad radio said a ceasefire with the Kurds took effect at noon that day.\n\n"
               "JUNE 29, 1966 - Iraq's prime minister offers a peace plan. The army was ordered to cease fire from "
               "midnight that night.")
    assert starts(article, date(1991, 4, 25)) == ["1964-02-10T09:00", "1966-06-29T21:00"]


def test_a_start_told_with_a_past_verb_and_no_day_is_not_later_than_its_pages_stamp():
    article = ("21 Jul 2014 06:15 GMT\n\nThe Red Cross brokered a two-hour pause in Shujayea from 1:30pm local time "
               "(10:30 GMT) so that ambulances could reach the wounded.")
    assert starts(article, date(2014, 7, 21)) == ["2014-07-20T10:30"]


# --- round 68 -----------------------------------------------------------------------------------------------

def test_the_following_day_after_a_clock_counts_on_from_the_day_of_the_sentence_before():
    article = ("Army officers met village elders on Tuesday 2 April. State television said a truce would begin at "
               "0700 GMT the following day to let repair crews in.")
    assert starts(article, date(2019, 4, 20)) == ["2019-04-03T07:00"]


def test_a_day_in_a_relative_clause_on_the_speaker_does_not_date_the_statement():
    article = ("The rebels, who first proposed a holiday pause on Dec. 3, said they would hold their fire from "
               "1100 GMT Friday.")
    # published Saturday 25 December 1965: the Friday is the 24th, not the first Friday after the 3rd
    assert starts(article, date(1965, 12, 25)) == ["1965-12-24T11:00"]


# --- round 76: a year completes only its own date ---------------------------------------------------------------

def test_a_year_that_completes_another_date_does_not_date_this_one():
    article = ("The truce with the rebels was signed in July. The decree sets the start at 00:00 GMT on August 3 and "
               "the end at the close of January 29, 2024.")
    assert starts(article, date(2023, 8, 1)) == ["2023-08-03T00:00"]


def test_a_year_after_a_date_of_the_same_month_dates_the_range():
    article = "The truce will run from 06:00 GMT on August 3 to August 30, 2025, the envoy said."
    assert starts(article, date(2024, 12, 1)) == ["2025-08-03T06:00"]


# --- round 81: a past start with no day of its own happened on the day the story's opening names --------------

FRIDAY = date(2024, 3, 8)


def test_a_past_start_with_no_day_falls_on_the_day_the_opening_paragraph_dates_the_news():
    article = ("Herders and farmers agree to halt fighting in Plateau\n\n"
               "March 8, 2024\n\n"
               "Herders and farmers in two districts of Plateau state agreed to stop fighting after clashes killed "
               "nine people on Wednesday, local officials said.\n\n"
               "The state police commissioner said the elders of both communities had met in Jos and agreed a "
               "ceasefire from 18:00 WAT.")
    assert starts(article, FRIDAY) == ["2024-03-06T17:00"]
    assert "the story's opening dates its news 'on Wednesday'" in " ".join(reasons(article, FRIDAY))


def test_a_day_still_to_come_in_the_opening_dates_no_news():
    article = ("Plateau truce\n\n"
               "A window for the two communities to hand over their weapons now runs until noon on Monday, "
               "officials say.\n\n"
               "A ceasefire came into force at 18:00 WAT, the state police commissioner confirmed.")
    assert starts(article, FRIDAY) == ["2024-03-08T17:00"]


def test_a_start_still_to_come_keeps_the_publication_date_whatever_the_opening_dates():
    article = ("Plateau truce\n\n"
               "Clashes between herders and farmers killed nine people on Wednesday, officials said.\n\n"
               "The commissioner said a ceasefire would take effect at 18:00 WAT.")
    assert starts(article, FRIDAY) == ["2024-03-08T17:00"]


def test_the_opening_of_a_story_of_the_same_day_changes_nothing():
    article = ("Plateau truce\n\n"
               "Clashes between herders and farmers killed nine people on Friday, officials said.\n\n"
               "The commissioner said a ceasefire took effect at 18:00 WAT.")
    assert starts(article, FRIDAY) == ["2024-03-08T17:00"]


def test_an_opening_that_names_two_different_days_dates_no_later_start():
    article = ("Plateau truce\n\n"
               "A police officer died on Friday of wounds suffered in a raid on Wednesday, officials said.\n\n"
               "The commissioner said both communities had agreed to hold fire from 18:00 WAT.")
    assert starts(article, date(2024, 3, 9)) == ["2024-03-09T17:00"]


# --- a night named by the two days it joins ("the night of Friday to Saturday", "between March 31 and April 1") ---

@pytest.mark.parametrize("sentence, utc", [
    # midnight ends the night's first day, as for any named day
    ("The ceasefire took effect at midnight GMT between Saturday and Sunday.", "2024-03-03T00:00"),
    ("The first truce began at midnight GMT between February 28 and February 29.", "2024-02-29T00:00"),
    # after that midnight, the clock is on the second day
    ("The truce is to begin at one minute past midnight GMT on the night of Sunday to Monday.", "2024-03-11T00:01"),
    ("An earlier truce began at 2 a.m. GMT on the night of 1-2 March.", "2024-03-02T02:00"),
    # before it, on the first
    ("The truce began at 10 p.m. GMT on the night of Friday to Saturday.", "2024-03-01T22:00"),
])
def test_a_clock_in_a_night_named_by_two_days_falls_on_the_day_its_side_of_midnight_is(sentence, utc):
    assert starts(sentence, WEDNESDAY) == [utc]


def test_the_explanation_says_a_small_hours_clock_is_on_the_nights_second_day():
    steps = reasons("The truce is to begin at 2 a.m. GMT on the night of Sunday to Monday.", WEDNESDAY)
    assert "names a night" in steps[1] and "its second day" in steps[1]


def test_at_the_stroke_of_an_hour_is_a_start_cue():
    assert starts("The truce began at the stroke of midnight GMT on Sunday, the army said.", WEDNESDAY) == \
        ["2024-03-04T00:00"]


# --- a clock with no a.m. or p.m. takes its half of the day from the words after it --------------------------------

@pytest.mark.parametrize("sentence, utc", [
    ("The truce took effect at 2:30 this afternoon GMT, the army said.", "2024-03-06T14:30"),
    ("A ceasefire will take effect at 7:30 tonight GMT.", "2024-03-06T19:30"),
    ("The truce took effect at 9:30 this morning GMT.", "2024-03-06T09:30"),
])
def test_this_afternoon_or_tonight_after_a_clock_makes_it_the_afternoon_or_evening(sentence, utc):
    assert starts(sentence, WEDNESDAY) == [utc]


# --- a timeline's entries (round 108) ----------------------------------------------------------------

TRACKER = """TIMELINE: the river truce

3 February - The council says its fighters will stop firing at one minute past midnight on Saturday.

4 February - Envoys meet both sides in the port.

5 February - The truce takes effect at 00:01.
"""


def test_a_timeline_entry_counts_its_days_from_the_day_it_is_set_under():
    # posted on Wednesday 6 March 2024: "Saturday" in the entry of Saturday 3 February is the 3rd, not 9 March
    # (a story of 6 March reads "the coming Saturday" as 9 March), and the bare 00:01 falls on the 5th
    found = starts(TRACKER, WEDNESDAY)
    assert found == ["2024-02-03T00:01", "2024-02-05T00:01"]
    first = times.find_ceasefires(text.segment(TRACKER, WEDNESDAY))[0]
    assert "the timeline entry is set under 2024-02-03: its days count from it, not from the page's 2024-03-06" \
        in first.explanation


def test_one_dated_line_is_no_timeline():
    article = "3 February - The council says its fighters will stop firing at one minute past midnight on Saturday."
    assert starts(article, WEDNESDAY) == ["2024-03-09T00:01"]


def test_a_proposal_the_other_side_did_not_take_up_starts_nothing():
    assert starts("The front proposes a joint truce running from 00:01 on 20 March. The government panel does not "
                  "take up the proposal.", WEDNESDAY) == []


CHRONOLOGY = """KEY DATES: the harbour truces

12 January 2023 (Thursday)
Both militias promise a pause from 7 p.m. that evening, GMT.

2023 (full year)
Killings in the harbour district halve.

2 May 2023
The mayor says the pause holds again from noon on 3 May GMT.
"""


def test_a_timeline_entry_may_be_a_heading_line_of_its_own_over_its_paragraph():
    # posted on Wednesday 6 March 2024: 'that evening' is the entry's Thursday of 2023, not a day of 2024, and
    # '3 May' is the May after the entry it is written in
    assert starts(CHRONOLOGY, WEDNESDAY) == ["2023-01-12T19:00", "2023-05-03T12:00"]


def test_a_timeline_entry_may_close_its_date_with_a_full_stop():
    chronology = ("THE PACTS AT A GLANCE\n\n"
                  "4 June 2019. The two navies agree to keep their patrol boats apart.\n\n"
                  "1 July 2019. The coast guard dates the cessation of hostilities at sea from 00:00 KST.\n")
    assert starts(chronology, WEDNESDAY) == ["2019-06-30T15:00"]


def test_a_zone_written_with_by_is_the_clock_of_the_start():
    article = ("Seoul's defence ministry in Seoul dates the cessation of hostilities from 00:00 KST on 1 May. The Korean "
               "People's Army said the halt began at zero hour on 1 May by Pyongyang time.")
    # Pyongyang was UTC+8:30 until 5 May 2018, half an hour behind Seoul
    assert starts(article, date(2018, 5, 2)) == ["2018-04-30T15:00", "2018-04-30T15:30"]



LIVE_PAGE = """Border clashes: live
Last updated Wednesday 6 March 2024, 11:20. All times GMT.

10:05
The army says the truce it announced last night is holding.

Tuesday 5 March

22:40
Both commands say their units were ordered to hold fire from 21:00.

18:15
A militia leader tells reporters that a local ceasefire had come into effect at 4pm.
"""


def test_a_live_pages_day_divider_dates_the_entries_under_it():
    # newest first: what is posted under 'Tuesday 5 March' happened on the 5th, not on the page's Wednesday
    assert starts(LIVE_PAGE, WEDNESDAY) == ["2024-03-05T21:00", "2024-03-05T16:00"]
    first = times.find_ceasefires(text.segment(LIVE_PAGE, WEDNESDAY))[0]
    assert "the live page's entries under 'Tuesday 5 March' are of 2024-03-05, not of the page's 2024-03-06" \
        in first.explanation


YEMEN_LIVE = """Hodeidah truce: live
Tuesday 18 December 2018. All times GMT.

08:55 - Calm in the port, residents say.

Monday, 17 December

21:05 - A UN official says the truce entered into force at midnight local time in Yemen.

14:10 - The coalition says it will observe the truce.
"""


def test_a_live_entry_reports_the_last_midnight_before_it_went_up():
    # 21:05 GMT on Monday is 00:05 on Tuesday in Yemen: the midnight just past is the one that began Tuesday there
    [claim] = times.find_ceasefires(text.segment(YEMEN_LIVE, date(2018, 12, 18)))
    assert claim.values["effective_at"].astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M") == "2018-12-17T21:00"
    assert "the entry went up at 21:05 (UTC) on 2018-12-17: the last such clock before then, 2018-12-18" \
        in claim.explanation


@pytest.mark.parametrize("sentence, utc", [
    ("The rebels say their truce began at noon GMT on the fifth of March.", "2024-03-05T12:00"),
    ("The truce will take effect at 6 p.m. GMT on the twenty-first of March.", "2024-03-21T18:00"),
    ("A ceasefire took effect at 9 a.m. GMT on the second of March 2024.", "2024-03-02T09:00"),
])
def test_a_date_spoken_with_an_ordinal_word_is_read_as_its_digits_would_be(sentence, utc):
    # a broadcast transcript writes the day as it is spoken
    assert starts(sentence, WEDNESDAY) == [utc]


def test_a_comparison_with_last_years_truce_does_not_date_this_one():
    assert starts("Government: ceasefire from 12:01 a.m. GMT December 16 to January 3, a day shorter than "
                  "last year's.", date(2011, 12, 20)) == ["2011-12-16T00:01"]
    assert starts("The truce that began at 12:01 a.m. GMT on December 16 last year was shorter.",
                  date(2011, 12, 20)) == ["2010-12-16T00:01"]


def test_a_headline_above_a_dateline_of_the_day_before_speaks_of_the_papers_own_day():
    article = ("THE HILL TRIBUNE\nFriday, May 10, 2024\n\n"
               "TRUCE FROM MIDNIGHT TONIGHT, GMT\n\n"
               "ASEL, May 9: The ceasefire between the government and the rebels will come into force from 0000 "
               "hours GMT on Saturday, May 11, the ministry said.\n")
    assert starts(article, date(2024, 5, 10)) == ["2024-05-11T00:00", "2024-05-11T00:00"]


def test_the_same_start_told_again_in_another_zone_is_one_instant_not_a_day_later():
    # the start came at 01:00 Baku time on the 10th, which is 21:00 GMT on the 9th: a later line giving it in GMT
    # borrows the story's day for the start and must land on the same instant
    article = ("Azerbaijan's units ceased fire at 01:00 Baku time on 10 November, the defence ministry said.\n\n"
               "A ceasefire has been in force since 21:00 GMT, according to a text circulated by the Kremlin.")
    assert starts(article, date(2020, 11, 10)) == ["2020-11-09T21:00", "2020-11-09T21:00"]



def test_a_pause_told_with_there_was_took_place_on_the_weekday_before():
    article = ("Fighting around the camps went on all week. There was one break, on Sunday: a three-hour humanitarian "
               "pause from 1300 local time so that medics could reach the wounded in Arsal, Lebanon.")
    assert starts(article, date(2017, 7, 27)) == ["2017-07-23T10:00"]


# --- round 159: a dateline that ends in a full stop --------------------------------------------------------------

def test_a_dateline_closed_by_a_full_stop_still_dates_the_story_before_the_paper():
    # a morning paper of Saturday 11 March prints its correspondent's story of Friday the 10th
    article = ("THE KHYBER COURIER\nPeshawar, Saturday, March 11, 1972\n\nFrom Our Staff Reporter\n\n"
               "LANDI KOTAL, March 10.\n\n"
               "The tribal lashkars stopped firing from 0600 hours PKT this morning, a political agent said.")
    assert starts(article, date(1972, 3, 11)) == ["1972-03-10T01:00"]


# --- round 163: a day inside an aside dates the aside, not the clock after it --------------------------------

def test_a_day_in_a_dashed_aside_does_not_date_a_clock_after_the_aside():
    # "since 1 May" belongs to the aside about the two capitals' clocks; the second start is yesterday's too
    article = ("The army paused its operations in the valley from 6 a.m. local time yesterday — 7 a.m. in the "
               "capital of its neighbour, whose clocks since 1 May have run an hour ahead — and the air force halted "
               "its flights over the valley from 9 a.m. Ecuadorian time.")
    assert starts(article, date(2009, 10, 16)) == ["2009-10-15T11:00", "2009-10-15T14:00"]


def test_a_byline_closing_the_standfirst_with_a_weekday_dates_the_story():
    # a Sunday paper prints its correspondent's story of Saturday: his "yesterday" is Friday
    article = ("THE WEEKEND LEDGER, 14 June 1998\n\n"
               "Truce holds in the valley\n"
               "Militias keep to their posts. From Anna Berg in Shkoder, Saturday\n\n"
               "The two clans agreed a local cease-fire in Albania from 4pm yesterday, elders said.")
    assert starts(article, date(1998, 6, 14)) == ["1998-06-12T14:00"]


def test_a_lower_case_word_spelt_like_a_weekday_abbreviation_names_no_day():
    # "sat down" is no Saturday: "that night" points back to Friday 2 September
    article = ("On the evening of Friday September 2nd the prime minister sat down with the gang leaders of Belize "
               "City. They promised to hold their fire from midnight that night.")
    assert starts(article, date(2011, 12, 17)) == ["2011-09-03T06:00"]


# --- round 163: a midnight promised in a statement the sentence before dated --------------------------------------

def test_a_midnight_in_words_reported_from_a_statement_dated_the_sentence_before_is_the_first_after_it():
    # the broadcast went out on Monday night, the story is of Wednesday: the midnight is the one ending Monday
    article = ("The rebel commander in Kunar, Pakistan's neighbour across the pass, announced a truce on his radio "
               "station in Pakistan on Monday night. He said his fighters would stop attacks on the army from "
               "midnight, and lifted his threat against the schools.")
    assert starts(article, date(2009, 2, 25)) == ["2009-02-23T19:00"]


def test_a_midnight_still_to_come_with_no_statement_dated_before_it_is_tonights():
    article = ("The rebel commander spoke on his radio station in Pakistan. He said his fighters would stop attacks "
               "on the army from midnight.")
    assert starts(article, date(2009, 2, 25)) == ["2009-02-25T19:00"]


# --- round 166: a midnight in the present perfect is the one just past ----------------------------------------------

@pytest.mark.parametrize("sentence", [
    '"Our units answered fire with fire. From midnight they have held their positions," a spokesman in Sarajevo said.',
    "The Bosnian army in Sarajevo has observed the ceasefire since midnight, its commander said.",
])
def test_a_midnight_the_truce_has_held_since_is_the_one_just_past(sentence):
    article = ("A truce to let a food convoy reach Gorazde would begin at dawn today, at 5am, officials in Sarajevo, "
               "Bosnia, said.\n\n" + sentence)
    assert starts(article, date(1992, 7, 20)) == ["1992-07-20T03:00", "1992-07-19T22:00"]


# --- round 167: old spellings, later datelines, the paragraph's own day ----------------------------------------------

def test_to_day_and_to_morrow_are_today_and_tomorrow_as_older_papers_spell_them():
    article = ("The armistice on the northern front takes effect at noon to-day, GMT. The southern columns will "
               "cease firing at noon to-morrow, GMT.")
    assert starts(article, date(1921, 5, 3)) == ["1921-05-03T12:00", "1921-05-04T12:00"]


def test_a_later_dispatchs_own_dateline_dates_its_today():
    article = ("MANILA, Oct. 4 (UP)--The two commanders met tonight to arrange a halt along the river.\n\n"
               "TOKYO, Saturday, Oct. 5 (UP)--The army announced this morning that its units had been ordered to "
               "cease firing at noon today, Tokyo time.")
    assert starts(article, date(1951, 10, 4)) == ["1951-10-05T03:00"]


def test_a_past_perfect_order_dates_its_weekday_in_the_past():
    # a Monday story: the troops "had been ordered" to stop on the Thursday just gone, not the next one
    article = ("The envoy said his troops had been ordered to cease fire along the whole border from 9 o'clock "
               "Thursday night, GMT, and had not fired since.")
    assert starts(article, date(1925, 10, 26)) == ["1925-10-22T21:00"]


def test_an_undated_past_clock_takes_the_day_its_paragraph_gave_just_before():
    article = ("The first truce began at six o'clock last Saturday evening, GMT, and did not last the night.\n\n"
               "The government tried once more on its own account today. The ministry ordered its units to stop "
               "firing at noon GMT and announced the order by radio.")
    assert starts(article, date(1941, 7, 31)) == ["1941-07-26T18:00", "1941-07-31T12:00"]


def test_that_afternoon_after_a_range_points_back_to_the_paragraphs_last_day():
    article = ("A truce brokered by elders took effect at midnight on Tuesday, GMT.\n\n"
               "On Sunday the governor gave the militia until noon to leave the town. The deadline passed. Both "
               "sides then observed a humanitarian pause from 1400 to 1700 hours GMT that afternoon.")
    assert starts(article, date(2021, 10, 27)) == ["2021-10-27T00:00", "2021-10-24T14:00"]


def test_an_offer_to_stop_from_a_weekday_is_the_start_it_times_on_that_day():
    # "offered ... from Sunday" looks ahead, and the story times that Sunday's start: no second start at midnight
    article = ("BAGHDAD, Oct 1 - The government tonight offered to stop fighting for four days from Sunday if its "
               "enemy did the same.\n\nA statement said its forces would cease fire from 0400 local time on Sunday, "
               "October 5.")
    found = times.find_ceasefires(text.segment(article, date(1980, 10, 1)))
    assert [claim.values["effective_at"].astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M") for claim in found] \
        == ["1980-10-05T01:00"]
