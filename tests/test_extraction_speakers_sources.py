"""Attribution by class: which 'according to' credits a statement, and who a person described by the body they
work for ("a spokesman for its ministry", "an aid worker with a charity") is. Sentences written for the tests."""
from claims.extraction.quotes import find_quote_claims
from claims.extraction.speakers import statement_speaker
from claims.extraction.text import segment


def speaker_of(text, phrase):
    speaker = statement_speaker(segment(text), text.index(phrase))
    return speaker.name if speaker else None


def quote_speakers(text):
    return [(c.speaker.name if c.speaker else None) for c in find_quote_claims(segment(text))]


def test_according_to_after_a_clause_credits_that_clause_not_an_earlier_one():
    text = ("An air strike on Monday killed 14 fighters, according to the Defence Ministry; a day later a market was "
            "shelled and about 30 shoppers were killed, according to the Red Cross.")
    assert speaker_of(text, "14 fighters") == "Defence Ministry"
    assert speaker_of(text, "about 30 shoppers") == "Red Cross"


def test_according_to_before_the_statement_still_credits_it_when_none_follows():
    text = "According to the Red Cross, about 30 shoppers were killed when the market was shelled."
    assert speaker_of(text, "about 30 shoppers") == "Red Cross"


def test_a_spokesman_for_its_ministry_is_a_person_whom_a_later_he_refers_to():
    text = ("The opposition government said 30 villagers were killed. A spokesman for its interior ministry, who asked "
            "not to be named, said 12 people were missing.\n\n"
            "\"They came back at night to finish the job,\" he said.")
    assert speaker_of(text, "12 people") == "spokesman for its interior ministry"
    assert quote_speakers(text) == ["spokesman for its interior ministry"]


def test_an_aid_worker_with_a_charity_is_the_person_not_the_charity():
    text = "A nurse with a Swiss charity said the clinic had treated 52 people for burns."
    assert speaker_of(text, "52 people") == "nurse with a Swiss charity"


def test_she_after_a_volunteer_with_a_group_is_the_volunteer_not_the_wire_of_the_dateline():
    text = ("LUSAKA, March 3 (Meridian Wire) - Flooding has killed 14 people, officials said.\n\n"
            "A volunteer with a Zambian relief group said the water rose in minutes.\n\n"
            "\"The children were carried off from their beds,\" she said.")
    assert quote_speakers(text) == ["volunteer with a Zambian relief group"]
