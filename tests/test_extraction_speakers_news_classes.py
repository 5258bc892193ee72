"""Attribution by class of news language (issue 10, speakers): who is never a speaker, what a figure's own
document credits, where a subject's head is. Sentences written for the tests."""
from claims.extraction.quotes import find_quote_claims
from claims.extraction.speakers import statement_speaker
from claims.extraction.text import segment


def speaker_of(text, phrase):
    speaker = statement_speaker(segment(text), text.index(phrase))
    return speaker.name if speaker else None


def quote_speakers(text):
    return [(c.speaker.name if c.speaker else None) for c in find_quote_claims(segment(text))]


def test_a_negative_subject_is_never_a_speaker_nor_a_pronouns_antecedent():
    text = ("The interior minister, Ana Ruiz, said the border would reopen.\n\nNobody told the guards\n\n"
            "\"We will open the gates at dawn,\" she said.")
    assert quote_speakers(text) == ["Ana Ruiz"]


def test_a_figure_neither_side_confirmed_leaves_the_figure_with_who_gave_it():
    text = ("Officials said the attack killed 8 people. President Omar Lado said on Friday that nearly 2,000 soldiers "
            "had died since May, a figure neither government has confirmed.")
    assert speaker_of(text, "2,000") == "Omar Lado"


def test_people_in_the_districts_of_a_town_are_the_subject_not_the_town():
    text = ("Villagers in the northern districts of Dunmore reported shelling overnight, and a police spokesman said "
            "a patrol had come under fire. He said no officers were killed, but three were hurt.")
    assert speaker_of(text, "three were hurt") == "police spokesman"


def test_figures_with_no_author_are_themselves_the_source():
    assert speaker_of("The uprising has killed more than 12,000 people since 1990, according to official figures.",
                      "12,000") == "official figures"
    assert speaker_of("About 900 people died in the first raid, according to Kenyan tallies.", "900") == "Kenyan tallies"


def test_figures_from_a_named_body_still_credit_the_body():
    assert speaker_of("About 900 people died in the raid, according to figures from the Red Cross.", "900") == "Red Cross"


def test_a_war_that_claimed_lives_reports_nothing():
    text = "The insurgency in the Province has claimed more than 12,000 lives since 1990, according to official figures."
    assert speaker_of(text, "12,000") == "official figures"
    assert speaker_of("The rebels claimed that 40 soldiers were killed.", "40 soldiers") == "rebels"
    text = "The army, which gives no figures, said 31 civilians had lost their lives in the shelling."
    assert speaker_of(text, "31 civilians") == "army"


def test_an_outlet_that_quotes_someone_relays_and_the_person_quoted_speaks():
    assert speaker_of("A village chief quoted by a local radio station said 40 bodies had been found.",
                      "40 bodies") == "village chief"
    assert speaker_of("A nurse interviewed by the BBC said 12 children had died.", "12 children") == "nurse"
    assert speaker_of("Figures released by the health ministry said 30 people had died.", "30 people") == \
        "health ministry"


def test_a_person_keeps_the_office_they_work_in_but_not_the_place_they_are():
    text = "An official in the provincial health office told reporters that at least 15 civilians were killed."
    assert speaker_of(text, "15 civilians") == "official in the provincial health office"
    text = "A doctor at the main hospital in Goma told reporters that 15 civilians were killed."
    assert speaker_of(text, "15 civilians") == "doctor"


def test_a_person_named_after_the_verb_keeps_the_body_they_speak_for():
    text = "\"We have no more beds,\" said a spokeswoman for the northern office of an international aid agency."
    assert quote_speakers(text) == ["spokeswoman for the northern office of an international aid agency"]


def test_a_unit_named_with_an_ordinal_closes_the_sentence_as_its_source():
    text = ("Four soldiers were killed and two others were wounded in a clash with about 30 rebels in the hills of "
            "Kalo, Northern Province, on Friday, the Army's 3rd Infantry Division said.")
    assert speaker_of(text, "Four soldiers") == "Army's 3rd Infantry Division"


def test_going_on_television_to_say_makes_the_goer_the_speaker():
    text = "President Ana Lopez went on national television to say that her forces had killed 30 rebels."
    assert speaker_of(text, "30 rebels") == "Ana Lopez"
    text = "The minister took to social media to announce that 40 rebels had surrendered."
    assert speaker_of(text, "40 rebels") == "minister"


def test_refusing_to_say_reports_nothing():
    assert speaker_of("Police refused to say whether 3 officers died.", "3 officers") is None


def test_the_group_is_the_lone_name_that_just_spoke_not_an_older_body():
    text = ("The Northern Army said in Tula that its ships would hold fire from noon. Kandor said in a statement faxed "
            "to news agencies that its fighters would stop at 6 a.m. The group said 14 of its fighters had been killed.")
    assert speaker_of(text, "14 of") == "Kandor"


def test_the_group_never_turns_a_named_person_into_a_body():
    text = ("Rebel leader Ali Musa said the talks had failed. Musa said in a statement that the fighting would go on. "
            "The group said 14 of its fighters had been killed.")
    assert speaker_of(text, "14 of") == "group"


def test_a_short_form_after_two_joined_bodies_names_the_last_of_them():
    text = ("The army accused the government and the Popular Liberation Front (PLF) of stalling. "
            "The PLF said 7 of its fighters died.")
    assert speaker_of(text, "7 of its") == "Popular Liberation Front (PLF)"


def test_a_lone_name_is_one_of_a_pair_named_before_never_the_pair():
    text = "The shelling between Ruvania and Kandor went on all week. Kandor said 9 of its fighters died."
    assert speaker_of(text, "9 of its") == "Kandor"
    text = "Talks between Ana Ruiz and Marta Lopez failed. Lopez said 4 people died."
    assert speaker_of(text, "4 people") == "Marta Lopez"


