"""Casualty counts in forms of news reporting the engine once missed, one class of construction per test.

Each sentence is written for the test (none is taken from a hold-out article); the negative cases next to each
class say where the rule must stop.
"""
from __future__ import annotations

from datetime import date

import pytest

from claims.extraction import casualties, pipeline, text


def claims_in(article: str) -> list[dict]:
    document = text.segment(article, date(2024, 3, 6))
    found = casualties.find_casualties(document)
    for claim in found:
        assert claim.text == article[claim.start:claim.end]
    return [{**claim.values, "text": claim.text, "rule": claim.rule, "speaker": claim.speaker,
             "explanation": claim.explanation} for claim in found]


def tuples_in(article: str) -> set[tuple]:
    return {(c["outcome"], c["count"], c["count_high"], c["qualifier"]) for c in claims_in(article)}


# --- "killed or are missing": a second outcome with a verb of its own -----------------------

def test_it_reads_killed_or_missing_when_the_second_outcome_has_its_own_verb():
    assert tuples_in("The militia said 14 of its men were killed or remain missing.") == {
        ("killed_or_missing", 14, None, "exact")}
    assert tuples_in("Nine fishermen had drowned or were missing after the storm.") == {
        ("killed_or_missing", 9, None, "exact")}
    assert tuples_in("Sixty people were killed or went missing when the dam burst.") == {
        ("killed_or_missing", 60, None, "exact")}


def test_killed_or_were_wounded_is_a_mixed_outcome_and_no_count_of_the_dead():
    assert tuples_in("The garrison said 40 of its soldiers had been killed or were wounded.") == set()


# --- disappearances are missing people -----------------------------------------------------

def test_it_reads_forced_disappearances_as_missing():
    assert tuples_in("Rights groups say 212 activists were forcibly disappeared in the crackdown.") == {
        ("missing", 212, None, "exact")}
    assert tuples_in("About 40 people disappeared during the purge, relatives said.") == {
        ("missing", 40, None, "about")}
    assert tuples_in("The commission documented the enforced disappearance of 88 students.") == {
        ("missing", 88, None, "exact")}


# --- scare quotes around the count or the group ---------------------------------------------

def test_it_reads_a_count_whose_group_is_in_scare_quotes():
    [claim] = claims_in('The army said 19 "insurgents" died in the air strikes.')
    assert (claim["outcome"], claim["count"], claim["group"]) == ("killed", 19, "insurgents")


def test_it_reads_a_quoted_count_before_its_group():
    assert tuples_in('Officials said "at least 60" people died in the floods.') == {("killed", 60, None, "at_least")}


def test_a_group_in_scare_quotes_without_an_outcome_is_no_count():
    assert tuples_in('He said the 12 "volunteers" had arrived on Tuesday.') == set()


# --- an uncounted person beside the counted group ------------------------------------------

def test_a_counted_group_and_one_more_person_share_the_verb():
    assert tuples_in("Two medics and a volunteer were wounded when the convoy was hit.") == {
        ("wounded", 2, None, "exact")}
    assert tuples_in("Three reporters and their Kurdish interpreter were killed near the front.") == {
        ("killed", 3, None, "exact")}


# --- a group added after a finished clause ---------------------------------------------------

def test_a_group_after_along_with_shares_the_outcome_of_the_clause():
    found = claims_in("Police said 22 protesters were killed in the capital, along with three officers.")
    assert {(c["outcome"], c["count"], c["group"]) for c in found} == {
        ("killed", 22, "protesters"), ("killed", 3, "officers")}


def test_a_group_after_along_with_may_follow_when_it_happened_and_lead_a_list():
    found = claims_in("The monitor says at least 80 civilians have been killed in the north since Oct. 9, along with "
                      "140 militia fighters and 95 allied fighters.")
    assert {(c["outcome"], c["count"], c["group"]) for c in found} == {
        ("killed", 80, "civilians"), ("killed", 140, "militia fighters"), ("killed", 95, "allied fighters")}


def test_along_with_after_no_casualty_clause_counts_nothing():
    assert tuples_in("The government deployed 2,000 troops, along with 300 police officers.") == set()


# --- a toll broken down after a colon ---------------------------------------------------------

def test_a_toll_broken_down_after_a_colon_counts_each_group():
    assert tuples_in("The ministry's tally puts the dead at 64: 40 civilians, 15 soldiers and nine police officers.") == {
        ("killed", 64, None, "exact"), ("killed", 40, None, "exact"), ("killed", 15, None, "exact"),
        ("killed", 9, None, "exact")}


def test_a_colon_list_after_no_toll_counts_nothing():
    assert tuples_in("The cabinet has 24 members: 14 ministers and 10 deputies.") == set()


# --- the number of people who died ------------------------------------------------------------

def test_it_reads_the_number_of_people_who_have_died():
    assert tuples_in("The regional government puts the number of residents who have died at about 4,000.") == {
        ("killed", 4000, None, "about")}
    assert tuples_in("Monitors put the number of people who were wounded at 310.") == {("wounded", 310, None, "exact")}


# --- a tally named again by a bare noun -------------------------------------------------------

def test_the_figure_in_the_next_sentence_counts_what_the_claim_before_counted():
    found = claims_in("The earthquake injured more than 400 people, state media said. "
                      "Local officials say the real number could be as high as 900.")
    assert {(c["outcome"], c["count"], c["qualifier"]) for c in found} == {
        ("wounded", 400, "more_than"), ("wounded", 900, "at_most")}
    [reference] = [c for c in found if c["rule"] == "casualty.tally_reference"]
    assert reference["explanation"] == (
        "outcome 'wounded' from 'injured more than 400 people': the tally is named again by a bare noun",)


def test_the_number_put_at_a_value_takes_the_outcome_word_of_its_sentence():
    assert tuples_in("Witnesses reported the killing of dozens of protesters; opposition leaders put the number at 73.") == {
        ("killed", 73, None, "exact")}


def test_a_figure_after_an_aside_and_a_verb_phrase_of_its_own():
    assert tuples_in("At least 500 people were killed in the first week, the agency said. The figure, which it calls "
                     "provisional, covers the period to 9 May and includes at least 120 children.") == {
        ("killed", 500, None, "at_least"), ("killed", 120, None, "at_least")}


def test_a_tally_named_again_without_its_own_source_keeps_the_source_of_the_claim():
    result = pipeline.extract("At least 500 people were killed in the first week, the agency said. The figure, "
                              "provisional for now, includes at least 120 children.", date(2024, 3, 6))
    assert {c.values["count"]: c.speaker.name for c in result.claims if c.kind == "casualty"} == {
        500: "agency", 120: "agency"}


def test_a_figure_may_answer_the_claim_two_sentences_back_when_a_sentence_of_judgement_stands_between():
    assert tuples_in("The province said on Friday that 210 people had died in the flooding. Aid groups called that "
                     "far too low. A coalition of churches, citing parish records, put the total at more than 400.") == {
        ("killed", 210, None, "exact"), ("killed", 400, None, "more_than")}


def test_a_figure_does_not_reach_back_across_a_paragraph_or_past_two_sentences():
    assert tuples_in("The province said that 210 people had died in the flooding.\n\n"
                     "Aid groups called that far too low. The coalition put the total at 400.") == {
        ("killed", 210, None, "exact")}
    assert tuples_in("The province said that 210 people had died. Aid groups called that far too low. "
                     "Roads were cut. The coalition put the total at 400.") == {("killed", 210, None, "exact")}


