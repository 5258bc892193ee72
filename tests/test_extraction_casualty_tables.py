"""Casualty figures set out as tables: the outcome is in a column's header, a row's label or the list's heading,
not in the cell's own words. Articles written for the tests."""
from __future__ import annotations

from datetime import date

from claims.extraction import casualties, pipeline, text


def table_rows(article: str) -> list[dict]:
    document = text.segment(article, date(2024, 3, 6))
    found = [claim for claim in casualties.find_casualties(document) if claim.rule == "casualty.table_row"]
    for claim in found:
        assert claim.text == article[claim.start:claim.end]
    return [{**claim.values, "text": claim.text, "speaker": claim.speaker.name if claim.speaker else None,
             "explanation": claim.explanation} for claim in found]


def tuples(rows: list[dict]) -> list[tuple]:
    return [(r["outcome"], r["count"], r["count_high"], r["qualifier"], r["speaker"]) for r in rows]


COLUMN_TABLE = """Fighting around the dam has gone on for a week. Figures differ widely.

WHO COUNTS WHAT

Source | Group | Killed | Wounded
Interior Ministry, Varnia | civilians in Varnia | 48 | 130
Red Crescent branch, Dolsk | civilians in Dolsk | about 20 | -
Dolsk defence office | fighters | 15 to 25 | not published

The ministry gave no figure for its own troops.
"""


def test_a_column_headed_by_an_outcome_counts_it_and_the_source_column_says_who_gives_it():
    assert tuples(table_rows(COLUMN_TABLE)) == [
        ("killed", 48, None, "exact", "Interior Ministry, Varnia"),
        ("wounded", 130, None, "exact", "Interior Ministry, Varnia"),
        ("killed", 20, None, "about", "Red Crescent branch, Dolsk"),
        ("killed", 15, 25, "range", "Dolsk defence office"),
    ]


def test_a_table_row_keeps_its_group_and_says_which_column_it_read():
    first = table_rows(COLUMN_TABLE)[0]
    assert first["group"] == "civilians in varnia"
    assert first["text"] == "Interior Ministry, Varnia | civilians in Varnia | 48 | 130"
    assert "the column headed 'Killed'" in first["explanation"][0]


def test_columns_set_apart_by_spaces_are_read_like_columns_between_bars():
    article = ("Estimates of the dead after the siege\n\n"
               "Source                          Dead            Missing\n"
               "Harbour Watch (2019)            about 1,200     300\n"
               "City council                    no figure       no figure\n")
    assert tuples(table_rows(article)) == [
        ("killed", 1200, None, "about", "Harbour Watch"),
        ("missing", 300, None, "exact", "Harbour Watch"),
    ]


def test_a_list_with_leader_dots_takes_the_outcome_from_each_rows_label():
    article = ("THE CAMPAIGN IN FIGURES\n"
               "(estimates of the consuls and of the Red Cross)\n"
               "Dead, northern army ................ about 9,000\n"
               "Northerners taken prisoner ......... over 3,000\n"
               "Guns captured, both armies ......... 140\n")
    assert tuples(table_rows(article)) == [
        ("killed", 9000, None, "about", "consuls and the Red Cross"),
        ("captured", 3000, None, "more_than", "consuls and the Red Cross"),
    ]


def test_a_list_under_a_heading_that_names_the_dead_counts_the_dead():
    article = ("THE DEAD BY TOWN\n(Provincial government figures, noon Friday)\n\n"
               "Varna ............ 12\nDolsk ............ 7\nTotal ............ 19\n")
    rows = table_rows(article)
    assert tuples(rows) == [("killed", 12, None, "exact", "Provincial government"),
                            ("killed", 7, None, "exact", "Provincial government"),
                            ("killed", 19, None, "exact", "Provincial government")]
    assert "the heading 'THE DEAD BY TOWN'" in rows[0]["explanation"][0]


def test_a_table_whose_cells_name_their_outcome_is_read_once_as_prose():
    article = ("Date    | Source            | Figure given\n"
               "May 3   | Police            | 12 killed, 40 wounded\n"
               "May 4   | Hospital director | 15 killed\n")
    document = text.segment(article, date(2024, 3, 6))
    found = casualties.find_casualties(document)
    assert sorted((c.values["outcome"], c.values["count"]) for c in found) == \
        [("killed", 12), ("killed", 15), ("wounded", 40)]
    assert all(c.rule != "casualty.table_row" for c in found)


def test_prose_wrapped_in_lines_with_two_spaces_after_a_full_stop_is_no_table():
    article = ("Nine soldiers were killed.  The army said on Monday\n"
               "that 14 more were wounded.  Residents said that\n"
               "shelling went on into the night.\n")
    assert table_rows(article) == []
    assert table_rows("Nine soldiers were killed.  Officials said\n12  were hurt.  Most were\n") == []


