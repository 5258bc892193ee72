"""Attribution by class: which 'according to' credits a statement, and who a person described by the body they
work for ("a spokesman for its ministry", "an aid worker with a charity") is. Sentences written for the tests."""
import pytest

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


# --- round 35: monitoring digests, announcements, named institutions ---------------------------------------

DIGEST = ("SUMMARY OF WORLD BROADCASTS\n14 March 1996\n\nSOMALIA\n\n"
          "Militia convoy ambushed near Jamaame\n\n"
          "Source: Radio Freedom, Kismayo, in Somali 1800 gmt 12 Mar 96\n\nText of report\n\n"
          "Government troops ambushed a militia convoy near Jamaame on Tuesday. Nine militiamen were killed and "
          "four were captured.\n\n"
          "Source: Voice of the South, Baidoa, in Somali 0600 gmt 13 Mar 96\n\nExcerpt from report\n\n"
          "The militia said it had lost only two men.")


def test_what_a_monitored_item_says_in_no_one_elses_name_is_its_outlets():
    assert speaker_of(DIGEST, "Nine militiamen") == "Radio Freedom"
    assert speaker_of(DIGEST, "four were captured") == "Radio Freedom"
    assert speaker_of(DIGEST, "only two men").lower() == "militia"  # a source the item names speaks for itself


def test_losses_put_at_a_figure_by_no_one_named_are_the_source_of_the_report_before():
    text = ("The Shan State Army said its fighters killed 17 soldiers near Hsipaw on Friday. Its own losses were "
            "put at three dead.")
    assert speaker_of(text, "three dead") == "Shan State Army"


def test_the_statement_after_a_bodys_announcement_is_that_bodys():
    text = ("The Liberation Council has announced that its units will observe a truce from Friday.\n\n"
            'The statement said: "Our units will answer only if fired upon and will hold every position."')
    assert quote_speakers(text) == ["Liberation Council"]


def test_a_short_form_in_square_brackets_belongs_to_the_name_before_it():
    text = "The Political Bureau of the Unity Party [UP] has announced that 12 of its fighters were captured."
    assert speaker_of(text, "12 of its") == "Political Bureau of the Unity Party (UP)"


def test_a_body_in_part_of_a_place_speaks_not_the_place():
    assert speaker_of("Keysaney Hospital in north Mogadishu said 9 people were killed.", "9 people") \
        == "Keysaney Hospital"


def test_an_announcement_of_what_two_groups_in_a_region_agreed_is_the_announcers():
    text = ("The Foreign Ministry has announced that the two armed groups in eastern Congo agreed to stop fighting "
            "after 40 people were killed.")
    assert speaker_of(text, "40 people") == "Foreign Ministry"


def test_a_named_institution_with_its_noun_in_lowercase_speaks_by_its_name():
    assert speaker_of("Al Jumhuri hospital said it had received 14 wounded people.", "14 wounded") \
        == "Al Jumhuri hospital"


def test_the_group_after_a_body_whose_name_is_plural_is_that_body_not_the_army_before_it():
    text = ("The army announced the halt on Tuesday in a short statement. It was the army's first unilateral truce "
            "since the conflict with the paramilitary Popular Defence Forces (PDF) erupted in May.\n\n"
            "The PDF had moved first. In a statement on Monday evening, the group said its fighters had killed 12 "
            "soldiers.")
    assert speaker_of(text, "12 soldiers").endswith("Popular Defence Forces (PDF)")


def test_a_hospital_that_admitted_a_count_of_wounded_admitted_patients_and_its_director_is_the_source():
    # (a guard: a hospital now speaks by its name, but not by admitting patients when a source is named after)
    text = ("Central hospital, in the east of the city, has admitted more than 200 wounded people since Friday, "
            "according to its director.")
    assert speaker_of(text, "200 wounded") == "director"


# --- round 36: outlets that relay, the country after a place, people "there", numbers inside names -----------

def test_a_news_agency_closing_the_sentence_relays_the_body_that_speaks_in_it():
    text = ("The Interior Ministry said four policemen had been killed on Friday, bringing to 19 the number of "
            "officers killed this month, the state news agency reported.")
    assert speaker_of(text, "four policemen") == "Interior Ministry"
    assert speaker_of(text, "bringing to 19") == "Interior Ministry"
    quote = ('The Foreign Ministry said it was "deeply alarmed" and urged both sides "to return at once to the '
             'ceasefire line", news agency Tanjug reported.')
    assert quote_speakers(quote) == ["Foreign Ministry", "Foreign Ministry"]


