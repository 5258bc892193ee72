"""A newspaper's correction: what it says it reported wrongly is no claim; what it gives as right is."""
from __future__ import annotations

from datetime import date, timezone

from claims.extraction import extract

CORRECTION = (
    "The monitors said the truce was holding on Tuesday.\n\n"
    "CORRECTIONS AND CLARIFICATIONS\n\n"
    "In our edition of Monday, we reported that the ceasefire began at midnight GMT on Friday. It began at 0400 "
    "GMT on Saturday. The same report said 17 policemen died in the clash; the figure given by police was seven. "
    "We regret the errors."
)


def claims(article: str) -> list[tuple]:
    found = []
    for claim in extract(article, date(2024, 3, 12)).claims:
        if claim.kind == "ceasefire":
            found.append(("ceasefire", claim.values["effective_at"].astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M")))
        elif claim.kind == "casualty":
            found.append(("casualty", claim.values["outcome"], claim.values["count"]))
    return found


def test_the_error_a_correction_restates_is_withdrawn_and_the_right_start_kept():
    assert claims(CORRECTION) == [("ceasefire", "2024-03-09T04:00")]


def test_the_same_sentences_outside_a_correction_are_claims():
    ordinary = CORRECTION.replace("We regret the errors.", "").replace("CORRECTIONS AND CLARIFICATIONS\n\n", "")
    assert ("ceasefire", "2024-03-09T00:00") in claims(ordinary)  # (a guard: only a correction withdraws)
    assert ("casualty", "killed", 17) in claims(ordinary)


def test_a_paragraph_labelled_correction_withdraws_what_an_earlier_edition_reported():
    article = ("The monitors said the truce was holding on Monday.\n\n"
               "Correction: A report in Saturday's editions said the ceasefire began at 0300 GMT on Saturday. "
               "The army said it began at 0500 GMT on Saturday.")
    assert claims(article) == [("ceasefire", "2024-03-09T05:00")]


def test_a_report_in_an_edition_outside_a_correction_is_a_claim():
    article = ("The monitors said the truce was holding on Monday.\n\n"
               "A report in Saturday's editions said the ceasefire began at 0300 GMT on Saturday.")
    assert claims(article) == [("ceasefire", "2024-03-09T03:00")]


def test_what_the_first_edition_stated_is_withdrawn_by_the_correction():
    article = ("The monitors said the truce was holding on Tuesday.\n\n"
               "Our first edition stated that the truce would begin at 0300 GMT on Saturday. That was wrong. The "
               "truce began at 0500 GMT on Saturday. The same edition reported that nine soldiers had died. The army says "
               "two soldiers were killed. We regret the errors.")
    assert claims(article) == [("ceasefire", "2024-03-09T05:00"), ("casualty", "killed", 2)]