def test_a_body_that_puts_its_own_figure_on_the_toll_counts_the_same_dead():
    assert tuples_in("At least 30 of the dead were miners, the union said. The mine owners put their own figure "
                     "at 26.") == {("killed", 30, None, "at_least"), ("killed", 26, None, "exact")}


def test_a_bare_figure_that_counts_no_casualty_is_no_claim():
    assert tuples_in("The quake destroyed 3,000 homes, and officials put the number at 4,500 by evening.") == set()
    assert tuples_in("At least 12 people were killed in the attack. The total cost of repairs was 3 billion.") == {
        ("killed", 12, None, "at_least")}
    assert tuples_in("The ministry said 20 people were injured. The figure is expected to rise to 50.") == {
        ("wounded", 20, None, "exact")}
    assert tuples_in("Some 50 people were killed in the attack. The ministry put the number of displaced at 20,000.") == {
        ("killed", 50, None, "about")}


# --- who is a person ------------------------------------------------------------------------------

def test_suspects_and_members_of_a_movement_are_people_who_can_be_captured():
    assert tuples_in("The rebels said they had seized 26 suspected informers.") == {("captured", 26, None, "exact")}
    assert tuples_in("Soldiers captured 31 Sandinistas near the river.") == {("captured", 31, None, "exact")}


def test_fighters_who_detain_people_capture_them_even_if_prosecutors_come_later():
    assert tuples_in("The army said it had detained 45 suspected rebels, who will be handed to prosecutors.") == {
        ("captured", 45, None, "exact")}
    assert tuples_in("Police detained 15 suspected looters for questioning.") == {("captured", 15, None, "exact")}


# --- round 14: classes seen first in holdout-18 and holdout-19 ------------------------------------

def test_gunmen_eliminated_or_liquidated_in_official_language_were_killed():
    assert tuples_in("The security service said 31 militants were eliminated in the raid.") == {
        ("killed", 31, None, "exact")}
    assert tuples_in('The committee said nine "bandits" had been liquidated near the border.') == {
        ("killed", 9, None, "exact")}


def test_things_that_were_eliminated_are_no_casualties():
    assert tuples_in("The plant said 450 jobs were eliminated after the strike.") == set()
    assert tuples_in("Engineers said 12 enemy positions were eliminated.") == set()


def test_corpses_counted_are_the_dead():
    assert tuples_in("Medics at the field hospital said they had counted 118 corpses by nightfall.") == {
        ("killed", 118, None, "exact")}


def test_a_degree_adverb_between_the_verb_and_the_outcome_keeps_the_count():
    assert tuples_in("The navy said one sailor was lightly wounded by shrapnel.") == {("wounded", 1, None, "exact")}
    assert tuples_in("Two guards were slightly injured in the blast, the prison said.") == {
        ("wounded", 2, None, "exact")}


def test_half_a_million_is_five_hundred_thousand():
    assert tuples_in("Historians estimate that half a million people were killed in the purges.") == {
        ("killed", 500000, None, "exact")}


def test_deaths_named_by_their_manner_are_killings():
    assert tuples_in("At least nine pilgrims were trampled to death at the gate.") == {("killed", 9, None, "at_least")}
    assert tuples_in("Twelve prisoners starved to death in the camp, the inquiry found.") == {
        ("killed", 12, None, "exact")}


def test_people_treated_for_wounds_of_named_weapons_were_wounded():
    assert tuples_in("The clinic said it had treated 31 people for bullet and machete wounds.") == {
        ("wounded", 31, None, "exact")}
    assert tuples_in("Seven children have been brought in with landmine injuries since Monday.") == {
        ("wounded", 7, None, "exact")}


def test_people_held_in_captivity_are_captured():
    assert tuples_in("The Red Cross said 640 soldiers were still held in captivity.") == {
        ("captured", 640, None, "exact")}
    assert tuples_in("Officials said 18 crew members remain in captivity.") == {("captured", 18, None, "exact")}


def test_prisoners_a_state_holds_are_no_new_capture():
    assert tuples_in("Cairo said it would seek the release of three prisoners held by Israel.") == set()


def test_a_count_of_two_groups_joined_by_and_counts_them_together():
    assert tuples_in("At least 40 border guards and village defence volunteers had been killed, the ministry said.") == {
        ("killed", 40, None, "at_least")}
    assert tuples_in("More than 300 Hutu and allied fighters were captured near the lake.") == {
        ("captured", 300, None, "more_than")}


# --- a group whose words are abbreviations with stops, or heads of roles ---------------------

def test_a_group_named_with_an_abbreviation_with_stops_is_read_whole():
    [claim] = claims_in("Seven U.S. marines were killed when their convoy was ambushed.")
    assert (claim["outcome"], claim["count"], claim["group"]) == ("killed", 7, "U.S. marines")
    [claim] = claims_in("At least three U.N. peacekeepers have died in the attack.")
    assert (claim["count"], claim["qualifier"], claim["group"]) == (3, "at_least", "U.N. peacekeepers")


def test_leaders_and_defenders_are_people_a_second_head_may_name():
    [claim] = claims_in("At least 60 activists and village leaders have been killed since January.")
    assert (claim["count"], claim["group"]) == (60, "activists and village leaders")
    [claim] = claims_in("Four land defenders were shot dead last month.")
    assert (claim["outcome"], claim["count"], claim["group"]) == ("killed", 4, "land defenders")


def test_an_abbreviation_at_the_end_of_a_sentence_is_no_group():
    # the stop after "U.S." ends the sentence: the next sentence's count is not the group's
    assert tuples_in("The drone was made in the U.S. Nine soldiers were wounded.") == {("wounded", 9, None, "exact")}


def test_the_wounded_a_hospital_admits_with_either_of_two_injuries_or_as_war_wounded():
    assert tuples_in("The hospital admitted 27 patients with gunshot or shrapnel wounds.") == {
        ("wounded", 27, None, "exact")}
    assert tuples_in("Its surgical teams have treated at least 400 war-wounded since May.") == {
        ("wounded", 400, None, "at_least")}
    # a disease treated is no casualty
    assert tuples_in("The clinic treated 300 patients for cholera.") == set()


# --- round 23: supplies counted in people; one member of a count ---------------------------------

def test_supplies_measured_in_wounded_people_are_no_count_of_the_wounded():
    article = ("The agency delivered surgical kits for 300 wounded to the main hospital, which has beds for up to "
               "120 wounded. It treated 80 wounded on Sunday.")
    assert tuples_in(article) == {("wounded", 80, None, "exact")}


def test_one_of_a_counted_group_leaves_the_group_as_the_count():
    assert tuples_in("Her brother was one of two farmers wounded by a mine in February.") == {
        ("wounded", 2, None, "exact")}


# --- round 24: breakdowns in dashes, prisoners of a people, homicides, people not heard from --------------

def test_a_total_broken_down_between_dashes_counts_the_total_and_each_part():
    article = "At least 31 people - 24 rebels and seven police officers - have been killed since the siege began."
    assert tuples_in(article) == {("killed", 31, None, "at_least"), ("killed", 24, None, "exact"),
                                  ("killed", 7, None, "exact")}


def test_a_breakdown_after_a_dash_shares_the_verb_first_count_outcome():
    article = "The 2007 raid on the depot killed 52 people – 40 guards and 12 engineers."
    assert tuples_in(article) == {("killed", 52, None, "exact"), ("killed", 40, None, "exact"),
                                  ("killed", 12, None, "exact")}


def test_commandos_and_sappers_are_people_in_a_count():
    assert tuples_in("The firefight leaves three commandos and 9 gunmen dead.") == {
        ("killed", 3, None, "exact"), ("killed", 9, None, "exact")}
    assert tuples_in("Two sappers were wounded clearing the bridge.") == {("wounded", 2, None, "exact")}