def test_an_agency_that_speaks_in_its_own_clause_keeps_its_words():
    # (a guard: only a credit after the statement relays; "which said" is the agency's own clause)
    text = ("The militia claimed the raid through its Amaq news agency, which said its fighters had killed 14 "
            "soldiers.")
    assert speaker_of(text, "killed 14") == "militia's Amaq news agency"


def test_the_country_after_a_place_where_a_spokesman_sits_is_not_the_speaker():
    text = "A spokesman for the Karen National Union in Mae Sot, Thailand, said by telephone that six fighters died."
    assert speaker_of(text, "six fighters").startswith("spokesman for the Karen National Union")


def test_a_person_there_who_asked_not_to_be_named_is_the_speaker():
    text = ("The district hospital said it had received 30 bodies. A nurse there, who asked not to be named, said at "
            "least 9 of the wounded were children.")
    assert speaker_of(text, "at least 9") == "nurse"


def test_a_number_inside_a_broadcasters_name_stays_in_it():
    text = "France 24 TV said more than 40 people had died in the floods."
    assert speaker_of(text, "more than 40") == "France 24 TV"


def test_the_statement_is_the_issuers_named_with_it_before_not_the_reporters():
    text = ("ANCHOR: What do we know?\n\n"
            "HOLLOWAY: Tom, state radio broke into its evening programme with a statement from the army high "
            "command. It said all units had halted. The statement said 14 soldiers had been wounded in the night.")
    assert speaker_of(text, "14 soldiers") == "army high command"


# --- round 38: a transcript's tape cues, and teams that treated the wounded -----------------------------------

def test_a_recording_under_a_transcripts_cue_line_is_the_voice_the_cue_names():
    text = ("PRESENTER: The monitors say the line held overnight. Their chief, Marta Lindqvist, spent the day between "
            "the two command posts.\n\n"
            "TAPE: CUT ONE - LINDQVIST\n\n"
            "\"We went back and forth for six hours, and by ten o'clock both sides had given us their word.\"\n\n"
            "TAPE: CUT TWO - KRASNIQI (in Albanian, under translation)\n\n"
            "\"We did not fire first and we will not fire first.\"")
    assert quote_speakers(text) == ["Marta Lindqvist", "Krasniqi"]



# --- round 39: a radio that broadcast an order, people from a hamlet or an ejido ------------------------------

def test_a_radio_that_broadcast_an_order_is_its_source():
    text = ('The rebels\' clandestine radio broadcast an order to its units to cease fire "at 0600 hours on Monday '
            'and to hold every position."')
    assert quote_speakers(text) == ["rebels' clandestine radio"]


def test_a_person_from_a_hamlet_or_an_ejido_of_a_named_place_is_the_speaker():
    assert quote_speakers('"We left everything behind," a woman from the ejido of Las Palmas told our team.') == ["woman"]
    assert quote_speakers('"Nobody came to help," a farmer from the hamlet of Kiliba said.') == ["farmer"]


def test_a_statement_broadcast_by_a_radio_is_the_body_that_issued_it():
    # (a guard: "broadcast" after a statement, or before "by", is a participle, not the radio speaking)
    text = ("The rebel command in Knin gave a far higher figure. In a statement broadcast by Knin radio, it said 52 "
            "people had been killed in three villages.")
    assert speaker_of(text, "52 people") == "rebel command in Knin"


# --- round 40: sources cited before an outlet, "the sources" after them, people reported missing ---------------

def test_sources_a_station_cites_before_it_gives_a_figure_are_the_source_and_the_sources_after_are_they():
    text = ("Citing hospital sources, the station put the number of bodies recovered at between 200 and 250. "
            "Nineteen of the dead were found in one basement, the sources said.")
    assert speaker_of(text, "between 200") == "hospital sources"
    assert speaker_of(text, "Nineteen") == "hospital sources"


def test_people_reported_missing_make_no_report():
    text = ("The delegation holds a further list of 640 people reported missing by their families. \"We will not give "
            "a final figure until the search is over.\"")
    assert speaker_of(text, "640 people") is None


# --- round 42: a body's own toll ------------------------------------------------------------------------------

def test_a_toll_that_is_a_bodys_own_is_that_bodys_figure_but_a_countrys_is_the_articles():
    text = ("The health ministry has issued its latest figures: 52 people have been killed since Tuesday. The "
            "ministry's toll earlier this evening stood at 41.")
    assert speaker_of(text, "41") == "health ministry"
    assert speaker_of("Kenya's toll stood at 41 by the evening.", "41") is None


