"""Speakers by class of news language (issue: speaker accuracy on unseen text): texts that speak for
whoever issued them, groups named by common nouns, and quotations introduced by a colon. Sentences
written for the tests."""
from claims.extraction.quotes import find_quote_claims
from claims.extraction.speakers import statement_speaker
from claims.extraction.text import segment


def speaker_of(text, phrase):
    speaker = statement_speaker(segment(text), text.index(phrase))
    return speaker.name if speaker else None


def quote_speakers(text):
    return [(c.speaker.name if c.speaker else None) for c in find_quote_claims(segment(text))]


# a statement speaks for the issuer its own phrase names

def test_a_statement_from_a_named_body_speaks_for_the_body():
    text = ("\"Peace that forgets the dead will not last,\" said a statement from the Valley Lawyers' Union, "
            "a group in Tarn that says nine of its members were shot last year.")
    assert quote_speakers(text) == ["Valley Lawyers' Union"]
    assert speaker_of(text, "nine of its members") == "Valley Lawyers' Union"


def test_a_body_named_before_the_word_statement_issued_it():
    text = "A Harbour Authority statement thanked the navy and urged \"every vessel to keep to the cleared lanes\"."
    assert quote_speakers(text) == ["Harbour Authority"]


def test_a_joint_statement_by_a_group_of_people_speaks_for_them():
    text = "A joint statement by regional partners asked the two armies to \"stop the shelling and return to talks\"."
    assert quote_speakers(text) == ["regional partners"]


# groups of people and sides named by common nouns

def test_a_side_speaks_for_its_army():
    assert speaker_of("The Serb side said four of its soldiers died near the bridge.", "four of") == "Serb side"


def test_researchers_guards_and_partners_are_groups_that_report():
    assert speaker_of("Rights researchers recorded at least 19 people killed in the raids.", "19 people") == \
        "Rights researchers"
    assert speaker_of("Coast guards said two of their crew had been wounded by gunfire.", "two of their") == \
        "Coast guards"
    assert speaker_of("Foreign partners said 30 aid workers had gone missing.", "30 aid") == "Foreign partners"


# quotations introduced by a colon

def test_a_quotation_after_a_colon_and_a_full_stop_is_not_the_next_subjects():
    text = ("A cabinet adviser, Omar Selim, told me early this morning: \"They came to seize power and they lost. "
            "There is nothing to talk about.\" The interior ministry, for its part, says the curfew will stay.")
    assert quote_speakers(text) == ["Omar Selim"]


def test_a_verbless_comment_line_names_its_source_after_from():
    text = "Comment from Lena Ortiz, 58, in the hill town of Tula: \"We counted every shell until we could not.\""
    assert quote_speakers(text) == ["Lena Ortiz"]


def test_a_line_from_a_text_speaks_for_whoever_released_the_text():
    text = ("Here is the key line of the document released by the Kenyan presidency: \"Both parties shall cease "
            "all attacks by land and air.\"")
    assert quote_speakers(text) == ["Kenyan presidency"]


# where a body's name starts and ends

def test_a_rank_word_inside_a_bodys_name_is_no_title():
    text = "According to figures the Navy General Staff gave the commission, 41 sailors were killed."
    assert speaker_of(text, "41 sailors") == "Navy General Staff"
    text = "The FLT General Command said 6 fighters were captured."
    assert speaker_of(text, "6 fighters") == "FLT General Command"


def test_a_broadcaster_described_by_state_keeps_its_whole_name():
    assert speaker_of("Syrian state TV said 12 people had been killed in the strikes.", "12 people") == \
        "Syrian state TV"


def test_people_at_a_named_hospital_are_named_with_it():
    text = "Doctors at Kiri General Hospital said at least 40 people had been wounded."
    assert speaker_of(text, "40 people") == "Doctors at Kiri General Hospital"


def test_and_inside_a_movements_name_joins_no_two_speakers():
    text = "The Justice and Renewal Movement (JRM) said 9 of its fighters had died."
    assert speaker_of(text, "9 of its") == "Justice and Renewal Movement (JRM)"


# pronouns: salience by subject role and agreement

def test_a_name_inside_a_fronted_place_phrase_is_not_the_subject_she_refers_to():
    text = ("Shelter visit\n\nAt the Kimbi Hill camp for the displaced, run by Caritas, Ruth Achieng, 23, held up "
            "her bandaged hand.\n\n\"They came at night and burnt everything,\" she said.")
    assert quote_speakers(text) == ["Ruth Achieng"]