def test_prisoners_named_by_their_people_are_captives():
    assert tuples_in("The militia said it had taken 54 Azerbaijani prisoners near the pass.") == {
        ("captured", 54, None, "exact")}


def test_homicides_are_counted_as_killings():
    assert tuples_in("Police recorded 2,106 homicides last year in the capital.") == {("killed", 2106, None, "exact")}


def test_people_not_heard_from_since_an_attack_are_missing():
    article = "A tracing group says it has registered 23 people who have not been heard from since the raid."
    assert tuples_in(article) == {("missing", 23, None, "exact")}


def test_wounds_from_weapons_a_hospital_admits_are_injuries():
    assert tuples_in("The clinic admitted 14 patients with weapon wounds overnight.") == {("wounded", 14, None, "exact")}


# --- round 27 --------------------------------------------------------------------------------------------------

def test_a_toll_after_a_long_subject_with_an_aside_still_reaches_its_count():
    article = ("The death toll from three days of clashes between herders and farmers, and the looting that "
               "followed, climbed to at least 41 on Monday, the regional governor said.")
    assert [(c["count"], c["qualifier"], c["speaker"].name) for c in claims_in(article)] == [(41, "at_least", "regional governor")]


def test_a_toll_after_one_of_the_wounded_dying_is_read_from_its_own_verb():
    assert tuples_in("One of the injured died in hospital overnight, bringing the toll to four.") == {
        ("killed", 4, None, "exact")}


def test_its_tally_goes_on_with_the_source_of_the_sentence_before():
    article = ("The provincial coroner's office said at least 23 people died in the flooding of the camp. "
               "Its tally of the dead included nine children and two aid workers.")
    speakers = {(c["count"], c["speaker"].name if c["speaker"] else None) for c in claims_in(article)}
    assert speakers == {(23, "provincial coroner's office"), (9, "provincial coroner's office"),
                        (2, "provincial coroner's office")}


def test_a_verb_deep_in_a_relative_clause_set_off_by_commas_reports_nothing_of_the_main_clause():
    article = ("The insurgency, which spread after the province declared autonomy in 2019, has killed more than "
               "3,000 people, according to the interior ministry.")
    [claim] = claims_in(article)
    assert claim["speaker"].name == "interior ministry"


def test_soldiers_named_by_their_country_and_post_are_a_source():
    article = "Eritrean soldiers at the crossing told reporters that at least 12 militiamen had been killed."
    [claim] = claims_in(article)
    assert claim["speaker"].name == "Eritrean soldiers at the crossing"


def test_a_count_before_and_the_shares_the_outcome_of_the_definite_count_after_it():
    assert tuples_in("The remaining three guards and the two drivers are still missing.") == {
        ("missing", 3, None, "exact"), ("missing", 2, None, "exact")}


def test_the_bodies_of_people_taken_earlier_are_a_count_of_the_dead():
    assert tuples_in("The bodies of six engineers kidnapped in May were found on Tuesday.") == {
        ("killed", 6, None, "exact")}


def test_whose_people_they_were_may_stand_between_a_count_and_its_group():
    assert tuples_in("Rebels said they had captured 45 of Kagame's soldiers near the lake.") == {
        ("captured", 45, None, "exact")}


def test_others_captured_after_people_counted_are_more_of_those_people():
    assert tuples_in("The militia said it had killed 9 policemen and captured three others.") == {
        ("killed", 9, None, "exact"), ("captured", 3, None, "exact")}
    # after things counted, "others" are more of the things
    assert tuples_in("The militia seized five lorries and captured three others.") == set()


# --- round 29: a toll broken down, and a loss owned up to ------------------------------------------------

def test_a_toll_for_a_year_broken_down_after_a_comma_gives_each_part():
    article = "Insurgent violence killed 1,204 people in 2011, 830 civilians and 374 police officers."
    assert tuples_in(article) == {("killed", 1204, None, "exact"), ("killed", 830, None, "exact"),
                                  ("killed", 374, None, "exact")}


def test_after_a_share_of_them_and_who_they_were_the_next_share_is_counted_too():
    article = "The bombing killed 61 soldiers, 44 of them army recruits and 17 from the border guard."
    assert tuples_in(article) == {("killed", 61, None, "exact"), ("killed", 44, None, "exact"),
                                  ("killed", 17, None, "exact")}


def test_a_share_of_them_followed_by_another_verb_adds_no_count():
    article = "The gunmen killed 20 villagers, 12 of them women and burned 30 houses."
    assert tuples_in(article) == {("killed", 20, None, "exact"), ("killed", 12, None, "exact")}


def test_the_loss_of_fighters_a_side_owns_up_to_is_a_count_of_its_dead():
    article = "In a statement, the front acknowledged the loss of six of its commanders in the raid."
    assert tuples_in(article) == {("killed", 6, None, "exact")}


def test_the_loss_of_jobs_or_positions_counts_no_people():
    article = "The fighting meant the loss of 300 jobs at the port, and the rebels admitted the loss of two positions."
    assert tuples_in(article) == set()


def test_the_parts_of_a_toll_told_as_n_were_people_are_each_counted():
    article = ("According to the parish register, 31 of the dead were women, six of them elderly, 22 were children "
               "and 12 were men.")
    assert tuples_in(article) == {("killed", 31, None, "exact"), ("killed", 6, None, "exact"),
                                  ("killed", 22, None, "exact"), ("killed", 12, None, "exact")}


def test_a_reporting_aside_between_a_toll_and_its_parts_keeps_them_parts_of_it():
    article = "Of the dead, the doctor said, 14 were farmers and five were traders."
    assert tuples_in(article) == {("killed", 14, None, "exact"), ("killed", 5, None, "exact")}


def test_a_later_count_with_a_verb_of_its_own_is_no_part_of_the_toll():
    article = "Of the dead, 21 were soldiers, and police said 15 were arrested."
    assert tuples_in(article) == {("killed", 21, None, "exact"), ("captured", 15, None, "exact")}


def test_taking_people_prisoner_with_of_them_between_is_a_capture_not_a_death():
    article = "The faction said it had lost nine fighters and had taken 14 of them prisoner."
    assert tuples_in(article) == {("killed", 9, None, "exact"), ("captured", 14, None, "exact")}


def test_a_jail_holding_prisoners_still_captured_no_one():
    assert tuples_in("The central jail holds 2,000 prisoners.") == set()


def test_people_first_listed_as_missing_of_whom_some_reached_safety_are_counted_once():
    article = "Eight marines were first listed as missing; five of them reached a navy post on Friday night."
    assert tuples_in(article) == {("missing", 8, None, "exact")}


# --- round 30: one person counted by "a", captives held, parts named after "including" ----------------------------

def test_one_person_counted_by_the_article_a_is_a_count_of_one():
    article = ("A Kenyan peacekeeper was also wounded in the raid, and a 19-year-old student was killed at the "
               "checkpoint.")
    assert tuples_in(article) == {("wounded", 1, None, "exact"), ("killed", 1, None, "exact")}


def test_not_a_single_person_hurt_counts_nobody():
    assert tuples_in("Not a single soldier was hurt in the exchange.") == set()


def test_fighters_from_both_sides_are_one_group():
    assert tuples_in("At least 27 fighters from both sides have been killed, the monitors said.") == {
        ("killed", 27, None, "at_least")}


def test_a_bare_count_captured_in_a_clash_is_a_count_of_captives():
    assert tuples_in("The rebels said they captured 15 in clashes near the river last week.") == {
        ("captured", 15, None, "exact")}