ITEMS = ("SUMMARY OF BROADCASTS\nFriday 12 April 1974\n\n"
         "Army holds its fire\nAden home service 1500 gmt 10 Apr 74\n\n"
         "Text of statement by the general command: Units in the east were ordered to hold their fire. \"Any breach "
         "will be answered at once.\" Forty rebels were killed in the mountains last week.\n\n"
         "Statement by the revolutionary council: \"The republic will defend every village.\"\n\n"
         "Radio comment\nAden home service 1700 gmt 10 Apr 74\n\n"
         "Excerpts from commentary: The enemy has learned nothing. \"Our patience has limits.\"")


def test_a_monitored_items_label_names_the_issuer_of_its_text_who_speaks_it():
    assert quote_speakers(ITEMS) == ["general command", "revolutionary council", "Aden home service"]
    assert speaker_of(ITEMS, "Forty rebels") == "general command"


def test_a_quotation_no_one_in_a_monitored_item_is_credited_with_is_its_outlets():
    assert quote_speakers(ITEMS)[-1] == "Aden home service"


DIGEST_ITEMS = ("SUMMARY OF BROADCASTS\nMonday 20 March 1978\n\n"
                "Front communique\nRadio Liberty in French 1900 gmt 18 Mar 78\n\n"
                "Excerpts from communique of the Northern Front (NF):\n\n"
                "The truce came into force at noon today. Our units will respect it. They will answer only attacks. "
                "[Passage omitted]\n\n"
                "The communique added that 31 NF fighters had been killed since the start of the fighting.\n\n"
                "Radio comment\nRadio Savanna in English 2000 gmt 18 Mar 78\n\n"
                "Excerpts from commentary:\n\n"
                "The conference has met. The commentary said that at least 90 civilians had been killed in the north.")


def test_the_communique_a_monitored_items_label_names_speaks_for_its_issuer_several_sentences_on():
    assert speaker_of(DIGEST_ITEMS, "31 NF fighters") == "Northern Front (NF)"


def test_a_commentary_no_issuer_is_named_for_is_the_outlet_whose_item_it_is():
    assert speaker_of(DIGEST_ITEMS, "at least 90 civilians") == "Radio Savanna"


def test_by_the_count_of_a_body_credits_the_figure_like_according_to():
    text = "The fighting has gone on for a month in which, by the count of the city police, more than 300 people died."
    assert speaker_of(text, "more than 300") == "city police"


def test_a_bodys_figures_that_stand_at_a_number_are_that_bodys():
    text = "It was the quietest night in weeks. Provincial police figures this morning stand at 212 dead."
    assert speaker_of(text, "212 dead") == "Provincial police"


def test_a_role_placed_by_prepositions_is_named_in_the_aside_after_it_not_the_place():
    text = 'A nurse in the east of the town, Amina Yusuf, told us that 14 people were killed in the night.'
    assert speaker_of(text, "14 people") == "Amina Yusuf"


def test_a_place_the_role_reached_by_a_verb_is_named_in_the_aside():
    # the guard: "who fled to the district capital, Ruvo," names the capital, and the farmer speaks
    text = "A farmer who fled to the district capital, Ruvo, told us that 14 people were killed in the night."
    assert speaker_of(text, "14 people") == "farmer"


def test_a_colon_lead_whose_subject_is_named_in_an_aside_quotes_that_person():
    text = 'A trader in the old market, Fatmata Kamara, put it this way: "We voted for peace with our hands."'
    assert quote_speakers(text) == ["Fatmata Kamara"]


def test_a_person_of_a_town_and_state_in_wire_style_speaks_not_the_state():
    text = ('Sgt. Lou Varga of Wichita, Kan., said his unit had lost 4 men in the night. '
            '"We stopped counting the shells," he said.')
    assert speaker_of(text, "4 men").endswith("Lou Varga")  # (with or without his rank)
    assert quote_speakers(text)[0].endswith("Lou Varga")


def test_a_hometown_after_an_age_is_an_aside_of_its_own():
    text = "Sgt. Ramon Ortiz, 24, of Tucson, Ariz., told reporters that 3 soldiers were wounded."
    assert speaker_of(text, "3 soldiers").endswith("Ramon Ortiz")


def test_a_consulate_in_a_city_speaks_not_the_city():
    text = "Chile's consulate in Mendoza said in a statement that 3 of its citizens were missing."
    assert speaker_of(text, "3 of its") == "Chile's consulate in Mendoza"