def test_a_bracketed_qualifier_is_part_of_a_partys_name():
    assert speaker_of("The CPN (Maoist) said 7 of its fighters died.", "7 of") == "CPN (Maoist)"
    assert speaker_of("The Communist Party of Nepal (Maoist) said 7 of its fighters died.", "7 of") == \
        "Communist Party of Nepal (Maoist)"
    # an acronym in brackets is a short form, shown beside the name, not part of it
    assert speaker_of("The Popular Liberation Front (PLF) said 7 of its fighters died.", "7 of") == \
        "Popular Liberation Front (PLF)"


def test_a_body_with_a_short_form_speaks_past_where_it_sits_and_who_leads_it():
    text = "The Unity Front (UF) in Bemba, led by Marta Ilunga, said 25 fighters were killed."
    assert speaker_of(text, "25 fighters") == "Unity Front (UF)"
    text = "The Unity Front (UF), led by Marta Ilunga, said 25 fighters were killed."
    assert speaker_of(text, "25 fighters") == "Unity Front (UF)"


def test_a_body_named_in_apposition_after_its_description_speaks():
    text = "The largest rebel group, the Northern Union for Justice and Democracy (NUJD), said 12 of its fighters died."
    assert speaker_of(text, "12 of") == "Northern Union for Justice and Democracy (NUJD)"
    text = "A local rights group, the Kalo Collective for Justice, put the toll higher, at 88 dead."
    assert speaker_of(text, "88 dead") == "Kalo Collective for Justice"


def test_a_name_in_apposition_to_a_place_is_the_places():
    text = "A farmer who fled to the district capital, Ruvo, told reporters that 30 people were killed."
    assert speaker_of(text, "30 people") == "farmer"


def test_saying_after_a_clause_shares_its_indefinite_subject():
    text = "A Ruvanian army spokesman went further, saying a single shell could have killed fewer than 20 people."
    assert speaker_of(text, "fewer than 20") == "Ruvanian army spokesman"


def test_a_company_with_staff_somewhere_is_the_speaker_not_its_staff():
    text = "A logging company with staff in Ruvo told reporters that 9 of its workers remained missing."
    assert "company" in speaker_of(text, "9 of")


def test_a_headline_credit_by_title_is_the_person_the_story_names_with_it():
    text = ("Toll in Kalo attack passes 300 - Senator\n\nThe number of people killed in Kalo has risen to more "
            "than 300, the senator representing Kalo North, Ahmed Bello, said on Wednesday.")
    assert speaker_of(text, "300 - ") == "Ahmed Bello"


def test_a_militia_and_its_allies_speak_over_the_statement_an_outlet_carried():
    text = ("The Kandor militants and their allies said their fighters had stopped firing at midnight, according to "
            "a statement carried by the Saba news agency, which they control.")
    assert speaker_of(text, "stopped firing") == "Kandor militants and their allies"
    text = ("The Kandor militia said its fighters had stopped firing at midnight, according to a statement carried "
            "by the state news agency.")
    assert speaker_of(text, "stopped firing") == "Kandor militia"


def test_a_truce_declared_by_a_party_with_a_bracketed_qualifier_keeps_the_qualifier():
    assert speaker_of("The ceasefire declared by the CPN (Maoist) took effect at midnight.", "took effect") == \
        "CPN (Maoist)"


def test_a_role_after_a_body_and_its_short_form_keeps_both():
    text = "A Ruvanian Defence Forces (RDF) spokesman said soldiers would stay in camp and that 3 rebels died."
    assert speaker_of(text, "3 rebels") == "Ruvanian Defence Forces (RDF) spokesman"


def test_a_commander_of_a_named_group_is_named_by_the_nom_de_guerre_in_the_aside():
    text = "A regional commander of the NLA, using the nom de guerre Ka Tomas, said 5 rebels were killed."
    assert speaker_of(text, "5 rebels") == "Ka Tomas"


def test_a_paragraph_ending_in_a_colon_introduces_the_quotation_paragraph_after_it():
    text = ("The flood reached the village at night.\n\nMaria Lopez, who lost her house, spoke through an "
            "interpreter:\n\n\"Nobody came to help us. We waited all night.\"\n\nThe agency said 400 people had fled.")
    assert quote_speakers(text) == ["Maria Lopez"]


def test_a_credit_line_after_a_plain_spaced_hyphen_is_a_dash_credit():
    text = ("The mayor said the road was cut.\n\n\"We are counting villages now.\" - Ana Ruiz, an aid worker in Tula, "
            "speaking to reporters.")
    assert quote_speakers(text) == ["Ana Ruiz"]


def test_the_officer_is_the_titled_person_who_spoke_just_before_not_an_older_officer():
    text = ("A senior border officer said the crossing was shut.\n\nPolice Commissioner Ana Ruiz told reporters that "
            "300 kg of explosives had been moved. \"We are not ruling out anything,\" the officer said.")
    assert quote_speakers(text) == ["Ana Ruiz"]
    text = ("A senior border officer said the crossing was shut. Ana Ruiz, a farmer, said 3 people died. "
            "\"We are not ruling out anything,\" the officer said.")
    assert quote_speakers(text) == ["senior border officer"]


def test_the_people_told_after_a_comma_are_never_the_speaker():
    text = "The Inspector-General of Police, Northern range, told reporters that 300 kg of explosives had been moved."
    assert speaker_of(text, "300 kg") != "reporters"


def test_a_trailing_under_terms_announced_by_credits_the_start_before_it():
    text = "The ceasefire took effect at noon, under terms announced by the peacekeepers."
    assert speaker_of(text, "took effect") == "peacekeepers"
    text = ("The blast came after the ceasefire took effect at 13:00 local time on 20 September, under terms announced "
            "by the Ruvanian peacekeeping contingent.")
    assert speaker_of(text, "took effect") == "Ruvanian peacekeeping contingent"


def test_a_trailing_terms_aside_does_not_override_who_said_it():
    text = "The army said the truce would take effect at noon, under terms announced by the peacekeepers."
    assert speaker_of(text, "take effect") == "army"


