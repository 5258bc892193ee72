"""Casualty counts: what news states about the killed, wounded, missing and captured."""
from __future__ import annotations

from datetime import date

import pytest

from claims.extraction import casualties, speakers, text
from claims.extraction.types import Speaker


def claims_in(article: str) -> list[dict]:
    document = text.segment(article, date(2024, 3, 6))
    found = casualties.find_casualties(document)
    for claim in found:
        assert claim.text == article[claim.start:claim.end]
    return [{**claim.values, "text": claim.text, "rule": claim.rule} for claim in found]


def tuples_in(article: str) -> set[tuple]:
    return {(c["outcome"], c["count"], c["count_high"], c["qualifier"]) for c in claims_in(article)}


# --- the count, then the outcome ---------------------------------------------------------

def test_it_reads_a_passive_count_with_its_qualifier_and_group():
    [claim] = claims_in("At least 12 coal miners were killed when the gallery collapsed.")
    assert (claim["outcome"], claim["count"], claim["qualifier"]) == ("killed", 12, "at_least")
    assert claim["group"] == "coal miners"
    assert claim["text"] == "At least 12 coal miners were killed"


def test_it_reads_a_bare_count_before_an_outcome_adjective():
    assert tuples_in("Hospital staff spoke of 17 dead and more than 90 injured.") == {
        ("killed", 17, None, "exact"), ("wounded", 90, None, "more_than")}


def test_it_reads_outcomes_phrased_as_lives_lost_or_died():
    assert tuples_in("Nearly 300 villagers lost their lives and 41 others died later in hospital.") == {
        ("killed", 300, None, "about"), ("killed", 41, None, "exact")}


def test_it_reads_victims_who_succumbed_and_people_found_dead():
    assert tuples_in("Two more patients succumbed to their injuries. Twelve people were found dead in a cellar.") == {
        ("killed", 2, None, "exact"), ("killed", 12, None, "exact")}


def test_it_reads_among_the_dead_and_among_those_hurt():
    assert tuples_in("Four paramedics were among the dead, and nine pupils were among those hurt.") == {
        ("killed", 4, None, "exact"), ("wounded", 9, None, "exact")}


def test_it_reads_missing_and_unaccounted_for():
    assert tuples_in("Some 35 fishermen remain unaccounted for and 6 divers are still missing.") == {
        ("missing", 35, None, "about"), ("missing", 6, None, "exact")}


def test_it_reads_dead_or_missing_as_one_outcome():
    assert tuples_in("Rescuers believe around 80 people are dead or still missing.") == {
        ("killed_or_missing", 80, None, "about")}


def test_it_reads_people_taken_prisoner_or_hostage_as_captured():
    assert tuples_in("Commanders said 23 marines had been taken prisoner and two nurses taken hostage.") == {
        ("captured", 23, None, "exact"), ("captured", 2, None, "exact")}


def test_it_reads_a_group_of_two_kinds_of_people():
    [claim] = claims_in("At least 14 soldiers and civilians were killed in the raid.")
    assert (claim["count"], claim["group"]) == (14, "soldiers and civilians")


def test_it_reads_a_count_of_its_own_soldiers():
    [claim] = claims_in("The army said 212 of its soldiers had been killed since March.")
    assert (claim["count"], claim["group"]) == (212, "soldiers")


def test_it_reads_headline_present_tense_and_lives_lost():
    assert tuples_in("Eleven migrants die off island. Officials say 7 lives were lost in the fire.") == {
        ("killed", 11, None, "exact"), ("killed", 7, None, "exact")}


def test_it_reads_injuries_sustained():
    assert tuples_in("At least 17 spectators sustained injuries in the crush.") == {("wounded", 17, None, "at_least")}


def test_it_reads_past_an_aside_between_the_count_and_its_verb():
    assert tuples_in("Twelve people, including four children, were killed in the raid.") == {
        ("killed", 12, None, "exact"), ("killed", 4, None, "exact")}
    assert tuples_in("At least 30 civilians — most of them women — died.") == {("killed", 30, None, "at_least")}
    assert tuples_in("Nine soldiers, the army said, were wounded.") == {("wounded", 9, None, "exact")}


def test_it_reads_past_a_place_between_the_count_and_its_verb():
    assert tuples_in("Five people in the village were killed.") == {("killed", 5, None, "exact")}


def test_it_reads_counts_in_words():
    assert tuples_in("Forty-two passengers were hurt and a dozen crew members were killed.") == {
        ("wounded", 42, None, "exact"), ("killed", 12, None, "exact")}


def test_it_reads_a_count_that_may_have_died():
    assert tuples_in("As many as 140 migrants may have drowned off the coast.") == {("killed", 140, None, "at_most")}


def test_it_shares_the_outcome_with_a_count_joined_by_and():
    assert tuples_in("Police said eight officers and three bystanders were wounded.") == {
        ("wounded", 8, None, "exact"), ("wounded", 3, None, "exact")}


# --- qualifiers and ranges ---------------------------------------------------------------

@pytest.mark.parametrize("words, qualifier", [
    ("at least", "at_least"), ("no fewer than", "at_least"),
    ("more than", "more_than"), ("over", "more_than"),
    ("nearly", "about"), ("about", "about"), ("around", "about"), ("an estimated", "about"),
    ("up to", "at_most"), ("as many as", "at_most"),
    ("fewer than", "fewer_than"), ("less than", "fewer_than"),
])
def test_it_maps_each_qualifier(words, qualifier):
    [claim] = claims_in(f"Officials said {words} 60 people were injured in the blast.")
    assert (claim["count"], claim["qualifier"]) == (60, qualifier)


@pytest.mark.parametrize("sentence, qualifier", [
    ("Officials said 50 or more people were injured.", "at_least"),
    ("Officials said 50 or so people were injured.", "about"),
])
def test_it_reads_a_qualifier_written_after_the_count(sentence, qualifier):
    assert tuples_in(sentence) == {("wounded", 50, None, qualifier)}