# --- round 60: records of turns (a parliament's, a broadcast's), and the label that is no subject ---------------

def test_a_members_turn_in_a_parliamentary_record_is_in_that_members_voice():
    text = ("Borneo (Cease-fire)\n\n"
            "Mr. Aldous Penrose asked the Secretary of State what casualties the forces had suffered.\n\n"
            "The Under-Secretary of State for War (Mr. Hugh Fairlie): Since the cease-fire two riflemen have been "
            "wounded in a patrol near the border.\n\n"
            "Mr. Penrose: Is my right hon. Friend aware that the raiders killed three villagers last week?\n\n"
            "Mr. Fairlie: I am aware of it. Four raiders were killed in the same clash.")
    assert speaker_of(text, "two riflemen have been wounded") == "Hugh Fairlie"
    assert speaker_of(text, "Four raiders were killed") == "Hugh Fairlie"
    assert speaker_of(text, "the raiders killed three villagers") == "Aldous Penrose"


def test_a_guests_turn_in_a_broadcast_is_the_guests_and_the_correspondents_stays_the_programmes():
    text = ("MODERATOR (ELLEN PARRY): Tonight, the holiday truce. Our correspondent Tom Hale reports first, then we "
            "talk to Dr Anna Brecht.\n\n"
            "HALE (on film): The truce was to begin at six in the evening. Since then 40 soldiers have been killed.\n\n"
            "PARRY: Dr Brecht, did anyone expect it to hold?\n\n"
            "BRECHT: No. At least 12 civilians died on the first night alone.")
    assert speaker_of(text, "At least 12 civilians died") == "Anna Brecht"
    assert speaker_of(text, "40 soldiers have been killed") is None


def test_a_turns_label_is_not_the_subject_of_a_verb_in_its_paragraph():
    text = ("PRESENTER (Ruth Okafor): Let us go to our correspondent.\n\n"
            "CORRESPONDENT (Sam Idris): Ruth, the army's spokesman went on television last night and read a statement "
            "saying 30 fighters had been killed.\n\n"
            "PRESENTER: And the rebels?\n\n"
            "IDRIS: They deny it.")
    assert speaker_of(text, "30 fighters had been killed") == "army's spokesman"


def test_a_guest_the_label_describes_speaks_for_themselves_and_a_signed_off_reporter_for_the_programme():
    text = ("HOST (Lena Varga): Good evening. Our reporter has been at the hospital.\n\n"
            "OKONJO: Lena, the wards are full. 14 people died overnight in the town.\n\n"
            "HOST: Peter Okonjo in Goma. We also reached a surgeon there.\n\n"
            "DR. MIRIAM ADE (Heal Africa Hospital): We have received 54 wounded since Sunday.\n\n"
            "HOST: Thank you.")
    assert speaker_of(text, "We have received 54 wounded") == "MIRIAM ADE"
    assert speaker_of(text, "14 people died") is None  # the programme's own report


# --- round 61: indirect speech that runs on, information received from a source -------------------------------

def test_indirect_speech_runs_on_through_sentences_shifted_into_the_past_perfect():
    text = ("4. The representative of Ruritania said that his Government had asked for the meeting. Villages near "
            "the border had come under fire on Sunday, and 12 soldiers had been killed. The Council took note.")
    assert speaker_of(text, "12 soldiers had been killed") == "representative of Ruritania"
    assert speaker_of(text, "The Council took note") is None


def test_according_to_information_received_from_a_source_credits_the_source():
    text = ("According to information received from the provincial governor, at least 40 villagers had been killed "
            "in the raid.")
    assert speaker_of(text, "at least 40 villagers") == "provincial governor"


# --- round 67: 'One woman in ..., Name, told me' -------------------------------------------------------------

def test_one_person_placed_by_prepositions_is_named_in_the_aside_after():
    text = "One woman in the north of the city, Hanan Idris, told me that 12 people had been killed on her street."
    assert speaker_of(text, "12 people") == "Hanan Idris"


# --- round 90: a hospital, a clinic or a morgue that speaks for itself --------------------------------------

def test_a_hospital_named_by_its_kind_and_town_speaks_as_that_hospital_not_the_town():
    text = "The district hospital in Mandera said it had treated 23 wounded people overnight."
    assert speaker_of(text, "23 wounded") == "district hospital in Mandera"
    text = "The mission hospital at Lodwar, in Turkana, says it admitted 85 wounded fighters."
    assert speaker_of(text, "85 wounded") == "mission hospital at Lodwar"


