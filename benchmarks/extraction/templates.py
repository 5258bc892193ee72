"""Sentence templates and vocabulary for the benchmark corpus.

Each template is a paragraph with named slots (`{count}`, `{group}`,
`{speaker}` ...) that `generated.SlotFiller` fills at random. A slot named with a
capital first letter is the same value capitalised; a trailing digit gives a
second independent value of the same kind (`{n}` and `{n2}`). All names and
places are invented.

The templates vary the ways reporters state tolls, truce times and quotes, so
the engine's rules are timed on the phrasing they exist for; the DISTRACTORS
carry numbers that are not casualties (ages, distances, money, years, people
evacuated).
"""
from __future__ import annotations

CASUALTIES = (
    "{Org} said {count} {group} {outcome} in {event} near {place} on {weekday}.",
    "{Count} {group} {outcome} and {count2} others {outcome2} when {event} hit {place}, {org} said on {weekday}.",
    "The toll rose to {n} dead on {weekday}, with {n2} people still missing, according to {org}.",
    "{Org} put the number of {group} killed at {n}, while {speaker}, {role}, said {count} more {outcome2}.",
    "{Count} {group} {outcome}, {speaker}, {role}, told reporters in {place}.",
    "At least {n} {group} were killed and {n2} wounded in {event} on the outskirts of {place}, officials said.",
    "Officials said {nw} {group} had been captured during {event} and were being held near {place}.",
    "{Org} said {count} {group} were killed or missing after {event}, and that the search would continue overnight.",
    "Between {n} and {n3} {group} died in {event}, according to figures compiled by {org}.",
    "{Speaker}, {role}, said {count} {group} {outcome} and warned that the figure was likely to rise.",
    "{Place} hospital received the bodies of {nw} {group} on {weekday}, and {count} others were treated for wounds, {org} said.",
    "More than {n} {group} have been taken prisoner since {weekday}, {org} said, adding that {count2} {group2} {outcome2}.",
)

QUOTES = (
    "“{quote},” {speaker} said.",
    "“{quote},” said {speaker}, {role}.",
    "{Speaker}, {role}, said: “{quote}.”",
    "“{quote},” said {speaker}, {role}. “{quote2},” {pronoun} added.",
    "{Speaker} was blunt. “{quote}. {quote2},” {pronoun} said.",
    "“{quote},” {speaker} told reporters in {place} on {weekday}.",
    "According to {speaker}, {role}, the figures were incomplete. “{quote},” {pronoun} said.",
    "Speaking by telephone from {place}, {speaker} put it this way: “{quote}.”",
    # A quotation running over two paragraphs: the first leaves its quotation
    # open and the second reopens it, as wire copy does.
    "“{quote},” said {speaker}, {role}. “{quote2}.\n\n“{quote3},” {pronoun} said.",
)

CEASEFIRES = (
    "{Party} and {party2} agreed to a ceasefire {time}, {org} said.",
    "A truce between {party} and {party2} is due to take effect {time}, according to {speaker}, {role}.",
    "The ceasefire, which began {time}, was largely holding on {weekday}, residents of {place} said.",
    "{Speaker}, {role}, said the truce would start {time} and would be monitored by observers.",
    "Under the deal, fighting around {place} must stop {time}, and both sides will pull back heavy weapons within {nw} days.",
    "{Org} announced a humanitarian pause {time} to let convoys reach {place}.",
)

DISTRACTORS = (
    "About {big} people were evacuated from {place}, a town of {big2} some {km} km from the {feature}.",
    "{Speaker}, {age}, a {occupation} from {place}, said the first warning came just after {hour} o'clock.",
    "The government pledged {money} in emergency aid and said it would rebuild {n} schools.",
    "The region last saw {event} on this scale in {year}, when the road to {place} was cut for weeks.",
    "Aid agencies said {big} families needed shelter and that {n} lorries of food had crossed from {place} since {weekday}.",
    "The bridge, built in {year} and {n} metres long, was closed to traffic while engineers checked its supports.",
    "Rainfall of {n} millimetres was recorded in {nw} hours at the weather station in {place}, the highest since {year}.",
    "{Speaker}, a {age}-year-old {occupation}, said {pronoun} had walked {km} km with {nw} children to reach the camp at {place}.",
)

TITLES = (
    "{Event} leaves dead and missing in {place}",
    "Truce announced after {event} near {place}",
    "Toll climbs after {event} in {place}",
    "Rescuers search for survivors after {event} in {place}",
    "{Party} and {party2} trade blame after {event}",
)