@pytest.mark.parametrize("written", ["between 40 and 65", "40 to 65", "40-65", "40–65"])
def test_it_reads_a_range_as_count_and_count_high(written):
    assert tuples_in(f"Medics said {written} protesters were wounded.") == {("wounded", 40, 65, "range")}


def test_it_reads_a_range_after_a_toll():
    assert tuples_in("Local reports put the dead at between 15 and 22.") == {("killed", 15, 22, "range")}


# --- verb first --------------------------------------------------------------------------

def test_it_reads_an_active_verb_before_the_count():
    assert tuples_in("The shell hit a bus stop, killing at least 7 people and injuring one.") == {
        ("killed", 7, None, "at_least"), ("wounded", 1, None, "exact")}


def test_it_does_not_count_the_attackers_of_an_active_verb():
    assert tuples_in("Police said two gunmen had killed five worshippers.") == {("killed", 5, None, "exact")}
    assert tuples_in("Two gunmen killed a policeman at the gate.") == set()


def test_it_reads_other_verbs_of_killing():
    assert tuples_in("Gunmen murdered 6 farmers. Police said 3 guards were gunned down.") == {
        ("killed", 6, None, "exact"), ("killed", 3, None, "exact")}


def test_it_reads_a_count_after_the_or_all():
    assert tuples_in("The crash killed all 7 passengers and injured the 2 pilots.") == {
        ("killed", 7, None, "exact"), ("wounded", 2, None, "exact")}


def test_it_reads_a_headline_verb_in_the_present():
    assert tuples_in("Landslide in northern valley kills 31") == {("killed", 31, None, "exact")}


def test_it_reads_lives_claimed_and_people_lost():
    assert tuples_in("The epidemic claimed some 4,000 lives. The regiment lost 600 men in a week.") == {
        ("killed", 4000, None, "about"), ("killed", 600, None, "exact")}


def test_it_reads_a_count_left_dead():
    assert tuples_in("The ambush left more than 20 policemen dead.") == {("killed", 20, None, "more_than")}


def test_it_reads_people_taken_prisoner_after_a_verb():
    assert tuples_in("The rebels took 12 soldiers prisoner and 3 hostages.") == {
        ("captured", 12, None, "exact"), ("captured", 3, None, "exact")}


def test_it_reads_captured_people_after_a_verb():
    assert tuples_in("Insurgents abducted 14 schoolgirls on Monday.") == {("captured", 14, None, "exact")}


def test_it_shares_the_verb_with_a_second_group_of_people():
    assert tuples_in("The raid killed five fighters and two civilians.") == {
        ("killed", 5, None, "exact"), ("killed", 2, None, "exact")}
    assert tuples_in("The siege killed about 900 people in the city, most of them women, and 64 soldiers.") == {
        ("killed", 900, None, "about"), ("killed", 64, None, "exact")}


# --- tolls -------------------------------------------------------------------------------

def test_it_reads_a_death_toll_that_rose():
    [claim] = claims_in("By nightfall the death toll from the floods had risen to 1,084, the agency said.")
    assert (claim["outcome"], claim["count"], claim["qualifier"]) == ("killed", 1084, "exact")
    assert claim["text"].startswith("death toll")


def test_it_reads_a_tally_of_the_dead_that_numbered_a_figure():
    assert tuples_in("By Friday the dead numbered 412.") == {("killed", 412, None, "exact")}


def test_it_reads_a_qualifier_after_the_link_of_a_toll():
    assert tuples_in("The toll rose to over 300 overnight.") == {("killed", 300, None, "more_than")}


def test_it_reads_a_number_of_confirmed_deaths():
    assert tuples_in("The number of confirmed deaths has climbed to 5,300.") == {("killed", 5300, None, "exact")}


def test_it_reads_a_toll_past_other_numbers_before_its_link():
    assert tuples_in("The death toll since the siege began 40 days ago is nearly 2,000.") == {
        ("killed", 2000, None, "about")}


def test_it_reads_a_toll_that_passed_a_figure_as_more_than():
    assert tuples_in("Cyclone toll passes 700") == {("killed", 700, None, "more_than")}


def test_it_reads_a_figure_put_on_losses_or_the_injured():
    assert tuples_in("The rebels put their losses at 38. Doctors put the number of injured at about 250.") == {
        ("killed", 38, None, "exact"), ("wounded", 250, None, "about")}


def test_it_reads_a_toll_raised_and_then_raised_again():
    assert tuples_in("The mayor raised the number of dead to 12, and then to 19.") == {
        ("killed", 12, None, "exact"), ("killed", 19, None, "exact")}


def test_it_reads_counts_named_by_deaths_and_fatalities():
    assert tuples_in("Monitors logged 128 civilian fatalities and an estimated 5,600 deaths overall.") == {
        ("killed", 128, None, "exact"), ("killed", 5600, None, "about")}


def test_it_reads_bodies_recovered_as_killed():
    assert tuples_in("Divers recovered 9 bodies from the lake.") == {("killed", 9, None, "exact")}


def test_it_reads_the_bodies_of_a_group_as_killed():
    [claim] = claims_in("Searchers found the bodies of 8 climbers below the ridge.")
    assert (claim["outcome"], claim["count"], claim["group"]) == ("killed", 8, "climbers")


def test_it_reads_relatives_lost():
    assert tuples_in("The widow lost 2 sons in the shelling.") == {("killed", 2, None, "exact")}


def test_it_does_not_join_a_count_of_places_to_the_casualties_after_it():
    assert tuples_in("The storm crossed four provinces, and 9 residents are missing.") == {
        ("missing", 9, None, "exact")}


# --- a count that continues the claim before it ------------------------------------------

def test_it_gives_an_including_count_the_outcome_before_it():
    assert tuples_in("The blast wounded at least 30 people, including 4 children.") == {
        ("wounded", 30, None, "at_least"), ("wounded", 4, None, "exact")}


def test_it_gives_an_including_count_the_outcome_of_a_vague_count_before_it():
    assert tuples_in("Dozens of people were killed, including 12 children.") == {("killed", 12, None, "exact")}


