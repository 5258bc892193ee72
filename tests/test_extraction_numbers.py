"""Numbers as news writes them: digits, words, multipliers, and vague amounts that carry no value."""
from __future__ import annotations

import re

import pytest

from claims.extraction.numbers import find_numbers, is_count, parse_number


def values_in(text: str) -> list:
    found = find_numbers(text)
    for number in found:
        assert number.text == text[number.start:number.end]
    return [number.value for number in found]


@pytest.mark.parametrize("written, value", [
    ("7", 7), ("312", 312), ("6,500", 6500), ("1,204,331", 1204331),
    ("1.2 million", 1_200_000), ("3.5bn", 3_500_000_000), ("2 thousand", 2000),
])
def test_it_reads_numbers_in_digits(written, value):
    assert parse_number(written) == value
    assert values_in(f"They counted {written} of them.") == [value]


@pytest.mark.parametrize("written, value", [
    ("two", 2), ("Sixteen", 16), ("forty-nine", 49), ("ninety one", 91),
    ("a dozen", 12), ("two dozen", 24), ("a hundred", 100), ("one hundred and five", 105),
    ("two thousand three hundred", 2300), ("three million", 3_000_000),
])
def test_it_reads_numbers_in_words(written, value):
    assert values_in(f"Reports mentioned {written} of them.") == [value]


def test_it_keeps_a_decimal_without_a_multiplier_as_a_fraction():
    assert parse_number("4.5") == 4.5


@pytest.mark.parametrize("vague", [
    "dozens", "hundreds", "thousands", "tens of thousands", "hundreds of thousands", "scores", "several",
])
def test_it_gives_vague_amounts_no_value(vague):
    [number] = find_numbers(f"Officials said {vague} of people fled.")
    assert number.vague and number.value is None and number.text == vague


def test_it_does_not_join_separate_numbers_into_one():
    assert values_in("nine adults and five children") == [9, 5]


def test_it_reports_the_span_of_each_number():
    text = "Between 70 and 91 were counted."
    assert [(n.start, n.end) for n in find_numbers(text)] == [(8, 10), (15, 17)]


def test_it_does_not_read_words_that_only_contain_a_number():
    assert values_in("Someone often tends the stone.") == []


def count_at(text: str, number: str, **kwargs) -> bool:
    start = text.index(number)
    return is_count(text, start, start + len(number), **kwargs)


@pytest.mark.parametrize("text, number", [
    ("a 49-year-old driver", "49"),
    ("the medic, 52, said", "52"),
    ("built in 1998 by the state", "1998"),
    ("on October 10 the talks", "10"),
    ("on 10 October the talks", "10"),
    ("shortly after 10:30 in the morning", "10"),
    ("at 6 pm the sirens", "6"),
    ("a rise of 40% in prices", "40"),
    ("aid worth $300 million", "300 million"),
    ("a strip 15 km wide", "15"),
    ("it lost 40 tanks", "40"),
    ("the storm destroyed 300 homes", "300"),
    ("aged 70 and over", "70"),
    ("see page 12 for details", "12"),
    ("for 3 days", "3"),
    ("killing 5 a day", "5"),  # a rate
])
def test_it_knows_a_number_that_counts_no_one(text, number):
    assert not count_at(text, number)


@pytest.mark.parametrize("text, number", [
    ("49 soldiers were killed", "49"),
    ("the 2020 soldiers who served", "2020"),
    ("killing 7 and wounding 12", "7"),
    ("up from 6,200 the year before", "6,200"),  # a time after the count, not a measure of it
])
def test_it_knows_a_number_that_can_count_people(text, number):
    assert count_at(text, number, names_people=text.startswith("the 2020"))


def test_number_used_as_a_verb_after_a_modal_leaves_the_count_standing():
    assert count_at("the dead could number 9,000 by now", "9,000")
    assert not count_at("the wreck of flight number 12 was found", "12")


@pytest.mark.parametrize("text", ["14 bodies at one camp", "in one village", "at one point", "from one house"])
def test_the_word_one_after_a_preposition_is_a_determiner(text):
    assert not count_at(text, "one")