def test_a_citys_morgue_speaks_as_the_morgue_not_the_city():
    text = "Nairobi's central morgue said it had received 19 bodies by evening."
    assert speaker_of(text, "19 bodies") == "Nairobi's central morgue"


def test_people_working_at_or_for_a_hospital_still_speak_for_it():
    # (guards: the person before the hospital is the source)
    assert speaker_of("A doctor at the hospital in Mandera said 23 people were wounded.", "23 people") == "doctor"
    assert speaker_of("A spokesman for the hospital in Mandera said 23 people were wounded.", "23 people") == \
        "spokesman for the hospital in Mandera"
    assert speaker_of("Nurses at the main clinic in Goz Beida said 40 people had been wounded.", "40 people") == \
        "Nurses at the main clinic in Goz Beida"


# --- round 109: whoever sets a toll at a figure gives it ------------------------------------------------

def test_the_subject_that_puts_a_toll_at_a_figure_is_its_source_whatever_its_noun():
    assert speaker_of("Exiles and dissidents have put the toll as high as 200.", "200") == "Exiles and dissidents"
    assert speaker_of("Rebel publicity puts the number of prisoners at 13,000 or more.", "13,000") == \
        "Rebel publicity"
    assert speaker_of("The brigade's return placed its losses at 61 killed.", "61") == "brigade's return"


def test_an_estimate_named_by_its_authors_is_theirs():
    assert speaker_of("Lebanese police estimates put the number of people killed at 30,000.", "30,000") == \
        "Lebanese police"


def test_a_verb_that_sets_no_toll_makes_no_unknown_noun_a_source():
    assert speaker_of("Heavy rains put pressure on the dams, and 40 people were killed.", "40") is None


def test_a_figure_quoted_in_a_few_words_is_given_by_the_sentence_that_quotes_it():
    assert speaker_of('A company official had put the missing at "about 200."', "about 200") == "company official"
    assert speaker_of('"Forty people died here."', "Forty") is None


def test_an_adjective_after_the_estimate_verb_does_not_make_the_verb_a_noun():
    assert speaker_of("Officials put military deaths at 300.", "300") == "Officials"
    assert speaker_of("Kaduna state police spokesman Yakubu Sabo said 12 people were killed.", "12") == \
        "Yakubu Sabo"


# --- round 110: a figure a source fears, believes or thinks is theirs ------------------------------------

def test_a_figure_a_source_fears_or_believes_is_the_sources():
    assert speaker_of("Officials fear about 10,000 people died in the port alone.", "10,000") == "Officials"
    assert speaker_of("Some relief officials believe the toll may be as high as 8,000.", "8,000") == "relief officials"
    assert speaker_of("The provincial government fears that as many as 40 villagers died.", "40") == \
        "provincial government"
    assert speaker_of("Police think 12 people died in the blaze.", "12") == "Police"


def test_people_feared_or_believed_dead_are_no_ones_belief_but_the_articles():
    assert speaker_of("Twelve people are feared dead after the blast.", "Twelve") is None
    assert speaker_of("Thirty miners are believed to have died underground.", "Thirty") is None


# --- round 111: a body's place set off by commas; "the daily" is a newspaper -------------------------------

def test_a_place_set_off_by_commas_after_a_body_only_says_where_the_body_is():
    assert speaker_of("Mercy Hospital, Kampala, said last night that it had admitted 48 of the wounded.", "48") == \
        "Mercy Hospital"
    assert speaker_of("The Red Cross office, Goma, said 12 people were killed.", "12") == "Red Cross office"


def test_a_person_or_a_group_named_after_a_noun_is_still_the_one_who_speaks():
    assert speaker_of("The army spokesman, Colonel Omar Haddad, said 12 people were killed.", "12") == "Omar Haddad"
    assert speaker_of("The armed group, Hamas, said 12 people were killed.", "12") == "Hamas"


def test_a_daily_or_a_weekly_is_a_newspaper_that_speaks_by_its_name():
    assert speaker_of("At least 94 people were killed, according to the Urdu-language daily Jang.", "94") == "Jang"
    assert speaker_of("At least 94 people were killed, the weekly Tempo reported.", "94") == "Tempo"
    assert speaker_of("The lists are updated daily, officials said, and 94 people were killed.", "94") == "officials"


# round 125: a fact line that closes on its source in brackets

def test_a_fact_line_closing_on_its_source_in_brackets_is_that_sources():
    text = ("KEY FIGURES\n"
            "• 35 killed in the shelling of Maru market, 3 May (OCHA, provisional)\n"
            "• 120 wounded in Maru (Health Ministry)\n")
    assert speaker_of(text, "35 killed") == "OCHA"
    assert speaker_of(text, "120 wounded") == "Health Ministry"