QUOTE_WORDS = (
    "We heard the first blast just after midnight and ran for the basement",
    "Nobody has told us where the missing are being taken",
    "The water came into the house faster than we could carry the children upstairs",
    "We have asked for a corridor for three days and nobody answers",
    "Every family in this street has lost someone",
    "Our teams are working without rest, but the roads are still blocked",
    "This is the worst night the town has known in my lifetime",
    "The figures we have are incomplete and will certainly rise",
    "We will respect the truce as long as the other side respects it",
    "There is no excuse for firing on a hospital",
    "I saw the roof fall in and then I could not see anything",
    "We need blankets, clean water and medicine more than anything else",
    "The observers must be allowed to go wherever they want",
    "Those responsible for this will be found and they will answer for it",
    "My brother went out to help the neighbours and did not come back",
    "The agreement is fragile and everyone knows it",
    "We counted the bodies ourselves because nobody else would",
    "Our soldiers did not fire first, whatever the other side says",
    "The rescue will go on as long as there is any chance of finding people alive",
    "People are sleeping in cars because they are afraid to go back inside",
    "We are running out of fuel for the generators at the hospital",
    "A ceasefire means nothing if the shelling starts again at dawn",
    "We were promised help a week ago and we are still waiting",
    "The wounded are arriving faster than we can treat them",
)

CEASEFIRE_TIMES = (
    "from 06:00 GMT on {weekday}",
    "at midnight local time (2100 GMT) on {weekday}",
    "at 9 p.m. (1800 GMT) on {weekday}",
    "from noon UTC on {weekday}",
    "at 0400 GMT on {weekday}",
    "from 18:00 local time (15:00 GMT)",
    "at 10 a.m. Greenwich time on {weekday}",
    "from midnight on {weekday} (2200 GMT on {weekday2})",
    "at dawn on {weekday}",
    "from 7 p.m. GMT",
)

FIRST_NAMES_FEMALE = (
    "Alina", "Brigit", "Carla", "Dora", "Edda", "Freya", "Greta", "Helena", "Iris", "Jana",
    "Karin", "Lena", "Mira", "Nora", "Olga", "Petra", "Rosa", "Sabine", "Tilda", "Vera",
)
FIRST_NAMES_MALE = (
    "Aron", "Bruno", "Casimir", "Dario", "Elias", "Felix", "Gustav", "Hugo", "Ivo", "Jonas",
    "Kasper", "Leon", "Matteo", "Niko", "Otto", "Pavel", "Rafael", "Stefan", "Teodor", "Viktor",
)
SURNAMES = (
    "Adler", "Brenn", "Castell", "Dorn", "Ekholm", "Falk", "Grau", "Halden", "Imre", "Jovan",
    "Kessel", "Lindqvist", "Marek", "Novak", "Ostrow", "Pell", "Quist", "Roth", "Sander", "Tamm",
    "Ulric", "Varga", "Wend", "Zell",
)
ROLES = (
    "a spokesman for the interior ministry", "a spokeswoman for the army", "the regional governor",
    "the head of the local hospital", "a senior police officer", "the mayor of the town",
    "a coordinator for the Red Cross", "the defence minister", "a commander of the rebel forces",
    "the chief of the rescue service", "a United Nations envoy", "a doctor at the district clinic",
)
ORGS = (
    "the health ministry", "the defence ministry", "the civil protection agency", "local officials",
    "the coast guard", "the Red Cross", "police", "the regional governor's office",
    "the United Nations", "hospital officials", "the army", "the emergency service",
)
GROUP_NOUNS = (
    "soldiers", "civilians", "police officers", "miners", "passengers", "villagers", "border guards",
    "aid workers", "fighters", "children", "rescue workers", "pilgrims", "fishermen", "servicemen",
)
GROUP_ADJECTIVES = ("", "", "", "government", "rebel", "Tarvonian", "Orrin", "Sarrenese", "foreign", "local")
OUTCOMES = (
    "were killed", "died", "were wounded", "were injured", "were missing", "were captured",
    "lost their lives", "were reported dead", "were still unaccounted for", "were taken prisoner",
    "were killed or missing",
)
EVENTS = (
    "the shelling", "the flood", "the earthquake", "the landslide", "the attack", "the fire",
    "the mine collapse", "the ferry sinking", "the fighting", "the storm", "an air strike", "the explosion",
)
PLACES = (
    "Vessa", "Korva", "Dorrick", "Harl", "Lindor", "Marrow", "Ostra", "Tessel", "Ebbel", "Grell",
    "Amsel", "Calder", "Brisk", "Fennow", "Ravel", "Sollen", "Trask", "Wyre",
)
PARTIES = (
    "the government", "the rebels", "Tarvonia", "Belmira", "the northern militia", "the army",
    "Sarren", "Vallen", "the opposition forces",
)
FEATURES = ("border", "coast", "river", "front line", "epicentre", "mine")
OCCUPATIONS = ("teacher", "farmer", "nurse", "shopkeeper", "taxi driver", "student", "fisherman", "engineer")
CURRENCIES = ("dollars", "euros", "kroner", "crowns")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NUMBER_WORDS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
)
TENS_WORDS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