def test_a_body_that_only_describes_a_leader_is_not_who_he_is():
    text = ("A senior Tula Hoho leader, Amos Wekesa, cautioned that three months was a short time. \"We have been "
            "here before, and it ended in fire,\" he told this correspondent.")
    assert quote_speakers(text) == ["Amos Wekesa"]


def test_a_man_described_by_a_place_name_is_a_person_he_can_refer_to():
    text = ("Sai Lwin, who runs a shop near the market, said prices had doubled.\n\nA Marib man who returned to "
            "Sirwah this week, and who asked that his name not be used, described streets with no power. \"My house "
            "is standing but everything inside has been taken,\" he told the Observer by phone.")
    assert quote_speakers(text) == ["Marib man"]


def test_she_prefers_the_woman_over_a_reporter_of_unknown_gender():
    text = ("Our reporter in Aden spoke to Umm Salem Nasser, whose son was hurt on Friday.\n\n\"He only went to "
            "buy bread,\" she said.")
    assert quote_speakers(text) == ["Umm Salem Nasser"]


def test_a_role_opening_with_its_bodys_name_after_a_person_is_an_appositive():
    text = ("Col. Marta Ilic, Navcom deputy commander, told reporters the order went out at noon. \"Anyone who "
            "fires first will answer to me,\" she said.")
    assert quote_speakers(text) == ["Marta Ilic"]


# a text no one is named with speaks for who issued it in the sentence

def test_a_statement_named_after_the_speaker_in_the_sentence_speaks_for_them():
    text = ("The mediators of the Lake Group called for \"an end to all shelling and a return to talks\", "
            "according to a statement issued in Geneva.")
    assert quote_speakers(text) == ["mediators of the Lake Group"]


def test_a_statement_issued_by_the_subject_speaks_for_the_subject():
    text = ("The African Union Council met in Addis Ababa on Friday and later issued a statement condemning "
            "\"every attack on the civilians of the valley\".")
    assert quote_speakers(text) == ["African Union Council"]


def test_a_statement_posted_by_a_body_that_said_in_it():
    text = ("The Kachin Defence Army, which holds the pass, said in a statement posted on its channel at 8 p.m. that "
            "3 of its fighters had been killed.")
    assert speaker_of(text, "3 of its") == "Kachin Defence Army"


# quotations inside a reported clause

def test_a_quotation_in_the_clause_a_spokesman_reports_is_his_wording():
    text = ("A Tula Front official in Varna said the group had promised only \"to hold fire as long as the army "
            "holds its own\".")
    assert quote_speakers(text) == ["Tula Front official in Varna"]


# an organisation's own release speaks in its voice

RELEASE = ("PRESS RELEASE\n\nValley Relief Network welcomes the truce in Kaso\n\nMarsa, 3 May 2024 - The Valley Relief "
           "Network, a group of 30 aid agencies, welcomes the ceasefire that took effect at 06:00 on Friday.\n\n"
           "Member clinics of the Network treated 140 wounded people in April alone. Two of our own drivers have "
           "been missing since March.\n\n\"We will count every day of calm,\" said Ana Ruiz, the Network's director.")


def test_a_release_that_opens_in_its_issuers_voice_speaks_for_the_issuer():
    assert speaker_of(RELEASE, "140 wounded") == "Valley Relief Network"
    assert speaker_of(RELEASE, "Two of our own") == "Valley Relief Network"
    assert speaker_of(RELEASE, "took effect at 06:00") == "Valley Relief Network"


def test_a_release_still_credits_the_sources_it_names():
    assert quote_speakers(RELEASE) == ["Ana Ruiz"]
    text = RELEASE.replace("Two of our own drivers have been missing since March.",
                           "Police said 12 people were killed in the market.")
    assert speaker_of(text, "12 people") == "Police"


def test_an_information_office_reporting_in_the_past_keeps_its_own_voice():
    text = ("Press Release\n\nUN WELCOMES TRUCE\n\nThe United Nations today welcomed the truce signed in Marsa by the "
            "two armies.\n\nThe truce took effect at 06:00 on Friday, and 14 soldiers were killed in the week before.")
    assert speaker_of(text, "14 soldiers") is None