def test_a_row_counting_no_outcome_gives_nothing():
    article = ("THE WAR IN FIGURES\n"
               "Men under arms ............. 400,000\n"
               "Aircraft lost ............... 12\n")
    assert table_rows(article) == []


def test_a_table_row_is_a_claim_of_the_extraction_with_its_reasons():
    claims = [c for c in pipeline.extract(COLUMN_TABLE, date(2024, 3, 6)).claims if c.rule == "casualty.table_row"]
    assert len(claims) == 4
    assert claims[0].speaker.name == "Interior Ministry, Varnia"
    assert "speaker Interior Ministry, Varnia: the row's 'Source' column" in claims[0].explanation


def test_row_labels_under_no_header_of_their_own_name_whom_each_row_counts():
    article = ("Losses by the army's count\n\n"
               "                 Killed     Wounded\n"
               "Soldiers         12         40\n"
               "Civilians        about 30   75\n")
    rows = table_rows(article)
    assert [(r["outcome"], r["count"], r["qualifier"], r["group"]) for r in rows] == [
        ("killed", 12, "exact", "soldiers"), ("wounded", 40, "exact", "soldiers"),
        ("killed", 30, "about", "civilians"), ("wounded", 75, "exact", "civilians")]


def test_a_table_titled_on_the_line_right_above_its_header_is_still_read():
    article = ("The violence has eased since the accord was signed.\n\n"
               "Political violence in the hill districts, by year\n"
               "Year | Incidents | Civilians killed | Police killed | Arrests\n"
               "2018 | 310 | 41 | 9 | 870\n"
               "2019 | 204 | 27 | 4 | 655\n")
    assert tuples(table_rows(article)) == [
        ("killed", 41, None, "exact", None), ("killed", 9, None, "exact", None),
        ("killed", 27, None, "exact", None), ("killed", 4, None, "exact", None),
    ]


def test_the_people_a_column_header_names_before_its_outcome_are_the_rows_group():
    article = ("Year | Civilians killed | Police killed\n"
               "2018 | 41 | 9\n"
               "2019 | 27 | 4\n")
    assert [row["group"] for row in table_rows(article)] == ["civilians", "police", "civilians", "police"]


def test_a_row_that_leaves_a_cell_empty_is_read_by_where_its_figures_stand():
    # the total row has no district: its figures are placed under the headers they stand beneath, not by their order
    article = ("Casualties by district, March\n"
               "Month  District                 Killed   Missing   Injured\n"
               "Mar    Upper Rhodope valley         12         3        40\n"
               "Mar    Lower town                    7         2        19\n"
               "TOTAL                               19         5        59\n")
    assert tuples(table_rows(article)) == [
        ("killed", 12, None, "exact", None), ("missing", 3, None, "exact", None), ("wounded", 40, None, "exact", None),
        ("killed", 7, None, "exact", None), ("missing", 2, None, "exact", None), ("wounded", 19, None, "exact", None),
        ("killed", 19, None, "exact", None), ("missing", 5, None, "exact", None), ("wounded", 59, None, "exact", None),
    ]


def test_a_row_whose_figures_stand_under_no_header_gives_nothing():
    article = ("Month  District                 Killed   Injured\n"
               "Mar    Upper Rhodope valley         12        40\n"
               "Note: 3 more                                                   8\n")
    assert tuples(table_rows(article)) == [("killed", 12, None, "exact", None), ("wounded", 40, None, "exact", None)]


def test_a_source_line_over_the_header_gives_every_row_its_speaker():
    article = ("Table 2. Casualties by district\n"
               "Source: Rhodope Health Directorate; districts grouped by the authors\n"
               "District              Killed   Injured\n"
               "Upper valley              12        40\n"
               "Lower town                 7        19\n")
    rows = table_rows(article)
    assert {row["speaker"] for row in rows} == {"Rhodope Health Directorate"}
    assert "speaker Rhodope Health Directorate: the source line over the table's header" in rows[0]["explanation"]


def test_a_source_line_a_blank_line_above_the_header_still_names_the_tables_source():
    article = ("Table 2. Casualties by district\n"
               "Source: Rhodope Health Directorate\n\n"
               "District              Killed   Injured\n"
               "Upper valley              12        40\n")
    assert {row["speaker"] for row in table_rows(article)} == {"Rhodope Health Directorate"}


def test_a_note_under_a_tables_last_row_does_not_undo_the_table():
    article = ("The inquiry published its count on Monday.\n\n"
               "Deaths and injuries by district\n"
               "District | Killed | Injured\n"
               "Harrow Vale | 61 | 240\n"
               "Merrin | 9 | 31\n"
               "No deaths were recorded in the two northern districts.\n")
    assert tuples(table_rows(article)) == [
        ("killed", 61, None, "exact", None), ("wounded", 240, None, "exact", None),
        ("killed", 9, None, "exact", None), ("wounded", 31, None, "exact", None),
    ]