def test_people_still_being_held_are_captives_whoever_holds_them():
    assert tuples_in("He said 9 members of his militia were still being held in the north.") == {
        ("captured", 9, None, "exact")}
    assert tuples_in("Twelve suspects were still being held by police.") == {("captured", 12, None, "exact")}


def test_a_year_inside_a_relative_clause_is_no_count_of_its_own():
    article = "At least six people who signed the 2016 accord were among the dead."
    assert tuples_in(article) == {("killed", 6, None, "at_least")}


def test_including_a_count_of_people_who_died_later_keeps_the_outcome():
    article = "Eleven people died, including three who succumbed to their wounds in hospital."
    assert tuples_in(article) == {("killed", 11, None, "exact"), ("killed", 3, None, "exact")}


# --- round 32: shares with outcomes of their own, prisoners of war, the dead or disappeared ------------------------

def test_a_share_of_the_injured_who_died_is_a_count_of_the_dead():
    article = "The agency raised the toll to 19, saying four of the injured had died in hospital."
    assert tuples_in(article) == {("killed", 19, None, "exact"), ("killed", 4, None, "exact")}


def test_a_share_of_the_wounded_in_a_condition_stays_wounded():
    assert tuples_in("Twelve of the wounded were in serious condition.") == {("wounded", 12, None, "exact")}


def test_prisoners_of_war_a_side_holds_are_captives():
    article = "The Red Cross says the government holds about 9,000 enemy prisoners of war."
    assert tuples_in(article) == {("captured", 9000, None, "about")}


def test_people_who_died_or_disappeared_are_one_count_of_both_outcomes():
    article = "The commission estimates that 12,400 people died or disappeared during the conflict."
    assert tuples_in(article) == {("killed_or_missing", 12400, None, "exact")}


def test_a_partys_martyrs_are_its_dead():
    assert tuples_in("The party said its own losses were 11 martyrs and 30 wounded.") == {
        ("killed", 11, None, "exact"), ("wounded", 30, None, "exact")}


def test_fighters_who_gave_themselves_up_are_captured():
    assert tuples_in("Commanders said more than 2,000 fighters had given themselves up at the border by Monday.") \
        == {("captured", 2000, None, "more_than")}
    assert tuples_in("About 40 gunmen had surrendered by nightfall, the police said.") == {("captured", 40, None, "about")}
    # weapons handed in are no count of people
    assert tuples_in("Officials say thousands of fighters surrendered weapons before the deadline.") == set()


def test_others_who_remained_in_a_critical_state_are_wounded_but_a_share_of_the_wounded_is_not_counted_again():
    assert tuples_in("The surgeon said 11 people died and at least seven others remained in a critical state.") == {
        ("killed", 11, None, "exact"), ("wounded", 7, None, "at_least")}
    assert tuples_in("Five were still in hospital on Monday, one of them in a serious condition.") == set()


def test_another_person_who_died_is_one_more_dead_but_another_two_are_two():
    assert tuples_in("Another man died on Monday night, the nurse said.") == {("killed", 1, None, "exact")}
    assert tuples_in("A fifth policeman died later in hospital.") == {("killed", 1, None, "exact")}
    assert tuples_in("Another two soldiers died in hospital.") == {("killed", 2, None, "exact")}
    assert tuples_in("Not a single soldier died.") == set()


# --- prisoners held by a side: "holds 240 Ethiopian prisoners" -------------------------------

def test_prisoners_of_a_named_side_held_by_the_other_were_captured():
    assert tuples_in("The front says it holds 240 Ethiopian prisoners in camps near the border.") == {
        ("captured", 240, None, "exact")}
    assert tuples_in("The command said it was holding about 1,200 U.N. prisoners.") == {
        ("captured", 1200, None, "about")}


def test_a_prison_holding_prisoners_of_no_side_captured_no_one():
    assert tuples_in("The district jail holds 900 prisoners in cells built for 300.") == set()


# --- tallies set in the base form, and tallies that could be ---------------------------------

def test_a_toll_set_with_the_base_form_of_its_verb_is_read():
    assert tuples_in("The deaths bring to more than 140 the number of people killed in the valley this year.") == {
        ("killed", 140, None, "more_than")}


def test_a_toll_that_could_be_up_to_a_number_is_at_most_that_number():
    assert tuples_in("The ministry says the toll could be up to 4,000.") == {("killed", 4000, None, "at_most")}


# --- round 63: a side's dead set at a figure ------------------------------------------------------------------

def test_a_sides_dead_estimated_at_a_figure_is_a_toll():
    assert tuples_in("U.N. officers estimated Katangese dead at more than 150 after the fighting.") == {
        ("killed", 150, None, "more_than")}


def test_the_dead_given_as_a_figure_is_a_toll():
    assert tuples_in("The police had first given the dead as 35, and later raised it.") == {
        ("killed", 35, None, "exact")}


def test_a_capitalised_word_before_dead_needs_a_figure_linked_to_it():
    assert tuples_in("Villagers found Omar dead at the roadside on Sunday.") == set()


def test_the_dead_were_a_figure_is_a_toll():
    assert ("killed", 144, None, "exact") in tuples_in(
        "The command said the dead were 144 civilians and 22 soldiers.")


def test_prisoners_a_force_brought_back_were_captured():
    assert tuples_in("The raiding force brought back 131 prisoners for questioning.") == {
        ("captured", 131, None, "exact")}


# --- round 66: the groups listed after 'the dead were', and a figure in quotation marks -----------------------

def test_the_groups_listed_after_the_dead_were_each_count_the_dead():
    assert tuples_in("The command said the dead were 144 civilians, 22 soldiers and four policemen.") == {
        ("killed", 144, None, "exact"), ("killed", 22, None, "exact"), ("killed", 4, None, "exact")}


def test_a_toll_set_at_a_figure_in_quotation_marks_is_read():
    assert tuples_in('A relief committee puts the number of people killed at "more than 1,000".') == {
        ("killed", 1000, None, "more_than")}


# --- round 68: thousands grouped by spaces, ranges, labels, lives it cost, treated for gas --------------------

def test_thousands_grouped_by_a_space_are_one_number():
    assert tuples_in("Opposition sources have spoken of between 2 400 and 6 000 dead.") == {
        ("killed", 2400, 6000, "range")}
    assert tuples_in("The authorities put the number of dead at more than 4 000.") == {
        ("killed", 4000, None, "more_than")}


def test_a_year_then_a_count_stays_two_numbers():
    assert tuples_in("In March 1988 300 villagers were killed.") == {("killed", 300, None, "exact")}


def test_estimates_that_range_between_two_figures_are_a_range_even_with_a_word_on_the_upper_one():
    assert tuples_in("Estimates of those killed in the fighting range from 20,000 to about 40,000.") == {
        ("killed", 20000, 40000, "range")}


def test_a_share_of_those_deaths_counts_deaths():
    assert tuples_in("The study attributes about 900 of those deaths to the militias.") == {
        ("killed", 900, None, "about")}


def test_prisoners_an_offensive_netted_were_captured():
    assert tuples_in("The spring offensive netted about 2,300 prisoners.") == {("captured", 2300, None, "about")}


def test_whom_a_war_cost_lives_may_stand_before_the_count():
    assert tuples_in("The insurgency has cost Peru an estimated 69,000 lives.") == {("killed", 69000, None, "about")}


def test_people_treated_for_gas_injuries_were_wounded():
    assert tuples_in("Doctors said more than 3,000 people had been treated for gas injuries.") == {
        ("wounded", 3000, None, "more_than")}