def test_it_does_not_continue_with_a_bare_count_of_something_else():
    assert tuples_in("Officials said 12 were killed in raids, including 3 on clinics.") == {("killed", 12, None, "exact")}


def test_it_gives_a_count_of_them_the_outcome_before_it():
    assert tuples_in("The war caused some 90,000 deaths, roughly 40,000 of them among civilians.") == {
        ("killed", 90000, None, "about"), ("killed", 40000, None, "about")}


def test_it_does_not_count_one_of_them_again():
    assert tuples_in("Five guards were hurt, one of them seriously.") == {("wounded", 5, None, "exact")}


def test_it_reads_an_earlier_figure_it_went_up_from():
    assert tuples_in("The ministry said 58 troops had died, up from the 44 it gave on Monday.") == {
        ("killed", 58, None, "exact"), ("killed", 44, None, "exact")}


def test_it_gives_a_running_total_the_outcome_of_the_counts_it_can_contain():
    # 640 can hold the 410 dead but not the 900 hurt, so it totals deaths
    assert tuples_in("Medics said 410 had died and 900 had been hurt, bringing the total in the valley to 640.") == {
        ("killed", 410, None, "exact"), ("wounded", 900, None, "exact"), ("killed", 640, None, "exact")}


# --- the speaker comes from the speakers stage -------------------------------------------

def test_it_asks_the_speakers_stage_who_stated_each_count(monkeypatch):
    asked = []

    def fake_speaker(document, position):
        asked.append(position)
        return Speaker("Civil Defence Agency", kind="organisation")

    monkeypatch.setattr(speakers, "statement_speaker", fake_speaker)
    document = text.segment("The agency said 14 people were hurt.", date(2024, 3, 6))
    [claim] = casualties.find_casualties(document)
    assert claim.speaker.name == "Civil Defence Agency" and asked


# --- distractors: numbers that count no casualties ---------------------------------------

def test_an_age_is_no_count_but_a_person_counted_by_a_is_one():
    assert tuples_in("A 34-year-old nurse was killed in the strike.") == {("killed", 1, None, "exact")}


@pytest.mark.parametrize("sentence", [
    "The 34-year-old nurse was killed in the strike.",                    # age (the article "a" counts one: below)
    "The man, 52, was wounded by shrapnel.",                                # age after a name
    "The village was shelled in 2014 and again in 2019, killing a farmer.",  # years
    "Fighting resumed on 14 March and on March 20, killing scores.",       # dates, vague count
    "The convoy was hit at 10:45 and again at 6 pm; dozens were killed.",  # clock times
    "He was killed 15 km from the front line.",                             # distance
    "She was wounded two days after the ceasefire.",                        # duration
    "The brigade lost 40 tanks and captured 12 armoured vehicles.",        # equipment
    "The army said it had killed $3 million worth of livestock.",          # money
    "The war has cost 5 billion dollars.",                                  # money
    "The offensive seized 1,200 square kilometres of farmland.",           # area
    "More than 12,000 people were evacuated and 3,000 displaced.",         # displaced / evacuated
    "Rescuers pulled 40 people alive from the rubble.",                    # rescued
    "The group released 24 hostages and exchanged 90 prisoners.",          # released / exchanged
    "Hundreds were killed and dozens of bodies lay unburied.",             # vague amounts
    "Tens of thousands of people have been injured.",                      # vague amounts
    "About 40% of the dead were children.",                                 # percentage
    "Call the hotline on 0800 555 123; details are on page 12.",           # phone and page numbers
    "Six villages were destroyed and 300 homes were damaged.",             # buildings and villages
    "The storm destroyed 2,000 houses.",                                    # buildings
    "Thousands of soldiers were killed in the first months of the war.",   # vague amount
    "No one was killed, officials said.",                                   # nobody
    "None of the 30 passengers were hurt.",                                 # nobody
    "Experts warned that as many as 5,000 people could die.",              # a forecast
    "The death toll is expected to rise to 1,000.",                         # a forecast
    "Neither of the 2 pilots was injured.",                                 # nobody
    "The airline said its losses rose to 2 billion as sales fell.",        # money losses
])
def test_it_makes_no_claim_of_numbers_that_count_no_casualties(sentence):
    assert claims_in(sentence) == []


def test_it_keeps_a_mixed_killed_or_wounded_count_out_of_the_contract():
    assert claims_in("Aid agencies say more than 900 children have been killed or maimed.") == []
    assert claims_in("A witness said he saw around 50 dead or wounded villagers.") == []


def test_it_reads_serious_wounds_suffered():
    assert tuples_in("Officials said 16 had suffered serious wounds.") == {("wounded", 16, None, "exact")}


# --- parts of a toll, counts with the outcome left out -----------------------------------

def test_it_reads_a_share_of_the_dead_with_where_they_died():
    [claim] = claims_in("Thirty-eight of the dead were in the upper valley, officials said.")
    assert (claim["outcome"], claim["count"], claim["rule"], claim["text"]) == (
        "killed", 38, "casualty.share_of_toll", "Thirty-eight of the dead")


def test_it_reads_a_share_of_the_dead_and_the_elided_count_beside_it():
    found = claims_in("Thirty-eight of the dead were in the upper valley and 17 in the district below.")
    assert [(c["outcome"], c["count"], c["rule"], c["text"]) for c in found] == [
        ("killed", 38, "casualty.share_of_toll", "Thirty-eight of the dead"),
        ("killed", 17, "casualty.elided", "17 in the district below")]


def test_it_reads_a_qualified_share_of_the_dead_and_of_the_injured():
    assert tuples_in("At least 90 of the dead were fighters, and 25 of the injured were flown out.") == {
        ("killed", 90, None, "at_least"), ("wounded", 25, None, "exact")}


@pytest.mark.parametrize("sentence", [
    "Twelve of the dead man's relatives attended the hearing.",
    "Two of the victims' families have gone to court.",
    "Three of the injured players returned to training.",
    "The minister met 20 members of the families of those killed.",
])
def test_a_count_of_people_around_the_dead_is_no_share_of_the_toll(sentence):
    assert claims_in(sentence) == []