def test_a_titled_name_after_a_description_ending_in_a_place_noun_is_the_person_not_the_place():
    text = ('A police officer in the east of the town, Captain Lino Barra, said his men had "held their fire '
            'since dawn as ordered".')
    assert quote_speakers(text) == ["Lino Barra"]
    # an untitled name after a place noun is still the place's
    text = 'A teacher who fled to the district capital, Ruvo, told reporters "we have nothing left to go back to".'
    assert quote_speakers(text) == ["teacher"]


def test_a_message_or_an_order_that_speaks_is_its_issuers():
    text = ('In a message on its website, the rebel command told its units to halt attacks. "The rebels will keep '
            'to what was agreed in the capital," the message said.')
    assert quote_speakers(text) == ["rebel command"]
    text = 'The ministry sent an order to all units. "All units shall hold their positions and fire only if fired on," ' \
           'the order said.'
    assert quote_speakers(text) == ["ministry"]


def test_a_body_opening_a_sentence_by_its_common_noun_is_what_a_later_it_refers_to():
    text = ("The interior ministry said the rebels had killed 40 people. The Farmers' Union called for calm.\n\n"
            "The ministry itself was blunter. \"A truce declared by men who still carry guns is no peace,\" it said.")
    assert quote_speakers(text) == ["interior ministry"]


def test_the_text_or_a_copy_of_a_document_speaks_as_the_document():
    text = "According to the text of the memorandum, the truce took effect at 0001 GMT on Thursday."
    assert speaker_of(text, "0001") == "memorandum"
    text = "The truce took effect at 0001 GMT on Sunday, according to the text of the accord released by the monitors."
    assert speaker_of(text, "0001") == "monitors"


def test_that_group_or_this_ministry_points_back_like_the():
    text = ('The Free Valley Front admitted the raid. That group said "no civilian was meant to be harmed in it".')
    assert quote_speakers(text) == ["Free Valley Front"]
    text = ('The interior ministry said 40 people were killed. This ministry said "the roads will stay closed until '
            'further notice".')
    assert quote_speakers(text) == ["interior ministry"]


def test_a_description_in_apposition_after_a_bodys_name_is_that_body_for_a_later_back_reference():
    text = ('RELIEF, the UN agency for displaced families, said 4,000 people had fled. "Schools must never be used as '
            'military positions," the agency said.')
    assert quote_speakers(text) == ["RELIEF"]


def test_a_possessive_written_with_the_apostrophe_alone_speaks_for_its_holder():
    text = ("The talks resumed in Dakar on Monday.\n\n"
            "“Both delegations have agreed to stop patrols at dusk,” President Ines Moraes’ office said in a statement.")
    assert quote_speakers(text) == ["Ines Moraes’ office"]
    assert speaker_of("The armed forces' information office said 4 soldiers were wounded near the border.",
                      "4 soldiers") == "armed forces' information office"



def test_a_crowd_counted_in_thousands_is_no_body_for_the_organisation_to_mean():
    text = ("The International Committee of the Red Cross (ICRC) said 186 bodies had been collected. "
            "Thousands of Burundians have fled across the river.\n\n"
            "\"The wounded and those who care for them must be respected,\" the organisation said.")
    assert quote_speakers(text) == ["International Committee of the Red Cross (ICRC)"]


def test_a_name_whose_last_word_is_a_number_keeps_its_possessive():
    text = "Barrio 18's imprisoned leaders said 14 members had been killed in March."
    assert speaker_of(text, "14 members") == "Barrio 18's imprisoned leaders"


def test_the_outlets_own_correspondent_after_said_is_the_speaker():
    text = ("Residents said jets were seen over the valley.\n\n"
            "\"The checkpoints are tighter today than yesterday,\" said our correspondent Lena Ortiz in the town.")
    assert quote_speakers(text) == ["Lena Ortiz"]


def test_an_unnamed_person_who_opens_a_sentence_acting_is_who_a_later_she_means():
    text = ("\"I have buried two sons,\" said Ruth Mensah, who sells cloth.\n\n"
            "Another trader shook her head. \"They sign every year and shoot every year,\" she said.")
    assert quote_speakers(text) == ["Ruth Mensah", "trader"]


def test_a_verb_shaped_noun_before_a_finite_verb_is_no_reporting_verb():
    text = ("A firefight two hours before the rebel order took effect left three soldiers and seven rebels dead, "
            "the military said.")
    assert speaker_of(text, "three soldiers") == "military"


# --- round 27 ---------------------------------------------------------------------------------------------------

def test_according_to_opening_the_sentence_reports_what_others_agreed():
    text = ("According to the border police, local commanders on both sides agreed by radio to stop firing at "
            "noon, and the shooting died away.")
    assert speaker_of(text, "noon") == "border police"


def test_an_unnamed_person_described_by_a_place_or_a_relative_clause_who_acts_is_who_she_means():
    text = ("The mayor, Tomas Verde, spoke on the radio on Friday.\n\n"
            "A nurse who runs the night shift at the clinic, and who asked that her name not be used, spent the "
            "night in the basement. \"We counted every shell,\" she said.\n\n"
            "Outside the market yesterday, a man in a grey coat held up a list of names. \"These are my cousins,\" "
            "he said.")
    assert quote_speakers(text) == ["nurse", "man"]


def test_a_duration_opening_a_sentence_is_no_name():
    text = ("Days after the governor met the strikers and offered talks, a spokesman for the strikers, a driver who "
            "would not give his name, spoke to reporters at the depot. \"We will stay out until Monday,\" he said.")
    assert quote_speakers(text) == ["spokesman"]


def test_a_subject_described_by_a_place_with_a_capitalised_adjective_is_still_the_subject():
    text = ("The Kel Adrar said they would hold their prisoners.\n\n"
            "A baker near the old Portuguese harbour, who would not give his name, said the town had slept in its "
            "clothes all week. \"Nobody undresses any more,\" he said.")
    assert quote_speakers(text) == ["baker"]


