"""The casualty stage's vocabulary made into regexes, built once at import from the lexicons.

casualties.py applies these; this module only says what each piece of a casualty
sentence looks like: a qualified count (QUALNUM), a group of people (GROUP, ANY_GROUP)
with its "of" phrase, places, bracket, aside or relative clause, and the outcome
phrases before or after the count (lexicons/outcome_phrases.json, casualty_grammar.json,
qualifier_phrases.json, group_nouns.txt).
"""
from __future__ import annotations

import re

from . import lexicons, numbers, pattern_cache
from .regexes import WORD_END as E, WORD_END_BEFORE_HYPHEN as E_OR_HYPHEN, WORD_START as B, Containing, LazyPattern, alternation, containing

# ~50 patterns of the casualty grammar, each compiled when a sentence first needs it (see regexes.LazyPattern)
_compile = LazyPattern

OUTCOMES = lexicons.table("outcome_phrases")
QUALIFIER_TABLE = lexicons.table("qualifier_phrases")
GRAMMAR = lexicons.table("casualty_grammar")
GROUP_NOUNS = lexicons.words("group_nouns")


def by_phrase(table: dict) -> dict[str, str]:
    """phrase (lower case, single spaces) -> the key it is filed under."""
    return {
        " ".join(phrase.lower().split()): key
        for key, phrases in table.items()
        if not key.startswith("_")
        for phrase in phrases
    }


def normal(text: str) -> str:
    return " ".join(text.lower().split())


_NOT_A_WORD = pattern_cache.compile(r"[^a-z'.-]+")
_LETTERS = pattern_cache.compile(r"[a-z]+")


def plain_keys(phrases) -> Containing:
    """A cheap test before a regex runs: search() finds in a lower-cased sentence one of the plain words
    that any of the phrases must contain."""
    keys = set()
    for phrase in phrases:
        words = [word for word in _NOT_A_WORD.split(phrase.lower()) if len(word) > 2]
        keys.add(max(words, key=len) if words else phrase.lower())
    return containing(keys)


QUALIFIER_OF = by_phrase({k: v for k, v in QUALIFIER_TABLE.items() if k != "after"})
QUALIFIER_AFTER_OF = by_phrase(QUALIFIER_TABLE["after"])
AFTER_COUNT = by_phrase(OUTCOMES["after_count"])
COUNT_NOUNS = by_phrase(OUTCOMES["count_nouns"])
VERBS_BEFORE = by_phrase(OUTCOMES["verbs_before_count"])
LIVES_VERBS = by_phrase(OUTCOMES["lives_verbs"])
LOSS_VERBS = by_phrase(OUTCOMES["loss_verbs"])
LEFT_OUTCOMES = by_phrase(OUTCOMES["left_outcomes"])
TOLL_LINK_QUALIFIER = by_phrase(OUTCOMES["toll_links"])
TOLL_NOUNS = {key: value for key, value in OUTCOMES["toll_nouns"].items() if not key.startswith("_")}
TOLL_NOUN_RULES = [(_compile(alternation(phrases, regex=True), re.IGNORECASE), outcome)
                   for outcome, phrases in TOLL_NOUNS.items()]
PERSON_NOUNS = frozenset(normal(noun) for noun in GROUP_NOUNS)
PEOPLE_ONLY_OUTCOMES = frozenset(normal(phrase) for phrase in OUTCOMES["people_only"])

NUM = numbers.NUMBER_PATTERN
QUAL = alternation(QUALIFIER_OF)
AT_MOST = alternation(QUALIFIER_TABLE["at_most"])
QUALNUM = (
    rf"(?:(?P<qual>{QUAL}){E}\s+)?"
    # "at least 13 and as many as 46": a floor and a ceiling make one range
    rf"(?:(?(qual)(?P<lo3>{NUM})\s+(?:and|or|but)\s+(?:possibly\s+|perhaps\s+)?(?:{AT_MOST})\s+(?P<hi3>{NUM})|(?!))"
    rf"|between\s+(?P<lo>{NUM})\s+and\s+(?P<hi>{NUM})"
    # ("3-More than 800 dead" is a wire's third take, no range: a dash joins two bare numbers)
    rf"|(?P<lo2>{NUM})\s*(?:(?:-|–|—)\s*|(?:\s+to\s+|\s+or\s+)(?:(?:{QUAL}){E}\s+)?)(?P<hi2>{NUM})"
    rf"|(?P<n>{NUM})){E_OR_HYPHEN}"
    rf"(?P<qual_after>\s*(?:{alternation(QUALIFIER_AFTER_OF)}){E_OR_HYPHEN})?"
)
# What every count QUALNUM reads opens with, whichever of its forms it takes: a rule's `needs` (regexes.LazyPattern)
# is its opening words followed by this, found in a sentence before the whole rule is compiled
COUNT_START = rf"(?:(?:{QUAL}){E}\s+)?(?:between\s+)?{NUM}"
# What follows that first number where QUALNUM reads on past it: a range's other end ("13 to 46", "13 and as many
# as 46", "between 5 and 9") or a qualifier after the number ("50 or more"). Where none of these follows, the count
# ended with its first number and the rule's own words come next: a rule's `needs` may ask for them right there.
COUNT_GOES_ON = rf"(?=\s+(?:and|or|but)\s|\s*(?:-|–|—|\s+to\s|\s+or\s)|\s*(?:{alternation(QUALIFIER_AFTER_OF)}))"
MODIFIER = (
    # "U.S. marines", "U.N. peacekeepers": an abbreviation written with stops is one word of the group
    rf"(?!(?:{alternation(GRAMMAR['not_a_modifier'] + GRAMMAR['linking_words'])}){E})"
    r"(?:(?-i:[A-Z]\.(?:[A-Z]\.)+)(?=\s+[a-z])|[A-Za-z][\w'’-]*)"
)
# a head of a group of people is one of the group nouns or has the form of one ("38 Zapatistas", "suspected smugglers")
PERSON = f"{alternation(GRAMMAR['person_patterns'], regex=True)}|{alternation(GROUP_NOUNS)}"
PERSON_FORM = _compile(rf"(?:{alternation(GRAMMAR['person_patterns'], regex=True)})", re.IGNORECASE)
# scare quotes around a count or a group: said "more than 100" civilians, 376 "terrorists" were killed
QUOTE_OPEN = r"(?:[\"“](?=\w))?"
QUOTE_CLOSE = r"(?:(?<=\w)[\"”])?"
# A noun phrase after a preposition: "a single council", "the aid agency", "one family",
# or a proper name of several words, "the Volunteers for the Defence of the Homeland".
CAPITAL = r"(?-i:[A-Z])"
DETERMINER = rf"(?:(?:{alternation(GRAMMAR['determiners'])})\s+)?"
NAME = rf"{CAPITAL}[\w'’.-]*(?:\s+(?:(?:{alternation(GRAMMAR['name_joiners'])})\s+)*{CAPITAL}[\w'’.-]*){{0,6}}"
# its words are no determiners: "the families of those| killed" ends before "those"
NOUN_WORD = rf"(?!(?:{alternation(GRAMMAR['determiners'])}){E}){MODIFIER}"
NOUN_PHRASE = rf"{DETERMINER}(?:{NOUN_WORD}\s+){{0,3}}(?:{NAME}|{NOUN_WORD}){E}"
# the group's own "of" phrase, part of who it is: "nine members of one family", "staff of the agency"
OF_TAIL = rf"(?:\s+of\s+{NOUN_PHRASE})?"
# "12 police officers and territorial defence men": a second head may have words of its own, but no count
# ("15 soldiers and nine police officers" are two counts)
_NUMBER_WORDS = lexicons.table("number_words")
_NUMBER_WORD_LIST = [*_NUMBER_WORDS["units"], *_NUMBER_WORDS["tens"], *_NUMBER_WORDS["multipliers"], *_NUMBER_WORDS["vague"]]
NUMBER_WORD = rf"(?:{alternation(_NUMBER_WORD_LIST)}){E}"
# "of its own", "of Dostum's Uzbek militiamen": whose people they were may come first
# one count over a list of kinds of people: "28 doctors, nurses and orderlies", "324 guerrillas and Angolan and
# Cuban soldiers" (commas only before a closing "and": "killed 17 soldiers, officials said" lists no one)
_CONJUNCT = rf"(?:(?!{NUMBER_WORD}){MODIFIER}(?:\s+and)?\s+){{0,3}}?(?:{PERSON}){E}"
GROUP = (
    r"(?P<group>(?:of\s+(?:its|their|his|her|our|the|these|those|(?-i:[A-Z])[\w-]+(?:\s+(?-i:[A-Z])[\w-]+)?['’]s)\s+(?:own\s+)?)?"
    rf"(?:{MODIFIER}\s+){{0,3}}?(?:{PERSON}){E}(?:(?:,\s+{_CONJUNCT}){{0,4}},?\s+and\s+{_CONJUNCT})?{OF_TAIL})"
)
# Any noun phrase may name who died ("six divers are still missing"); the words after the
# number are still checked against measures and equipment, and captures need people.
ANY_GROUP = (
    r"(?P<group>(?:of\s+(?:its|their|his|her|our|the|these|those|(?-i:[A-Z])[\w-]+(?:\s+(?-i:[A-Z])[\w-]+)?['’]s)\s+(?:own\s+)?)?"
    rf"(?:{MODIFIER}\s+){{0,3}}?(?:{PERSON}|{MODIFIER}){E}(?:(?:,\s+{_CONJUNCT}){{0,4}},?\s+and\s+{_CONJUNCT})?{OF_TAIL})"
)
FILLER = rf"(?:\s+(?:{alternation(GRAMMAR['filler_before_group'])}){E})?"
# (the close of a dash aside may stand before it: "20 militants and eight police officers - have been killed")
LINKING = rf"(?P<linking>(?:\s*(?:,|\s-|—|–)?\s+(?:{alternation(GRAMMAR['linking_words'])}){E}){{0,5}})"