def test_one_of_the_dead_singles_a_person_out_and_is_no_count():
    assert claims_in("One of the dead was a volunteer nurse.") == []


@pytest.mark.parametrize("sentence, expected", [
    ("Eight died in the north and three in the capital.", {("killed", 8), ("killed", 3)}),
    ("At least 14 people were killed on Friday and 6 on Saturday.", {("killed", 14), ("killed", 6)}),
    ("The raid killed four people in one town and two more in Lakeside.", {("killed", 4), ("killed", 2)}),
    ("Six people died in Eastport, four in Millbrook and one in Harlow.", {("killed", 6), ("killed", 4), ("killed", 1)}),
])
def test_it_reads_a_second_count_whose_outcome_is_left_out(sentence, expected):
    assert {(c["outcome"], c["count"]) for c in claims_in(sentence)} == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Six people were killed and 20 in the crowd were injured.",        # the second count has its own verb
     {("killed", 6), ("wounded", 20)}),
    ("Eight died in the blast, and one in five homes lost its roof.",   # a ratio
     {("killed", 8)}),
    ("Two fans were hurt and 5 in the crowd fainted.",                  # a verb of its own
     {("wounded", 2)}),
])
def test_an_elided_count_never_takes_a_count_that_has_its_own_meaning(sentence, expected):
    assert {(c["outcome"], c["count"]) for c in claims_in(sentence)} == expected


# --- coordinated counts after "including" / "among them" ---------------------------------

@pytest.mark.parametrize("cue", ["among them", "including"])
def test_it_reads_every_count_of_an_including_list(cue):
    assert tuples_in(f"The landslide killed 70 people, {cue} 23 children and 11 women.") == {
        ("killed", 70, None, "exact"), ("killed", 23, None, "exact"), ("killed", 11, None, "exact")}


def test_it_reads_every_count_of_a_comma_list():
    assert tuples_in("The flood killed 64 people, among them 18 women, 11 children and 3 elderly men.") == {
        ("killed", 64, None, "exact"), ("killed", 18, None, "exact"), ("killed", 11, None, "exact"),
        ("killed", 3, None, "exact")}
    assert tuples_in("The blast killed 7 civilians, 5 soldiers and 2 police officers in the square.") == {
        ("killed", 7, None, "exact"), ("killed", 5, None, "exact"), ("killed", 2, None, "exact")}


def test_a_count_after_a_comma_that_starts_a_clause_of_its_own_is_no_list_item():
    assert tuples_in("The raid killed four soldiers, two policemen said.") == {("killed", 4, None, "exact")}


# --- the subject phrase between the count and its verb -----------------------------------

def test_it_reads_a_count_among_those_killed_past_the_groups_of_phrase():
    [claim] = claims_in("Four drivers of the relief convoy were among those killed.")
    assert (claim["outcome"], claim["count"], claim["group"]) == ("killed", 4, "drivers of the relief convoy")


def test_it_reads_a_count_past_a_named_unit_its_short_name_and_an_appositive():
    [claim] = claims_in("Nineteen members of the Northern Defence League (NDL), the village guard that patrols "
                        "alongside the police, had also died.")
    assert (claim["outcome"], claim["count"], claim["group"]) == ("killed", 19, "members of the Northern Defence League")
    assert claim["text"].endswith("had also died")


def test_it_reads_a_group_whose_of_phrase_mixes_plain_words_and_a_name():
    [claim] = claims_in("Six staff of the Irish charity Relief Now were abducted on Monday.")
    assert (claim["outcome"], claim["count"], claim["group"]) == ("captured", 6, "staff of the Irish charity Relief Now")


def test_it_reads_a_range_far_from_its_verb():
    assert tuples_in("Between 12 and 18 herders from a single camp in the eastern district were still missing.") == {
        ("missing", 12, 18, "range")}


def test_the_count_is_the_head_number_never_a_number_inside_the_group():
    [claim] = claims_in("Six members of one household died when the wall fell.")
    assert (claim["outcome"], claim["count"], claim["group"]) == ("killed", 6, "members of one household")


# --- captives -----------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, count", [
    ("Soldiers detained nine aid workers at a checkpoint.", 9),
    ("The gang still holds at least 17 people hostage.", 17),
    ("Twenty-two herders were taken captive near the river.", 22),
    ("Armed men kidnapped 31 pupils from a boarding school.", 31),
    ("The fighters seized 12 villagers from a minibus.", 12),
    ("Five engineers of the mining firm were among those abducted.", 5),
])
def test_it_reads_people_taken_captive_in_other_words(sentence, count):
    assert {(c["outcome"], c["count"]) for c in claims_in(sentence)} == {("captured", count)}


def test_it_reads_hostages_still_held_by_their_noun():
    [claim] = claims_in("The kidnappers are still holding at least 19 hostages, police said.")
    assert (claim["outcome"], claim["count"], claim["qualifier"], claim["rule"]) == (
        "captured", 19, "at_least", "casualty.held_captive")


def test_it_reads_the_part_of_the_hostages_still_held():
    assert ("captured", 64) in {(c["outcome"], c["count"]) for c in claims_in(
        "The group still holds 64 of the 120 hostages taken in the raid.")}


def test_it_reads_an_including_count_whose_people_come_after_it():
    assert tuples_in("Strikes killed 40 people, including 9 from one family, medics said.") == {
        ("killed", 40, None, "exact"), ("killed", 9, None, "exact")}


@pytest.mark.parametrize("sentence", [
    "The militia seized 14 villages along the road.",
    "The old jail holds 2,000 prisoners.",
    "The opposition holds 12 seats in the assembly.",
    "The rebels released 40 hostages and freed 25 prisoners on Monday.",
])
def test_seizing_places_and_freeing_captives_are_no_captures(sentence):
    assert claims_in(sentence) == []


# --- ranges, approaches, mixed verbs ------------------------------------------------------

def test_a_floor_and_a_ceiling_make_one_range():
    # one claim, like "between 13 and 46", rather than an at_least and an at_most claim
    assert tuples_in("At least 21 and as many as 58 people were killed in the raids.") == {("killed", 21, 58, "range")}


