"""Word lists and small patterns shared by scoring and claimant detection. Pure data."""

import re

# Past and present forms only: plural nouns such as "reports" or "claims" would fire on
# ordinary statements ("insurance claims rose").
ATTRIBUTION_VERBS: tuple[str, ...] = (
    "said", "says", "say", "told", "tells", "stated", "announced", "announces", "revealed",
    "reveals", "acknowledged", "acknowledges", "reported", "claimed", "confirmed", "confirms",
    "added", "adds", "noted", "warned", "warns", "insisted", "insists", "estimated", "wrote",
    "denied", "denies", "declared", "declares", "explained", "argued", "argues", "admitted",
)  # fmt: skip
ATTRIBUTION_PHRASES: tuple[str, ...] = ("according to", "as per")

ATTRIBUTION_RE = re.compile(
    r"\b(?:" + "|".join(ATTRIBUTION_VERBS) + r")\b|\b(?:[Aa]ccording to|[Aa]s per)\b"
)
LEADING_SOURCE_RE = re.compile(r"^\W*(?:[Aa]ccording to|[Aa]s per)\s+([^,]{1,120}),\s*")

NATIONALITIES: frozenset[str] = frozenset(
    """
    Afghan African Albanian Algerian American Arab Argentine Argentinian Armenian Asian
    Australian Austrian Azerbaijani Bahraini Bangladeshi Belarusian Belgian Bolivian Bosnian
    Brazilian British Bulgarian Burmese Cambodian Canadian Chilean Chinese Colombian Croatian
    Cuban Cypriot Czech Danish Dutch Egyptian Emirati English Eritrean Estonian Ethiopian
    European Filipino Finnish French Georgian German Ghanaian Greek Haitian Hungarian Icelandic
    Indian Indonesian Iranian Iraqi Irish Israeli Italian Japanese Jordanian Kazakh Kenyan
    Korean Kosovan Kurdish Kuwaiti Latvian Lebanese Libyan Lithuanian Malaysian Malian Maltese
    Mexican Moldovan Mongolian Moroccan Nepali Nigerian Norwegian Omani Pakistani Palestinian
    Peruvian Polish Portuguese Qatari Romanian Russian Rwandan Saudi Scottish Serbian Slovak
    Slovenian Somali Spanish Sudanese Swedish Swiss Syrian Taiwanese Thai Tunisian Turkish
    Ugandan Ukrainian Uzbek Venezuelan Vietnamese Welsh Yemeni Zimbabwean
    """.split()
)

# Words that name an office rather than a person; stripped from "Turkish President Recep
# Tayyip Erdogan" to leave the person's name.
TITLE_WORDS: frozenset[str] = frozenset(
    """
    President Vice Prime Minister Foreign Defence Defense Interior Finance Deputy Acting Former
    Secretary Secretary-General Chancellor Senator Sen. Governor Gov. Mayor Representative Rep.
    King Queen Prince Princess Pope Sheikh Emir Ambassador Chief Director Director-General
    Chairman Chairwoman Chair CEO Leader Commander General Gen. Colonel Col. Judge Justice
    Spokesman Spokeswoman Spokesperson Dr. Mr. Mrs. Ms. Prof. Professor Sir Dame Lord Lady
    Senior Opposition Supreme Top
    """.split()
)

# Nouns that stand for an unnamed person speaking on behalf of an institution. "authority"
# used of a person is a synonym of "official", so both resolve to "<Nationality> official".
ANONYMOUS_ROLES: frozenset[str] = frozenset(
    {"authority", "official", "source", "spokesman", "spokeswoman", "spokesperson", "diplomat"}
)
CANONICAL_ROLE: dict[str, str] = {"authority": "official"}

PRONOUNS: frozenset[str] = frozenset(
    {"he", "she", "they", "it", "we", "i", "you", "this", "that", "these", "those", "who"}
)

MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan\\.|Feb\\.|Mar\\.|Apr\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\."
)
WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
NUMBER_WORDS = (
    "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|"
    "fifty|sixty|seventy|eighty|ninety|hundred|hundreds|thousand|thousands|dozen|dozens|"
    "million|millions|billion|billions|trillion|half|quarter|third|double|twice|triple"
)
SCALE_WORDS = "hundred|thousand|million|billion|trillion|percent|per cent|%"

# Comment-form text and author-bio sentences: page furniture, never claims.
COMMENT_FORM_RE = re.compile(
    r"^(?:leave a (?:reply|comment)|post comment|add a comment|\d+ comments?|comments?)\W*$"
    r"|your email address will not be published|required fields are marked"
    r"|save my name, email,? and website|you must be logged in to post a comment",
    re.I,
)
BIO_RE = re.compile(
    r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s+is\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:advocate|writer|journalist|reporter|contributor|columnist|editor|author|blogger|"
    r"correspondent|freelancer|student|researcher|activist|commentator)\b"
    r"|\bhas dedicated (?:his|her|their) (?:life|career)\b"
    r"|\bis passionate about\b"
    r"|\b(?:follow|contact|email) (?:him|her|them) (?:on|at)\b",
)
