"""Quote claims: the quoted words, their span, the attribution clause and the speaker."""
from claims.extraction.quotes import find_quote_claims
from claims.extraction.text import segment


def quotes(text):
    return find_quote_claims(segment(text))


def only(text):
    found = quotes(text)
    assert len(found) == 1, [c.text for c in found]
    return found[0]


def test_every_claim_span_is_an_exact_slice_of_the_text():
    text = ("“The bridge held for an hour, then it simply fell,” said Pedro Alves, a ferry pilot.\n\n"
            "Port Captain Ines Moura told reporters: “Nobody will cross until the divers are done.”")
    for claim in quotes(text):
        assert text[claim.start:claim.end] == claim.text
        quoted = text[claim.values["quote_start"]:claim.values["quote_end"]]
        assert quoted == claim.values["quote"]


def test_it_takes_the_inverted_attribution_after_the_quote_into_the_span():
    claim = only("“The bridge held for an hour, then it simply fell,” said Pedro Alves, a ferry pilot.")
    assert claim.text == "“The bridge held for an hour, then it simply fell,” said Pedro Alves"
    assert claim.values["quote"] == "The bridge held for an hour, then it simply fell,"
    assert claim.speaker.name == "Pedro Alves"
    assert claim.rule == "quote.said_after"


def test_it_takes_the_attribution_before_a_colon_into_the_span():
    claim = only("Port Captain Ines Moura told reporters: “Nobody will cross until the divers are done.”")
    assert claim.text.startswith("Port Captain Ines Moura told reporters: “")
    assert claim.speaker.name == "Ines Moura"
    assert claim.speaker.role == "Port Captain"
    assert claim.rule == "quote.said_before"


def test_a_second_quote_in_the_paragraph_keeps_the_speaker():
    found = quotes("“We counted every house on the hill,” Tomas Berg said. “Not one of them still has a roof.”")
    assert [c.speaker.name for c in found] == ["Tomas Berg", "Tomas Berg"]


def test_a_partial_quote_inside_a_sentence_is_credited_to_the_sentence_speaker():
    claim = only("The mayor, Lena Ortiz, said the city would “rebuild every school before the winter term”.")
    assert claim.values["quote"] == "rebuild every school before the winter term"
    assert claim.speaker.name == "Lena Ortiz"


def test_a_quote_running_over_two_paragraphs_is_one_claim_with_the_closing_attribution():
    text = ("“The river took the lower town first. Then it took the road.\n\n"
            "“We are waiting for boats that do not come,” said Amara Njoku, a nurse.")
    claim = only(text)
    assert claim.values["quote"] == ("The river took the lower town first. Then it took the road. "
                                     "We are waiting for boats that do not come,")
    assert claim.speaker.name == "Amara Njoku"


def test_a_bare_quote_paragraph_continues_the_previous_speaker():
    text = ("“Supplies will last a week at most,” said Omar Haddad, who runs the camp clinic.\n\n"
            "“After that we will have to send people away.”")
    found = quotes(text)
    assert [c.speaker.name for c in found] == ["Omar Haddad", "Omar Haddad"]
    assert found[1].rule == "quote.continuation"


def test_scare_quotes_nobody_is_credited_with_are_left_out():
    assert quotes("The so-called “peace plan” drew little interest in the capital.") == []


def test_short_phrases_credited_to_a_speaker_are_kept_at_low_confidence():
    claim = only("The foreign ministry called the raid “reckless”.")
    assert claim.speaker.name == "foreign ministry"
    assert claim.confidence < 0.5
    assert claim.rule == "quote.fragment"


def test_titles_of_books_and_operations_in_quotation_marks_are_not_statements():
    assert quotes("She wrote the book “The Long Road Back Home” in exile.") == []
    assert quotes("The army launched Operation “Northern Shield Of Hope” at dawn.") == []


def test_straight_quotes_nesting_apostrophes_and_single_quotes_stay_one_quotation():
    claim = only("\"The soldiers' orders said 'hold the line', and they did,\" Colonel Rui Dias said.")
    assert claim.values["quote"] == "The soldiers' orders said 'hold the line', and they did,"
    assert claim.speaker.name == "Rui Dias"


def test_an_unattributed_quotation_has_no_speaker_and_lower_confidence():
    claim = only("“Every wall on this street is cracked and the water is still rising.”")
    assert claim.speaker is None
    assert claim.rule == "quote.unattributed"
    assert claim.confidence <= 0.5