def test_a_news_story_whose_lead_is_in_the_present_is_no_release():
    text = ("The UN refugee agency welcomes the truce, which took effect on Friday.\n\n"
            "Fighting in the week before killed 14 soldiers.")
    assert speaker_of(text, "14 soldiers") is None


# interview transcripts: the answer is the labelled person's

INTERVIEW = ("Army briefs on truce\n\nExcerpts from the briefing at army headquarters.\n\n"
             "SPOKESMAN COL MARIA ELENA SOTO: The truce runs from 1200H on 3 May. All units were told.\n\n"
             "Q: Were there clashes before it?\n\n"
             "SOTO: In the week before, 9 soldiers were killed in the hills. The rebels said they lost 20 men.")


def test_an_answer_in_an_interview_transcript_is_the_labelled_persons():
    assert speaker_of(INTERVIEW, "9 soldiers") == "MARIA ELENA SOTO"
    assert speaker_of(INTERVIEW, "1200H") == "MARIA ELENA SOTO"


def test_a_source_the_answer_names_keeps_its_statement():
    assert speaker_of(INTERVIEW, "20 men") == "rebels"


def test_a_correspondents_report_to_a_host_keeps_the_programmes_voice():
    text = ("HOST: What happened overnight?\n\nSANDOVAL: The truce held. In the week before, 9 soldiers were "
            "killed in the hills.\n\nHOST: Ana Sandoval in Tula, thank you.")
    assert speaker_of(text, "9 soldiers") is None


# 'according to' closing the sentence credits a figure in a relative clause

def test_according_to_at_the_end_credits_the_figure_in_the_clause_a_frame_only_introduces():
    text = ("The Red Crescent recalls that in May 2021 a truce ended eleven days of fighting in which 250 people "
            "were killed, including 66 children, according to the Gaza health ministry.")
    assert speaker_of(text, "250 people") == "Gaza health ministry"
    assert speaker_of(text, "66 children") == "Gaza health ministry"


def test_a_frame_whose_figure_is_its_own_keeps_it_before_a_later_according_to():
    text = "The Red Crescent said 40 people were hurt on Friday, according to a report by Radio Tula."
    assert speaker_of(text, "40 people") == "Red Crescent"


# welcoming as a way of speaking; bodies described by an appositive

def test_a_body_that_welcomed_something_as_a_quoted_phrase_said_it():
    text = ("The Serbian interior ministry welcomed the accord as \"a first step towards a lasting settlement\", "
            "and diplomats will meet today.")
    assert quote_speakers(text) == ["Serbian interior ministry"]


def test_a_name_described_as_a_group_is_the_group_referred_back_to():
    text = ("The Tigers said they would honour the truce. More than 300 people have died this year, according to "
            "Samtal, the Norwegian rights group. Eleven soldiers, among them four officers, were killed in the "
            "same period, the group said.")
    assert speaker_of(text, "Eleven soldiers") == "Samtal"


def test_a_dateline_before_a_dash_is_no_subject():
    text = "Marsa, 3 May 2024 - The Valley Relief Network, a group of 30 aid agencies, said 14 people were hurt."
    assert speaker_of(text, "14 people") == "Valley Relief Network"


# "the communiqué", "the party", "the outfit": back to the body meant

def test_the_communique_speaks_for_the_subject_of_the_sentence_that_mentioned_it():
    text = ("Officials in Tula blamed the hunters' militia Kora Fara for the raid. The militia, in a communique "
            "sent to journalists, rejected the accusation.\n\n\"We have never attacked a village and never will,\" "
            "the communique said.")
    assert quote_speakers(text) == ["Kora Fara"]


def test_the_communique_speaks_for_the_body_that_just_spoke_in_its_paragraph():
    text = ("The separatist group Ordo said today it would halt its campaign.\n\nThe group said its aim was "
            "\"to open a new stage\". The truce would run \"from 00:00 on 2 May until further notice\", the "
            "communique said.")
    assert quote_speakers(text)[-1] == "Ordo"


def test_the_party_and_the_outfit_refer_back_to_the_body_named_before():
    text = ("The Naga People's Council (NPC) said it would observe the truce. The party said 4 of its cadres had "
            "been killed.")
    assert speaker_of(text, "4 of its") == "Naga People's Council (NPC)"
    text = ("The Kuki Liberation Front said it would observe the truce. The outfit said 6 of its cadres had "
            "been killed.")
    assert speaker_of(text, "6 of its") == "Kuki Liberation Front"