def test_the_noun_a_body_was_described_by_is_what_the_noun_means_later():
    text = ("- The Red Crescent says 300 people were treated.\n"
            "- Oxfam, the British charity, says 2,000 families have fled.\n"
            "- UNICEF says 45 children died.\n\n"
            "\"The camps cannot take another week of this,\" the charity said.")
    assert quote_speakers(text) == ["Oxfam"]


def test_a_counted_group_in_the_report_is_not_the_they_who_report_it():
    text = ("Local officials said a teacher was killed and four pupils were wounded. Three residents were also "
            "hurt, they said.")
    assert speaker_of(text, "Three residents") == "Local officials"


# --- round 28 ----------------------------------------------------------------------------------------------------

def test_the_office_in_an_appositive_after_an_honorific_is_what_a_later_title_refers_to():
    text = ("Dr Leila Haddad, director of the Saint Luke clinic in Tyre, told us that nine people had died.\n\n"
            "\"We ran out of blood on the second night,\" the clinic director said.")
    assert quote_speakers(text) == ["Leila Haddad"]


def test_a_rank_written_after_the_office_leaves_the_office_the_title():
    text = ("Army spokesman Maj. Gen. Tomas Eder said the bridge had been retaken. Asked about the shelling, the "
            "spokesman said: \"Our guns did not fire on the village.\"")
    assert quote_speakers(text) == ["Tomas Eder"]


def test_a_name_that_ends_in_its_number_is_a_source():
    text = "Barrio 18 said its members would stand down at noon."
    assert speaker_of(text, "stand down") == "Barrio 18"


def test_a_statement_named_by_its_bodys_noun_speaks_for_the_body_named_before():
    text = ("The rebel command said its units would hold their positions.\n\n"
            "Kenya's Interior Ministry said four police officers had been wounded.\n\n"
            "\"The patrol was fired on first,\" the ministry statement read.")
    assert quote_speakers(text) == ["Kenya's Interior Ministry"]


def test_an_agency_quoting_a_statement_named_by_a_body_quotes_that_body():
    text = ("The rebel army denied any part in the blast. A news agency close to the rebels quoted an army "
            "statement as saying the bomb had been \"planted by the other side to blame us\".")
    assert quote_speakers(text) == ["rebel army"]


def test_a_short_form_written_as_a_word_is_the_bodys_alias():
    text = ("The Northern Valley Defence Front (Nvdf) declared a truce on Friday.\n\n"
            "Aid convoys reached the valley on Saturday. Markets reopened. Schools stayed shut. Roads were cleared. "
            "Power returned to the main town.\n\n"
            "In a statement, Nvdf said its fighters would hold their positions. It urged the army to do the same. "
            "The group said it wanted \"talks without preconditions and without delay\".")
    assert quote_speakers(text) == ["Northern Valley Defence Front (Nvdf)"]


def test_states_after_place_names_is_the_plural_noun_not_a_reporting_verb():
    text = ("President Ana Lobo on Monday extended the truce in North Vale and East Vale states until the end of "
            "the year, saying the new period would begin at midnight on Tuesday.")
    assert speaker_of(text, "the new period") == "Ana Lobo"


# --- round 29: who a later "she" or "he" is, and who a participle's agent is not --------------------------------

def test_a_person_from_a_place_with_an_adjective_before_it_is_the_speaker_not_the_place():
    text = ("A rice farmer from rural Dinajpur, whose brother was shot in March, said the militias now set the "
            "curfew. \"Nobody moves after dark,\" he said.")
    assert quote_speakers(text) == ["rice farmer"]


def test_an_unnamed_person_with_a_relative_clause_and_no_comma_is_a_later_shes_antecedent():
    text = ("He said a patrol was missing near the bridge on Pemba Island.\n\n"
            "A 40-year-old fish seller who hid in the mangroves with her children went back to the market this "
            "week.\n\n"
            "\"We heard the boats first and then the shooting,\" she said.")
    assert quote_speakers(text) == ["40-year-old fish seller"]


def test_a_name_ending_in_island_or_valley_is_a_place_and_no_ones_she():
    text = ("Troops were sent to Pemba Island on Tuesday.\n\n"
            "\"We were not told why,\" she said.")
    assert quote_speakers(text) == [None]


def test_the_place_before_a_set_off_participle_with_its_agent_is_not_the_speaker():
    text = ("A pause in shelling between Akwa and the town of Bira, agreed by local commanders at the bridge, has "
            "held since Monday.")
    assert speaker_of(text, "held since") is None


def test_a_person_before_a_set_off_verb_of_reporting_by_a_means_still_speaks():
    text = ("Our nurse in Koboko, Grace Achan, reported by radio on Friday: \"The clinic is full and the road is "
            "closed to every truck.\"")
    assert quote_speakers(text) == ["Grace Achan"]


def test_the_counted_sides_that_promised_a_truce_in_a_relative_clause_are_its_source():
    text = ("The truce, which the three warring sides promised would silence the guns from 1800 GMT on Friday, "
            "did not last the night.")
    assert speaker_of(text, "from 1800 GMT") == "three warring sides"


def test_the_officers_who_arranged_a_truce_for_a_time_are_its_source():
    text = ("A local truce between the clans, which African Union officers had arranged for 1000 GMT on Monday, "
            "lasted barely an hour.")
    assert speaker_of(text, "for 1000 GMT") == "African Union officers"


def test_the_spokesman_is_the_one_named_before_not_another_named_later():
    text = ("The army spokesman, Colonel Hamid Osman, told reporters that the pause began on time. Asked about the "
            "air raids, the spokesman said the air force was \"bound by the same order as every unit\".\n\n"
            "The rebels dismissed the pause. Their spokesman, Kuku Abdelaziz, said bombs fell near the town.")
    assert quote_speakers(text) == ["Hamid Osman"]