def test_according_to_after_a_quotation_attributes_it():
    claim = only("“The pumps will run all night,” according to Elsa Lind, the harbour engineer.")
    assert claim.speaker.name == "Elsa Lind"
    assert claim.text == "“The pumps will run all night,” according to Elsa Lind"


def test_a_newspaper_quoting_someone_as_saying_credits_the_person_quoted():
    claim = only("The Valley Herald quoted a farmer, Jon Aske, as saying: “The river has never come this high.”")
    assert (claim.speaker.name, claim.speaker.role) == ("Jon Aske", "farmer")


def test_a_headline_naming_its_speaker_before_a_colon_credits_the_quote():
    text = "# Foreign Minister Alvarez: “We will not sign under fire”\n\nTalks resumed in Geneva on Monday."
    claim = only(text)
    assert claim.speaker.name == "Alvarez"
    assert claim.rule == "quote.headline_speaker"


def test_a_headline_quote_echoed_in_the_body_takes_the_body_speaker():
    text = ("‘The sea took everything’: fishing village counts its losses\n\n"
            "“The sea took everything we had,” said Ewa Nowak, 61.")
    headline, body = find_quote_claims(segment(text))
    assert headline.speaker.name == body.speaker.name == "Ewa Nowak"
    assert headline.rule == "quote.headline_echo"


def test_someone_quoted_as_saying_after_the_quote_is_its_speaker():
    text = ("Deputy Mayor Ines Kahl visited the shelters. "
            "“Nobody will be sent back into a flooded house,” she was quoted as saying.")
    claim = only(text)
    assert claim.speaker.name == "Ines Kahl"


def test_a_manner_of_speaking_verb_with_a_colon_introduces_the_next_quote():
    found = quotes("“We are leaving tonight,” said Ana Petrova. Her husband disagreed: “We stay until the end.”")
    assert [c.speaker.name if c.speaker else None for c in found] == ["Ana Petrova", "Ana Petrova's husband"]


def test_a_quote_credited_to_someone_identified_only_by_a_first_name():
    claim = only("“The water came up to the roof in minutes,” said a farmer who gave only his first name, Karim.")
    assert claim.speaker.name == "Karim"
    assert claim.text.endswith("Karim")
    claim = only("“We slept in the fields,” said a mother, who asked to be identified only as Halima.")
    assert claim.speaker.name == "Halima"


def test_a_quote_introduced_by_a_clause_ending_in_a_colon_belongs_to_its_subject():
    text = ("Tawanda Moyo addressed the delegates on Monday.\n\n"
            "Kofi Mensah, speaking in Nairobi, put it more bluntly: “Without a truce, thousands more will starve.”")
    claim = only(text)
    assert claim.speaker.name == "Kofi Mensah"
    assert claim.rule == "quote.colon_lead"
    assert claim.text.startswith("Kofi Mensah, speaking")


def test_a_statement_introducing_a_quote_with_a_colon_speaks_for_its_issuer():
    text = ("The health ministry said in a statement that clinics would reopen.\n\n"
            "Aid groups were less hopeful.\n\n"
            "The statement was blunt about the stakes: “Every day without fuel costs lives in the wards.”")
    assert only(text).speaker.name == "health ministry"


def test_a_colon_after_a_thing_that_cannot_speak_credits_nobody():
    text = "Tawanda Moyo addressed the delegates.\n\nThe sign at the gate read: “No weapons beyond this point, please.”"
    assert only(text).speaker is None


def test_a_colon_lead_with_a_name_in_apposition_credits_the_name():
    text = ("Floods hit the north.\n\n"
            "The UN humanitarian coordinator, Marta Ruedas, put it plainly: "
            "“No single district can manage this alone.”")
    claim = only(text)
    assert claim.speaker.name == "Marta Ruedas"


# --- attribution in the sentence after the quotation --------------------------------

def _quote_rules_and_speakers(text):
    return [(c.rule, c.speaker.name if c.speaker else None) for c in find_quote_claims(segment(text))]


def test_a_quote_is_credited_to_the_speaker_of_a_following_so_said():
    text = ("The council met behind closed doors on Friday.\n\n"
            "“We will rebuild the bridge before the rains come back.”\n\n"
            "So said Councillor Ines Barros, speaking after the vote.")
    assert _quote_rules_and_speakers(text) == [("quote.next_sentence", "Ines Barros")]


def test_a_quote_is_credited_to_whoever_put_it_that_way_next():
    text = "“The river simply swallowed the lower half of the village.” That was how Odhiambo put it."
    assert _quote_rules_and_speakers(text) == [("quote.next_sentence", "Odhiambo")]