def test_a_capital_standing_for_its_government_is_no_militia():
    text = ("Bamako announced the dissolution of the hunters' association Dan Fara, which witnesses blamed. The "
            "militia said 3 of its men had been killed by soldiers.")
    assert speaker_of(text, "3 of its") == "Dan Fara"


# nouns that look like verbs; a name before "of the" body

def test_a_plural_noun_after_a_nationality_is_no_reporting_verb():
    text = ("The army said rebel forces attacked Ruvanian posts at around 4am and that between 15 and 20 attackers "
            "were killed in the response.")
    assert speaker_of(text, "between 15 and 20") == "army"


def test_a_person_named_before_of_the_body_is_the_speaker_not_the_bodys_last_word():
    text = ("\"This time the villages will report every violation to us,\" said Rosa Elena Pardo of the Frente "
            "Civico por la Paz, a civic coalition.")
    assert quote_speakers(text) == ["Rosa Elena Pardo"]


def test_a_name_after_a_body_in_a_compass_region_is_the_bodys():
    text = ("The UN force in the north, Minuka, said in a statement that \"the people of this valley have paid "
            "too high a price\".")
    assert quote_speakers(text) == ["Minuka"]


def test_a_participle_describing_the_truce_is_no_frame_of_its_own():
    text = ("West African peacekeepers of the Wafor force say the truce, agreed at a summit in the Togolese capital "
            "Lome on Saturday, took effect at 1800 GMT on Tuesday, and that they had recorded no violations.")
    assert speaker_of(text, "took effect") == "West African peacekeepers of the Wafor force"


def test_said_one_is_one_of_the_group_just_named():
    text = ("Western diplomats remain wary. \"This valley has seen more truces than harvests,\" said one, speaking "
            "on condition of anonymity.")
    assert quote_speakers(text) == ["Western diplomats"]


def test_a_negotiator_who_read_the_words_out_speaks_them():
    text = ("The rebels announced the truce on Wednesday from Havana.\n\n\"We have ordered every unit to stop. If we "
            "are bombed, the truce ends,\" rebel negotiator Ana Morales read at a news conference.")
    assert quote_speakers(text) == ["Ana Morales"]


def test_a_place_after_a_participle_is_not_the_body_that_speaks():
    text = ("The rebel wing led from Kigoma told the radio that its fighters would hold fire \"from the first hour "
            "of Wednesday\".")
    assert quote_speakers(text) == ["rebel wing"]


def test_there_between_a_subject_and_its_verb_leaves_the_subject():
    assert speaker_of("Local officials there say about 300 residents are dead or missing.", "about 300") == \
        "Local officials"


# the owner of the truce or of the forces halting

def test_a_bodys_own_truce_is_its_announcement():
    text = "Recap: the Kremlin's truce began at 00:00 Moscow time on Thursday and runs until Sunday."
    assert speaker_of(text, "began at 00:00") == "Kremlin"


def test_a_countrys_own_truce_stays_in_the_articles_voice():
    text = "Recap: Turkey's own ceasefire took effect at 6pm on August 16th, and the line has held since."
    assert speaker_of(text, "took effect") is None


def test_its_troops_were_ordered_to_halt_credits_the_body_its_refers_to():
    text = ("Wafor, which leads the peacekeepers, said it would respect the truce. Its troops were ordered to stop "
            "offensive patrols from 1800 GMT on Sunday.")
    assert speaker_of(text, "from 1800 GMT") == "Wafor"


def test_a_group_of_people_before_who_declared_is_its_subject():
    text = ("Republican paramilitaries, who declared their own ceasefire from midnight on October 3rd, said through "
            "an intermediary that they would wait.")
    assert speaker_of(text, "from midnight") == "Republican paramilitaries"


def test_it_after_two_speaking_clauses_is_the_nearer_speaker():
    text = ("Kora has denied attacking, and Tarn's defence ministry accused Kora of staging a quarrel it described "
            "as \"invented from beginning to end.\"")
    assert quote_speakers(text) == ["Tarn's defence ministry"]


def test_a_statement_that_thanked_a_named_body_and_called_on_parties_speaks_for_its_issuer():
    text = "A Harbour Council statement thanked UNMIK and called on \"every party to respect the accord in full\"."
    assert quote_speakers(text) == ["Harbour Council"]