def test_a_line_labelled_with_an_outcome_and_a_colon_is_a_count():
    article = "Figures at 18:00:\nDeaths: 1,204\nMissing: more than 600\nInjured: 3,100 people\n"
    assert tuples_in(article) == {("killed", 1204, None, "exact"), ("missing", 600, None, "more_than"),
                                  ("wounded", 3100, None, "exact")}


def test_a_label_inside_a_sentence_is_no_line_label():
    assert tuples_in("The report's heading read: Injured: none reported.") == set()


# --- round 69: a toll set at its groups, one named victim and others, a long 'number of' --------------------

def test_a_toll_set_at_one_group_and_another_counts_both():
    assert tuples_in("Late on Saturday the ministry put the dead at 19 hostages and 27 gunmen.") == {
        ("killed", 19, None, "exact"), ("killed", 27, None, "exact")}


def test_a_toll_set_at_a_bare_figure_lists_no_group_after_it():
    assert tuples_in("The ministry put the toll at 19 on Saturday and 27 houses burned.") == {
        ("killed", 19, None, "exact")}
    # (a bare figure after it with a time of its own is the toll's later value, not a group of the list)
    assert tuples_in("The ministry put the toll at 19 on Saturday and 27 on Sunday.") == {
        ("killed", 19, None, "exact"), ("killed", 27, None, "exact")}


def test_a_named_victim_and_others_counts_the_others():
    assert tuples_in("The car bomb that killed the former governor Ahmed Salim and 14 others was never solved.") == {
        ("killed", 14, None, "exact")}


def test_the_number_of_a_long_group_killed_is_a_toll():
    assert tuples_in("The movement has put the number of its members and supporters killed at more than 900.") == {
        ("killed", 900, None, "more_than")}


# --- round 71: care that counts the hurt in a story of violence; a side holding people -----------------------

def test_people_taken_into_care_in_a_story_of_violence_were_wounded():
    article = ("Two guards were killed when the bomb went off. Forty-one people were taken to hospital, and the "
               "health ministry said 17 remained in hospital on Friday.")
    assert tuples_in(article) == {("killed", 2, None, "exact"), ("wounded", 41, None, "exact"),
                                  ("wounded", 17, None, "exact")}


def test_care_in_a_story_with_no_death_or_injury_counts_nobody():
    assert tuples_in("The clinic said 300 people were treated during the festival week.") == set()


def test_care_for_an_illness_counts_nobody_hurt():
    assert tuples_in("One man was killed in the clash. Doctors said 80 people were treated for cholera.") == {
        ("killed", 1, None, "exact")}


def test_a_named_side_holding_people_captured_them():
    assert tuples_in("Relatives say the FARC is holding at least 26 people in the hills.") == {
        ("captured", 26, None, "at_least")}


def test_a_building_or_the_police_holding_people_captured_nobody():
    assert tuples_in("The new stadium holds 45,000 people.") == set()
    assert tuples_in("Police held 12 people overnight.") == set()


def test_a_share_of_hostages_freed_is_no_capture():
    assert tuples_in("The gunmen held more than 30 people in the embassy, freeing 14 of them on Saturday.") == {
        ("captured", 30, None, "more_than")}


# --- round 72: a side's dead set at a figure; a share of the hurt brought in that died -------------------------

def test_a_setter_with_whose_dead_then_at_a_figure_is_a_toll():
    assert tuples_in("Cairo put Libya's own dead at 46.") == {("killed", 46, None, "exact")}
    assert tuples_in("The ministry puts the civilian dead at 19.") == {("killed", 19, None, "exact")}
    assert tuples_in("A military source put the army's wounded at 31.") == {("wounded", 31, None, "exact")}


def test_a_setter_of_something_else_at_a_figure_is_no_toll():
    assert tuples_in("The firm put the dead battery at 40 percent.") == set()


def test_a_share_of_the_hurt_brought_in_that_died_were_killed():
    assert tuples_in("A surgeon said 9 of those brought in had died.") == {("killed", 9, None, "exact")}
    assert tuples_in("At least 30 of the injured taken to the hospital had died.") == {("killed", 30, None, "at_least")}


# --- round 77: burials and care named by their verb before the count ------------------------------------------

def test_people_someone_buried_were_dead():
    assert tuples_in("The shelling went on all week. We buried 23 people in the churchyard on Sunday.") == {
        ("killed", 23, None, "exact")}
    assert tuples_in("The parish priest said the village had buried at least 40 of its people since May.") == {
        ("killed", 40, None, "at_least")}


def test_things_someone_buried_are_no_deaths():
    assert tuples_in("Retreating troops buried 200 mines along the road to Kassala.") == set()


def test_people_a_clinic_treated_in_a_story_of_violence_were_hurt():
    article = ("Gunmen killed six villagers near Bunia on Monday. Our mobile clinic treated 31 people for gunshot and "
               "machete wounds.")
    assert ("wounded", 31, None, "exact") in tuples_in(article)
    article = "Shells hit the market, killing nine. \"We are treating between 20 and 25 children here,\" a nurse said."
    assert ("wounded", 20, 25, "range") in tuples_in(article)


def test_people_treated_for_an_illness_were_not_hurt():
    article = "Two people died in the floods. Field teams treated 300 people for cholera in the camps."
    assert ("wounded", 300, None, "exact") not in tuples_in(article)


def test_a_rate_is_no_toll():
    assert tuples_in("In June the militia was killing 30 people a day, a nurse said.") == set()
    assert tuples_in("The clinic was burying ten people a week by August.") == set()
    assert tuples_in("A second raid killed 12 people a day after the truce began.") == {("killed", 12, None, "exact")}


def test_a_share_set_off_between_the_count_and_its_verb_leaves_the_count_its_outcome():
    assert tuples_in("More than 90 people, 41 of them children, were killed in the strike on the school.") == {
        ("killed", 90, None, "more_than"), ("killed", 41, None, "exact")}


# --- round 84: people counted with their wounds were hurt, whatever verb carries them ----------------------------

@pytest.mark.parametrize("sentence, expected", [
    ("The head nurse said 14 people with stab wounds had been brought in since dawn.", ("wounded", 14, None, "exact")),
    ("By noon about 25 miners had arrived with burns and broken bones.", ("wounded", 25, None, "about")),
    ("The ward admitted more than 60 children with shrapnel and other wounds.", ("wounded", 60, None, "more_than")),
])
def test_people_counted_with_their_wounds_were_hurt(sentence, expected):
    assert tuples_in(sentence) == {expected}


@pytest.mark.parametrize("sentence", [
    "The field hospital, with 40 beds, opened on Monday.",
    "About 200 families with young children were moved to the school.",
])
def test_a_count_with_no_wound_after_it_is_no_casualty(sentence):
    assert tuples_in(sentence) == set()


# --- round 86: a tally put between two figures needs no word to link them --------------------------------------

@pytest.mark.parametrize("sentence, expected", [
    ("Historians of the famine put the toll between 300,000 and half a million.", ("killed", 300000, 500000, "range")),
    ("The commission put the number of dead between 1,204 and 1,590.", ("killed", 1204, 1590, "range")),
    ("The coroner expects the final toll to end up somewhere between 80 and 95.", ("killed", 80, 95, "range")),
])
def test_a_toll_put_between_two_figures_is_a_range(sentence, expected):
    assert tuples_in(sentence) == {expected}


def test_a_toll_between_two_dates_is_no_range_of_people():
    assert tuples_in("The toll between 1990 and 1995 is not known.") == set()


# --- round 88: people taken who "remain missing" are counted as missing ----------------------------------------