def test_a_toll_rising_toward_a_figure_is_about_that_figure():
    assert tuples_in("By evening the death toll had risen toward 400.") == {("killed", 400, None, "about")}


def test_killing_or_wounding_is_mixed_and_no_claim():
    assert claims_in("The shelling ended up killing or wounding 60 civilians.") == []


@pytest.mark.parametrize("sentence", [
    "Some 150 fighters were killed or captured in the push.",
    "The rebels said they had killed or captured 35 soldiers.",
])
def test_killed_or_captured_is_mixed_and_no_claim(sentence):
    assert claims_in(sentence) == []


@pytest.mark.parametrize("sentence, expected", [
    ("Three herders went missing near the border.", ("missing", 3, "herders")),
    ("Two traders were hacked to death at the market.", ("killed", 2, "traders")),
    ("Eleven marchers were shot and wounded.", ("wounded", 11, "marchers")),
    ("Five firefighters suffered burns in the blaze.", ("wounded", 5, "firefighters")),
])
def test_it_reads_more_ways_of_stating_an_outcome(sentence, expected):
    [claim] = claims_in(sentence)
    assert (claim["outcome"], claim["count"], claim["group"]) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Rights groups condemned the killing of 14 villagers.", ("killed", 14)),
    ("The abduction of 80 pupils last year shocked the region.", ("captured", 80)),
    ("Crowds mourned the deaths of 6 firefighters.", ("killed", 6)),
])
def test_it_reads_a_count_after_the_noun_of_its_outcome(sentence, expected):
    assert {(c["outcome"], c["count"]) for c in claims_in(sentence)} == {expected}


def test_the_capture_of_places_is_no_capture_of_people():
    assert claims_in("The capture of 3 towns was announced on Monday.") == []


def test_it_reads_people_who_were_left_injured():
    assert tuples_in("Some 35 pupils were left injured by the stampede.") == {("wounded", 35, None, "about")}


def test_it_reads_people_left_with_injuries():
    assert tuples_in("The crash left 26 passengers with injuries.") == {("wounded", 26, None, "exact")}


# --- relative clauses and inverted "among the dead were" ---------------------------------

def test_it_reads_a_count_past_a_relative_clause_on_its_subject():
    [claim] = claims_in("Nine guards who ran towards the gate were also killed, the ministry said.")
    assert (claim["outcome"], claim["count"], claim["group"]) == ("killed", 9, "guards")


def test_the_verb_after_the_relative_clause_gives_the_outcome():
    assert tuples_in("Two patients who were hurt in the first strike later died.") == {("killed", 2, None, "exact")}


def test_a_relative_clause_with_a_count_of_its_own_lends_its_verb_to_that_count_alone():
    assert tuples_in("Three reporters who said six were killed were questioned.") == {("killed", 6, None, "exact")}


@pytest.mark.parametrize("sentence, expected", [
    ("The 30 people who died in the fire were buried on Monday.", {("killed", 30)}),
    ("Nine people who were injured in the crash were discharged.", {("wounded", 9)}),
    ("Two of the five guards who were killed were women.", {("killed", 2), ("killed", 5)}),
])
def test_the_relative_clause_may_state_the_outcome_itself(sentence, expected):
    assert {(c["outcome"], c["count"]) for c in claims_in(sentence)} == expected


def test_an_active_verb_right_after_a_relative_clause_belongs_to_the_clause():
    assert claims_in("Three men who were held after the raid that killed civilians were freed.") == []


def test_it_reads_among_the_victims_were_and_the_count_joined_to_it():
    assert tuples_in("Among the victims were seven nurses and two doctors, the hospital said.") == {
        ("killed", 7, None, "exact"), ("killed", 2, None, "exact")}
    assert tuples_in("Among the injured were 16 schoolchildren.") == {("wounded", 16, None, "exact")}


def test_it_reads_the_part_of_a_toll_named_after_it():
    assert tuples_in("Of the 95 dead, 38 were in the river towns, police said.") == {
        ("killed", 95, None, "exact"), ("killed", 38, None, "exact")}
    assert tuples_in("Among those injured, at least 11 were firefighters.") == {("wounded", 11, None, "at_least")}


def test_a_part_of_people_who_are_no_toll_is_no_claim():
    assert claims_in("Of the 300 people on board, 41 were rescued.") == []


def test_it_reads_a_count_set_before_the_tally_it_brings_up():
    assert tuples_in("Three more guards died on Friday, bringing to 118 the number of guards killed this year.") == {
        ("killed", 3, None, "exact"), ("killed", 118, None, "exact")}
    assert tuples_in("The new deaths brought to 612 the toll from the storm.") == {("killed", 612, None, "exact")}


def test_a_family_of_a_number_counts_its_members():
    assert tuples_in("The shell killed a family of six as they slept.") == {("killed", 6, None, "exact")}


# --- tolls given as a figure, lists of the dead, outcomes after "as" ---------------------

@pytest.mark.parametrize("sentence, expected", [
    ("The confirmed death count stands at 64, the governor said.", ("killed", 64, None, "exact")),
    ("Fatalities from the landslide reached 312 by Monday evening.", ("killed", 312, None, "exact")),
    ("The number of dead climbed to 45 overnight.", ("killed", 45, None, "exact")),
    ("The death toll hit 27 on Sunday.", ("killed", 27, None, "exact")),
    ("Deaths from the floods reached 5,300 on Thursday.", ("killed", 5300, None, "exact")),
    ("Deaths in the province topped 400 last week.", ("killed", 400, None, "more_than")),
])
def test_it_reads_a_toll_that_stands_at_reaches_or_hits_a_figure(sentence, expected):
    assert tuples_in(sentence) == {expected}


def test_a_lower_figure_counts_what_the_claim_before_it_counts():
    assert tuples_in("The agency said 70 people died, while the mayor gave a lower figure of 63.") == {
        ("killed", 70, None, "exact"), ("killed", 63, None, "exact")}