# between the group and its verb: "in the village", "from a single council in the east district",
# a bracketed short name "(VDP)", or an aside "— most of them civilians —",
# ", the militia that fights beside the army,"
PLACE_PHRASE = r"(?:\s+(?:in|on|at|from|inside|near|across|aboard)\s+(?:the\s+)?[A-Za-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*)?)"
POSTMODIFIERS = rf"(?:\s+(?:{alternation(GRAMMAR['group_prepositions'])})\s+{NOUN_PHRASE}){{0,3}}"
BRACKET = r"(?:\s*\([^()\d]{1,40}\))?"
# an aside that lists who they were may hold commas of its own: ", among them students, staff and their relatives,"
ASIDE = (
    r"(?:\s*(?P<open>,|—|–|\(|\s-(?=\s))\s*(?:[^,—–()\d;:]{1,90}?"
    rf"|(?:{alternation(GRAMMAR['listing_asides'])})\s[^—–();:]{{1,120}}?"
    # a share of them: ", 132 of them children,"
    rf"|{NUM}\s+of\s+(?:them|whom)\s+[^,—–()\d;:]{{1,60}}?"
    # an aside that breaks the count down: " - 20 militants and eight police officers -"
    rf"|{NUM}\s+[^,—–()\d;:]{{1,40}}?(?:\s*(?:,\s*and|,|and)\s*{NUM}\s+[^,—–()\d;:]{{1,40}}?){{1,4}}"
    # an aside of ages, digits and all: ", aged 54 and 61,"
    rf"|(?:(?:the\s+)?(?:{alternation(GRAMMAR['age_superlatives'])})\s+)?(?:{alternation(GRAMMAR['age_aside_words'])})\s+"
    rf"(?:(?:{alternation(GRAMMAR['age_aside_qualifiers'])})\s+)?{NUM}(?:\s*(?:,\s*and|,|and|or|to|-|–)\s*{NUM}){{0,5}})"
    r"\s*(?:,|—|–|\)|\s-(?=\s)))"
)
# a relative clause on the subject: "eleven soldiers who rushed to the scene were also killed"
# (the longest clause first, "who were injured in the blast| later died"; then the shortest, "who rushed to the
# scene| were also killed", for when the longest leaves the clause's own verb as the outcome; the clause may be
# the outcome itself, "40 people who| died", "12 people who were| injured")
# (a year may stand among its words: "five people who signed the 2016 peace agreement were among the dead")
# (never ending on "or": "250 men who went ashore were| dead or missing", not "were dead or| missing"; but "46 men who
# were flown out of Moura and| have not been seen since")
RELATIVE = (r"(?P<relative>,?\s+(?:who|that)(?:\s+(?:(?:[A-Za-z][\w'’-]*|(?:19|20)\d\d)\s+){0,6}(?!or\b)"
            r"[A-Za-z][\w'’-]*)?,?)?")
# an injury stated as its treatment: "treated for gunshot wounds", "treated in hospital for burns"; a disease,
# shock or a check-up names no injury and is never matched
TREATED = OUTCOMES["treated_for"]
INJURY = (rf"(?:(?:{alternation(TREATED['injury_words'])})\s+){{0,3}}(?:{alternation(TREATED['injuries'])}){E}")
AT_A_HOSPITAL = (rf"(?:\s+(?:in|at|to)\s+(?:[A-Za-z][\w'’-]*\s+){{0,3}}?(?:{alternation(TREATED['places'])}){E})?")
FOR_OR_WITH = alternation(TREATED["prepositions"])
TREATED_OUTCOME = rf"(?:{alternation(TREATED['after_count'])}){AT_A_HOSPITAL}\s+(?:{FOR_OR_WITH})\s+{INJURY}"
TREATED_OUTCOME_WHOLE = _compile(TREATED_OUTCOME, re.IGNORECASE)


def after_count_outcome(phrase: str) -> str:
    """The outcome of a phrase the count-first rules read after the count."""
    found = AFTER_COUNT.get(normal(phrase))
    if found is None and TREATED_OUTCOME_WHOLE.fullmatch(phrase):
        return "wounded"
    return found or ""