def test_a_body_that_repeated_its_position_speaks_and_goes_on_speaking():
    text = ("13:50 - Tarn's foreign ministry repeated that Marsa was ready for a full 30-day truce \"starting any "
            "day\", and called the three-day pause \"a show put on for the parade\".")
    assert quote_speakers(text) == ["Tarn's foreign ministry", "Tarn's foreign ministry"]


def test_fighters_who_were_ordered_to_stop_leave_the_reporter_as_source():
    text = ("A spokesman for the rival Kurdish Front said in Ankara that the KF's fighters were ordered to stop "
            "shooting at midnight Wednesday.")
    assert speaker_of(text, "at midnight") == "Kurdish Front"


# halting verbs: who suspended or extended operations from a time

def test_a_command_that_suspended_operations_from_a_time_is_the_source_of_that_start():
    text = ("The Mission notes that the truce began when the FLT General Command suspended offensive actions from "
            "00:00 hours on 20 March.")
    assert speaker_of(text, "from 00:00") == "FLT General Command"


def test_a_leader_who_extended_the_truce_from_a_time_is_its_source():
    text = ("The rebel leader, Tomas Vane, told journalists on Tuesday that his men would observe a seven-day "
            "truce.\n\nOn January 3 he extended it by 60 days, starting at 0001 hours on January 4. On March 3 he "
            "added another 60 days.")
    assert speaker_of(text, "starting at 0001") == "Tomas Vane"


def test_a_truce_that_was_extended_names_no_one():
    text = "The truce, which took effect at 00:00 on 5 July, was extended on 19 July until 3 August."
    assert speaker_of(text, "took effect") is None


def test_a_finite_verb_in_ed_is_no_participle_placing_the_subject():
    text = ("Police reported one incident since the truce began: suspected rebels fired on a police post near Tula "
            "at 4:30 am on Sunday, wounding two constables.")
    assert speaker_of(text, "two constables") == "Police"


def test_its_commander_belongs_to_the_body_opening_the_same_sentence():
    text = ("The Free Tula Movement ordered its fighters to stop at 00:00.\n\nThe army took a different line: its "
            "commander in the province told units to halt offensive operations from 12.00 WIB that day.")
    assert speaker_of(text, "from 12.00") == "army's commander in the province"


def test_a_body_before_which_said_is_its_subject():
    text = ("The Shabab group claimed the raid through its Andalus news agency, which said its fighters had "
            "killed more than 30 soldiers.")
    assert speaker_of(text, "more than 30") == "Shabab group's Andalus news agency"


def test_a_bracket_written_onto_a_name_is_part_of_it():
    text = ("In a statement faxed to newspapers, the KNF(MB) said its cadres would observe the truce. The outfit "
            "described it as \"the first step towards an honourable settlement\".")
    assert quote_speakers(text) == ["KNF(MB)"]


def test_an_offices_topic_after_on_the_is_part_of_its_name():
    text = ("The war has killed 9,000 people, according to estimates cited by the Office of the Special Envoy on "
            "the Lake Region.")
    assert speaker_of(text, "9,000") == "Office of the Special Envoy on the Lake Region"
    assert speaker_of("About 40 people died, according to the Council on Monday.", "40 people") == "Council"


def test_someone_pleased_to_confirm_a_start_is_its_source():
    text = "The Secretary-General is pleased to confirm that the truce entered into force at 0000 hours GMT today."
    assert speaker_of(text, "entered into force") == "Secretary-General"


def test_whose_statements_speak_for_the_antecedent():
    text = ("The ministry says 37 police have been killed. It has given no figure for the rebels, whose own "
            "statements have acknowledged at least 20 dead.")
    assert speaker_of(text, "at least 20") == "rebels"


# a survey's publisher; a figure whose clause names its author

def test_surveys_of_people_published_by_a_body_are_the_bodys():
    text = ("At least 2,100 people were killed in the first month, according to surveys of displaced families "
            "published on Thursday by the charity Medair.")
    assert speaker_of(text, "2,100") == "Medair"


def test_a_figure_which_a_body_calls_its_estimate_is_the_bodys_in_the_sentence():
    text = ("At least 2,100 people were killed, according to Medair. The figure, which Medair calls its most "
            "cautious estimate, covers one month and includes at least 300 children under five.")
    assert speaker_of(text, "300 children") == "Medair"