def test_a_figure_of_other_people_is_no_second_toll():
    assert tuples_in("Twelve people died and officials gave a figure of 3,000 displaced.") == {
        ("killed", 12, None, "exact")}
    assert tuples_in("Officials gave a lower figure of 63 for the displaced.") == set()


def test_it_reads_counts_listed_as_injured_or_missing():
    assert tuples_in("Rescuers listed 180 people as injured and 35 as missing.") == {
        ("wounded", 180, None, "exact"), ("missing", 35, None, "exact")}
    assert tuples_in("The coroner recorded nine as dead.") == {("killed", 9, None, "exact")}


def test_it_reads_counts_that_were_listed_as_an_outcome():
    assert tuples_in("Some 239 people were listed as injured and 52 were recorded as missing.") == {
        ("wounded", 239, None, "about"), ("missing", 52, None, "exact")}


def test_a_count_listed_as_anything_else_is_no_casualty():
    assert claims_in("The report listed 3 bridges as unsafe and 12 roads as closed.") == []


def test_a_toll_that_lists_its_dead_gives_each_counted_item():
    assert tuples_in("The dead included one civilian, two guards and a nurse, as well as five of the attackers.") == {
        ("killed", 1, None, "exact"), ("killed", 2, None, "exact"), ("killed", 5, None, "exact")}


def test_a_modal_range_of_the_dead_is_a_range():
    assert tuples_in("The mayor warned that the dead could number 9,000 to 11,000.") == {
        ("killed", 9000, 11000, "range")}


def test_deaths_counted_at_places_are_no_toll():
    assert claims_in("Deaths were recorded at 3 hospitals in the city.") == []
    assert claims_in("Deaths occurred at 6 sites.") == []


def test_the_dead_before_one_person_or_an_owner_is_no_toll():
    assert claims_in("The dead man's family included 4 brothers.") == []
    assert tuples_in("The dead soldiers numbered 12.") == {("killed", 12, None, "exact")}


def test_a_number_after_the_noun_number_is_still_no_count():
    assert claims_in("Gunmen attacked bus number 12, and the driver was hurt.") == []


# --- asides, ordinals, martyrdom, partial quotes -------------------------------------------

def test_an_aside_listing_who_they_were_may_hold_commas():
    [claim] = claims_in("About 30 people, among them teachers, cooks and their children, were kidnapped.")
    assert (claim["outcome"], claim["count"], claim["qualifier"]) == ("captured", 30, "about")


def test_an_aside_between_dashes_may_count_part_of_the_group():
    assert tuples_in("Some 120 students — among them 30 girls — were abducted.") == {
        ("captured", 120, None, "about"), ("captured", 30, None, "exact")}


def test_a_fifth_after_four_of_a_group_is_one_more_person():
    assert tuples_in("Three of the gunmen were shot dead and a fourth was captured alive.") == {
        ("killed", 3, None, "exact"), ("captured", 1, None, "exact")}


def test_an_ordinal_that_names_no_outcome_is_no_count():
    assert tuples_in("Two men were wounded and a third fled into the hills.") == {("wounded", 2, None, "exact")}
    assert tuples_in("Two men were killed and a third wave of shelling followed.") == {("killed", 2, None, "exact")}


@pytest.mark.parametrize("sentence", [
    "Two hikers were found dead and a third was injured.",
    "Two hikers were found dead, while a third was injured.",
    "Two hikers were found dead; a third was injured.",
])
def test_an_ordinal_one_more_takes_its_own_outcome(sentence):
    assert tuples_in(sentence) == {("killed", 2, None, "exact"), ("wounded", 1, None, "exact")}


@pytest.mark.parametrize("sentence", [
    "Two soldiers were martyred in the exchange of fire.",
    "Two policemen embraced martyrdom at the checkpoint.",
])
def test_martyred_means_killed(sentence):
    assert tuples_in(sentence) == {("killed", 2, None, "exact")}


def test_a_count_inside_a_partial_quote_still_counts():
    assert tuples_in('The army said the rebels had killed "more than 40 soldiers" in the raid.') == {
        ("killed", 40, None, "more_than")}


# --- injuries stated as their treatment ----------------------------------------------------

def test_people_treated_for_an_injury_are_wounded():
    [claim] = claims_in("The regional hospital said it had treated 17 people for gunshot wounds overnight.")
    assert (claim["outcome"], claim["count"], claim["rule"]) == ("wounded", 17, "casualty.treated_for")
    assert claim["text"] == "treated 17 people for gunshot wounds"


@pytest.mark.parametrize("sentence, count", [
    ("Eight firefighters were being treated for burns at a clinic on Sunday.", 8),
    ("At least 5 shoppers were treated in hospital for stab wounds.", 5),
    ("Medics treated 60 people, 14 of them for shrapnel wounds.", 14),
    ("Doctors treated 45 people, including 9 for severe burns.", 9),
    ("Surgeons were treating 23 people with gunshot wounds.", 23),
    ("The clinic received 30 people with shrapnel wounds, officials said.", 30),
    ("Twelve people were admitted to hospital with burns.", 12),
    ("Six miners were taken to hospital with fractures.", 6),
    ("Four people were treated at the scene for minor injuries.", 4),
])
def test_a_count_treated_for_wounds_or_burns_is_wounded(sentence, count):
    assert tuples_in(sentence) & {("wounded", count, None, "exact"), ("wounded", count, None, "at_least")}
    assert all(claim["outcome"] == "wounded" and claim["count"] == count for claim in claims_in(sentence))


@pytest.mark.parametrize("sentence", [
    "The field clinic treated 420 patients for cholera last week.",
    "Volunteers vaccinated 3,000 children against measles.",
    "Doctors examined 35 detainees at the jail.",
    "Nine people were treated for shock after the crash.",
    "The hospital treated 80 people for heat exhaustion.",
    "The clinic received 300 patients with cholera.",
    "Twenty people were taken to hospital with breathing problems.",
    "The minister received 4 governors with cuts to their budgets.",
])
def test_treating_a_disease_or_a_check_up_is_no_casualty(sentence):
    assert claims_in(sentence) == []


