"""The words speaker rules apply: lexicons compiled once at import, plus the grammar words of English.

News vocabulary (speech verbs, titles, nouns for people and bodies, states,
gendered words, pronouns) comes from `lexicons/`; the closed classes below
(function words, connectors inside names, modals, relatives) are grammar, not
news vocabulary, and stay in code. `_TOKEN` is the tokenizer every rule reads.
"""
from __future__ import annotations

import re

from .. import lexicons, pattern_cache
from ..regexes import alternation

_SPEECH = frozenset(lexicons.words("speech_verbs"))
_AGREEMENT_VERBS = frozenset(lexicons.words("speaker_agreement_verbs"))
_CARE_VERBS = frozenset(lexicons.words("speaker_care_verbs"))
_REPORT = (frozenset(lexicons.words("speech_report_verbs")) | _AGREEMENT_VERBS | _CARE_VERBS) - _SPEECH
_VOICE_BREAKS = frozenset(lexicons.words("speaker_voice_breaks"))
_TITLE_PHRASES = frozenset(tuple(t.lower().split()) for t in lexicons.words("titles"))
_TITLE_WORDS = frozenset(w for phrase in _TITLE_PHRASES for w in phrase) - {"of", "the", "in"}
_TITLE_HEADS = frozenset(phrase[-1] for phrase in _TITLE_PHRASES)
_TITLE_ABBREVIATIONS = tuple(lexicons.words("titles_abbreviated"))
_NOUNS = lexicons.table("speaker_nouns")
_ORG_NOUNS = frozenset(_NOUNS["organisation"])
_PEOPLE_NOUNS = frozenset(w for entry in _NOUNS["people"] for w in entry.split()[-1:])
_PERSON_NOUNS = frozenset(_NOUNS["person"])
_DOCUMENT_NOUNS = frozenset(w for entry in _NOUNS["documents"] for w in entry.split()[-1:])
_DOCUMENT_WORDINGS = tuple(tuple(entry.split()) for entry in _NOUNS["document_wordings"])
_SPEAKING_DOCUMENTS = frozenset(w for entry in _NOUNS["documents_speaking"] for w in entry.split()[-1:])
_OWNED_STAFF = frozenset(_NOUNS["owned_staff"])
_INSTITUTION_NOUNS = frozenset(_NOUNS["institutions"])
# the words a monitored item's label opens with before the text it names: "Excerpts from commentary:",
# "Text of statement by military spokesman:"; such a label names no speaker itself
_ITEM_LABEL_WORDS = frozenset({"text", "excerpts", "excerpt", "extracts", "extract", "summary"})
# words that open the rest of a participle phrase ("agreed at a summit", "issued on Monday afternoon")
_PARTICIPLE_PHRASE_OPENERS = frozenset(lexicons.words("speaker_participle_openers"))
_HEAD_NOUNS = _ORG_NOUNS | _PEOPLE_NOUNS | _PERSON_NOUNS | _SPEAKING_DOCUMENTS
# unions the passes test words against, built once here rather than on every test
_PERSON_OR_TITLE = _PERSON_NOUNS | _TITLE_WORDS
_PERSON_OR_PEOPLE = _PERSON_NOUNS | _PEOPLE_NOUNS
_HEAD_OR_TITLE = _HEAD_NOUNS | _TITLE_WORDS
_PERSON_TITLE_OR_ORG = _PERSON_NOUNS | _TITLE_WORDS | _ORG_NOUNS
_PERSON_PEOPLE_OR_TITLE = _PERSON_NOUNS | _PEOPLE_NOUNS | _TITLE_WORDS
_ORG_NAME_WORDS = frozenset(lexicons.words("speaker_org_name_words")) | _ORG_NOUNS
_STATES = frozenset(s.lower() for s in lexicons.words("speaker_states") + lexicons.words("speaker_armed_groups"))
_COUNTRIES = _STATES - frozenset(s.lower() for s in lexicons.words("speaker_armed_groups"))
_GENDER = lexicons.table("speaker_gender")
_FEMALE_WORDS = frozenset(_GENDER["female_words"])
_MALE_WORDS = frozenset(_GENDER["male_words"])
_FEMALE_GIVEN = frozenset(_GENDER["female_given"])
_MALE_GIVEN = frozenset(_GENDER["male_given"])
_FEMALE_ENDINGS = tuple(_GENDER["female_surname_endings"])
_MALE_ENDINGS = tuple(_GENDER["male_surname_endings"])
_NUMBER_WORDS = frozenset(w for key in ("units", "tens") for w in lexicons.table("number_words")[key])
_PLACES = frozenset(k.lower() for k in lexicons.table("place_zones") if not k.startswith("_"))
_ROLE_REFERENCES = lexicons.table("speaker_role_references")
_SAME_ROLE = {noun: frozenset(group) for group in _ROLE_REFERENCES["same_role"] for noun in group}
_DISTINCT_QUALIFIERS = frozenset(_ROLE_REFERENCES["distinct_qualifiers"])
_ABBREVIATED_TITLES = _ROLE_REFERENCES["abbreviated_titles"]
_STATE_FORCES = _ROLE_REFERENCES["state_forces"]
_STATE_FORCE_NOUNS = frozenset(_STATE_FORCES["nouns"])
_STATE_FORCE_WORDS = frozenset(_STATE_FORCES["name_words"])
_NATIONALITY_ENDINGS = tuple(_STATE_FORCES["nationality_endings"])
_PRONOUNS = {k: v for k, v in lexicons.table("pronouns").items() if not k.startswith("_")}
_SUBJECT_PRONOUNS = frozenset(p for p in ("he", "she", "it", "they") if p in _PRONOUNS)
_POSSESSIVE_PRONOUNS = frozenset(p for p in ("his", "her", "its", "their") if p in _PRONOUNS)