def test_a_short_form_in_brackets_names_the_body_before_it_not_a_source():
    text = "At least 12 people were killed in clashes with the Rapid Support Forces (RSF)."
    assert speaker_of(text, "12 people") is None


def test_what_an_inquiry_found_is_the_inquirys_figure():
    text = ("The Harbour Riots Commission delivered its report on Monday. It found that 212 "
            "people were killed in the four days of rioting. The panel concluded that at least 40 had died in "
            "police custody.")
    assert speaker_of(text, "212 people were killed") == "Harbour Riots Commission"
    assert speaker_of(text, "at least 40 had died") == "panel"


def test_bodies_named_in_the_plural_speak_as_one_does():
    text = "Survivors' committees say between 30 and 35 people died in the church. Village councils put the toll at 41."
    assert speaker_of(text, "between 30 and 35") == "Survivors' committees"
    assert speaker_of(text, "41") == "Village councils"


def test_what_someone_found_with_no_that_is_no_ones_figure():
    text = "Army headquarters said patrols had found the bodies of 30 intruders near the ridge."
    assert speaker_of(text, "30 intruders") == "Army headquarters"


def test_a_rank_inside_a_bodys_name_is_no_persons_title():
    text = ("The Syndicate of Private Hospitals said 40 people had died. A spokesman for the Association of Private "
            "Clinics said 12 more were missing. A General Staff spokesman said 9 soldiers were wounded.")
    assert speaker_of(text, "40 people") == "Syndicate of Private Hospitals"
    assert speaker_of(text, "12 more") == "spokesman for the Association of Private Clinics"
    assert speaker_of(text, "9 soldiers") == "General Staff spokesman"
    assert speaker_of("General Romeo Dallaire said 40 people had died.", "40 people") == "Romeo Dallaire"


def test_people_at_a_named_hospital_are_known_by_the_whole_of_its_name():
    text = ("Staff at the Gabriel Toure hospital said they had received nine wounded. Doctors at the Point G "
            "hospital said 14 people were being treated.")
    assert speaker_of(text, "nine wounded") == "Staff at the Gabriel Toure hospital"
    assert speaker_of(text, "14 people") == "Doctors at the Point G hospital"
    royal = "Doctors at the Prince Regent Charles hospital said seven people had died."
    assert speaker_of(royal, "seven people") == "Doctors at the Prince Regent Charles hospital"


def test_a_statement_issued_later_by_a_body_speaks_for_that_body():
    text = ('A statement issued later by the Northern Command went further. "The depot was a lawful target and was '
            'struck as one," it said.')
    assert quote_speakers(text) == ["Northern Command"]


def test_a_front_named_by_its_cause_is_a_body_that_speaks():
    text = "A Christian solidarity front says more than 300 people have died in the district."
    assert speaker_of(text, "more than 300") == "Christian solidarity front"


def test_a_source_cited_at_the_end_of_the_sentence_gives_the_figure_the_reporter_relays():
    text = "The agency said more than 2,000 people had been killed in the fighting since March, citing aid agencies."
    assert speaker_of(text, "more than 2,000") == "aid agencies"
    own = "Human rights groups say that between 200 and 300 people died, citing witness accounts."
    assert speaker_of(own, "between 200 and 300") == "Human rights groups"


def test_the_agency_after_a_news_agency_that_quoted_a_body_is_the_news_agency():
    text = ("Tanjug quoted the Red Cross as saying its hospitals had admitted 37 wounded. The agency said more than "
            "900 people had been killed in the fighting since May.")
    assert speaker_of(text, "more than 900") == "Tanjug"
    assert speaker_of(text, "37 wounded") == "Red Cross"


def test_a_fact_line_may_credit_a_body_named_in_lower_case():
    text = ("KEY FIGURES\n"
            "- At least 41 people dead and 12 missing in three provinces (provincial authorities)\n"
            "- 300 houses destroyed (estimated)\n"
            "- 17 wounded in Ostra (police)\n")
    assert speaker_of(text, "41 people dead") == "provincial authorities"
    assert speaker_of(text, "12 missing") == "provincial authorities"
    assert speaker_of(text, "17 wounded") == "police"