def test_a_quote_is_credited_to_the_subject_that_said_so_next():
    text = ("“The ceasefire has to hold past the weekend or nothing moves.”\n\n"
            "The envoy, Rania Saad, said so in a briefing to reporters.")
    assert _quote_rules_and_speakers(text) == [("quote.next_sentence", "Rania Saad")]


def test_a_quote_is_credited_to_the_person_whose_words_they_were():
    text = "“There is no medicine left for the children here.” Those were the words of a doctor in the camp."
    assert _quote_rules_and_speakers(text) == [("quote.next_sentence", "doctor")]


def test_a_following_sentence_that_does_not_point_back_credits_nobody():
    text = ("“There is no medicine left for the children here.”\n\n"
            "The ministry said so many families had arrived that the camp was full.")
    assert _quote_rules_and_speakers(text) == [("quote.unattributed", None)]
    text = "“There is no medicine left for the children here.” The ministry put it at 40 a day."
    assert _quote_rules_and_speakers(text) == [("quote.unattributed", None)]


def test_a_quote_is_credited_to_the_name_given_with_whose_words_they_were():
    text = ("“Nobody will pay a ransom for these children.”\n\n"
            "Those were the words of the state governor, Bala Idris, speaking in the capital.")
    assert _quote_rules_and_speakers(text) == [("quote.next_sentence", "Bala Idris")]


def test_a_described_and_named_speaker_after_the_quote_is_its_attribution():
    claim = only("“The shops have been shut for three days now,” a bus driver named Omar Sy told Reuters.")
    assert claim.rule == "quote.said_after"
    assert claim.speaker.name == "Omar Sy"
    assert claim.text.endswith("a bus driver named Omar Sy told Reuters")


# --- attribution from the sentence before the quotation -----------------------------

def test_a_bare_quote_goes_to_the_person_the_sentence_before_is_about():
    text = "The head of the clinic, Wanjiru Mwangi, did not hide her anger. “Nobody sent us a single truck.”"
    assert _quote_rules_and_speakers(text) == [("quote.previous_subject", "Wanjiru Mwangi")]
    text = "Mayor Tomas Ribeiro walked through the mud. “Half of this street is simply gone.”"
    assert _quote_rules_and_speakers(text) == [("quote.previous_subject", "Tomas Ribeiro")]


def test_a_bare_quote_after_a_sentence_about_a_group_or_a_body_stays_unattributed():
    text = "Soldiers entered the market on Monday. “Half of this street is simply gone.”"
    assert _quote_rules_and_speakers(text) == [("quote.unattributed", None)]
    text = "The army was silent. “Half of this street is simply gone.”"
    assert _quote_rules_and_speakers(text) == [("quote.unattributed", None)]


def test_a_quote_said_by_a_named_relative_goes_to_the_name():
    text = "Karim Haddad lost his shop. “There is nothing left to sell,” said his brother, Walid Haddad."
    assert _quote_rules_and_speakers(text) == [("quote.said_after", "Walid Haddad")]


def test_a_bare_quote_after_a_sentence_about_a_victim_continues_the_earlier_speaker():
    text = ("“We ran as soon as the first shell hit,” said Halima Idris.\n\n"
            "Her son, Yasin Idris, was killed in the second strike. “He went back for the goats.”")
    assert _quote_rules_and_speakers(text) == [("quote.said_after", "Halima Idris"),
                                               ("quote.continuation", "Halima Idris")]


def test_a_quote_is_credited_to_a_next_sentence_that_is_only_its_attribution():
    text = ("“The checkpoints have been quiet since dawn.”\n\n"
            "That is what Leila Haddad told reporters in Beirut on Saturday.")
    assert _quote_rules_and_speakers(text) == [("quote.next_sentence", "Leila Haddad")]


def test_a_next_sentence_opening_that_is_what_but_saying_more_credits_nobody():
    text = "“The checkpoints have been quiet since dawn.”\n\nThis is how the army says it took the hill."
    assert _quote_rules_and_speakers(text) == [("quote.unattributed", None)]
    text = "“The checkpoints have been quiet since dawn.”\n\nThat is what families fear most, Leila Haddad said."
    assert _quote_rules_and_speakers(text) == [("quote.unattributed", None)]


def test_a_quote_introduced_with_a_colon_and_closed_by_a_full_stop_keeps_its_introducer():
    text = ('“The road is open,” police spokesman Samuel Otieno said on Monday.\n\n'
            'The Kenya Red Cross said in a statement: “Our teams have reached the flooded villages.” '
            'Otieno said more rain was expected.')
    claims = quotes(text)
    assert [c.speaker.name for c in claims] == ["Samuel Otieno", "Kenya Red Cross"]
    assert claims[1].text.endswith("said in a statement: “Our teams have reached the flooded villages.”")