# --- missing: trapped, buried, unaccounted for -------------------------------------------------

@pytest.mark.parametrize("sentence, qualifier, count", [
    ("At least 21 people are believed to be trapped under the rubble, the governor said.", "at_least", 21),
    ("Some 9 miners are feared buried after the tunnel caved in.", "about", 9),
    ("Rescuers said 16 workers remain trapped inside the factory.", "exact", 16),
    ("Around 40 residents were still unaccounted for on Monday.", "about", 40),
    ("About 30 villagers were believed buried beneath the mud.", "about", 30),
    ("At least 50 people are feared to be under the rubble.", "at_least", 50),
    ("Nine hikers have yet to be found.", "exact", 9),
    ("Seven passengers have still not been found, the coastguard said.", "exact", 7),
])
def test_people_believed_trapped_or_buried_are_missing(sentence, qualifier, count):
    assert tuples_in(sentence) == {("missing", count, None, qualifier)}


def test_people_trapped_for_a_while_are_not_missing():
    assert claims_in("Seven shoppers were trapped in a lift for an hour.") == []


# --- "one" as a determiner ----------------------------------------------------------------------

def test_one_before_a_place_is_no_count():
    assert tuples_in("I counted 22 bodies at one camp alone, the reporter said.") == {("killed", 22, None, "exact")}
    assert tuples_in("In one village, 9 people were killed; at one point gunmen killed 5 guards.") == {
        ("killed", 9, None, "exact"), ("killed", 5, None, "exact")}
    assert tuples_in("The toll in one district alone rose to 31.") == {("killed", 31, None, "exact")}


def test_one_of_a_group_singles_out_a_person_not_a_count():
    assert claims_in("One of the dead was a schoolteacher, her brother said.") == []
    assert tuples_in("Gunmen attacked one of the buses, killing 7 passengers.") == {("killed", 7, None, "exact")}


def test_one_after_resulted_in_still_counts():
    assert tuples_in("The blast resulted in one death and 4 injuries.") == {
        ("killed", 1, None, "exact"), ("wounded", 4, None, "exact")}


def test_one_more_arrested_after_a_toll_is_one_captured():
    assert tuples_in("Four of the gang were shot dead, and a fifth was arrested later.") == {
        ("killed", 4, None, "exact"), ("captured", 1, None, "exact")}


# --- a figure answering the claim of the sentence before ------------------------------------------

def test_a_lower_figure_in_the_next_sentence_counts_what_the_claim_before_counted():
    assert tuples_in("Officials said 70 people died. Local medics gave a lower figure of 58.") == {
        ("killed", 70, None, "exact"), ("killed", 58, None, "exact")}
    assert tuples_in("Police said 12 people were injured.\n\nThe mayor later gave a higher estimate of 15.") == {
        ("wounded", 12, None, "exact"), ("wounded", 15, None, "exact")}


@pytest.mark.parametrize("article", [
    "Officials said 70 people died. Local medics gave a higher figure of 58.",  # not higher at all
    "The agency said 400 homes were destroyed. It gave a lower figure of 300.",  # no casualty before
    "A lower figure of 20 was given by police.",  # nothing to answer
])
def test_a_figure_that_answers_no_casualty_claim_before_is_no_count(article):
    assert all(claim["rule"] != "casualty.continued" for claim in claims_in(article))


def test_one_of_the_highest_ranks_a_toll_and_counts_nobody():
    assert claims_in("The death toll is one of the highest in years.") == []
    assert tuples_in("One of the first medics at the scene was killed.") == {("killed", 1, None, "exact")}


# --- a share "of them" / "of whom" ------------------------------------------------------------------

def test_a_share_with_its_own_outcome_takes_that_outcome():
    assert tuples_in("Doctors said 45 people had been admitted with injuries, 6 of whom later died.") == {
        ("wounded", 45, None, "exact"), ("killed", 6, None, "exact")}


def test_a_share_whose_outcome_is_undone_is_no_count():
    assert tuples_in("Militiamen detained 30 men, 12 of whom were later released.") == {("captured", 30, None, "exact")}
    assert tuples_in("Five were hurt, 2 of whom have since been discharged.") == {("wounded", 5, None, "exact")}


def test_a_share_without_an_outcome_of_its_own_still_shares_the_claim_before():
    assert tuples_in("The raid killed 12 people, 5 of whom were militants.") == {
        ("killed", 12, None, "exact"), ("killed", 5, None, "exact")}


# --- a toll with an aside before its value ----------------------------------------------------------

@pytest.mark.parametrize("sentence, count", [
    ("The toll, one of the worst on record, stood at 88.", 88),
    ("The death toll, according to the interior ministry, reached 57.", 57),
    ("The dead, most of them fishermen, numbered 40.", 40),
])
def test_a_toll_may_carry_an_aside_before_its_value(sentence, count):
    assert tuples_in(sentence) == {("killed", count, None, "exact")}


# --- ages, conditions and arrests are no casualty counts ---------------------------------------

@pytest.mark.parametrize("sentence, expected", [
    ("Three nurses, aged 41, 45 and 58, were among the dead at the clinic.", ("killed", 3)),
    ("Two fishermen, aged 19 and 23, remain unaccounted for after the squall.", ("missing", 2)),
    ("Four guards, aged between 30 and 40, were wounded at the gate.", ("wounded", 4)),
    ("Six recruits, all aged under 21, were killed in the ambush.", ("killed", 6)),
    ("Four siblings, the eldest aged 9, drowned when the boat overturned.", ("killed", 4)),
])
def test_an_aside_of_ages_belongs_to_the_group_and_the_group_is_counted(sentence, expected):
    assert {(c["outcome"], c["count"]) for c in claims_in(sentence)} == {expected}


@pytest.mark.parametrize("sentence", [
    "The oldest of the dead was 87, a retired postman.",
    "The youngest of the injured is 6, doctors said.",
    "Pupils at the age of 12 were sent home before the storm hit.",
    "Children of ages 8 and 11 were among those evacuated from the ward.",
    "One of the injured was 16, his teacher said.",
    "The average age of the dead was 71.",
    "The wounded, a woman of 66, was flown to the capital.",
])
def test_a_persons_age_is_never_a_count(sentence):
    assert claims_in(sentence) == []