def test_a_belief_in_the_past_tense_with_that_is_its_holders_and_its_passive_is_nobodys():
    text = "Earlier in the day, police had feared that as many as 22 residents were dead."
    assert speaker_of(text, "22 residents") == "police"
    text = "Rescuers believed that 40 miners were still trapped below. Two climbers were feared dead."
    assert speaker_of(text, "40 miners") == "Rescuers"
    assert speaker_of(text, "Two climbers") is None


def test_a_monitored_items_commentary_speaks_for_the_outlet_on_its_source_line_not_for_the_heading_over_it():
    text = ("2. Radio recalls the Lowland agreement\n"
            "Varnian home service in English 0230 gmt 10 May 89\n"
            "Commentary (excerpt): Before that agreement, army columns lost 11 men killed and 26 wounded, the "
            "commentary said.\n")
    assert speaker_of(text, "11 men") == "Varnian home service"
    assert speaker_of(text, "26 wounded") == "Varnian home service"


def test_a_headline_in_capitals_that_opens_on_its_topic_names_no_source():
    text = "HARBOUR FIRE: OFFICIAL TOLL RAISED TO 86\n\nThe fire began on Friday."
    assert speaker_of(text, "86") is None
    text = "RED CROSS: TOLL RAISED TO 86\n\nThe fire began on Friday."
    assert speaker_of(text, "86") == "RED CROSS"


def test_a_monitored_items_title_right_over_its_source_line_is_that_items():
    text = ("[1] ARMY STATEMENT\n"
            "Varnian home service in Varnian 1630 gmt 9 Sep 78\n"
            "The army said order had been restored in the capital.\n\n"
            "[2] DEATH TOLL RISES TO 86\n"
            "Lowland news agency in English 0905 gmt 10 Sep 78\n"
            "Text: The number of dead in Friday's incidents has risen to 86.\n")
    assert speaker_of(text, "86\n") == "Lowland news agency"


def test_the_radio_in_a_monitored_items_text_is_the_outlet_on_its_source_line():
    text = ("[4] REBEL RADIO: \"OVER 3,000 MARTYRS\"\n"
            "Voice of the Free Coast in Varnian 1730 gmt 9 Sep 78\n\n"
            "In a commentary the radio said more than 3,000 people had been killed in the capital on Friday.\n")
    assert speaker_of(text, "more than 3,000") == "Voice of the Free Coast"
    text = ("(1) TALKS\n"
            "Radio Lowland, Asel, in Varnian 1730 gmt 1 Dec 90\n\n"
            "The radio said talks had ended.\n\n"
            "(2) REBELS SPEAK\n\n"
            "Voice of the Free Coast, in Varnian 0500 gmt 2 Dec 90\n\n"
            "The rebels will stop fighting, the radio said.\n\n"
            "The radio said rebel forces had killed 27 soldiers last week.\n")
    assert speaker_of(text, "27 soldiers") == "Voice of the Free Coast"


def test_a_monitored_items_title_a_blank_line_over_its_source_line_is_that_items():
    text = ("(1) TALKS END\n\n"
            "Radio Lowland, Asel, in Varnian 1730 gmt 1 Dec 90\n\n"
            "The radio said talks had ended.\n\n"
            "(2) REBELS: \"12 SOLDIERS KILLED\"\n\n"
            "Voice of the Free Coast, in Varnian 0500 gmt 2 Dec 90\n\n"
            "Text of report: Our forces killed 12 soldiers.\n")
    assert speaker_of(text, "12 SOLDIERS") == "Voice of the Free Coast"


def test_a_text_with_no_author_in_a_monitored_item_is_the_outlets():
    text = ("(4) ATTACK ON TRAIN\n\n"
            "Radio Lowland, Asel, in Varnian 1030 gmt 2 Dec 90\n\n"
            "Rebels attacked a train near Ostra at 0300 today, killing 11 civilians. A commentary said 11 "
            "deaths showed \"the true face of those who sign papers abroad\".\n")
    assert speaker_of(text, "11 deaths") == "Radio Lowland"
    assert quote_speakers(text) == ["Radio Lowland"]


def test_a_source_line_that_names_its_city_first_names_the_outlet_after_it():
    text = ("Cairo, Voice of the Arabs 1500 GMT 11.6.67\n\n"
            "A commentary said 40 soldiers had been killed on the canal.\n")
    assert speaker_of(text, "40 soldiers") == "Voice of the Arabs"


def test_clubs_and_schools_speak_as_bodies():
    text = ("A Perth football club, on an end-of-season trip, said seven of its players were dead or missing. "
            "A Sydney rugby league club said six of its members were among the missing.")
    assert speaker_of(text, "seven of its players") == "Perth football club"
    assert speaker_of(text, "six of its members") == "Sydney rugby league club"
    assert speaker_of("The school said 14 pupils were hurt.", "14 pupils") == "school"