# Grammar, not news vocabulary: words a name phrase never contains, words that
# may stand between a subject and its verb, and connectors inside names.
_FUNCTION_WORDS = frozenset("""
a an the and or but nor so yet that this these those which who whom whose what where when while
as at by for from in into of on onto to with without within over under about after before since
until than then there here if because though although also not no never only just even still
is was were are be been being has have had do does did will would shall should can could may might must
it its he his she her they their them we our us i my me you your one ones
said says say told tell according however meanwhile moreover instead
monday tuesday wednesday thursday friday saturday sunday yesterday today tonight tomorrow
january february march april june july august september october november december
earlier later last next this week month year morning evening night afternoon
several most many some both all few other others each every another such
dozens hundreds thousands millions scores tens
minutes hours days weeks months years moments
between among against across through during near including toward towards via per amid despite behind beyond
""".split()) | frozenset(lexicons.words("speaker_connectives"))
_CONNECTIVES = frozenset(lexicons.words("speaker_connectives"))
_BETWEEN_SUBJECT_AND_VERB = frozenset("""
also has have had would will could may might later earlier then again previously separately
reportedly repeatedly not never already only just further publicly officially initially first
now today yesterday tonight subsequently quickly immediately since once likewise too both all there here
formally unilaterally jointly finally belatedly promptly swiftly simultaneously independently privately
recently abruptly unexpectedly duly
""".split())
# adverbs of two words that stand between an auxiliary and its verb as one: "have so far confirmed"
_TWO_WORD_ADVERBS = frozenset({("so", "far"), ("thus", "far"), ("by", "then"), ("until", "now"), ("in", "turn")})
_WEEKDAY_OR_TIME = frozenset("""
monday tuesday wednesday thursday friday saturday sunday morning evening night afternoon
""".split())
_NAME_CONNECTORS = frozenset({"of", "the", "for", "de", "del", "della", "da", "do", "dos", "du", "van", "von",
                              "der", "den", "ter", "al", "el", "bin", "binti", "ibn", "bint", "ben", "ould", "ag", "wal",
                              "la", "le", "y", "without", "los", "las", "das", "di", "zu", "dela", "delos", "dei"})
# the particles that name a person's father inside their name: "Mohd Nor bin Haji Ismail", "Rokiah binti Osman"
_PATRONYMIC_PARTICLES = frozenset({"bin", "binti", "ibn", "bint", "ben", "ould"})
# the words that link a body's name to the rest of it across "the": "Committee of the Red Cross", "Office for the
# Coordination of Humanitarian Affairs"
_NAME_LINKS = frozenset({"of", "for"})
# particles that may come two in a row inside a person's name: "de los Santos", "van der Berg", "de la Cruz"
_NAME_PARTICLES = _NAME_CONNECTORS - {"of", "the", "for", "without", "y"}
_NAME_INNER_TITLES = frozenset(lexicons.words("name_inner_titles"))
_GIVEN_NAME_ABBREVIATIONS = tuple(lexicons.words("name_abbreviations"))
_ORG_CONNECTORS = frozenset({"of", "the", "for", "without", "&"})
_LOCATIVES = frozenset({"in", "at", "near", "across", "between", "outside", "inside", "around", "towards", "toward",
                        "throughout", "within", "beyond", "along", "via"})
_PLACE_NOUNS = frozenset(lexicons.words("speaker_place_nouns"))
_PP_WORDS = frozenset({"in", "for", "of", "from", "at", "on"})
_MODALS = frozenset({"would", "will", "could", "can", "may", "might", "must", "should", "shall", "to"})
_NOUN_MARKERS = frozenset({"a", "an", "the", "his", "her", "its", "their", "our", "my", "your", "this", "that",
                           "these", "those", "neither", "either", "each", "every", "no", "any", "some", "one",
                           "another", "such", "latest", "new", "official", "initial", "final"}) | _MODALS