def test_a_rank_carried_by_the_name_keeps_the_office_written_before_it():
    from claims.extraction.speakers import attribution
    document = segment("The army spokesman, Colonel Hamid Osman, told reporters that the pause began on time.")
    [entity] = [e for e in attribution._analyse(document).entities.values() if e.name == "Hamid Osman"]
    assert entity.role == "army spokesman, Colonel"


def test_a_new_voice_set_against_the_last_with_was_blunter_is_a_later_hes_antecedent():
    text = ("In the village, a rice farmer who did not want his name printed said the police searched every house. "
            "\"We feed whoever has the gun,\" he said.\n\n"
            "A retired CRPF deputy inspector who once served in the district was blunter. \"Nobody goes into that "
            "forest on foot for three days,\" he said.")
    assert quote_speakers(text) == ["rice farmer", "retired CRPF deputy inspector"]


def test_it_after_a_sentence_closing_on_a_statement_and_its_issuer_is_that_statement():
    text = ("State radio interrupted its programmes at noon with a statement from the joint military command. It "
            "said all units \"will hold their positions and answer only fire aimed at them.\"")
    assert quote_speakers(text) == ["joint military command"]


def test_it_after_a_statement_named_mid_sentence_is_still_resolved_by_salience():
    text = "The army issued a statement on Monday. It said \"all units have stopped firing at the agreed hour.\""
    assert quote_speakers(text) == ["army"]


def test_a_verb_inside_a_when_clause_set_off_by_commas_does_not_govern_the_main_clause():
    text = ("Police say the shelling since March 14, when the general declared what he called a war of liberation, "
            "has killed more than 900 people.")
    assert speaker_of(text, "killed more than") == "Police"


def test_a_military_attache_in_a_city_is_the_speaker_not_the_city():
    text = ("A Western military attache in Kano said the dead probably numbered in the hundreds. \"Even the lower "
            "figure is a catastrophe,\" he said.")
    assert quote_speakers(text) == ["Western military attache in Kano"]


# --- round 68: the agent of a participle of record, an adverb before the verb, informing, speaking of ---------

def test_a_figure_recorded_by_a_body_is_that_bodys():
    text = "Situation at 18:00.\n\nDeaths: 1,204 recorded by the health ministry\nShelters: 31 open\n"
    assert speaker_of(text, "1,204") == "health ministry"
    assert speaker_of("At least 212 deaths have been confirmed by the provincial health office.", "212") == \
        "provincial health office"


def test_a_figure_after_a_participle_of_record_is_not_its_agents():
    text = "The monitor counts only deaths confirmed by two separate sources, and its own tally stands at 40."
    assert speaker_of(text, "40") == "monitor"


def test_a_means_after_by_is_no_agent():
    text = "Casualty figures: 14 dead reported by radio from the outpost, the district officer said."
    assert speaker_of(text, "14 dead") == "district officer"


def test_an_adverb_between_the_auxiliary_and_the_verb_keeps_the_subject():
    text = "The Front has formally ordered an end to its armed campaign, with effect from 1200 GMT on Friday."
    assert speaker_of(text, "1200 GMT") == "Front"


def test_the_body_that_informed_another_of_a_figure_gives_it():
    text = "The rebel movement has informed the commission that 14 of its fighters were killed near the river."
    assert speaker_of(text, "14 of its") == "rebel movement"


def test_sources_that_have_spoken_of_a_figure_give_it():
    assert speaker_of("Church sources have spoken of between 300 and 500 dead.", "300") == "Church sources"


# --- round 70: a body named before, taken up by its noun with a formal capital ---------------------------------

def test_the_capitalised_ministry_is_the_ministry_named_before():
    text = ("The Ministry of Internal Affairs reports that 19 servicemen were killed. In the same period at least "
            "six civilians were killed in the Shali district, the Ministry said.")
    assert speaker_of(text, "six civilians") == "Ministry of Internal Affairs"


def test_the_community_is_the_religious_community_named_before():
    text = ("The talks were mediated by the Community of Sant'Egidio in Rome. In a statement, the community said 12 "
            "prisoners had been released to the Red Cross.")
    assert speaker_of(text, "12 prisoners") == "Community of Sant'Egidio"


def test_an_acronym_after_the_is_its_own_name():
    text = "The Ministry of Defence said 4 soldiers died. Later the UNHCR said 30 refugees were missing."
    assert speaker_of(text, "30 refugees") == "UNHCR"


def test_a_dateline_is_never_the_subject_a_participle_shares():
    text = ("KAMPALA, Uganda (AP) -- A truce between the government and the rebels took effect Tuesday at 0300 GMT, "
            "raising hopes of an end to the war.")
    assert speaker_of(text, "0300 GMT") is None


# --- round 74: spokesmen as a group; a day and its part between auxiliary and verb ------------------------------

def test_spokesmen_of_a_side_are_the_speakers():
    assert speaker_of("Fighting went on. Rebel spokesmen put the toll at more than 2,000.", "2,000") == \
        "Rebel spokesmen"


def test_a_named_day_and_its_part_between_auxiliary_and_verb_keep_the_subject():
    text = "Fighting went on. The government had on Saturday evening put the toll at 132."
    assert speaker_of(text, "132") == "government"


def test_a_statement_issued_on_a_day_and_its_part_still_speaks():
    text = "A UN statement issued on Monday afternoon said 14 civilians had been killed."
    assert speaker_of(text, "14 civilians") == "UN"  # the statement speaks for its issuer


# --- round 75: who counted, recorded or cared for the casualties; owners of a count; texts issued just before ------

def test_an_adverb_of_two_words_between_auxiliary_and_verb_keeps_the_subject():
    text = "Ceasefire monitors have so far confirmed 41 of the deaths."
    assert speaker_of(text, "41") == "Ceasefire monitors"
    assert speaker_of("The coastguard has thus far counted 19 bodies.", "19") == "coastguard"