def test_a_quote_after_a_body_issued_a_statement_is_the_bodys_not_the_last_quoted_persons():
    text = ("“The road is open,” police spokesman Samuel Otieno said on Monday.\n\n"
            "MONUSCO, the UN force in the east, issued a statement on Tuesday. "
            "“We call on every armed group to lay down its weapons.”")
    assert _quote_rules_and_speakers(text) == [("quote.said_after", "Samuel Otieno"),
                                               ("quote.previous_subject", "MONUSCO")]


def test_a_quote_paragraph_after_a_paragraph_ending_in_a_statement_is_that_statement():
    text = ("“The road is open,” police spokesman Samuel Otieno said on Monday.\n\n"
            "The peacekeeping mission issued a statement late on Tuesday.\n\n"
            "“We call on every armed group to lay down its weapons.”")
    assert _quote_rules_and_speakers(text)[1] == ("quote.previous_subject", "peacekeeping mission")


def test_a_body_that_only_acted_does_not_take_the_next_quote():
    text = ("“The road is open,” police spokesman Samuel Otieno said on Monday.\n\n"
            "MONUSCO sent two patrols to the area.\n\n"
            "“We call on every armed group to lay down its weapons.”")
    assert _quote_rules_and_speakers(text)[1][1] != "MONUSCO"


def test_a_credit_line_after_a_dash_names_the_speaker_and_joins_the_span():
    text = "“Every school will reopen by spring,” — Tomasz Nowak, governor of the province."
    claim = only(text)
    assert claim.speaker.name == "Tomasz Nowak"
    assert claim.speaker.role == "governor of the province"
    assert claim.rule == "quote.dash_credit"
    assert claim.text.endswith("Tomasz Nowak, governor of the province")


def test_a_dash_credit_may_name_only_a_role():
    claim = only("“The river rose faster than anyone expected,” – the district governor.")
    assert claim.speaker.name == "district governor"


def test_a_dash_that_goes_on_with_the_story_credits_nobody():
    claim = only("“The river rose faster than anyone expected,” — and by dawn the bridge was gone.")
    assert claim.speaker is None
    claim = only("“The river rose faster than anyone expected” — a line repeated across the valley.")
    assert claim.speaker is None


# --- headlines in quotation marks ----------------------------------------------------

def test_a_headline_in_scare_quotes_that_nobody_in_the_story_says_is_no_quote_claim():
    text = ("‘A Winter Without Bread’ as Mills Close Across the Plains\n\n"
            "Three flour mills shut on Monday, the millers' union said.")
    assert quotes(text) == []


def test_a_headline_quote_that_reorders_a_body_quote_takes_its_speaker():
    text = ("‘Hard Winter for the Plains’ as Mills Close\n\n"
            "“For the plains, this will be a hard winter, perhaps the hardest,” said Ilse Brandt, a grain trader.")
    headline, body = quotes(text)
    assert headline.speaker.name == body.speaker.name == "Ilse Brandt"
    assert headline.rule == "quote.headline_echo"


def test_a_paragraph_opening_with_by_and_a_time_is_body_copy_not_a_byline():
    text = ("By evening, the harbour master had closed the port. "
            "“No boat leaves until the wind drops,” said Petra Holm, the harbour master.")
    claim = only(text)
    assert claim.rule == "quote.said_after"
    assert claim.confidence >= 0.8


def test_a_credit_line_under_the_quotation_names_the_speaker():
    text = ("Aid began to arrive on Monday.\n\n"
            "“The river took our houses, but it will not take our children.”\n"
            "— Sister Agnes Tuma, head of the mission school\n\n"
            "The road reopened on Tuesday.")
    claim = only(text)
    assert claim.speaker.name.endswith("Agnes Tuma") and claim.rule == "quote.dash_credit"


def test_quotation_marks_typed_as_backticks_and_apostrophes_delimit_a_quote():
    text = ("``We are holding the prisoners in the city and the Red Cross may visit them,'' said Omar Aziz, a "
            "party spokesman. The party's leader didn't comment.")
    claim = only(text)
    assert claim.values["quote"] == "We are holding the prisoners in the city and the Red Cross may visit them,"
    assert claim.speaker.name == "Omar Aziz"
    assert claim.text == text[claim.start:claim.end]