@pytest.mark.parametrize("sentence, expected", [
    ("Six aid workers kidnapped near the border last spring remain missing.", ("missing", 6, None, "exact")),
    ("Four herders were abducted in March and are still unaccounted for.", ("missing", 4, None, "exact")),
])
def test_people_taken_who_remain_missing_are_missing(sentence, expected):
    assert tuples_in(sentence) == {expected}


def test_a_share_that_remains_missing_leaves_the_capture_a_capture():
    assert tuples_in("Gunmen abducted 12 passengers, two of whom remain missing.") == {
        ("captured", 12, None, "exact"), ("missing", 2, None, "exact")}


# --- round 97: a setter's tally placed before "at", and a tally that "now numbers" ---------------------------------

@pytest.mark.parametrize("sentence, expected", [
    ("Witnesses put the civilian dead there at between 300 and 400.", ("killed", 300, 400, "range")),
    ("Officials put the total dead on both sides at between 1,000 and 2,000.", ("killed", 1000, 2000, "range")),
    ("Police put the dead in Kisumu at 12.", ("killed", 12, None, "exact")),
    ("The wounded now number more than 300, the hospital said.", ("wounded", 300, None, "more_than")),
])
def test_a_tally_read_where_it_was_set_or_as_it_now_numbers(sentence, expected):
    assert expected in tuples_in(sentence)


# --- round 100: "the wounded number 113,000": after the people a tally counts, "number" is a verb ------------------

@pytest.mark.parametrize("sentence, expected", [
    ("The wounded number 113,000, the ministry said.", ("wounded", 113000, None, "exact")),
    ("The dead number 40.", ("killed", 40, None, "exact")),
])
def test_a_tally_that_numbers_its_people_gives_its_count(sentence, expected):
    assert expected in tuples_in(sentence)


def test_a_number_that_labels_a_thing_is_still_no_count():
    # (a guard: "flight number 17" is no count of anyone)
    assert ("wounded", 17, None, "exact") not in tuples_in("Flight number 17 landed; 12 people were hurt.")
    assert ("wounded", 12, None, "exact") in tuples_in("Flight number 17 landed; 12 people were hurt.")


# --- round 113: the dead and the missing counted together ---------------------------------------------

def test_the_dead_and_the_missing_counted_together_are_killed_or_missing():
    assert tuples_in("A committee of families puts the number of dead and disappeared at about 600.") == {
        ("killed_or_missing", 600, None, "about")}
    assert tuples_in("The commission received reports naming 23,969 dead and disappeared people.") == {
        ("killed_or_missing", 23969, None, "exact")}
    assert tuples_in("The navy said the 46 dead and missing had served to the last minute.") == {
        ("killed_or_missing", 46, None, "exact")}


def test_the_dead_and_the_missing_counted_apart_stay_apart():
    assert tuples_in("Twelve were killed and three are missing.") == {
        ("killed", 12, None, "exact"), ("missing", 3, None, "exact")}
    assert tuples_in("The army put the dead at 40.") == {("killed", 40, None, "exact")}


# --- round 114: a people named by a plural demonym ----------------------------------------------------

def test_a_people_named_by_a_plural_demonym_is_people():
    assert tuples_in("Algeria says it has captured 57 Moroccans.") == {("captured", 57, None, "exact")}
    assert tuples_in("Police said 56 Greek Cypriots and 53 Turkish Cypriots have been killed since June.") == {
        ("killed", 56, None, "exact"), ("killed", 53, None, "exact")}
    assert tuples_in("The ministry said 14 Turks and 9 Greeks were missing.") == {
        ("missing", 14, None, "exact"), ("missing", 9, None, "exact")}


def test_things_of_a_nation_are_not_its_people():
    assert tuples_in("The army said it captured 40 Pakistani tanks.") == set()
    assert tuples_in("He had lived in Paris for 12 years before he was killed.") == set()


# --- round 115: who holds the people held ---------------------------------------------------------------

def test_militants_and_kidnappers_who_hold_people_hold_captives():
    assert tuples_in("The militants are still holding two soldiers they seized near the pass last week.") == {
        ("captured", 2, None, "exact")}
    assert tuples_in("The kidnappers were holding 14 passengers.") == {("captured", 14, None, "exact")}


def test_police_who_speak_before_the_gunmen_hold_no_one():
    assert tuples_in("Police said the gunmen were holding between 20 and 35 people.") == {
        ("captured", 20, 35, "range")}


def test_police_who_hold_people_hold_them_in_custody():
    assert tuples_in("The rebels said police were holding 20 of their fighters.") == set()
    assert tuples_in("Police are holding 20 suspects, the army said.") == set()


# --- round 116: people taken away ---------------------------------------------------------------------------

def test_people_taken_away_are_captured():
    assert tuples_in("He said the attackers had taken away at least 15 women and girls.") == {
        ("captured", 15, None, "at_least")}
    assert tuples_in("Soldiers took away 19 people with their hands tied behind their backs.") == {
        ("captured", 19, None, "exact")}
    assert tuples_in("Police arrested two youths late on Tuesday night.") == {("captured", 2, None, "exact")}


def test_people_taken_into_custody_are_not_counted_as_captives():
    # (the opened sets' editors count them four times, the closed sets' once not: left out on that evidence)
    assert tuples_in("Six men were taken into custody after the raid.") == set()


def test_things_taken_away_are_no_captives():
    assert tuples_in("The militia took away 12 trucks of grain.") == set()


def test_people_taken_away_who_have_not_been_seen_since_are_missing():
    assert tuples_in("Relatives say 11 young men taken away by soldiers in January have not been seen since.") == {
        ("missing", 11, None, "exact")}


def test_each_line_of_a_fact_box_is_read_on_its_own_however_long():
    from claims.extraction import casualties, text
    box = ("THE TOLL\n"
           "Dead: 9\n"
           "Also killed: two Danes, one Swede, one Norwegian, one Finn, one Icelander\n"
           "Danes in hospital in the port: at least 12\n")
    found = [(c.values["outcome"], c.values["count"], c.values["qualifier"], c.values["group"])
             for c in casualties.find_casualties(text.segment(box))]
    assert found == [("killed", 9, "exact", None), ("wounded", 12, "at_least", "danes in the port")]


def test_the_parts_set_right_after_a_count_that_add_up_to_it_share_its_outcome():
    from claims.extraction import casualties, text
    sentence = "The hotel's owners said the attackers were holding 170 people, 140 guests and 30 employees."
    found = [(c.values["outcome"], c.values["count"], c.values["group"])
             for c in casualties.find_casualties(text.segment(sentence))]
    assert found == [("captured", 170, "people"), ("captured", 140, "guests"), ("captured", 30, "employees")]
    things = "The attackers were holding 170 people, 40 cars and three buses at the depot."
    assert [c.values["count"] for c in casualties.find_casualties(text.segment(things))] == [170]


def test_the_parts_set_between_dashes_or_brackets_inside_a_count_are_counts_of_the_same_outcome():
    found = tuples_in("All 212 people on board - 198 passengers and 14 crew - died when the ferry capsized.")
    assert {("killed", 212, None, "exact"), ("killed", 198, None, "exact"), ("killed", 14, None, "exact")} <= found
    found = tuples_in("All 90 people aboard the bus (61 pilgrims and 29 others) were killed.")
    assert {("killed", 61, None, "exact"), ("killed", 29, None, "exact")} <= found
    # parts that do not make up the whole are not its parts
    assert tuples_in("All 90 people aboard the bus (60 pilgrims and 2 drivers) were killed.") == {
        ("killed", 90, None, "exact")}


