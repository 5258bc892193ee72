"""Plain text yields what a reader sees at its top: the headline, the byline's authors and the date.

sources.text_metadata is pure (no database): these tests call it directly with
articles we wrote in the shapes outlets print.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from sources.text_metadata import read_text_metadata

TODAY = date(2026, 5, 1)
LEDE = ("Shelling along the ridge stopped before dawn on Tuesday, officials on both sides said, "
        "after two days of fighting that emptied three villages and closed the only road to the valley.")


def read(text: str, today: date = TODAY):
    return read_text_metadata(text, today=today)


def test_a_markdown_heading_byline_and_date_line_give_title_author_and_date():
    text = f"\n\n# 'A Fragile Pause' on the Ridge\n\nBy [Lena Markova](#)\n\nMarch 4, 2023\n\n\n\n{LEDE}\n"
    seen = read(text)
    assert seen.title == "'A Fragile Pause' on the Ridge"
    assert seen.authors == ("Lena Markova",)
    assert seen.published == date(2023, 3, 4)
    assert seen.published_from == "date line"


@pytest.mark.parametrize("line, day", [
    ("September 13, 2022", date(2022, 9, 13)),
    ("Sept. 13, 2022", date(2022, 9, 13)),
    ("Sep 13 2022", date(2022, 9, 13)),
    ("13 September 2022", date(2022, 9, 13)),
    ("13th of September, 2022", date(2022, 9, 13)),
    ("Tuesday, September 13, 2022", date(2022, 9, 13)),
    ("Tue 13 Sep 2022", date(2022, 9, 13)),
    ("Published: 13 Sep 2022, 10:15 BST", date(2022, 9, 13)),
    ("Posted on September 13, 2022 at 9:30 a.m. ET", date(2022, 9, 13)),
    ("First published on Tue 13 Sep 2022 08.02 BST", date(2022, 9, 13)),
    ("2022-09-13", date(2022, 9, 13)),
    ("**February 29, 2024**", date(2024, 2, 29)),
])
def test_a_date_line_in_the_forms_outlets_print_is_the_publication_date(line, day):
    seen = read(f"Flood waters recede in the delta\n\n{line}\n\n{LEDE}")
    assert seen.published == day


def test_an_iso_date_and_time_with_an_offset_keeps_its_time_and_zone():
    seen = read(f"Published 2022-09-13T08:30:00+03:00\n\n{LEDE}")
    assert seen.published == datetime(2022, 9, 13, 8, 30, tzinfo=timezone(timedelta(hours=3)))


@pytest.mark.parametrize("dateline, day", [
    ("KYIV, Ukraine, Sept. 13, 2022 (AP) —", date(2022, 9, 13)),
    ("LINDOR, 13 September 2022 —", date(2022, 9, 13)),
    ("PORT AMSEL, Sept 13 (Reuters) -", date(2025, 9, 13)),   # no year: the last 13 September before today
    ("PORT AMSEL, 2 May (FactDesk Sample Wire) –", date(2025, 5, 2)),  # 2 May 2026 is after today
])
def test_a_dateline_opening_the_story_gives_the_date(dateline, day):
    seen = read(f"{dateline} {LEDE}")
    assert seen.published == day
    assert seen.published_from == "dateline"


def test_a_dateline_without_a_year_takes_the_year_of_an_update_printed_above_it():
    seen = read(f"Updated September 14, 2022\n\nYEREVAN, Sept 13 (Reuters) - {LEDE}")
    assert seen.published == date(2022, 9, 13)


def test_an_update_date_is_used_only_when_nothing_names_the_publication():
    assert read(f"Last updated: 14 Sep 2022\n\n{LEDE}").published == date(2022, 9, 14)
    assert read(f"Last updated: 14 Sep 2022\n\nGORIS, 13 September 2022 — {LEDE}").published == date(2022, 9, 13)


def test_a_date_in_the_story_itself_is_never_taken_for_the_publication_date():
    text = (f"{LEDE}\n\nThe border treaty was signed on September 13, 2019, in Geneva.\n\n"
            "On 2 March 2021 the first patrols began.")
    seen = read(text)
    assert seen.published is None
    assert seen.published_from == ""


def test_a_place_without_a_date_before_the_dash_is_no_date():
    assert read(f"YEREVAN, Armenia — {LEDE}").published is None


def test_a_day_that_does_not_exist_is_not_a_date():
    assert read(f"February 30, 2023\n\n{LEDE}").published is None


@pytest.mark.parametrize("byline, authors", [
    ("By Jane Roe", ("Jane Roe",)),
    ("By Jane Roe and John Poe", ("Jane Roe", "John Poe")),
    ("By Jane Roe, John Poe and Ana Ruiz", ("Jane Roe", "John Poe", "Ana Ruiz")),
    ("By Ana Ruiz in Lima", ("Ana Ruiz",)),
    ("By Jane Roe, Reuters", ("Jane Roe",)),
    ("BY Omar al-Rashid", ("Omar al-Rashid",)),
    ("By Staff Reporter", ()),
    ("By a FactDesk sample correspondent", ()),
])
def test_a_by_line_names_the_authors_and_not_the_agency_or_the_desk(byline, authors):
    assert read(f"Ferry sinks off the island\n\n{byline}\n\n{LEDE}").authors == authors


def test_a_byline_may_carry_the_date_after_a_bar():
    seen = read(f"Floods\n\nBy Ana Ruiz in Lima | 13 September 2022\n\n{LEDE}")
    assert seen.authors == ("Ana Ruiz",)
    assert seen.published == date(2022, 9, 13)
    assert seen.published_from == "byline"


def test_a_short_first_line_standing_alone_is_the_title():
    assert read(f"Rescuers reach trapped miners\n\n{LEDE}").title == "Rescuers reach trapped miners"


@pytest.mark.parametrize("text", [
    LEDE,                                                        # the story starts at once
    f"Officials said the road would reopen.\n\n{LEDE}",          # a sentence, not a headline
    f"By Jane Roe\n\n{LEDE}",                                    # a byline
    f"September 13, 2022\n\n{LEDE}",                             # a date line
    f"GORIS, Sept 13 (Reuters) - Fighting stopped.\n\n{LEDE}",   # a dateline lede
])
def test_no_title_when_the_first_line_is_not_a_headline(text):
    assert read(text).title == ""


def test_an_empty_text_yields_nothing():
    assert read("") == read_text_metadata("   \n\n", today=TODAY)
    assert read("").published is None and read("").title == "" and read("").authors == ()