def test_a_name_with_the_word_for_its_kind_of_body_is_the_body_the_group_refers_to():
    text = ("The Tarn-linked Kobe group did not comment on the truce. A video released by the group on Friday "
            "claimed that more than 40 soldiers had been killed.")
    assert speaker_of(text, "more than 40") == "Tarn-linked Kobe group"


# a person described by a participle tying them to the talks ("a diplomat involved in the talks said")

def test_a_person_involved_in_the_talks_is_the_subject_and_his_pronoun_later():
    text = ("A doctor at the river clinic said the wards were full. A Nordic envoy involved in the talks, who "
            "asked not to be named, said the coming days would decide it. \"Hungry soldiers break truces,\" he said.")
    assert quote_speakers(text) == ["Nordic envoy"]


def test_a_mediator_engaged_in_the_negotiations_reports_the_toll():
    text = ("A nurse at the camp said food was short. A mediator engaged in the negotiations said eleven "
            "fighters were killed on Friday.")
    assert speaker_of(text, "eleven") == "mediator"


def test_a_capitalised_modifier_stays_with_the_person_before_where_they_work():
    text = "An OSCE medic at a checkpoint near Dorvan said four shells landed in the square on Sunday."
    assert speaker_of(text, "four shells") == "OSCE medic"


# occasions are no one: "a rally held for Labour Day" neither speaks nor is "she"

def test_an_occasion_named_before_a_pronoun_is_not_who_speaks():
    text = ("Our reporters spoke to families in the market town. Among them was a grandmother whose grandson was "
            "arrested at a rally held for Workers' Day. \"They took him from the bus,\" she told us.")
    assert quote_speakers(text) == ["grandmother"]


def test_a_feast_day_is_no_speaker_even_when_it_is_the_only_name():
    text = "Shelling stopped before Easter. \"We could sleep at last,\" she said."
    assert quote_speakers(text) == [None]


# a person the sentence introduces with "was a ... who": the later "she" or "he"

def test_a_man_introduced_with_was_a_and_who_is_the_later_he():
    text = ("The clinic treated dozens of wounded. Among them was a man who lost his brother in the raid. "
            "\"Nobody warned us,\" he said.")
    assert quote_speakers(text) == ["man"]


def test_a_named_nurse_still_speaks_when_her_patient_is_introduced_after_her():
    text = ("Rosa Ortiz, a nurse, said the ward was full. One of her patients was a man who had lost a leg. "
            "\"We ran out of gauze,\" she said.")
    assert quote_speakers(text) == ["Rosa Ortiz"]


# a role whose holder is named between commas: the later "he" is the named person, not the role

def test_a_spokesman_named_between_commas_is_the_later_he():
    text = ("A police spokesman in Tarbes, Captain Hugo Morel, told us that officers had arrested nine men. "
            "\"We will not stop,\" he said. He added that two officers were hurt.")
    assert quote_speakers(text) == ["Hugo Morel"]
    assert speaker_of(text, "two officers") == "Hugo Morel"


def test_a_name_addressed_before_a_named_role_is_not_the_later_he():
    text = ("HOST: What did the police say?\n\nREPORTER: Ines, a police spokesman in Tarbes, Captain Hugo Morel, "
            "told us that officers had arrested nine men. He added that two officers were hurt.")
    assert speaker_of(text, "two officers") == "Hugo Morel"


def test_a_participle_phrase_after_the_word_statement_describes_it_and_the_statement_speaks_later():
    text = ('A UN statement released in Geneva on Thursday said the two sides had agreed to "stop all '
            'hostilities from noon".')
    assert quote_speakers(text) == ["UN"]


def test_a_part_of_a_text_speaks_for_the_text_and_its_issuer():
    text = ('State radio read a statement of the Defence Council. It said the army would stop. The central passage '
            'read: "From 0600 hours on Friday our units will hold their fire."')
    assert quote_speakers(text) == ["Defence Council"]


def test_a_part_of_a_text_no_issuer_is_named_for_is_the_text_itself():
    text = ('The two leaders met in Lome, and a joint communique was read there this afternoon. The key line says '
            '"the truce shall become total and definitive."')
    assert quote_speakers(text) == ["joint communique"]


# a text named by the side that issued it: "the Finnish communique" is no name of an issuer