# Round 82 turned this rule round: a share stated by its condition was once no claim, but editors annotating
# unseen articles list it as a figure of the seriously hurt (about 8 required and 14 optional items across 10
# hold-out sets, against 2 distractors), and it is one a monitor follows ("35 in critical condition").
def test_a_share_given_by_its_condition_counts_the_seriously_hurt_among_them():
    assert tuples_in("Doctors said 150 people were hurt, 35 of them in critical condition.") == {
        ("wounded", 150, None, "exact"), ("wounded", 35, None, "exact")}
    assert tuples_in("The blast injured 80 workers, 9 of them seriously.") == {
        ("wounded", 80, None, "exact"), ("wounded", 9, None, "exact")}
    assert tuples_in("The fire killed 4 and injured 26 guests, three of whom remained in a serious condition.") == {
        ("killed", 4, None, "exact"), ("wounded", 26, None, "exact"), ("wounded", 3, None, "exact")}


def test_a_share_released_or_undone_is_still_no_figure_of_the_hurt():
    assert tuples_in("Gunmen seized 30 villagers, 12 of whom were later released.") == {("captured", 30, None, "exact")}


# Round 83 turned this rule round: an arrest by police or courts was once no capture, but editors annotating
# unseen articles count the people arrested or detained as captured (about 24 required and 20 optional items
# across 17 hold-out sets, against 4 distractors); a monitor follows who is taken, by whomever.
@pytest.mark.parametrize("sentence, expected", [
    ("Four dock workers were detained on suspicion of smuggling, prosecutors said.", ("captured", 4, None, "exact")),
    ("Police detained 14 protesters outside the ministry.", ("captured", 14, None, "exact")),
    ("Police arrested 14 protesters outside the ministry.", ("captured", 14, None, "exact")),
    ("More than 200 demonstrators were arrested in the capital.", ("captured", 200, None, "more_than")),
])
def test_an_arrest_by_police_or_courts_is_a_capture(sentence, expected):
    assert tuples_in(sentence) == {expected}


def test_a_detention_by_fighters_is_still_a_capture():
    assert tuples_in("Rebel fighters detained six truck drivers on the highway.") == {("captured", 6, None, "exact")}


def test_a_count_listed_as_killed_or_missing_keeps_both_outcomes():
    assert tuples_in("The navy said 27 sailors were listed as killed or missing.") == {
        ("killed_or_missing", 27, None, "exact")}
    assert claims_in("The army said 40 troops were listed as killed or wounded.") == []


def test_people_treated_for_smoke_inhalation_are_wounded():
    assert tuples_in("Firefighters said 14 residents were being treated for smoke inhalation and burns.") == {
        ("wounded", 14, None, "exact")}
    assert claims_in("Clinics treated 200 villagers for cholera.") == []


def test_a_toll_named_through_its_number_still_counts_after_the_age_rules():
    assert tuples_in("The number of the dead rose to 57.") == {("killed", 57, None, "exact")}
    assert tuples_in("The death toll was 31, including a girl of 4.") == {("killed", 31, None, "exact")}


# --- a bare count after "and" counts the people of the count before it -------------------

@pytest.mark.parametrize("sentence, expected", [
    ("The ministry said at least 17 of its troops were killed and 43 wounded.",
     [("killed", 17, "troops"), ("wounded", 43, "troops")]),
    ("The convoy ambush killed 12 soldiers and wounded 30, the army said.",
     [("killed", 12, "soldiers"), ("wounded", 30, "soldiers")]),
    ("Officials said nine of its border guards were dead and that another three were missing.",
     [("killed", 9, "border guards"), ("missing", 3, "border guards")]),
    ("The storm killed 14 pilgrims while a further 20 were missing.",
     [("killed", 14, "pilgrims"), ("missing", 20, "pilgrims")]),
])
def test_a_bare_count_joined_by_and_keeps_the_group_of_the_count_before_it(sentence, expected):
    assert [(c["outcome"], c["count"], c["group"]) for c in claims_in(sentence)] == expected


def test_the_carried_group_says_where_it_came_from():
    document = text.segment("At least 17 of its troops were killed and 43 wounded.", date(2024, 3, 6))
    wounded = casualties.find_casualties(document)[1]
    assert wounded.explanation == (
        "group 'troops' from 'At least 17 of its troops were killed' just before: the count names no people of its own",)


@pytest.mark.parametrize("sentence, bare", [
    # two groups before it: the 30 may be either or both
    ("Five soldiers and two civilians were killed and 30 wounded.", 30),
    ("At least 240 soldiers and 95 rebel fighters were killed and more than 1,100 wounded.", 1100),
    # the aside says who they were
    ("Nine soldiers were killed and 30 were wounded, most of them civilians.", 30),
    ("Nine soldiers were killed and 30 were wounded, including four children.", 30),
    # another clause, with its own subject, stands between
    ("Twelve soldiers were killed, and police said 30 were wounded.", 30),
    ("Twelve soldiers were killed in the ambush near the bridge, and 30 were wounded.", 30),
    # the count before names no group
    ("Twelve were killed and 30 wounded in the blast.", 30),
])
def test_a_bare_count_keeps_no_group_the_text_does_not_give_it(sentence, bare):
    [claim] = [c for c in claims_in(sentence) if c["count"] == bare]
    assert claim["group"] is None


def test_a_count_with_people_of_its_own_keeps_them():
    assert [(c["count"], c["group"]) for c in claims_in("Twelve miners were killed and 30 rescuers were injured.")] == [
        (12, "miners"), (30, "rescuers")]


def test_people_still_not_found_are_missing_but_people_not_found_guilty_are_not():
    assert tuples_in("Divers say 31 crewmen are still not found, two days after the ferry sank.") == {
        ("missing", 31, None, "exact")}
    assert tuples_in("The tribunal said 12 soldiers had not been found guilty of the killings.") == set()