def test_the_owner_of_a_count_or_an_account_is_its_source():
    assert speaker_of("Fighting went on. The navy's own account put the missing at 12.", "12") == "navy"
    assert speaker_of("The armed forces' latest list gives 88 dead.", "88") == "armed forces"


def test_the_teams_of_a_body_speak_for_it():
    text = ("The Lakeside Relief Forum runs four clinics near the front. The Forum's teams have recorded 231 deaths in "
            "the camps since May.")
    assert speaker_of(text, "231") == "Lakeside Relief Forum"
    assert speaker_of("Fighting went on. The charity's surgical team operated on 64 wounded people.", "64") == "charity"


def test_who_treated_received_or_recovered_the_casualties_is_the_source_of_their_count():
    assert speaker_of("Doctors at the district hospital treated 37 wounded people overnight.", "37") == \
        "Doctors at the district hospital"
    assert speaker_of("Mulago Hospital received 60 of the injured on Sunday.", "60") == "Mulago Hospital"
    assert speaker_of("The Red Cross evacuated 25 wounded fighters by boat.", "25") == "Red Cross"
    assert speaker_of("Navy divers had recovered 14 bodies by nightfall.", "14") == "Navy divers"


def test_who_inflicted_the_casualties_is_not_their_source():
    assert speaker_of("Fighting went on. Gunmen killed 12 passengers on the road to Gao.", "12") is None
    assert speaker_of("Fighting went on. The militia captured 30 soldiers near the bridge.", "30") is None


def test_a_statement_said_just_after_a_body_spoke_is_that_body_s():
    text = ("In London the Foreign Office said it regretted the delay. \"A ceasefire declared by one side is not a "
            "settlement,\" a statement said.")
    assert quote_speakers(text) == ["Foreign Office"]


def test_a_statement_said_with_no_body_before_it_stays_the_statement():
    text = "The shelling stopped at dawn. \"Our forces will hold their fire while talks go on,\" a statement said."
    assert quote_speakers(text) == ["statement"]


def test_a_group_known_by_where_it_works_keeps_the_place_in_its_name():
    text = "Doctors at Borama hospital in the west said at least 22 wounded had been admitted."
    assert speaker_of(text, "22 wounded") == "Doctors at Borama hospital in the west"


def test_the_head_of_a_named_hospital_speaks_with_the_hospital_in_the_name():
    text = "The director of Kirkuk hospital said it had received 12 wounded soldiers."
    assert speaker_of(text, "12 wounded") == "director of Kirkuk hospital"


def test_a_place_opening_the_sentence_is_not_part_of_the_body_after_it():
    assert speaker_of("In Paris the Foreign Ministry said 3 nationals were missing.", "3 nationals") == \
        "Foreign Ministry"
    assert speaker_of("Save the Children said 3 pupils were missing.", "3 pupils") == "Save the Children"


def test_a_credit_line_naming_a_statement_credits_its_issuer():
    text = ("\"A pause of three days is enough to move fuel to the clinics that have run dry.\" — statement from the "
            "Aden office of the Danish Refugee Council\n\nShelling resumed at dusk.")
    assert quote_speakers(text) == ["Aden office of the Danish Refugee Council"]


def test_a_spokesman_quoted_as_saying_keeps_whom_he_speaks_for():
    text = "Tanjug quoted a spokesman for the Kosovo Liberation Army as saying that 40 soldiers had been killed."
    assert speaker_of(text, "40 soldiers") == "spokesman for the Kosovo Liberation Army"


def test_who_saw_a_text_is_not_its_speaker():
    text = "A statement issued by the rebel command and seen by AFP said 40 fighters had been killed."
    assert speaker_of(text, "40 fighters") == "rebel command"


# --- round 96: "as X put it", a general staff in its city, a saint's hospital ----------------------------------

def test_as_someone_put_it_credits_the_quotation_to_them():
    text = ('Nobody expects the line to move. As one Malian colonel put it to me last week: "A truce is a map '
            'everybody agrees to misread."')
    assert quote_speakers(text) == ["Malian colonel"]
    assert quote_speakers('"A truce is a map everybody agrees to misread," as one colonel put it.') == ["colonel"]


def test_put_it_at_a_figure_is_still_an_estimate_of_the_subject():
    # (a guard: "put ... at" reports a figure by its subject; the "as ... put it" frame takes nothing from it)
    assert speaker_of("The army put the toll at 40 dead.", "40 dead") == "army"
    assert speaker_of("The army put it at 40 dead.", "40 dead") == "army"


def test_a_general_staff_in_its_city_is_the_body_not_a_general_named_staff():
    text = "The General Staff in Warsaw said in its communique that 300 soldiers had been killed."
    assert speaker_of(text, "300 soldiers") == "General Staff in Warsaw"


def test_a_saints_name_keeps_its_st_before_the_rest():
    text = "St. Anselm Hospital in Garissa said it treated seven hostages for gunshot wounds."
    assert speaker_of(text, "seven hostages") == "St. Anselm Hospital"


def test_a_bodys_name_runs_on_across_of_the_for_a_pronoun_to_refer_back_to():
    text = ("The International Committee of the Red Cross is running the crossing. \"We are moving families as fast as "
            "the roads allow,\" it said.")
    assert quote_speakers(text) == ["International Committee of the Red Cross"]
    text = ("The UN Office for the Coordination of Humanitarian Affairs kept its count. \"The numbers rise each hour,\" "
            "it said.")
    assert quote_speakers(text) == ["UN Office for the Coordination of Humanitarian Affairs"]


def test_of_the_after_a_persons_name_says_where_the_person_works():
    # (a guard: the person stays a person, whom "he" means)
    text = ("Political scientist Karim Saade of the Lebanese University watched the talks. \"There is a table now, "
            "and that is a gain,\" he said.")
    assert quote_speakers(text) == ["Karim Saade"]