# one uncounted person beside the counted group, sharing its verb: "20 civilians| and a Red Crescent official| were
# killed" (the count stays 20)
CO_SUBJECT = (
    rf"(?:\s+and\s+(?:{alternation(GRAMMAR['co_subject_openers'])})\s+(?:[A-Za-z][\w'’-]*\s+){{0,5}}?(?:{PERSON}){E})?"
)
COUNT_THEN_OUTCOME, COUNT_THEN_OUTCOME_NEAR = (
    _compile(
        rf"{QUALNUM}{QUOTE_CLOSE}{FILLER}(?:\s+{QUOTE_OPEN}{ANY_GROUP}{QUOTE_CLOSE})?{POSTMODIFIERS}{CO_SUBJECT}{BRACKET}"
        rf"{ASIDE}?{relative}{LINKING}"
        rf"\s+(?P<outcome>{alternation(AFTER_COUNT)}|{TREATED_OUTCOME}){E}",
        re.IGNORECASE,
        needs=rf"\s(?:{alternation(AFTER_COUNT)}|{TREATED_OUTCOME}){E}",
    )
    for relative in (RELATIVE, RELATIVE.replace("{0,6}", "{0,6}?"))
)
# Whether an outcome the count-first rules read can still follow a number: the longest word of each phrase, in
# the lower-cased rest of the sentence (most numbers in an article have none after them)
OUTCOME_AFTER_A_COUNT = containing({max(normal(p).split(), key=len) for p in [*AFTER_COUNT, *TREATED["after_count"]]})
COUNT_NOUN_AFTER_A_COUNT = containing({max(normal(p).split(), key=len) for p in COUNT_NOUNS})
COUNT_NOUN = _compile(
    # ("about 1,700 of those deaths": a share of deaths counts deaths; "21 of the dead" is a share of the toll's people)
    rf"{QUALNUM}(?:\s+of\s+(?:the|those|these)(?=\s+(?:{alternation(OUTCOMES['deaths_shared'])}){E}))?"
    rf"(?:\s+{MODIFIER}){{0,2}}?\s+(?P<outcome>{alternation(COUNT_NOUNS)}){E}",
    re.IGNORECASE,
    needs=rf"\s(?:{alternation(COUNT_NOUNS)}){E}",
)
_VERB_THEN_COUNT_OPENING = (  # the count may open a partial quote: had killed "more than 50 soldiers"
    rf"{B}(?P<verb>{alternation(VERBS_BEFORE)})\s+[\"“‘]?(?:(?:{alternation(GRAMMAR['count_openers'])})\s+)?")
VERB_THEN_COUNT = _compile(
    rf"{_VERB_THEN_COUNT_OPENING}{QUALNUM}{QUOTE_CLOSE}{FILLER}(?:\s+{QUOTE_OPEN}{GROUP}{QUOTE_CLOSE})?",
    re.IGNORECASE, needs=_VERB_THEN_COUNT_OPENING + COUNT_START, opens=True,
)
# "the bombing that killed former Prime Minister Rafik Hariri and 21 others": one named victim, then the count of
# the others who shared the outcome
_NAMED_AND_OTHERS_OPENING = (
    rf"{B}(?P<verb>{alternation(VERBS_BEFORE)})\s+(?:(?:former|then|late|the|a|an|two|three|its|their|his|her)\s+)?"
    rf"(?:[a-z][\w'’-]*\s+){{0,3}}?(?:{CAPITAL}[\w'’.-]*\s+){{1,5}}and\s+")
NAMED_AND_OTHERS = _compile(
    rf"{_NAMED_AND_OTHERS_OPENING}{QUALNUM}\s+(?:others|other people|more people){E}",
    re.IGNORECASE, needs=_NAMED_AND_OTHERS_OPENING + COUNT_START, opens=True)
# ("cost the Sudan an estimated half a million lives", "cost Iran 300,000 lives": whom it cost may stand first)
_LIVES_LOST_OPENING = (rf"{B}(?P<verb>{alternation(LIVES_VERBS)})\s+(?:(?:the\s+)?{CAPITAL}[\w'’-]+(?:\s+{CAPITAL}[\w'’-]+)?"
                       rf"\s+(?=(?:an?\s+)?(?:(?:{QUAL}){E}\s+)?\d|(?:{QUAL}){E}))?(?:the\s+)?")
LIVES_LOST = _compile(
    rf"{_LIVES_LOST_OPENING}{QUALNUM}\s+(?:(?P<lives>lives){E}|{GROUP})",
    re.IGNORECASE, needs=_LIVES_LOST_OPENING + COUNT_START, opens=True,
)
# "still holding at least 38 hostages", "holds 30 people hostage", "still holds 101 of the 251 hostages"
_HELD_CAPTIVE_OPENING = rf"{B}(?P<verb>{alternation(OUTCOMES['held_captive']['verbs'])})\s+"
HELD_CAPTIVE = _compile(
    rf"{_HELD_CAPTIVE_OPENING}{QUALNUM}{FILLER}"
    # "had taken 23 of them prisoner": "of them" after the count too
    rf"(?:\s+of\s+(?:the|those)(?:\s+{NUM})?|\s+of\s+them)?(?:\s+{GROUP}|(?:\s+{MODIFIER}){{1,2}}?(?=\s+prisoners\s+of\s+war)"
    # "holds 379 Algerian prisoners", "hold 12,763 U.N. prisoners": prisoners of a named side were captured (a prison
    # that "holds 2,000 prisoners" names no side, and captured no one)
    rf"|\s+(?P<side>(?-i:[A-Z][A-Za-z.'’-]+)(?:\s+(?-i:[A-Z][A-Za-z.'’-]+))?)(?=\s+prisoners{E}))?"
    rf"\s+(?P<captives>{alternation(OUTCOMES['held_captive']['captives'])}|(?(side)prisoners|(?!))){E}",
    re.IGNORECASE, needs=_HELD_CAPTIVE_OPENING + COUNT_START, opens=True,
)
# "the ELN is holding at least 20 people", "the HVO holds more than 500 Muslim men": who holds them is checked by
# casualties._held_by_a_side
_HELD_PEOPLE_OPENING = rf"{B}(?P<verb>{alternation(OUTCOMES['held_people']['verbs'])})\s+[\"“]?"
HELD_PEOPLE = _compile(rf"{_HELD_PEOPLE_OPENING}{QUALNUM}[\"”]?\s+{GROUP}", re.IGNORECASE,
                       needs=_HELD_PEOPLE_OPENING + COUNT_START, opens=True)
HOLDING_PLACE = _compile(rf"{B}(?:{alternation(OUTCOMES['held_people']['places'])}){E}", re.IGNORECASE)
A_NAMED_SIDE = _compile(r"\b(?-i:[A-Z][A-Za-z.'’-]+)")
# "put Egypt's own dead at 46", "puts the civilian dead at 19", "put the army's dead at four": a setter, whose
# people (a possessive or a describing word), the outcome as a noun, then "at" and the count
SET_AT_OUTCOMES = by_phrase({key: value for key, value in OUTCOMES["set_at"].items() if not key.startswith("_")})
_SET_AT_OPENING = (
    rf"{B}(?P<verb>{alternation(GRAMMAR['toll_setters'])})\s+"
    rf"(?:(?:the|its|their|his|her|our)\s+|[\w.'’-]+['’]s\s+|the\s+[\w'’-]+['’]s\s+)(?:own\s+)?"
    rf"(?:(?-i:[a-zA-Z])[\w'’-]*\s+){{0,2}}?(?P<noun>{alternation(SET_AT_OUTCOMES)})"
    # "put the civilian dead there at between 300 and 400", "the total dead on both sides at": where, before "at"
    # "their own dead in the Ituri and Kivu provinces at": a place of a few words
    rf"(?:\s+(?:there|here|on\s+(?:both|each|either)\s+sides?|in\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+){{0,3}}?)){{0,2}}"
    rf"\s+at\s+[\"“]?")
SET_AT = _compile(rf"{_SET_AT_OPENING}{QUALNUM}", re.IGNORECASE, needs=_SET_AT_OPENING + COUNT_START, opens=True)
# "52 people were being treated", "Thirty-nine were taken to hospital": care that counts the hurt in a story of
# violence (casualties.find_casualties asks for that story, and for no illness in the sentence)
HOSPITAL_CARE = _compile(
    rf"{B}{QUALNUM}(?:\s+of\s+(?:them|whom|those))?(?:\s+{GROUP})?{LINKING}\s*"
    rf"(?P<care>{alternation(OUTCOMES['hospital_care']['care'])}){E}",
    re.IGNORECASE, needs=rf"\s(?:{alternation(OUTCOMES['hospital_care']['care'])}){E}")