@pytest.mark.parametrize("text", ["killing one and wounding 3", "resulted in one death", "one soldier died"])
def test_one_as_an_object_a_subject_or_after_resulted_in_still_counts(text):
    assert count_at(text, "one")


@pytest.mark.parametrize("text", ["the toll is one of the highest", "one of the deadliest attacks", "one of its worst days"])
def test_one_of_a_ranking_counts_nobody(text):
    assert not count_at(text, "one")


# The number in words as it was written before it became one loop (numbers._WORD_NUMBER): a first word, then more
# words each with its separator. The loop must read every number exactly as this does.
def _word_number_as_first_then_more() -> str:
    from claims.extraction import numbers

    end = numbers._END
    atom = rf"(?:(?:{numbers._TEN}){end}(?:[-\s](?:{numbers._UNIT}){end})?|(?:{numbers._UNIT}){end})"
    return (rf"(?:{atom}|a\s+(?:{numbers._MULTIPLIER}){end})"
            rf"(?:[-\s]+(?:{numbers._MULTIPLIER}){end}|(?:[-\s]+|(?:{numbers._AFTER_MULTIPLIER})\s+and\s+){atom})*")


def _ends_in_order(pattern: str, text: str, start: int) -> list[int]:
    """Every place a match of `pattern` from `start` can end, in the order backtracking reaches them: for each two
    such places, a pattern that may end at either tells which one it tries first."""
    def first_of(ends):
        allowed = "|".join(f"(?<=^.{{{end}}})" for end in ends)
        found = re.compile(f"(?:{pattern})(?:{allowed})", re.IGNORECASE | re.DOTALL).match(text, start)
        return found.end() if found else None

    ends = [end for end in range(start, len(text) + 1) if first_of([end]) is not None]
    return sorted(ends, key=lambda end: sum(first_of([end, other]) != end for other in ends))


_WRITTEN_NUMBERS = [
    "forty-nine", "Ninety one", "twenty  five", "thirty-", "seventy-seventeen", "a dozen", "a hundred and five",
    "two thousand three hundred and forty-one", "one hundred and five thousand", "a couple of hundred",
    "twenty a pair of", "six hundred and", "a hundred-and-one", "sixty-six-six", "a hundred thousand million",
    "nineteen eighty-four", "hundred and five", "and five", "- five", "eleven hundred- two", "one,two",
    "a  thousand   and\nsixty", "twenty-one hundred and eighty", "FIFTY-FIVE Hundred", "ten ten ten",
    "seventy-", "a hundredfold", "fourteenth", "zero-one", "a million and a half",
]


@pytest.mark.parametrize("written", _WRITTEN_NUMBERS)
def test_a_number_in_words_tries_the_same_readings_in_the_same_order_as_its_first_then_more_form(written):
    from claims.extraction import numbers

    text = f"of {written} were"
    for start in range(len(text)):  # as NUMBER_PATTERN embeds it: where a word starts
        assert _ends_in_order(numbers._WORD_START + numbers._WORD_NUMBER, text, start) == _ends_in_order(
            numbers._WORD_START + _word_number_as_first_then_more(), text, start), (text, start)


def test_a_number_in_words_is_written_with_one_copy_of_its_words_and_of_the_multipliers():
    from claims.extraction import numbers

    assert numbers._WORD_NUMBER.count(numbers._ATOM) == 1
    assert numbers._WORD_NUMBER.count(numbers._MULTIPLIER) == 1


def test_number_words_that_two_kinds_could_read_at_one_place_keep_the_first_then_more_form():
    from claims.extraction import numbers

    assert numbers._one_word_class_at_a_place(["one", "two"], ["twenty"], ["hundred"])
    assert not numbers._one_word_class_at_a_place(["one", "twenty one"], ["twenty"], ["hundred"])  # opens a unit
    assert not numbers._one_word_class_at_a_place(["one", "a hundred"], ["twenty"], ["hundred"])  # "a" + multiplier
    assert not numbers._one_word_class_at_a_place(["one", "and"], ["twenty"], ["hundred"])
    assert not numbers._one_word_class_at_a_place(["one", "dos"], ["veinte", "dos"], ["cien"])
    assert not numbers._one_word_class_at_a_place(["één"], ["twintig"], ["honderd"])  # not plain ASCII letters