def test_the_age_of_those_counted_is_no_count_of_them():
    assert tuples_in("Two-thirds of the dead were under 18, the rights group said.") == set()
    assert tuples_in("Most of the injured were over 60.") == set()
    assert tuples_in("The dead were over 200, the ministry said.") == {("killed", 200, None, "more_than")}


def test_a_year_after_a_or_an_is_no_count():
    assert tuples_in("He compared it with an 1866 pit accident in Wales that he said killed 361 men.") == {
        ("killed", 361, None, "exact")}


def test_a_wires_take_number_before_a_qualified_count_makes_no_range():
    found = tuples_in("3-More than 800 dead or missing as ferry sinks")
    assert {t[:3] for t in found} == {("killed_or_missing", 800, None)}
    assert tuples_in("About 10-15 people were killed.") == {("killed", 10, 15, "range")}


# --- a toll followed through time: each later value of the same tally is a count of its own ------------------

def test_a_toll_given_again_at_a_later_hour_with_its_verb_left_out_is_a_count_of_the_same_outcome():
    assert tuples_in("Firefighters put the toll at 35 before noon and at 52 by nightfall.") == {
        ("killed", 35, None, "exact"), ("killed", 52, None, "exact")}
    assert tuples_in("The coroner listed 9 dead at dawn, 14 by the afternoon, and 17 two days later.") == {
        ("killed", 9, None, "exact"), ("killed", 14, None, "exact"), ("killed", 17, None, "exact")}


def test_a_later_hour_after_a_count_of_something_else_adds_no_count():
    assert tuples_in("Six miners died in the blast, and 40 by the end of the shift had been brought up alive.") == {
        ("killed", 6, None, "exact")}


def test_it_standing_for_a_toll_just_given_is_a_later_value_of_it():
    assert tuples_in("On Monday night the council reported 11 dead. By Tuesday evening it was 19.") == {
        ("killed", 11, None, "exact"), ("killed", 19, None, "exact")}
    assert tuples_in("The agency spoke of 304 dead on Monday. It stood at 2,189 from Wednesday until Sunday.") == {
        ("killed", 304, None, "exact"), ("killed", 2189, None, "exact")}
    assert tuples_in("The governor first put the toll at 7; by midnight it had risen to 26, "
                     "and by Friday it had settled at 31.") == {
        ("killed", 7, None, "exact"), ("killed", 26, None, "exact"), ("killed", 31, None, "exact")}


def test_it_with_a_number_that_is_an_hour_a_year_or_a_measure_is_no_toll():
    assert tuples_in("Three guards were killed in the raid. It was 4 a.m. when the shooting began.") == {
        ("killed", 3, None, "exact")}
    assert tuples_in("Two pilots died when the jet came down. It was 1987, the last year of the programme.") == {
        ("killed", 2, None, "exact")}
    assert tuples_in("Five hikers were killed by the avalanche. It was 30 metres wide.") == {
        ("killed", 5, None, "exact")}


def test_it_with_no_toll_just_before_is_no_toll():
    assert tuples_in("The bridge was closed for repairs. By Sunday it was 40.") == set()


def test_the_official_figure_at_a_given_time_is_a_value_of_the_tally_before():
    assert tuples_in("An earlier post gave the toll as 212. The official figure at that time was 187.") == {
        ("killed", 212, None, "exact"), ("killed", 187, None, "exact")}


def test_a_count_of_the_dead_set_to_a_figure_is_a_toll():
    assert tuples_in("The defence ministry raised its count of military dead to 31.") == {
        ("killed", 31, None, "exact")}
    assert tuples_in("The number of people known to have died in the floods has risen above 1,200.") == {
        ("killed", 1200, None, "more_than")}


def test_a_sides_dead_in_a_place_of_several_words_set_at_a_figure_is_a_toll():
    assert tuples_in("The rebels put their own dead in the two northern valleys at more than 60.") == {
        ("killed", 60, None, "more_than")}
    assert tuples_in("Kinshasa puts its civilian dead in the Ituri and Kivu provinces at 140.") == {
        ("killed", 140, None, "exact")}


# --- round 152: one count over a list of kinds of people ---------------------------------------------------

def test_one_count_over_a_list_of_kinds_of_people_is_one_count():
    assert tuples_in("Officials said 28 doctors, nurses and orderlies were killed when the hospital was hit.") == {
        ("killed", 28, None, "exact")}
    assert tuples_in("The army says 324 guerrillas and Angolan and Cuban soldiers were killed in the operation.") == {
        ("killed", 324, None, "exact")}


def test_a_list_of_counted_groups_still_counts_each_group():
    assert tuples_in("The blast killed 12 soldiers, 4 policemen and 3 civilians.") == {
        ("killed", 12, None, "exact"), ("killed", 4, None, "exact"), ("killed", 3, None, "exact")}


def test_a_count_before_a_comma_and_the_reporters_is_not_a_list():
    assert tuples_in("The attack killed 17 soldiers, officials and residents said.") == {("killed", 17, None, "exact")}


# --- round 153: a tally named again by whose figure it is, who gave it, and when it moved ----------------------

def test_a_tally_named_again_by_the_body_whose_figure_it_is_counts_what_the_claim_before_counted():
    assert tuples_in("Rebels said 290 of their fighters had been killed. On Friday the police figure was 263.") == {
        ("killed", 290, None, "exact"), ("killed", 263, None, "exact")}


def test_a_tally_named_again_with_who_gave_it_counts_what_the_claim_before_counted():
    assert tuples_in("Residents said 12 people died in the fire. The figure given by police was seven.") == {
        ("killed", 12, None, "exact"), ("killed", 7, None, "exact")}


def test_a_tally_raised_or_that_fell_on_a_day_is_a_value_of_it():
    assert tuples_in("The ministry said 96 people were killed in the riots. It raised its figure yesterday to 102.") == {
        ("killed", 96, None, "exact"), ("killed", 102, None, "exact")}
    assert tuples_in("In January 813 people were killed in the city. In March the figure fell to 255.") == {
        ("killed", 813, None, "exact"), ("killed", 255, None, "exact")}


def test_a_figure_of_something_else_named_again_is_no_toll():
    assert tuples_in("Officials said 40 people died. The unemployment figure was 12 per cent.") == {
        ("killed", 40, None, "exact")}


def test_a_count_after_a_month_that_cannot_be_its_day_is_a_count():
    assert tuples_in("In March 450 people were killed in the fighting.") == {("killed", 450, None, "exact")}
    assert tuples_in("In May 2,000 people were killed in the fighting.") == {("killed", 2000, None, "exact")}
    assert tuples_in("In May 2000 the rebels were driven from the town.") == set()
    assert tuples_in("On March 12 people gathered at the gates.") == set()


# --- round 158: a share of the bodies is a share of the dead ----------------------------------------------------

def test_a_share_of_the_bodies_counts_dead():
    assert tuples_in("The agency said 32 of the bodies had been recovered from the river.") == {
        ("killed", 32, None, "exact")}
    assert tuples_in("The inquiry found that 191 of the bodies had come from the movement's centre.") == {
        ("killed", 191, None, "exact")}


def test_a_share_of_the_body_bags_is_no_count():
    assert tuples_in("The report said 30 of the body bags had been used.") == set()


def test_a_share_of_the_dead_told_only_as_identified_is_no_count_of_its_own():
    assert tuples_in("An official said only 36 of the bodies had been identified because many were charred.") == set()
    assert tuples_in("So far 12 of the dead have been named by the police.") == set()


# --- round 160: a part of the toll told only by who the people were -----------------------------------------------