def test_a_communique_named_by_a_nationality_speaks_as_the_communique():
    text = "The Chilean communique said 14 soldiers had been killed near the pass on Tuesday."
    assert speaker_of(text, "14 soldiers") == "Chilean communique"


def test_a_nationality_with_a_body_word_before_the_text_keeps_both():
    text = '"Our units held their fire at the hour agreed," a Peruvian army communique said.'
    assert quote_speakers(text) == ["Peruvian army communique"]


def test_a_name_before_the_text_still_names_its_issuer():
    assert speaker_of("A Kremlin statement said 12 soldiers were wounded.", "12 soldiers") == "Kremlin"
    assert speaker_of("An Oxfam statement said 12 aid workers were missing.", "12 aid") == "Oxfam"


def test_a_wireless_station_speaks_as_a_radio_does():
    text = "The Budapest wireless said 300 rebels had been captured in the hills."
    assert speaker_of(text, "300 rebels") == "Budapest wireless"


# round 119: who issued a statement, a pair of bodies, and a time someone announced

def test_a_statement_issued_after_an_opening_adverbial_speaks_for_the_subject_that_issued_it():
    text = ("Four days later the Interior Ministry issued a statement describing a patrol ambushed near the border. "
            "It said six attackers were killed in the exchange.")
    assert speaker_of(text, "six attackers") == "Interior Ministry"


def test_the_two_bodies_are_the_two_bodies_named_before():
    text = ("The figures come from a report released by the Lakeside Monitoring Mission and the Regional Rights "
            "Office. \"Most of the victims were farmers,\" the two bodies said, adding that 48 people were killed.")
    assert quote_speakers(text) == ["Lakeside Monitoring Mission and the Regional Rights Office"]
    assert speaker_of(text, "48 people") == "Lakeside Monitoring Mission and the Regional Rights Office"


def test_two_agencies_with_no_article_are_not_the_ones_named_before():
    text = ("The Lakeside Monitoring Mission and the Regional Rights Office met on Monday. Two agencies said that "
            "48 people were killed.")
    assert speaker_of(text, "48 people") == "agencies"  # (two unnamed agencies, not the pair named before)


def test_a_time_announced_by_someone_does_not_speak():
    text = ("The militia command says its fighters were ordered to stop at 17:00, an hour after the time announced "
            "by the other side. \"We will answer any fire,\" the statement said.")
    assert quote_speakers(text) == ["militia command"]


# round 124: an office named again with its formal capital

def test_the_minister_with_a_capital_is_the_minister_named_before():
    text = "Defence Minister Anna Berg said 40 people had died. Later the Minister said 49 people had died."
    assert speaker_of(text, "49 people") == "Anna Berg"


def test_an_office_holders_figure_is_theirs():
    text = "Police Commissioner Tom Reyes said 40 people had died. The Commissioner's figure of 49 came after 10pm."
    assert speaker_of(text, "49") == "Tom Reyes"


def test_a_numbered_text_is_its_issuers_named_after_its_number():
    text = ("Excerpts from communique No. 4 of the military governorate of Varna:\n\n"
            "The communique said that 58 persons had been killed in the square.")
    assert speaker_of(text, "58 persons") == "military governorate of Varna"
    text = "Statement number 12 by the Northern Front said 30 soldiers were captured. The statement also said 4 died."
    assert speaker_of(text, "4 died") == "Northern Front"


# --- round 157: a Q-and-A interview whose answers carry no name label ---------------------------------------

QA = ("THE INTERVIEW\n\nThe floods have cut the valley off for a week.\n\n"
      "Mirela Dragan, who runs the county's emergency committee, spoke to us by telephone on Friday.\n\n"
      "Q. How many people are missing?\n\n"
      "A. We still have between 14 and 20 people missing in the upper villages. Two more bodies were found this "
      "morning.\n\n"
      "Q. Is help arriving?\n\n"
      "A. The army says 300 soldiers are on their way.")


def test_an_unlabelled_answer_of_a_q_and_a_interview_is_the_interviewees():
    assert speaker_of(QA, "between 14 and 20") == "Mirela Dragan"


def test_a_source_named_in_the_answer_keeps_its_statement():
    assert speaker_of(QA, "300 soldiers") == "army"


def test_the_introduction_before_the_first_question_keeps_the_articles_voice():
    assert speaker_of(QA, "cut the valley off") is None
