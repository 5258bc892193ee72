"""Segmentation: paragraphs and sentences of news copy, offsets into the original text."""
from claims.extraction.text import is_heading, quotations, segment


def sentences(text):
    document = segment(text)
    return [text[s.start:s.end] for s in document.sentences]


def test_it_keeps_offsets_into_the_original_text():
    text = "  The river rose overnight.  Crews worked until dawn.\n\nRoads stayed shut.  "
    document = segment(text)
    assert [text[p.start:p.end] for p in document.paragraphs] == [
        "The river rose overnight.  Crews worked until dawn.", "Roads stayed shut."]
    assert [s.paragraph for s in document.sentences] == [0, 0, 1]


def test_it_does_not_split_after_titles_and_common_abbreviations():
    assert sentences("Gen. Ortega met Dr. Lane and Lt. Ruiz on Jan. 4 at the U.N. offices. Talks ended.") == [
        "Gen. Ortega met Dr. Lane and Lt. Ruiz on Jan. 4 at the U.N. offices.", "Talks ended."]


def test_it_does_not_split_after_clock_times_unless_a_new_sentence_clearly_begins():
    assert sentences("The curfew starts at 10 p.m. Monday and ends at 6 a.m. The army disagreed.") == [
        "The curfew starts at 10 p.m. Monday and ends at 6 a.m.", "The army disagreed."]


def test_it_does_not_split_initials_or_decimals():
    assert sentences("Officials cited George W. Harlan on the 2.5 percent rise. He declined to comment.") == [
        "Officials cited George W. Harlan on the 2.5 percent rise.", "He declined to comment."]


def test_it_ends_a_sentence_after_a_closing_quotation_mark():
    assert sentences("“We are staying.” The family then left. “Go now!” she shouted.") == [
        "“We are staying.”", "The family then left.", "“Go now!” she shouted."]


def test_a_lowercase_word_after_a_quoted_question_continues_the_sentence():
    assert sentences("“Why now?” asked the mayor. “Is it safe?” he added.") == [
        "“Why now?” asked the mayor.", "“Is it safe?” he added."]


def test_markdown_headings_bylines_and_captions_are_their_own_paragraphs():
    text = "# Floods hit the valley\nBy Jo Marsh\n\nBoats stand in a street. **Photo: Lee Kim**\n\nWater rose by two metres."
    document = segment(text)
    paragraphs = [text[p.start:p.end] for p in document.paragraphs]
    assert paragraphs[0] == "# Floods hit the valley"
    assert paragraphs[1] == "By Jo Marsh"
    assert is_heading(document, 0) and is_heading(document, 1)
    assert not is_heading(document, 3)


def test_single_newlines_separate_paragraphs_when_the_text_has_no_blank_lines():
    text = "Storm kills two in port town\nThe storm hit at noon.\nTwo fishermen died, police said."
    document = segment(text)
    assert len(document.paragraphs) == 3


def test_it_pairs_curly_and_straight_double_quotation_marks():
    text = 'He said “it is over” and later "we go home" again.'
    found = quotations(segment(text))
    assert [q.inner(text) for q in found] == ["it is over", "we go home"]


def test_single_quotes_nested_in_double_ones_are_part_of_the_quotation():
    text = "“They shouted ‘run’ and we ran,” he said. The soldiers’ families wept."
    found = quotations(segment(text))
    assert [q.inner(text) for q in found] == ["They shouted ‘run’ and we ran,"]


def test_a_quotation_continues_into_the_next_paragraph_that_opens_with_a_mark():
    text = "“The water came fast. We had no time.\n\n“By morning the house was gone,” she said."
    found = quotations(segment(text))
    assert len(found) == 1
    assert found[0].inner(text) == "The water came fast. We had no time. By morning the house was gone,"
    assert found[0].closed


def test_an_unclosed_quotation_stops_at_its_paragraph_when_the_next_one_does_not_continue_it():
    text = "“The water came fast, he said.\n\nRescuers arrived later."
    found = quotations(segment(text))
    assert len(found) == 1 and not found[0].closed
    assert found[0].inner(text) == "The water came fast, he said."


def test_single_quotation_marks_in_a_headline_count_as_quotes_but_apostrophes_do_not():
    text = "‘We lost everything’: villagers’ anger grows\n\nThe village's mayor said “help is coming soon”."
    found = quotations(segment(text))
    assert [q.inner(text) for q in found] == ["We lost everything", "help is coming soon"]


def test_lines_that_each_end_a_sentence_are_paragraphs_even_under_a_blank_line_heading():
    text = ("Port closed after blast\n\n"
            "The port was shut on Monday after an explosion.\n"
            "“We heard it from ten kilometres away,” said one docker.\n"
            "Officials said the cause was not yet known.")
    assert len(segment(text).paragraphs) == 4


def test_a_hard_wrapped_paragraph_stays_one_paragraph():
    text = ("The port was shut on Monday after an explosion that\n"
            "shattered windows across the old town and sent a\n"
            "column of smoke over the bay.")
    document = segment(text)
    assert len(document.paragraphs) == 1
    assert len(document.sentences) == 1


def test_a_wrapped_line_ending_in_a_quote_closed_by_a_comma_does_not_end_the_paragraph():
    text = ("“We dug through the night with shovels and bare hands,”\n"
            "he said. “Nobody else came.”")
    assert len(segment(text).paragraphs) == 1


def test_an_abbreviated_given_name_does_not_end_a_sentence():
    text = "The report was signed by Md. Rafiqul Islam. The ministry did not comment."
    sentences = [text[s.start:s.end] for s in segment(text).sentences]
    assert sentences == ["The report was signed by Md. Rafiqul Islam.", "The ministry did not comment."]


def test_the_sentence_end_and_quotation_mark_searches_find_what_their_plain_alternations_find():
    import random
    import re

    from claims.extraction import text as segmentation

    plain = {"_TERMINAL": re.compile(r"(?:\.\.\.|…|[.!?])+[\"”’'»)\]*]*(?=\s)"),
             "_DOUBLE": re.compile(r"``|''|[“”«»„\"]"),
             "_DOUBLE_AND_SINGLE": re.compile(r"``|''|[“”«»„\"‘’']")}
    rng = random.Random(3)
    samples = ["".join(rng.choice("ab .!?…\"”’'»)]*`‘“«„\n") for _ in range(rng.randint(0, 40))) for _ in range(5000)]
    for name, alternation in plain.items():
        written = getattr(segmentation, name)
        for sample in samples:
            for start, end in ((0, len(sample)), (1, max(1, len(sample) - 1))):
                assert [m.span() for m in written.finditer(sample, start, end)] == \
                    [m.span() for m in alternation.finditer(sample, start, end)], (name, sample)