@pytest.mark.parametrize("article, part", [
    ("The crush killed 150 people, and at least 20 were children under 15.", ("killed", 20, None, "at_least")),
    ("The crush killed 150 people; 20 were pilgrims from the coast.", ("killed", 20, None, "exact")),
    ("Eleven people died in the raid. Two of them were messengers.", ("killed", 2, None, "exact")),
    ("Seventy-three bodies have been exhumed. At least 31 of the 73 were children.", ("killed", 31, None, "at_least")),
    ("Forty people were hurt in the blast. Five were foreigners.", ("wounded", 5, None, "exact")),
])
def test_a_part_of_the_toll_told_by_who_the_people_were_shares_its_outcome(article, part):
    assert part in tuples_in(article)


@pytest.mark.parametrize("article", [
    "The quake killed 150 people. Twenty were rescued from the rubble.",      # not a kind of people
    "The raid killed 11 people. In 1998, 40 were soldiers.",                   # more than the toll
    "Seventy-three bodies have been exhumed. At least 31 of the 90 were children.",  # another whole
    "The storm killed 12 people. By then three were volunteers at the shelter.",  # not opening its sentence
])
def test_a_count_after_a_toll_that_is_not_a_part_of_it_counts_no_one(article):
    tuples = tuples_in(article)
    assert len(tuples) == 1 and next(iter(tuples))[1] in (150, 11, 73, 12)


def test_the_part_told_in_the_next_sentence_has_the_tolls_source():
    [toll, part] = claims_in("The army said 40 rebels were killed. Five were commanders.")
    assert (part["count"], part["speaker"].name) == (5, "army")


def test_two_kinds_of_wound_joined_by_and_are_an_injury():
    assert ("wounded", 23, None, "exact") in tuples_in(
        "The superintendent said 23 people had been admitted with gunshot and slash wounds, nine of them villagers, "
        "and two were in a critical condition.")
    assert ("wounded", 500, None, "about") in tuples_in(
        "The cyclone killed 49 people and about 500 more were treated for cuts and broken bones.")


# --- round 162: "not accounted for", "in a critical condition", "held by", "the total is therefore" ---------------

@pytest.mark.parametrize("article, claim", [
    ("Four or five people who were on the island are still not accounted for.", ("missing", 4, 5, "range")),
    ("Four of our patients are still in a critical condition.", ("wounded", 4, None, "exact")),
    ("Two miners are in serious condition at the district hospital.", ("wounded", 2, None, "exact")),
    ("The ministry says 38 officers had been held by protesters since Thursday.", ("captured", 38, None, "exact")),
    ("Police gave 68 dead on the island and eight in the city. The total is therefore 76.",
     ("killed", 76, None, "exact")),
])
def test_more_ways_news_states_a_count(article, claim):
    assert claim in tuples_in(article)


def test_things_held_by_someone_and_prisoners_long_held_are_no_new_captives():
    assert tuples_in("The rebels said 40 villages were held by government troops.") == set()
    assert tuples_in("Cairo said it would work for the release of two prisoners held by Israel.") == set()


def test_one_of_them_in_a_serious_condition_without_its_verb_is_no_count_of_its_own():
    assert tuples_in("Three were still on its wards on Tuesday, one of them in a serious condition.") == set()
    assert ("wounded", 2, None, "exact") in tuples_in("Two soldiers remained in critical condition.")


# --- round 163: a part of a toll whose size is given with it ------------------------------------------------------

@pytest.mark.parametrize("article, part, whole", [
    ("The coroner said 27 of the 35 victims had died of crush injuries.", ("killed", 27, None, "exact"),
     ("killed", 35, None, "exact")),
    ("At least 12 of the 30 dead had been shot in the back.", ("killed", 12, None, "at_least"),
     ("killed", 30, None, "exact")),
    ("Nine of the 22 bodies were recovered on Friday.", ("killed", 9, None, "exact"), ("killed", 22, None, "exact")),
    ("Doctors said 6 of the 48 injured remain in intensive care.", ("wounded", 6, None, "exact"),
     ("wounded", 48, None, "exact")),
])
def test_a_part_of_a_toll_counted_with_the_toll_gives_both_counts(article, part, whole):
    assert {part, whole} <= tuples_in(article)


def test_a_part_of_a_count_of_people_who_are_no_casualties_is_none():
    assert tuples_in("Nine of the 22 delegates were women.") == set()
    assert tuples_in("One of the 30 dead was a nurse.") == {("killed", 30, None, "exact")}


@pytest.mark.parametrize("article, claim", [
    ("Eleven of the trawler's 14 crewmen were missing.", ("missing", 11, None, "exact")),
    ("Four of the 20 miners were killed.", ("killed", 4, None, "exact")),
    ("At least three of its 12 guards were wounded.", ("wounded", 3, None, "at_least")),
])
def test_a_share_of_a_group_with_the_verb_of_the_share_counts_the_share_alone(article, claim):
    assert tuples_in(article) == {claim}


def test_the_people_a_relative_clause_counts_stay_the_toll_a_share_is_taken_from():
    assert ("killed", 3, None, "exact") in tuples_in("Two of the three people who were killed were brothers.")


# --- round 165: a part of the toll after "of whom", or told by age ------------------------------------------------

@pytest.mark.parametrize("article, part", [
    ("The blast killed 52 people, of whom 17 were women.", ("killed", 17, None, "exact")),
    ("At least 61 people died in the crush. At least 23 were under 16, the coroner said.",
     ("killed", 23, None, "at_least")),
    ("The fire killed 40 workers, and 11 were aged under 18.", ("killed", 11, None, "exact")),
])
def test_a_part_of_the_toll_after_of_whom_or_told_by_age_shares_its_outcome(article, part):
    assert part in tuples_in(article)


def test_an_age_said_of_a_count_with_no_toll_before_it_is_no_casualty():
    assert tuples_in("Of the 300 pupils, 40 were under 12.") == set()


def test_among_them_opening_the_sentence_after_a_toll_is_a_part_of_it():
    article = "The bombing killed 44 people, the ministry said. Among them were four children, a doctor said."
    assert ("killed", 4, None, "exact") in tuples_in(article)
    assert tuples_in("Among them were four children.") == set()


def test_people_on_the_missing_list_are_missing():
    assert ("missing", 31, None, "exact") in tuples_in("The council said 31 people from the valley were on the "
                                                       "missing list.")


# --- round 168 ------------------------------------------------------------------------------------------------------

def test_animals_that_died_are_no_toll():
    assert tuples_in("The gas killed 1,746 people, and about 3,500 animals died. Some 3,000 cattle were lost.") \
        == {("killed", 1746, None, "exact")}


@pytest.mark.parametrize("sentence", [
    "The spokesman said at least 158 of the dead came from two villages.",
    "At least 158 of the dead lived in the lower town.",
])
def test_a_share_of_the_dead_told_by_where_they_came_from_is_counted(sentence):
    assert ("killed", 158, None, "at_least") in tuples_in("The dam burst, killing 1,900 people. " + sentence)


def test_survivors_taken_to_hospital_were_hurt():
    article = "The dam burst, killing 1,900 people. Rescuers said 94 survivors had been taken to hospitals."
    assert ("wounded", 94, None, "exact") in tuples_in(article)


def test_an_adverb_may_stand_inside_held_hostage():
    assert tuples_in("Eight prison guards were briefly held hostage in the north.") == {("captured", 8, None, "exact")}


def test_a_relative_clause_never_swallows_the_first_half_of_dead_or_missing():
    article = "A spokesman said at least 250 of the men who went ashore were dead or missing."
    assert tuples_in(article) == {("killed_or_missing", 250, None, "at_least")}