# "Magen David Adom says it treated 63 people", "We are treating between 30 and 40 children here": the care's verb
# before the count
HOSPITAL_CARE_BEFORE = _compile(
    rf"{B}(?P<care>{alternation(OUTCOMES['hospital_care']['care_before'])})\s+{QUALNUM}(?:\s+{GROUP})?",
    re.IGNORECASE, needs=rf"{B}(?:{alternation(OUTCOMES['hospital_care']['care_before'])})\s")
# every phrase of care holds one of these stems: one scan of the lower-cased text finds the sentences to read
CARE_STEMS = tuple(OUTCOMES["hospital_care"]["stems"])
CARE_WORD = pattern_cache.compile("|".join(map(re.escape, CARE_STEMS)))
ILLNESS = _compile(rf"{B}(?:{alternation(OUTCOMES['hospital_care']['illness'])}){E}", re.IGNORECASE)
# "Deaths: 3,958 recorded by the World Health Organization", "- Missing: more than 9,000": a line opening with the
# outcome as its label, then a colon and the count (situation reports, fact boxes)
LABELS = by_phrase({key: value for key, value in OUTCOMES["labels"].items() if not key.startswith("_")})
_LABELLED_OPENING = rf"(?<![^\n])[ \t]*(?:[-•*–—][ \t]*)?(?P<label>{alternation(LABELS)})[ \t]*:[ \t]*"
LABELLED = _compile(rf"{_LABELLED_OPENING}{QUALNUM}(?:\s+{GROUP})?", re.IGNORECASE,
                    needs=_LABELLED_OPENING + COUNT_START, opens=True)
_LEFT_OUTCOME_OPENING = rf"{B}(?P<verb>{alternation(OUTCOMES['left_verbs'])})\s+"
LEFT_OUTCOME = _compile(
    # "had taken 68 Georgian prisoners": a people's name may stand for the group
    rf"{_LEFT_OUTCOME_OPENING}{QUALNUM}{FILLER}(?:\s+{GROUP}|\s+[A-Z][a-z]+(?=\s+(?:prisoners|captives|hostages)\b))?"
    rf"\s+(?P<outcome>{alternation(LEFT_OUTCOMES)}){E}",
    re.IGNORECASE, needs=_LEFT_OUTCOME_OPENING + COUNT_START, opens=True,
)
_TOLL_OPENING = (
    rf"{B}(?:(?P<put>{alternation(GRAMMAR['toll_setters'])})\s+(?:(?:the|its|their|his|her|our|a|an)\s+)?(?:own\s+)?"
    rf"(?:[A-Za-z-]+\s+)??)?"
    rf"(?P<toll>{alternation([p for ps in TOLL_NOUNS.values() for p in ps], regex=True)}){E}"
    # an aside may follow the tally: "the toll, one of the worst on record, stood at 88"
    rf"(?:(?=,\s+[^,;:()]{{1,60}},\s+(?:{alternation(TOLL_LINK_QUALIFIER)}|\w+\s+(?:{alternation(TOLL_LINK_QUALIFIER)}))\s),)?"
    rf"(?P<gap>(?:\s+[^\s;:()]+){{0,16}}?)"
    rf"\s+(?:(?P<link>{alternation(TOLL_LINK_QUALIFIER)})\s+[\"“]?"  # 'put the toll at "more than 1,000"'
    rf"|(?=between\s))"  # 'put the toll between 500,000 and one million': a range needs no link
)
TOLL = _compile(rf"{_TOLL_OPENING}{QUALNUM}(?:\s+{GROUP})?", re.IGNORECASE, needs=_TOLL_OPENING + COUNT_START, opens=True)
# the count before the tally it sets: "bringing to 250 the number of soldiers killed", "brought to 1,203 the toll"
_TOLL_AFTER_COUNT_OPENING = rf"{B}(?:{alternation(GRAMMAR['toll_setters'])})\s+to\s+"
TOLL_AFTER_COUNT = _compile(
    rf"{_TOLL_AFTER_COUNT_OPENING}{QUALNUM}\s+(?:the|its|their)\s+(?:(?:overall|total)\s+)?"
    rf"(?P<toll>{alternation([p for ps in TOLL_NOUNS.values() for p in ps], regex=True)}){E}",
    re.IGNORECASE, needs=_TOLL_AFTER_COUNT_OPENING + COUNT_START, opens=True,
)
# "had treated 23 people for gunshot wounds"
_TREATED_FOR_OPENING = rf"{B}(?P<verb>{alternation(TREATED['verbs'])})\s+"
# ... "admitted 27 patients with gunshot or shrapnel wounds", and the wounded named as a group: "has admitted 230
# war-wounded"
TREATED_FOR = _compile(
    rf"{_TREATED_FOR_OPENING}{QUALNUM}(?:{FILLER}(?:\s+{GROUP})?{AT_A_HOSPITAL}"
    rf"\s+(?:{FOR_OR_WITH})\s+{INJURY}|\s+(?:{alternation(TREATED['wounded_people'])}){E})",
    re.IGNORECASE, needs=_TREATED_FOR_OPENING + COUNT_START, opens=True,
)
# "11 people with gunshot and shrapnel wounds had been brought in", "about 20 patients had arrived with gunshot
# wounds": people counted with their wounds were hurt, whatever verb carries them (the group is required: "a clinic
# with 40 beds" names no injury, and "30 with burns" after a verb of treating is TREATED_SHARE's)
_WITH_INJURY_ARRIVING = r"(?:\s+(?:had\s+|have\s+|has\s+)?(?:arrived|come|came|turned\s+up))?"
PEOPLE_WITH_INJURY = _compile(
    rf"{QUALNUM}(?:\s+of\s+(?:them|whom|those))?\s+{GROUP}{_WITH_INJURY_ARRIVING}\s+with\s+{INJURY}",
    re.IGNORECASE, needs=rf"\swith\s+{INJURY}")
# "..., 11 of them for shrapnel wounds", "23 for gunshot wounds and 11 for burns": a share of those treated,
# read only after a verb of treating earlier in the sentence
TREATED_SHARE = _compile(rf"{QUALNUM}(?:\s+of\s+(?:them|whom|those))?\s+(?:{FOR_OR_WITH})\s+{INJURY}", re.IGNORECASE,
                         needs=rf"\s(?:{FOR_OR_WITH})\s+{INJURY}")
TREATED_KEYS = plain_keys(TREATED["verbs"])
TREATED_WORD = _compile(rf"{B}(?:{alternation(TREATED['verbs'])}){E}", re.IGNORECASE)
# "listed 239 people as injured", "and 52 as missing": the outcome after the count, joined by "as"
LISTED_AS_OUTCOMES = by_phrase(OUTCOMES["listed_as"]["outcomes"])
_AS_OUTCOME = rf"\s+as\s+(?P<outcome>{alternation(LISTED_AS_OUTCOMES)}){E}"
_LISTED_AS_OPENING = rf"{B}(?P<verb>{alternation(OUTCOMES['listed_as']['verbs'])})\s+"
LISTED_AS = _compile(
    rf"{_LISTED_AS_OPENING}{QUALNUM}{FILLER}(?:\s+{GROUP})?{_AS_OUTCOME}",
    re.IGNORECASE, needs=_LISTED_AS_OPENING + COUNT_START, opens=True,
)
LISTED_AS_MORE = _compile(rf"(?:\s*,?\s+and|\s*,)\s+{QUALNUM}{FILLER}(?:\s+{GROUP})?{_AS_OUTCOME}", re.IGNORECASE,
                          needs=rf"(?:\s*,?\s+and|\s*,)\s+{COUNT_START}", opens=True)