def test_a_title_inside_the_name_of_a_body_named_after_someone_is_part_of_the_name():
    text = "Doctors at the Prince Albert Hospital said they had treated nearly 300 wounded civilians."
    assert speaker_of(text, "300 wounded") == "Doctors at the Prince Albert Hospital"
    assert speaker_of("The King Hussein Medical Centre said it had treated 30 wounded.", "30 wounded") \
        == "King Hussein Medical Centre"
    # (a guard: a title before a person's name is still split off)
    assert speaker_of("Prince Faisal said 30 people were wounded.", "30 people") == "Faisal"


def test_a_sheet_or_leaflet_named_before_speaks_for_what_issued_it():
    text = ("A rebel publicity sheet circulated in the city this evening. \"Our columns have not been beaten,\" the "
            "sheet said.")
    assert quote_speakers(text) == ["rebel publicity sheet"]
    text = "Leaflets from the rebel command fell on the town. \"Lay down your arms and go home,\" the leaflets said."
    assert quote_speakers(text) == ["rebel command"]


def test_an_institution_named_with_a_word_or_two_describing_it_before_its_noun_speaks():
    assert speaker_of("The Sperrin Valley health trust said 209 people hurt in the blast had been treated.", "209") \
        == "Sperrin Valley health trust"
    assert speaker_of("The Green Crescent emergency hospital reported 11 bodies.", "11 bodies") \
        == "Green Crescent emergency hospital"


def test_a_figure_put_at_or_given_as_by_someone_is_theirs():
    assert speaker_of("Rebel losses were put at about 40 killed by Ahmad Karimi, a spokesman for the alliance.",
                      "40 killed") == "Ahmad Karimi"
    assert speaker_of("Dutch losses since December were given as 1,013 killed by the army command.", "1,013") \
        == "army command"
    assert speaker_of("The dead were estimated at 300 by aid agencies in the valley.", "300") == "aid agencies"
    # (a guard: a "by" that is no agent of the estimate gives it to no one)
    assert speaker_of("The meeting was put off by a day after 40 people were killed.", "40 people") is None


def test_a_document_named_by_the_body_that_made_it_speaks():
    assert speaker_of("According to a UN investigation, at least 131 civilians were killed.", "131") \
        == "UN investigation"
    # (a guard: reports with no maker named are no one's)
    assert speaker_of("Early reports put the dead at 48.", "48") is None


def test_a_relative_clause_with_a_perfect_tense_still_credits_its_antecedent():
    text = "The estimate came from diplomats, not the rebels, which have put the number of their dead at 3,000."
    assert speaker_of(text, "3,000") == "rebels"
    assert speaker_of("The estimate is not the ministry's, which had said 700 were killed.", "700") == "ministry"
    assert speaker_of("The guerrillas, who have said 300 were killed, rejected the report.", "300") == "guerrillas"


# round 123: the trades and occupations a story names its witnesses by

def test_a_witness_named_by_trade_is_the_speaker():
    text = "A news agency photographer at the scene counted at least 14 bodies near the gate."
    assert speaker_of(text, "14 bodies") == "news agency photographer at the scene"
    text = "\"The whole street shook,\" said a trainee accountant from Harlow who was on the bus."
    assert quote_speakers(text) == ["trainee accountant from Harlow"]
    assert speaker_of("Cameramen filming the march said nine people were shot.", "nine people") == "Cameramen"


def test_men_named_by_whose_they_are_inside_a_statement_do_not_take_it_over():
    text = ("The council said in a statement that the colonel's men had agreed to stop firing at 5 p.m. and "
            "that 12 fighters were killed.")
    assert speaker_of(text, "12 fighters") == "council"


# --- round 149: where the subject's head is when a place or a body follows it ------------------------------

def test_a_titled_person_of_a_body_is_the_speaker_not_the_body():
    text = "Colonel Ines Barrow of the general staff put the garrison's losses at 12 dead and 30 wounded."
    assert speaker_of(text, "12 dead") == "Ines Barrow"
    text = "Governor Tomas Ekwueme of Plateau State said 40 people had been killed in the raids."
    assert speaker_of(text, "40 people") == "Tomas Ekwueme"
    text = "Minister of Defence Ana Ruiz said 40 soldiers had been killed in the raids."
    assert speaker_of(text, "40 soldiers").endswith("Ana Ruiz")  # (a title with "of" in it is no body)


def test_a_body_named_by_its_own_words_of_a_place_stays_the_body():
    text = "The Bank of Tanzania said 14 employees were hurt in the fire."
    assert speaker_of(text, "14 employees") == "Bank of Tanzania"


def test_people_in_two_places_joined_by_and_are_the_speakers_not_the_last_place():
    text = "Hospitals in Kisumu and Eldoret say they have treated about 300 injured since Sunday."
    assert speaker_of(text, "300 injured") == "Hospitals"
    text = "Clinics in Sittwe, Maungdaw and Buthidaung reported 85 wounded."
    assert speaker_of(text, "85 wounded") == "Clinics"
    text = "A nurse in Koboko, Grace Achan, said 19 people had been brought in wounded."
    assert speaker_of(text, "19 people") == "Grace Achan"


def test_a_town_set_off_by_commas_after_a_hospital_only_says_where_it_is():
    text = "Doctors at the General Hospital, Kaduna, said they had treated 27 people for gunshot wounds."
    assert speaker_of(text, "27 people") == "Doctors at the General Hospital"


def test_a_body_that_puts_out_a_statement_before_a_colon_speaks_the_quotation():
    text = 'In Tegucigalpa this morning the army put out a brief statement: "Our units will hold their positions."'
    assert quote_speakers(text) == ["army"]
    text = 'On Sunday the rebel command issued a communique: "We accept the ceasefire and will observe it."'
    assert quote_speakers(text) == ["rebel command"]
    text = 'Police issued a statement: "Two officers were hurt."'
    assert quote_speakers(text) == ["Police"]