_RELATIVES = frozenset({"who", "which", "whose", "whom", "where", "when"})
_CLAUSE_OPENERS = frozenset({"and", "but", "while", "whereas", "yet"})
_SUBORDINATORS = _CLAUSE_OPENERS | {"as", "after", "before", "because", "since", "although", "though", "if",
                                    "unless", "whereas", "so", "or", "nor", "then"}

# a prefix tree ("M(?:a(?:j\.(?:\-Gen\.)?|\.)|...") tries the same abbreviations longest first as the sorted list did,
# but a word refuses it at its first letter, not once per abbreviation: the tokenizer runs at every word of the text
_ABBREV_ALT = alternation(_TITLE_ABBREVIATIONS + _GIVEN_NAME_ABBREVIATIONS)
_TOKEN = pattern_cache.compile(
    rf"(?:{_ABBREV_ALT})(?!\w)"                  # Mr. Gen. Lt.
    r"|\d+-[A-Za-z][\w-]*"                      # 45-year-old, 36-hour
    r"|(?:\d[\d,.]*\d|\d)(?:'s(?!\w))?"           # numbers with separators; a name's number: "Barrio 18's"
    r"|(?:[A-Za-z]\.){2,}"                      # U.S. a.m.
    r"|[A-Z]\.(?=\s+[A-Z])"                     # an initial: George W. Harlan
    r"|\w+s'(?=\s+[A-Z])"                        # a plural possessive inside a name: Doctors' Syndicate
    r"|\w+(?:[-'’.]\w+)*"                       # words, hyphenated or with apostrophes
    r"|[^\w\s]"                                 # one punctuation mark
)
_CAPITAL_PARTICLE = pattern_cache.compile(r"(?:al|el|ad|as|ash|an|ar|at|az|ul|ud|ur|wal|wa|bin|ibn|ben|abu|abd|ould|ag|de|di|da|"
                                          r"du|van|von|d|o|mc|mac)[-'][A-Z]")
# the verbs of a headline set in title case: "Havana Claims 900 Captured", "Police Say 12 Dead After Blast"
HEADLINE_VERBS = frozenset({"says", "say", "claims", "claim", "reports", "report", "puts", "put", "admits", "admit",
                            "confirms", "confirm", "estimates", "estimate"})
_QUOTE_MARKS = frozenset("“”\"«»„")
# "(0000 GMT)", "at 11 a.m. G.M.T.": a zone's letters after a clock name a clock, never a body "It" could be
_SHORT_FORM = pattern_cache.compile(r"[a-z.]{2,6}")
_ZONE_LETTERS = sorted((name.upper() for name in lexicons.table("zone_names")
                        if _SHORT_FORM.fullmatch(name)), key=len, reverse=True)
_CLOCK_ZONE = pattern_cache.compile(rf"(?:\d|[ap]\.?m\b\.?)\s*\(?\s*(?P<zone>{'|'.join(map(re.escape, _ZONE_LETTERS))})(?!\w)")

_AGE_NOUN = pattern_cache.compile(r"\d+-year-old")

_WORDS = pattern_cache.compile(r"\w+")


def names_a_body(name: str) -> bool:
    """Whether a name in a credit's brackets is a body's: an acronym ("UNMISS") or a name with a body's noun ("Health
    Ministry", "Commission of Inquiry"), not a person's or a word like "provisional"."""
    return name.isupper() and len(name) >= 2 and " " not in name \
        or any((w[:-2] if w.endswith("'s") else w) in _ORG_NOUNS for w in name.lower().split())


def names_a_speaker(words: str) -> bool:
    """Whether words set in capitals ("TEHRAN SHOOTING", "CLANDESTINE RADIO") can name who speaks: a body's, people's,
    person's or outlet's noun, or a title, among them; "TEHRAN SHOOTING: TOLL RAISED" opens on a topic, not a source."""
    lowered = [w.strip(".,;'’") for w in words.lower().split()]
    return any((w[:-2] if w.endswith("'s") else w) in _SPEAKER_HEADS for w in lowered)


def is_outlet(entity) -> bool:
    """A news outlet: named as one ("Xinhua", "Al Jazeera") or described as one ("state media", "the broadcaster")."""
    words = _HYPHENATED_WORDS.findall(f"{entity.role} {entity.name}".lower())
    return entity.name in _OUTLET_NAMES or any(w in _MEDIA_NOUNS for w in words) \
        or any(" ".join(words[k:k + 2]) in _MEDIA_NOUNS for k in range(len(words) - 1))


_MEDIA = lexicons.words("speaker_media")
_MEDIA_NOUNS = frozenset(m for m in _MEDIA if m.islower())
_OUTLET_NAMES = frozenset(m for m in _MEDIA if not m.islower())
_HYPHENATED_WORDS = pattern_cache.compile(r"[\w-]+")
_SPEAKER_HEADS = _HEAD_NOUNS | _TITLE_HEADS | _MEDIA_NOUNS