# "Four of the attackers were shot dead| and a fifth was captured alive": the next one of them, one person
ORDINAL_ONE = _compile(
    rf"(?:\s*,?\s+(?:and|while|but|whereas)|\s*;)\s+(?P<n>an?)\s+(?:{alternation(OUTCOMES['ordinal_capture']['ordinals'])})(?:\s+one)?{E}"
    rf"{LINKING}\s+(?P<outcome>{alternation(AFTER_COUNT)}){E}",
    re.IGNORECASE,
)
ORDINAL_OPENING = _compile(r"(?:\s*,?\s+(?:and|while|but|whereas)|\s*;)\s+an?\s+", re.IGNORECASE)  # ORDINAL_ONE's start
# a toll that lists who it holds: "the dead included one civilian, two guards ... as well as five of the attackers"
LISTING_LINK = _compile(rf"{B}(?:{alternation(GRAMMAR['listing_links'])}){E}", re.IGNORECASE)
LISTING_SET_AT = _compile(rf"{B}(?:{alternation(GRAMMAR['listing_set_at'])})\s+$", re.IGNORECASE)
# "the dead man's family", "the injured woman": one person, or an owner, right after a toll like "the dead"
NOUN_AFTER_THE_TOLL = _compile(
    rf"(?:['’]s{E}|\s+(?:{alternation(GRAMMAR['one_person_nouns'])}){E}|\s+[\w-]+['’]s{E})", re.IGNORECASE
)
# links that say nothing of a tally by themselves ("at", "of"): without a verb setting the toll, the count must end
# its clause or go on with people, a place or a time
BARE_LINKS = frozenset(GRAMMAR["bare_toll_links"])
CLAUSE_GOES_ON = _compile(
    rf"\s*(?:[,.;:)—–\"”]|$)|\s+(?:{alternation(GRAMMAR['group_prepositions'] + GRAMMAR['clause_goes_on'])}){E}",
    re.IGNORECASE,
)
INHERIT_CUES = OUTCOMES["inherit_cues"]
_CONTINUED_OPENINGS = [rf"{B}(?:{alternation(INHERIT_CUES['including'])})\s+",
                       rf"{B}(?:{alternation(INHERIT_CUES['then_to'])})\s+",
                       rf"{B}(?:{alternation(INHERIT_CUES['up_from'])})\s+(?:(?:the|a)\s+)?",
                       rf"{B}(?:{alternation(INHERIT_CUES['figure_of'])})\s+"]
CONTINUED = [
    _compile(rf"{_CONTINUED_OPENINGS[0]}{QUALNUM}{FILLER}(?:\s+{GROUP})?", re.IGNORECASE,
             needs=_CONTINUED_OPENINGS[0] + COUNT_START, opens=True),
    _compile(rf"{_CONTINUED_OPENINGS[1]}{QUALNUM}", re.IGNORECASE, needs=_CONTINUED_OPENINGS[1] + COUNT_START, opens=True),
    _compile(rf"{_CONTINUED_OPENINGS[2]}{QUALNUM}", re.IGNORECASE, needs=_CONTINUED_OPENINGS[2] + COUNT_START, opens=True),
    # "70 people died, while local officials gave a lower figure of 63": the figure counts what the claim before did
    # (the figure ends its clause: "a figure of 3,000 displaced" counts other people)
    _compile(rf"{_CONTINUED_OPENINGS[3]}{QUALNUM}"
             r"(?=\s*(?:[,.;:)—–\"”](?!\d)|$)|\s+(?:and|but|while|whereas|on|in|at|by|from|according)\b)", re.IGNORECASE,
             needs=_CONTINUED_OPENINGS[3] + COUNT_START, opens=True),
]
# "the figure could be as many as 80,000", "later put the number at about 800": a tally named again by a bare noun
TALLY_REFERENCE_CUES = INHERIT_CUES["tally_reference"]
_TALLY_LINKS = [*TOLL_LINK_QUALIFIER, *TALLY_REFERENCE_CUES["estimate_links"]]
_TALLY_REFERENCE_OPENING = (
    rf"{B}(?:(?P<setter>{alternation(GRAMMAR['toll_setters'])})\s+)?(?:{alternation(TALLY_REFERENCE_CUES['determiners'])})\s+"
    rf"(?:(?:{alternation(TALLY_REFERENCE_CUES['modifiers'])})\s+)?(?P<toll>{alternation(TALLY_REFERENCE_CUES['nouns'])}){E}"
    r"(?!\s+(?:of|for|per)\b|['’]s)"
    # between the noun and its value: an aside, then adverbs and auxiliaries, or a verb phrase of its own joined by
    # "and" ("the figure, which MSF calls conservative, covers the month and includes at least 730 children")
    # ("the figure given by police was seven": who gave it, a word or two)
    rf"(?P<gap>(?:\s*,[^,;:()]{{1,100}},)?"
    rf"(?:\s+(?:{alternation(TALLY_REFERENCE_CUES['given_by'])})\s+(?:the\s+)?[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)?)?"
    rf"(?:(?:\s+(?:{alternation(TALLY_REFERENCE_CUES['in_between'])}){E}){{0,3}}"
    r"|\s+[a-z]{2,}(?:s|ed)\s[^;:()]{0,100}?\s(?:and|but)))"
    rf"\s+(?P<link>{alternation(_TALLY_LINKS)})\s+"
)
TALLY_REFERENCE = _compile(rf"{_TALLY_REFERENCE_OPENING}{QUALNUM}(?:\s+{GROUP})?", re.IGNORECASE,
                           needs=_TALLY_REFERENCE_OPENING + COUNT_START, opens=True)
TALLY_REFERENCE_KEYS = plain_keys(TALLY_REFERENCE_CUES["nouns"])
# "The council reported 11 dead. By Tuesday evening it was 19.": the tally just given, taken up by a pronoun; the
# value must end its clause ("it was 4 a.m.", "it was 30 metres wide" give no value of a toll)
_PRONOUN_TALLY_OPENING = (
    rf"{B}(?:{alternation(TALLY_REFERENCE_CUES['pronouns'])})"
    rf"(?:\s+(?:{alternation(TALLY_REFERENCE_CUES['in_between'])})){{0,2}}"
    rf"\s+(?P<link>{alternation(TALLY_REFERENCE_CUES['pronoun_links'])})\s+")
PRONOUN_TALLY = _compile(
    rf"{_PRONOUN_TALLY_OPENING}{QUALNUM}(?![.,]\d)"
    rf"(?=\s*(?:[,;:]|\.|$)|\s+(?:and|by|when|after|before|on|from|until|since|for)\b)",
    re.IGNORECASE, needs=_PRONOUN_TALLY_OPENING + COUNT_START, opens=True)
PRONOUN_TALLY_KEYS = plain_keys(TALLY_REFERENCE_CUES["pronouns"])
TALLY_LINK_QUALIFIER = {**TOLL_LINK_QUALIFIER, **{normal(link): "exact" for link in TALLY_REFERENCE_CUES["estimate_links"]}}
# "..., bringing the total in the province to 2,662": a sum of the counts before it
_RUNNING_TOTAL_OPENING = rf"{B}(?:{alternation(INHERIT_CUES['running_total'])})(?:\s+[^\s\d;:()]+){{0,6}}?\s+to\s+"
RUNNING_TOTAL = _compile(rf"{_RUNNING_TOTAL_OPENING}{QUALNUM}", re.IGNORECASE,
                         needs=_RUNNING_TOTAL_OPENING + COUNT_START, opens=True)