def test_a_body_that_cautions_that_speaks_the_quotation_after_it():
    text = ('The interior ministry cautions that the totals are provisional, and that "figures from the most remote '
            'villages are still arriving on foot."')
    assert quote_speakers(text) == ["interior ministry"]


# --- round 154: what a survey or a study found, with its count right after the verb ---------------------------

def test_a_survey_or_study_that_found_a_count_is_its_authors():
    text = "A CNN survey of funeral homes found 499 deaths linked to the hurricane."
    assert speaker_of(text, "499 deaths") == "CNN"
    text = "A study by the state university found 2,975 deaths in the six months after the storm."
    assert speaker_of(text, "2,975 deaths") is not None


def test_people_who_found_bodies_give_no_figure_of_their_own():
    text = "Patrols found the bodies of 30 fighters near the river, the army said."
    assert speaker_of(text, "30 fighters") == "army"


def test_a_capital_that_puts_its_civilian_dead_at_a_figure_gives_it():
    text = "Luanda puts its civilian dead in the two southern provinces at more than 60."
    assert speaker_of(text, "60") == "Luanda"
    text = "The rebel radio puts the army's own dead at 45."
    assert speaker_of(text, "45") == "rebel radio"


def test_a_name_that_names_the_father_with_an_honorific_is_one_name():
    text = "A party official, Ustaz Ahmad Zaki bin Haji Ismail, said at least 16 villagers were dead."
    assert speaker_of(text, "16 villagers") == "Ustaz Ahmad Zaki bin Haji Ismail"
    assert quote_speakers('"We waited all night," said Che Rokiah binti Osman, 41, a farmer\'s widow.') \
        == ["Che Rokiah binti Osman"]


def test_a_zones_letters_after_a_clock_are_no_body_a_pronoun_can_mean():
    text = ('The gathering broke up shortly after 1:00 am (0000 GMT) on Friday. "We will answer acts with acts," '
            'it said.')
    assert quote_speakers(text) == [None]


def test_the_statement_named_again_was_issued_by_whoever_announced_it_not_by_who_heard_it():
    text = ("The Front announced the truce at a gathering in the hills. Journalists were driven there blindfolded, "
            "and the statement was read out after midnight.\n\n"
            '"From midnight, the Front suspends all its actions for three months," the statement said.')
    assert quote_speakers(text) == ["Front"]


def test_a_role_that_ends_its_sentence_after_a_name_is_that_persons_title():
    text = ('The inquiry is led by Ivan Petrov, investigator for especially important cases. "We have identified '
            'the organisers," the investigator said.')
    assert quote_speakers(text) == ["Ivan Petrov"]


def test_an_appeal_speaks_for_those_who_made_it_not_for_the_channel_that_aired_it():
    text = ('Television on Thursday broadcast an appeal by the Sumgait Veterans Council. "We will not allow anyone '
            'to divide us," the appeal said.')
    assert quote_speakers(text) == ["Sumgait Veterans Council"]


def test_a_bylines_credit_is_no_body_that_the_company_can_be():
    text = ("Search called off\n\nBy JOHN DOE\nLedger Staff Writer\n\nPLYMOUTH - The search was called off "
            "yesterday.\n\nIn a statement read to reporters, the company said: \"We must accept that none of the "
            "men survived.\"")
    assert quote_speakers(text) == ["company"]


def test_a_place_before_the_source_that_ends_the_sentence_is_no_person_with_that_role():
    text = ('Two marines were killed near Chu Lai, a military spokesman said. "The patrol came under fire," he '
            'said.')
    assert quote_speakers(text) == ["military spokesman"]


# --- round 164: the person a feature names once, then only by what they do -------------------------------------

def test_an_honorific_written_with_the_name_is_a_role_the_name_is_taken_up_by():
    text = ('The inquest heard from Professor Anton Brevik, the pathologist who examined the bodies.\n\n'
            '"Most of them came in already gone," the professor said.')
    assert quote_speakers(text) == ["Anton Brevik"]


def test_a_definite_description_never_introduced_is_the_person_named_just_before():
    text = ('Tomas Okello keeps the ladder. It leans against the wall of his house, the ladder he climbed on the '
            'night the river came.\n\n'
            '"The water was cold and it was fast," the 61-year-old fisherman says, mending a net.\n\n'
            'The fisherman has rebuilt his roof. "I will not leave this bank," he says.')
    assert quote_speakers(text) == ["Tomas Okello", "Tomas Okello"]


def test_an_official_after_a_named_officer_is_that_officer():
    text = ('At the district office the relief officer, Grace Atim, keeps the lists. Here 40 people are still '
            'listed as missing, the official says.\n\n"Every name has a family," she says.')
    assert speaker_of(text, "40 people") == "Grace Atim"


def test_a_described_person_brought_in_with_a_or_an_stays_someone_new():
    text = ('Tomas Okello keeps the ladder.\n\nA fisherman from the next village was less sure. "We will all '
            'leave," the fisherman said.')
    assert quote_speakers(text) == ["fisherman"]


def test_a_man_named_in_a_relative_clause_on_the_subject_is_not_the_he_who_speaks():
    text = ('Gianfranco Moretti, from Arezzo, whose brother Paolo was among the dead, has attended every session. '
            '"I come so that somebody remembers," he said.')
    assert quote_speakers(text) == ["Gianfranco Moretti"]


def test_a_role_and_name_after_a_fronted_place_and_before_an_age_are_the_subject():
    text = ('In Tshikapa, cassava trader Mireille Ngalula, 52, said the market had reopened. "We sell again '
            'at dawn," she said.')
    assert quote_speakers(text) == ["Mireille Ngalula"]


def test_an_official_brought_in_with_a_stays_someone_new_after_a_named_negotiator():
    text = ('A rebel negotiator, Obonyo Lakwor, told reporters the order was given.\n\n'
            'A local official said three civilians were shot dead. At least five people were wounded, the official '
            'added.')
    assert speaker_of(text, "five people") == "local official"