def test_a_body_named_in_brackets_at_the_end_of_a_tables_title_gives_its_rows():
    article = ("Table 3. Deaths and injuries by district (Inquiry Commission)\n"
               "District | Killed | Injured\n"
               "Harrow Vale | 61 | 240\n")
    assert tuples(table_rows(article)) == [
        ("killed", 61, None, "exact", "Inquiry Commission"), ("wounded", 240, None, "exact", "Inquiry Commission"),
    ]
    aside = "Deaths and injuries by district (provisional)\nDistrict | Killed | Injured\nHarrow Vale | 61 | 240\n"
    assert [row["speaker"] for row in table_rows(aside)] == [None, None]


def test_labelled_rows_set_apart_by_bars_or_colons_count_what_their_heading_names():
    bars = ("Table 4. Deaths by cause (Inquiry Commission)\n"
            "Gunfire | 212\n"
            "Burns | 48\n"
            "Unknown | 30\n")
    assert tuples(table_rows(bars)) == [
        ("killed", 212, None, "exact", "Inquiry Commission"),
        ("killed", 48, None, "exact", "Inquiry Commission"),
        ("killed", 30, None, "exact", "Inquiry Commission"),
    ]
    bullets = ("DEATHS BY VILLAGE (UNMIK, 3 May)\n"
               "- Lower Drenas: 44\n"
               "- Kaluderovo: about 15\n")
    assert tuples(table_rows(bullets)) == [
        ("killed", 44, None, "exact", "UNMIK"), ("killed", 15, None, "about", "UNMIK"),
    ]


def test_labelled_rows_under_a_heading_that_counts_no_one_give_nothing():
    article = ("RELIEF IN NUMBERS\n"
               "- Tents delivered: 1,200\n"
               "- Water points: 35\n")
    assert table_rows(article) == []


def test_a_list_set_out_with_colons_takes_no_outcome_from_the_prose_above_it():
    article = ("Families from the hill villages told us that 17 people were still unaccounted for.\n\n"
               "IN FIGURES\n"
               "- Dead: estimates range from 109 to more than 500\n"
               "- Refugees in the eastern camps: about 240,000\n"
               "- Wounded in hospital: 59\n"
               "- Arrests announced by police: 95\n")
    assert tuples(table_rows(article)) == [("wounded", 59, None, "exact", None)]


def test_a_bar_table_keeps_an_empty_cell_in_its_column_and_its_total_row_is_the_reports_own():
    article = ("3. LOSSES BY PROVINCE (as of 14 May, 08:00)\n"
               "Province   | Dead | Injured | Source\n"
               "Kardia     |  310 |   1,020 | Provincial Rescue Office\n"
               "Selvan     |   95 |     240 | Red Cross\n"
               "TOTAL      |  405 |   1,260 |\n"
               "Figures are provisional and are revised each morning.\n")
    assert tuples(table_rows(article)) == [
        ("killed", 310, None, "exact", "Provincial Rescue Office"),
        ("wounded", 1020, None, "exact", "Provincial Rescue Office"),
        ("killed", 95, None, "exact", "Red Cross"),
        ("wounded", 240, None, "exact", "Red Cross"),
        ("killed", 405, None, "exact", None),
        ("wounded", 1260, None, "exact", None),
    ]
    bordered = ("| Town | Killed | Missing |\n"
                "|---|---|---|\n"
                "| Asel | 12 | |\n"
                "| Borun | 4 | 9 |\n")
    assert tuples(table_rows(bordered)) == [
        ("killed", 12, None, "exact", None), ("killed", 4, None, "exact", None), ("missing", 9, None, "exact", None),
    ]


def test_a_source_named_after_source_in_brackets_at_the_end_of_a_tables_title_gives_its_rows():
    article = ("Deaths and injuries by province (source: NDRRMC, 12 November)\n\n"
               "Province            | Deaths | Injured\n"
               "Leyte               | 1,204  | 881\n"
               "Samar               | 310    | 1,002\n")
    assert tuples(table_rows(article)) == [
        ("killed", 1204, None, "exact", "NDRRMC"), ("wounded", 881, None, "exact", "NDRRMC"),
        ("killed", 310, None, "exact", "NDRRMC"), ("wounded", 1002, None, "exact", "NDRRMC"),
    ]
    sources = ("Deaths by province (sources: provincial health offices)\n"
               "Province | Deaths\n"
               "Leyte | 1,204\n")
    assert [row["speaker"] for row in table_rows(sources)] == ["provincial health offices"]