RUNNING_TOTAL_KEYS = plain_keys(INHERIT_CUES["running_total"])
CONTINUED_KEYS = [plain_keys(INHERIT_CUES[name]) for name in ("including", "then_to", "up_from", "figure_of")]
FIGURE_OF = CONTINUED[3]
# "a lower figure of 58" answering the sentence before: the cue, and whether the figure is lower or higher
FIGURE_COMPARED = {phrase: side for side, phrases in INHERIT_CUES["figure_compared"].items() if not side.startswith("_")
                   for phrase in (normal(p) for p in phrases)}
FIGURE_COMPARED_CUE = _compile(rf"(?:{alternation(FIGURE_COMPARED)}){E}", re.IGNORECASE)
FIGURE_COMPARED_KEYS = plain_keys(FIGURE_COMPARED)
# "roughly 150,000 of them": tried at each count, like the count-first rules
OF_THEM = _compile(rf"{QUALNUM}\s+(?:{alternation(INHERIT_CUES['of_them'])}){E}", re.IGNORECASE,
                   needs=rf"\s(?:{alternation(INHERIT_CUES['of_them'])}){E}")
OF_THEM_KEYS = plain_keys(INHERIT_CUES["of_them"])
# "45 were brought in with injuries, 6 of whom later died": the share's own outcome, not the one before
UNDOING_BEFORE = _compile(rf"{B}(?:{alternation(GRAMMAR['undoing_before_a_share'])})\s+(?:{alternation(QUALIFIER_OF)}\s+)?$",
                          re.IGNORECASE)
IDENTIFIED_SHARE = _compile(rf"{LINKING}\s+(?:{alternation(GRAMMAR['identified_after_a_share'])}){E}", re.IGNORECASE)
UNDONE_OUTCOME = _compile(rf"{LINKING}\s+(?:{alternation(GRAMMAR['undone_after_a_share'])}){E}", re.IGNORECASE)
OWN_OUTCOME = _compile(rf"{LINKING}\s+(?P<outcome>{alternation(AFTER_COUNT)}){E}", re.IGNORECASE)
# "62 of the dead were in the hills": part of a toll, counted apart
SHARE_OF = by_phrase(OUTCOMES["share_of_toll"])
# what may follow a share of a toll: its verb or a place, never more of a noun phrase ("of the dead man's
# relatives", "of the injured players")
_AFTER_A_SHARE_WORDS = (GRAMMAR["linking_words"] + GRAMMAR["group_prepositions"] + OUTCOMES["carried_in"]
                        + GRAMMAR["share_origin_verbs"])
AFTER_A_SHARE = rf"(?=\s*(?:[,.;:)—–]|$)|\s+(?:{alternation(_AFTER_A_SHARE_WORDS)}){E})"
SHARE_OF_TOLL = _compile(rf"{QUALNUM}\s+(?P<outcome>{alternation(SHARE_OF)}){E}{AFTER_A_SHARE}", re.IGNORECASE,
                         needs=rf"\s(?:{alternation(SHARE_OF)}){E}")
# "40 of the injured | brought to the hospital | had died": how the share came into care, before its own outcome
CARRIED_IN = _compile(rf"\s+(?:{alternation(OUTCOMES['carried_in'])}){E}(?:\s+(?:in|to|into|at)(?:\s+(?:the|a|an))?"
                      rf"(?:\s+[\w'’-]+){{1,2}}?)?(?=\s)", re.IGNORECASE)
SHARE_OF_KEYS = containing({" ".join(phrase.split()[:2]) + " " for phrase in SHARE_OF})
# "Of the 128 dead, 52 were in the hills": the toll named first, then the part of it
TOLL_OF = {" ".join(phrase.split()[2:]): outcome for phrase, outcome in SHARE_OF.items()}
# "31 of the 39 victims had died", "at least 10 of the 19 dead": part of a toll whose size is given with it (the toll
# itself is read at its own count)
SHARE_OF_COUNTED_TOLL = _compile(
    rf"{QUALNUM}\s+of\s+(?:the|those|these)\s+{NUM}\s+(?P<outcome>{alternation(TOLL_OF)}){E}{AFTER_A_SHARE}",
    re.IGNORECASE, needs=r"\sof\s+(?:the|those|these)\s")
_SHARE_AFTER_TOLL_OPENING = (
    rf"{B}(?:of|among)\s+(?:the|those)\s+(?:{NUM}\s+)?(?P<outcome>{alternation(TOLL_OF)}){E}(?:\s+[\w'’-]+){{0,4}}?"
    # "Of the dead, she said, 19 were young men": a reporting aside between the toll and its part
    rf"(?:\s*,\s+(?:[\w'’-]+\s+){{0,3}}?(?:said|says|added|reported))?\s*,\s+")
SHARE_AFTER_TOLL = _compile(
    rf"{_SHARE_AFTER_TOLL_OPENING}{QUALNUM}(?=\s+(?:{alternation(GRAMMAR['linking_words'])}){E})",
    re.IGNORECASE, needs=_SHARE_AFTER_TOLL_OPENING + COUNT_START, opens=True,
)
# "a soldier was killed", "A Malaysian peacekeeper was also wounded": one person, counted by the article "a"
ONE_PERSON = _compile(
    rf"{B}(?P<n>an?|another)\s+(?P<group>(?:(?:\d+-[\w'’-]+|{MODIFIER})\s+){{0,3}}?(?:{PERSON}){E})\s+"
    rf"(?:(?:was|has\s+been|had\s+been|is)\s+"
    rf"(?:(?:{alternation(GRAMMAR['one_person_adverbs'])})\s+)*(?P<outcome>{alternation(AFTER_COUNT)}){E}"
    # "Another man died on Monday night", "a sixth soldier later died": one more dead, told by the verb alone
    rf"|(?:(?:{alternation(GRAMMAR['one_person_adverbs'])})\s+)*(?P<died>died){E})",
    re.IGNORECASE)
# "21 of the dead were women|, four of them pregnant, 15 were children and nine were men": after a part of a toll,
# the next part, told the same way ("N were <people>")
MORE_PARTS = _compile(
    rf"[^\d;:()—–]{{0,60}}?(?:,\s+(?:and\s+)?|\s+and\s+)(?P<joiner>){QUALNUM}\s+(?:were|was)\s+"
    rf"(?P<group>(?:{MODIFIER}\s+){{0,3}}?(?:{PERSON}){E}(?:\s+and\s+(?:{PERSON}){E})?)(?=\s*(?:[,.;]|and\b|$))",
    re.IGNORECASE, needs=r"[^\d;:()—–]{0,60}?(?:,\s+(?:and\s+)?|\s+and\s+)" + COUNT_START)
# "..., and at least 20 were children under 15", "Two of them were messengers.", "At least 31 of the 73 were
# children": a part of a toll just given, told only by who the people were (casualties._breakdown_part asks for
# the toll before it, larger than the part)
BREAKDOWN_PART = _compile(
    rf"{QUALNUM}(?:\s+of\s+(?:them|those|these|the\s+(?P<whole>{NUM})))?\s+(?:were|was)\s+(?:(?:all|also)\s+)?"
    # ("At least 20 were under 18": the part told by age)
    rf"(?P<group>(?:{MODIFIER}\s+){{0,3}}?(?:{PERSON}){E}|(?:aged\s+)?(?:under|below|over|younger\s+than|older\s+than)"
    rf"\s+\d{{1,2}}(?![\d,.]\d))(?!\s+(?:of|who|whom|that|which)\b)",
    re.IGNORECASE, needs=r"\s(?:were|was)\s")