def test_a_body_described_then_named_between_commas_is_the_named_body_even_when_a_participle_speaks():
    text = ("A Vienna-based group, the Danube Refugees' Committee, went further than anyone, saying as many as "
            "10,000 people might have died.")
    assert speaker_of(text, "as many as 10,000") == "Danube Refugees' Committee"


def test_an_outlet_citing_people_it_places_somewhere_is_not_relaying_the_place():
    text = "The news agency Tanjug, citing travellers arriving in Zagreb, said more than 2,000 were killed."
    assert speaker_of(text, "more than 2,000") == "Tanjug"


# --- round 167 ------------------------------------------------------------------------------------------------------

def test_the_statement_brought_in_earlier_speaks_for_whoever_gave_it():
    text = ("In a statement e-mailed to the agency from the movement's office in Geneva, the general staff of the "
            "Northern Front said its units would hold their positions.\n\n"
            "The first truce began on 13 April, for four weeks, in answer to the appeal that UN Secretary-General "
            "Anna Lind made in March. That period ran out on Monday, and the movement said its fighters had held their fire "
            "since.\n\n"
            "\"We stopped because the flood does not ask whose village it is,\" the statement said.\n\n"
            "The statement said seven soldiers of the other side had been killed in May.")
    assert quote_speakers(text) == ["general staff of the Northern Front"]
    assert speaker_of(text, "seven soldiers") == "general staff of the Northern Front"


def test_a_body_named_after_a_back_reference_in_its_sentence_is_not_what_it_refers_to():
    text = ("The Northern Front said on Monday it would extend its truce. The Federal Army said it had seen no "
            "truce.\n\n"
            "The front said the Federal Army had killed five civilians in May.")
    assert speaker_of(text, "five civilians") == "Northern Front"


def test_an_estimate_given_by_its_agent_before_the_figure_is_the_agents():
    text = "Red Army losses since July 29 were given by the Soviet command as 236 killed and 611 wounded."
    assert speaker_of(text, "236 killed") == "Soviet command"


def test_a_place_after_in_is_not_the_subject_of_the_verb_after_it():
    text = ("According to the state news agency, a paper read to the seismological society at its meeting in "
            "Dalian reported that 242,769 people were killed.")
    assert speaker_of(text, "242,769") == "state news agency"


def test_a_body_giving_a_figure_in_the_progressive_is_its_source():
    text = "By the time the shooting stopped, the Interior Ministry was giving a toll of 40."
    assert speaker_of(text, "toll of 40") == "Interior Ministry"


def test_the_trade_a_person_was_introduced_by_with_named_refers_back_to_that_person():
    text = ("I went with an interpreter, a teacher from Wum named Daniel Kum, to a school. A herdsman, Ibrahim "
            "Adamu, said he had woken on Friday to find his cattle dead.\n\n"
            "\"For years the old people said the lake has a spirit that kills,\" the teacher said.")
    assert quote_speakers(text) == ["Daniel Kum"]


@pytest.mark.parametrize("subject, speaker", [
    ("Local councillors", "Local councillors"), ("Two senators", "senators"), ("The mayors of both towns", "mayors")])
def test_elected_people_speak_as_a_group(subject, speaker):
    text = f"{subject} have said more than 100 people died in the palace compound."
    assert speaker_of(text, "more than 100") == speaker


def test_an_estimate_of_a_sides_own_losses_with_no_agent_is_that_sides():
    text = "The army's own losses are given as 13 soldiers killed and 26 wounded."
    assert speaker_of(text, "13 soldiers") == "army"


def test_one_of_a_named_group_after_said_is_its_speaker():
    text = ("Western diplomats here estimate that several thousand men have been killed.\n\n"
            "\"They have taken what they wanted,\" said one Western diplomat.")
    assert quote_speakers(text) == ["Western diplomat"]


@pytest.mark.parametrize("headline, figure, speaker", [
    ("Havana Claims 900 Captured", "900", "Havana"),
    ("Army Says 40 Killed in Ambush", "40", "Army"),
    ("Police Say 12 Dead After Market Blast", "12", "Police"),
])
def test_a_title_case_headline_credits_its_subject(headline, figure, speaker):
    text = f"{headline}\n\nMIAMI, April 21 (UPI)--Exile leaders conceded tonight that the landing had failed."
    assert speaker_of(text, figure) == speaker