BREAKDOWN_KEYS = plain_keys(["were", "was"])
# "Among them were four children": the same part, the count after its verb
BREAKDOWN_AMONG = _compile(
    rf"(?:among|of)\s+(?:them|those|these|the\s+(?:dead|victims|injured|wounded))\s+(?:were|was)\s+(?:also\s+)?"
    rf"{QUALNUM}\s+(?P<group>(?:{MODIFIER}\s+){{0,3}}?(?:{PERSON}){E})(?!\s+(?:of|who|whom|that|which)\b)",
    re.IGNORECASE, needs=r"\b(?:among|of)\s")
OPENS_WITH_AMONG = pattern_cache.compile(r"[\s\"“'‘]*(?P<among>(?:among|of)\s+(?:them|those|these|the\s+\w+)\s+(?:were|was)\b)",
                                         re.IGNORECASE)
# a sentence that opens on a count: only such a sentence can be a part of the toll of the sentence before it
OPENS_WITH_COUNT = _compile(rf"[\s\"“'‘]*{COUNT_START}", re.IGNORECASE)
# between a toll and such a part: a clause of its own ("..., and", "; ", "..., while", "..., of whom")
CLAUSE_JOIN = pattern_cache.compile(r"[^\d;:()—–]{0,80}?(?:;|,?\s+(?:and|while|whereas)|,\s+(?:but|of\s+whom))\s+$")
# "ten died in Cuba| and two in Jamaica", "five in Kampala|, three in Jinja and two in Mbale": the outcome
# left out of the next count, a place or time after it
_ELIDED_OPENING = rf"(?P<gap>[^\d;:()—–]{{0,60}}?)(?:,?\s+and|,)\s+"
_ELIDED_PLACE_OPENING = rf"(?:\s+more)?\s+(?:{alternation(OUTCOMES['elided_prepositions']['words'])})\s+"
# "..., and 17 two days later": how much later, in place of where or when
_ELIDED_LATER = rf"\s+(?:{alternation(OUTCOMES['elided_prepositions']['later'], regex=True)}){E}"
# "put the toll at 35 before noon| and at 52 by nightfall": a toll's link given again (casualties._elided asks for a toll)
_ELIDED_LINK = rf"(?:(?P<link>{alternation(OUTCOMES['elided_prepositions']['toll_links'])})\s+)?"
ELIDED = _compile(
    rf"{_ELIDED_OPENING}{_ELIDED_LINK}{QUALNUM}"
    rf"(?:{_ELIDED_PLACE_OPENING}{DETERMINER}(?P<where>(?:{NAME}|{MODIFIER})(?:\s+(?:{NAME}|{MODIFIER})){{0,2}}?)"
    rf"|(?P<later>{_ELIDED_LATER}))"
    rf"(?=\s*(?:[,.;:)—–]|$|\s+(?:and|but|while|whereas)\b))",
    # "... and 54 wounded": most counts after "and" have no preposition right after them, and the rule is
    # compiled only for one that has (or whose count goes on, which the rule alone can follow)
    re.IGNORECASE, needs=rf"{_ELIDED_OPENING}{_ELIDED_LINK}{COUNT_START}"
                         rf"(?:{COUNT_GOES_ON}|{_ELIDED_PLACE_OPENING}|{_ELIDED_LATER})", opens=True,
)
# "killing five soldiers and two civilians", "eight officers and three civilians were wounded"
# or a list: "among them 10 women, five children and three elderly men"; a comma-joined count must end
# its clause there ("killed five soldiers, two policemen said" is no list)
YEAR_PHRASE = r"(?:\s+(?:in|during|since|through|throughout|over)\s+(?:(?-i:[A-Z])[a-z]+\s+)?(?:19|20)\d\d(?!\d))"
UNCOUNTED_ITEM = r"\s*,?\s+and\s+an?\s+(?-i:[a-z])[\w'’-]*(?:\s+(?-i:[a-z])[\w'’-]*)?(?=\s*,)"
_AND_MORE_AFTER_OPENING = (
    # an item with no count may stand between two counted ones: "two shopkeepers and a child, as well as four ..."
    # a year may close the first item: "killed 908 people in 2009, 591 civilians and 317 security personnel"
    rf"(?:(?:{PLACE_PHRASE}|{YEAR_PHRASE})?\s*,\s*[^,\d;:()]{{1,40}}?,|{UNCOUNTED_ITEM}|{YEAR_PHRASE}(?=\s*,))??"
    rf"(?:\s*,?\s+(?P<joiner>and|as\s+well\s+as|plus)|\s*,)\s+"
)
AND_MORE_AFTER = _compile(
    rf"{_AND_MORE_AFTER_OPENING}{QUALNUM}{FILLER}\s+{GROUP}"
    rf"(?(joiner)|(?=\s*(?:[,.;:)—–]|$)|\s+(?:and|or|in|on|at|from|near|inside)\b))",
    re.IGNORECASE, needs=_AND_MORE_AFTER_OPENING + COUNT_START, opens=True,
)
# "killed 55 policemen, 39 of them special police officers| and 16 from the regular force": after a share of those
# just counted, and the words that say who they were, the next share of them
MORE_SHARES_AFTER = _compile(
    rf"(?:\s+(?!and\b)[^,;:.\d()]{{1,50}}?)?\s+(?P<joiner>and)\s+{QUALNUM}"
    rf"(?=\s+(?:from|of)\s+(?:the\s+)?[\w'’-]+|{FILLER}\s+{GROUP})",
    re.IGNORECASE, needs=r"\s+and\s+" + COUNT_START)
SHARE_OF_THEM_END = pattern_cache.compile(rf"\b(?:{alternation(INHERIT_CUES['of_them'])})$", re.IGNORECASE)
# "... killed on the Syrian side since Oct. 9|, along with": when it happened may stand before a companion too
SINCE_PHRASE = r"(?:\s+(?:since|over|during|through|throughout)\s+(?:the\s+)?[A-Za-z][\w.'’-]*(?:\s+(?:[A-Za-z][\w'’-]*|\d{1,4}))?)"
# "376 rebels were killed in the operations|, along with 13 soldiers": a further group after a finished clause
COMPANION_AFTER = _compile(
    rf"(?:{PLACE_PHRASE}|{SINCE_PHRASE}){{0,3}}\s*,?\s+(?P<joiner>{alternation(GRAMMAR['companion_joiners'])})\s+{QUALNUM}{FILLER}\s+{GROUP}"
    r"(?=\s*(?:[,.;:)—–]|$)|\s+(?:and|in|on|at|from|near|inside|during|according)\b)",
    re.IGNORECASE,
)
# What each of the two rules above must find before the whole rule is tried (and compiled, in a process that
# has not needed it yet): most items have no companion and no colon after them
COMPANION_JOINER = _compile(rf"(?:{alternation(GRAMMAR['companion_joiners'])})", re.IGNORECASE)
COLON_OPENING = _compile(r"\s*(?::|—|–|\s-)\s+")  # or a dash: "killed 74 people – 65 Ethiopians and nine Chinese"
# "puts the dead at 107|: 14 police officers|, nine soldiers, 24 civilians and 60 rebels": the first group of a
# breakdown after a colon (the rest are read as coordinated counts)
COLON_LIST = _compile(
    rf"\s*(?::|—|–|\s-)\s+{QUALNUM}{FILLER}\s+{GROUP}"
    r"(?=\s*(?:[,.;)—–]|$)|\s+(?:and|as\s+well\s+as|plus|in|on|at|from|near|inside)\b)",
    re.IGNORECASE,
)
# Verbs a count and its group never hold (their words are people, the words that modify them, an "of" phrase, a name,
# the count's own words): "26 people had been killed and" is no count and group before "and". Only a verb standing as a
# word of its own, in lower case ("Said" may be a name), and not inside a "suspected ..." form of a person.
_GROUP_VOCABULARY = {
    token
    for phrase in [*GROUP_NOUNS, *GRAMMAR["determiners"], *GRAMMAR["name_joiners"], *GRAMMAR["filler_before_group"],
                   *QUALIFIER_OF, *QUALIFIER_AFTER_OF, *QUALIFIER_TABLE["at_most"], *_NUMBER_WORD_LIST]
    for token in normal(phrase).split()
} | set(_LETTERS.findall(NUM)) | {"and", "or", "but", "possibly", "perhaps", "between", "to", "of", "own", "its",
                                         "their", "his", "her", "our", "the", "these", "those", "more"}
_NEVER_IN_A_GROUP = sorted(word for word in GRAMMAR["not_a_modifier"]
                           if word in GRAMMAR["linking_words"] and word.isalpha() and word not in _GROUP_VOCABULARY)
_GROUP_GAP = (rf"(?:{alternation(GRAMMAR['person_patterns'], regex=True)}"
              rf"|(?!(?<![\w'’.-])(?-i:{'|'.join(_NEVER_IN_A_GROUP)})(?![\w-]))[\s\S])*?")
# "Four soldiers and the two officials are still missing": the second count may be definite
AND_MORE_BEFORE = _compile(rf"{QUALNUM}{FILLER}\s+{GROUP}\s+and\s+(?:the\s+)?$", re.IGNORECASE,
                           needs=rf"{COUNT_START}{_GROUP_GAP}\sand\s+(?:the\s+)?$", opens=True)
# the second half of a mixed outcome: "dead| or wounded"
MIXED_TAIL = _compile(
    rf"\s+(?:{alternation(' '.join(phrase.split()[1:]) for phrase in OUTCOMES['after_count'][''])}){E}", re.IGNORECASE
)
OUTCOME_OF_WORD = {**VERBS_BEFORE, **AFTER_COUNT}
OUTCOME_WORD = _compile(rf"{B}(?:{alternation(OUTCOME_OF_WORD)}){E}", re.IGNORECASE)
PROJECTION_WORDS = frozenset(GRAMMAR["projection_words"])
PERFECT_WORDS = frozenset(GRAMMAR["perfect_words"])
PROJECTION = _compile(rf"{B}(?:{alternation(GRAMMAR['projection_words'])}){E}", re.IGNORECASE)
# the start of an object after a verb: "killed a policeman", "wounded several others"
AN_OBJECT_FOLLOWS = _compile(rf"\s+(?:{alternation(GRAMMAR['object_openers'])})\s+[A-Za-z]", re.IGNORECASE)
NEGATED = _compile(rf"{B}(?:{alternation(GRAMMAR['negating_before'])})\s+$", re.IGNORECASE)
QUALIFIER_BEFORE = _compile(rf"(?:{B}(?:{QUAL}|between)\s+)$", re.IGNORECASE)
# "one of two farmers wounded", "one of the 12 soldiers killed": the one is a member; the count after "of" counts
BODIES_OF = _compile(r"\b(?:bodies|remains|corpses)\s+of\s+(?:the\s+|all\s+)?$", re.IGNORECASE)
ONE_OF_A_COUNT = _compile(rf"\s+of\s+(?:the\s+)?{NUM}", re.IGNORECASE)
# "surgical kits for 300 wounded": supplies measured in people, not people harmed
PROVISIONED = _compile(rf"{B}(?:{alternation(GRAMMAR['provision_before'])})\s+"
                       rf"(?:(?:up to|about|around|some|at least|more than|nearly|over)\s+)?$", re.IGNORECASE)
MONEY = _compile(rf"(?:{B}(?:{alternation(w for w in GRAMMAR['money_context'] if w.isalpha())}){E}|[$€£])",
                   re.IGNORECASE)
ASIDE_MARK = _compile(r"[,;(—–]|\s-\s")
# "including 11 from one family", "including 4 of them": a bare count whose people are named after it
# "including 11 from one family", "including two who succumbed to their wounds": the count's people, said after it
WHOSE_PEOPLE = _compile(r"\s+(?:(?:from|of)\s+(?:one|a|the|their|his|her|its|same|those|them)|who)\b", re.IGNORECASE)
PARTITIVE = _compile(r"\s+of\s+(?:the|those|these)\s+$", re.IGNORECASE)
# "Eleven of the tanker's 13 crewmen were missing": a share of a group, right before the group's count
SHARE_BEFORE_GROUP = _compile(
    rf"{QUALNUM}\s+of\s+(?:the|its|their|his|her|our|these|those|(?:the\s+)?[\w-]+['’]s?)\s+$", re.IGNORECASE)
# "... of the three people who were killed": the count's own relative clause, not the share's verb
RELATIVE_AFTER_GROUP = _compile(r"\b(?:who|that|which)\b", re.IGNORECASE)
LINKING_WORDS = frozenset(GRAMMAR["linking_words"])
AGE_SUPERLATIVE_BEFORE = _compile(
    rf"{B}(?:{alternation(GRAMMAR['age_superlatives'] + GRAMMAR['singled_out_of_a_toll'])})\s+(?:of|among)\s+$",
    re.IGNORECASE)
CUSTODY_CUE = _compile(rf"{B}(?:{alternation(GRAMMAR['custody_cues'])}){E}", re.IGNORECASE)
FIGHTING_DETAINER = _compile(rf"{B}(?:{alternation(GRAMMAR['fighting_detainers'])}){E}", re.IGNORECASE)
CONDITION_AFTER_A_SHARE = _compile(
    rf"\s*,?\s*(?:(?:were|was|are|is|remain|remained|remains|still)\s+)*(?:{alternation(GRAMMAR['condition_after_a_share'])}){E}",
    re.IGNORECASE)
# "17 of its troops were killed| and |43 wounded", "killed 12 soldiers| and |wounded 30": only a joining word between
# a count and the bare count after it, which then counts the same people (GRAMMAR["_group_carried_comment"])
GROUP_CARRIED_GAP = _compile(
    rf"\s*,?\s+(?:{alternation(GRAMMAR['group_carried_joiners'])})\s+"
    rf"(?:(?:{alternation(GRAMMAR['group_carried_same_kind'])})\s+)?",
    re.IGNORECASE,
)
# "30 were wounded, most of them civilians": an aside after the count says who they were
WHO_THEY_WERE = _compile(rf"\s*(?:,|—|–|\()\s*(?:{alternation(GRAMMAR['listing_asides'])}){E}", re.IGNORECASE)
A_COUNT_FOLLOWS = _compile(rf"\s+(?:(?:{QUAL})\s+)?{NUM}", re.IGNORECASE)


# Regexes of many alternatives are slow to scan with; these plain-word tests skip
# the sentences and patterns that cannot match, which is most of an article.
ANCHOR_KEYS = plain_keys(
    [phrase for section in ("after_count", "count_nouns", "verbs_before_count", "lives_verbs", "loss_verbs",
                            "left_outcomes") for phrase in by_phrase(OUTCOMES[section])]
    + TREATED["injuries"]  # every treatment the rules read names one of these
    + OUTCOMES["held_people"]["verbs"]  # "the ELN is holding at least 20 people"
    + [phrase for phrases in TOLL_NOUNS.values() for phrase in phrases]
)
