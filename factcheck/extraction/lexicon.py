"""Word lists and small patterns shared by scoring and claimant detection. Pure data."""

import re

from factcheck.extraction import languages

# Past and present forms only: plural nouns such as "reports" or "claims" would fire on
# ordinary statements ("insurance claims rose").
ATTRIBUTION_VERBS: tuple[str, ...] = (
    "said", "says", "say", "told", "tells", "stated", "announced", "announces", "revealed",
    "reveals", "acknowledged", "acknowledges", "reported", "claimed", "confirmed", "confirms",
    "added", "adds", "noted", "warned", "warns", "insisted", "insists", "estimated", "wrote",
    "denied", "denies", "declared", "declares", "explained", "argued", "argues", "admitted",
)  # fmt: skip
ATTRIBUTION_PHRASES: tuple[str, ...] = ("according to", "as per")
ATTRIBUTION_WORDS = frozenset(ATTRIBUTION_VERBS)
ATTRIBUTION_PAIRS = frozenset(ATTRIBUTION_PHRASES)

# Attribution in French, Spanish and German pages: a news rule of scoring.py only (the model,
# trained on English, reads ATTRIBUTION_WORDS as it was trained).
FOREIGN_ATTRIBUTION_WORDS: frozenset[str] = frozenset(
    """
    déclaré affirmé indiqué estimé estime précisé expliqué annoncé souligné assuré ajouté averti
    selon d'après d’après dijo afirmó según señaló aseguró explicó declaró añadió indicó advirtió
    informó
    sagte sagt erklärte betonte warnte laut
    secondo detto dichiarato spiegato annunciato aggiunto affermato sottolineato precisato
    raccontato ammesso avvertito spiega precisa ammette avverte afferma sottolinea dichiara
    aggiunge
    segundo disse afirmou explicou acrescentou declarou anunciou admitiu alertou garantiu
    sublinhou afirma explica admite alerta
    """.split()
) | {word for word in languages.words("verbs") | languages.words("sources") if " " not in word}
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
    Senior Opposition Supreme Top Dr Mr Mrs Ms Prof
    Cllr Cllr. Councillor Councilor Sen Rep Assemblyman Assemblywoman Assemblymember
    PC PCSO
    Congressman Congresswoman Commissioner Superintendent Supt. Inspector Insp. Detective Det.
    Sergeant Sgt. Captain Capt. Lieutenant Lt. Rev. Reverend Baroness Baron Mayor-elect
    Speaker Minister-President Premier Attorney-General Solicitor-General
    Constable Bishop Archbishop Cardinal Rabbi Coroner Sheriff Marshal Admiral Alderman Provost
    Executive Officer Administrator Headteacher Headmaster Headmistress Principal CFO COO CTO
    Manager Coach Mme Mlle Madame Monsieur Sr. Sra. Srta. Señor Señora Don Doña Herr Frau
    """.split()
) | languages.words("titles")
# Letters after a name ("Jane Smith MP", "Sir Keir Starmer KC"): stripped like titles.
POST_NOMINALS: frozenset[str] = frozenset(
    "MP MPs MSP MS AM MLA MEP TD QC KC OBE MBE CBE PhD Jr. Sr.".split()
)
# Words that open a sentence or clause without being part of the name after them ("But the
# union said" → "union"; "Meanwhile Shell said" → "Shell").
LEADING_CONNECTIVES: frozenset[str] = frozenset(
    """
    But And Yet So Still However Meanwhile Now Also Instead Indeed Separately Earlier Later Then
    Today Yesterday Overall Moreover Furthermore Nevertheless Nonetheless Elsewhere Finally
    Previously Recently Similarly Likewise Otherwise Even Only Or Nor Though Although While
    Mais Et Pero Y
    """.split()
)

# Nouns that stand for an unnamed person speaking on behalf of an institution. "authority"
# used of a person is a synonym of "official", so both resolve to "<Nationality> official".
ANONYMOUS_ROLES: frozenset[str] = frozenset(
    {"authority", "official", "source", "spokesman", "spokeswoman", "spokesperson", "diplomat"}
)
# Lower-case nouns that name who is speaking without a proper name ("the army said").
SPEAKING_BODIES: frozenset[str] = frozenset(
    """
    army military police government ministry court agency company officials sources report
    study survey researchers scientists experts analysts witnesses residents authorities
    prosecutors spokespeople committee commission council
    """.split()
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

# Single words and word pairs per feature, matched against a sentence's lower-cased tokens:
# set lookups keep scoring linear and fast on megabyte inputs.
COMPARISON_WORDS = frozenset(
    """
    most least largest biggest highest lowest smallest worst best greatest fastest slowest
    deadliest richest poorest record doubled tripled halved
    """.split()
)
COMPARISON_PAIRS = frozenset(
    f"{word} than"
    for word in "more less fewer greater higher lower larger smaller bigger longer shorter".split()
)
HEDGING_WORDS = frozenset({"should", "must", "probably", "perhaps", "maybe", "arguably", "imo"})
HEDGING_PAIRS = frozenset(
    {f"{who} {verb}" for who in ("i", "we") for verb in ("think", "believe", "feel", "guess")}
    | {"i suppose", "we hope", "i hope", "ought to", "my view", "my opinion", "our view"}
)
CALL_TO_ACTION_WORDS = frozenset({"subscribe", "click", "donate", "newsletter", "unsubscribe"})
CALL_TO_ACTION_PAIRS = frozenset(
    {
        "sign up", "sign in", "log in", "tap here", "share this", "share on", "share via",
        "share it", "follow us", "read more", "join us", "buy now", "download our",
    }
)  # fmt: skip
FIRST_PERSON_TOKENS = frozenset("I I'm I’m I've me my My we We our Our us ours".split())
EVENT_WORDS = frozenset(
    """
    summit meeting meet met conference election elections referendum vote voted votes visit
    visited ceremony scheduled signed launched elected inaugurated attack attacked bombing
    killed died arrested resigned invaded earthquake explosion ceasefire protest protests rally
    trial sentenced convicted ruled epidemic outbreak emergency evacuation evacuated ballot
    ballots walkout walkouts passed passes approves approved rejects rejected ayes noes yeas nays
    """.split()
)
EVENT_PAIRS = frozenset({"took place", "take place"})
BIO_PAIRS = frozenset(
    {"has dedicated", "is passionate", "follow him", "follow her", "contact him", "contact her"}
)
COMMENT_FORM_WORDS = frozenset({"reply", "comment", "comments", "email", "required", "logged"})

# Comment-form text and author-bio sentences: page furniture, never claims.
COMMENT_FORM_RE = re.compile(
    r"^(?:leave a (?:reply|comment)|post comment|add a comment|\d+ comments?|comments?)\W*$"
    r"|your email address will not be published|required fields are marked"
    r"|save my name, email,? and website|you must be logged in to post a comment",
    re.I,
)
BIO_RE = re.compile(
    r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s+is\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:advocate|writer|journalist|reporter|contributor|columnist|editor|author|blogger|"
    r"correspondent|freelancer|student|researcher|activist|commentator)\b"
)

# Claimant detection only (scoring and the model's features do not read these): more ways a
# news sentence names who says, finds or estimates something, including Spanish ones.
CLAIMANT_VERBS_RE = re.compile(
    r"\b(?:found|finds|estimates?|reports|showed|shows)\s+that\b"
    r"|\b(?:said|says|told|stated|announced|revealed|acknowledged|reported|claimed|confirmed|"
    r"added|noted|warned|warns|insisted|estimated|wrote|denied|declared|explained|argued|admitted|"
    r"expects?|forecasts|predicts|predicted|projects|tweeted|blamed|blames|advised|"
    r"pointed out|points out|"
    r"afirmó|informó|dijo|señaló|aseguró|indicó|explicó|advirtió|declaró|añadió|reconoció|"
    r"respondió|insistió|admitió|subrayó|precisó|agregó|sostuvo|apuntó|"
    r"sagte|sagt|erklärte|betonte|warnte|schätzt|schätzte|"
    # Portuguese
    r"disse|afirmou|explicou|acrescentou|declarou|anunciou|admitiu|alertou|garantiu|sublinhou|"
    r"revelou|estimou|destacou|"
    # Italian: "ha detto", "hanno spiegato", "spiega il professore", "l'ente precisa che"
    r"ha(?:nno)?\s+(?:detto|dichiarato|spiegato|annunciato|aggiunto|affermato|sottolineato|"
    r"precisato|raccontato|ammesso|avvertito|confermato|ricordato|riferito|rivelato|stimato|"
    r"osservato)|spiega|precisa|ammette|avverte|afferma|sottolinea|dichiara|aggiunge|conferma|"
    r"ricorda|sostiene|spiegano|precisano|ammettono|avvertono|affermano)\b"
    r"|(?<!\w)(?:(?:a|ont)(?:-t-(?:il|elle|ils|elles))?\s+)?(?:déclaré|affirmé|indiqué|"
    r"estimé|précisé|expliqué|annoncé|souligné|assuré|ajouté|averti|reconnu|répondu|rappelé|"
    r"admis|confirmé|insisté|détaillé|regretté|prévenu)(?!\w)"
    r"|(?<!\w)(?:estime|affirme|souligne|explique|précise|ajoute|assure|avertit|déclare|"
    r"rappelle|juge)(?!\w)"
    r"|\b(?:[Aa]ccording to|[Aa]s per|[Ss]egún|[Ss]elon|[Ll]aut|[Dd]['’]après|"
    r"[Dd]e acuerdo con)\b"
    # "secondo i dati …", "segundo o instituto": not the ordinal ("il secondo tempo")
    r"|\b(?:[Ss]econdo|[Ss]egundo)\b(?<![Ii]l secondo)(?<![Oo] segundo)"
    r"(?=\s+(?:[A-Z]|l['’]|il\s|lo\s|la\s|i\s|gli\s|le\s|o\s|a\s|os\s|as\s|un|dati|stime|"
    r"fontes?|fonti|quanto))"
    # Dutch, Swedish, Danish, Norwegian and Polish (languages.py)
    rf"|(?<![\w-])(?:{languages.pattern('verbs')}|{languages.pattern('sources')})(?![\w-])"
    # "”, sa hon", "Hon sa att": a verb that is an ordinary word elsewhere (French "sa")
    rf"|(?<=,\s)(?:{languages.pattern('closing')})(?=\s+(?:[A-ZÅÄÖÆØ]|han\b|hon\b|hun\b))"
    rf"|(?<!\w)(?:{languages.pattern('closing')})(?=\s+att?\b)"
)
# The phrases among CLAIMANT_VERBS_RE whose claimant follows them ("according to X").
SOURCE_PHRASES: frozenset[str] = frozenset(
    {
        "according to", "as per", "según", "selon", "laut", "d'après", "d’après",
        "de acuerdo con", "secondo", "segundo",
    }
) | languages.words("sources")  # fmt: skip
LEADING_CLAIMANT_RE = re.compile(
    r"^\W*(?:[Aa]ccording to|[Aa]s per|[Ss]egún|[Ss]elon|[Dd]['’]après|[Dd]e acuerdo con|"
    r"[Ss]econdo|[Ss]egundo)\s+"
    r"([^,]{1,120}),\s*"
    r"|^\W*[Ll]aut\s+((?:(?:des|der|dem|den|von|vom)\s+)?(?:[A-ZÄÖÜ][\w-]*\s+){1,4}"
    r"(?:(?:des|der|dem|von|vom|für)\s+(?:[A-ZÄÖÜ][\w-]*\s+){1,3})?)(?=[a-zäöü])"
)
# Evidence named before its author: "according to (joint estimates | a flash estimate | the
# latest figures published on Wednesday) by/from X" → X.
EVIDENCE_NOUNS = (
    "estimates?|figures|data|statistics|research|analysis|analyses|stud(?:y|ies)|reports?|"
    "surveys?|polls?|review|audit|forecasts?|projections?|count|tally|assessment|modell?ing|"
    "calculations?|findings|numbers|paper|census|investigation|inquiry|accounts|filings"
)
EVIDENCE_PARTICIPLES = (
    "published|released|issued|compiled|produced|prepared|carried out|conducted|commissioned|"
    "collected|gathered|seen"
)
EVIDENCE_BY_RE = re.compile(
    r"^(?:(?:an?|the)\s+)?(?:[\w-]+\s+){0,3}?(?:" + EVIDENCE_NOUNS + r")\s+"
    r"(?:(?:" + EVIDENCE_PARTICIPLES + r")(?:\s+[\w-]+){0,4}?\s+)?"
    r"(?:by|from|of)\s+(?:(?:researchers|scientists|economists|academics|experts|analysts|"
    r"a team)\s+(?:at|from)\s+)?(?:the\s+)?",
    re.I,
)
# "A Bank of Portugal study published in May found …": the study's author speaks.
STUDY_NOUNS = "study|report|survey|analysis|poll|review|audit|estimate|estimates|research|paper"
STUDY_PARTICIPLE_RE = re.compile(
    # not a participle clause that a subject follows ("In its ruling, published on Monday,
    # the court said")
    r"\s+(?:published|released|issued|carried out|conducted|commissioned|seen by)\b"
    r"(?![^,]*,\s*\S)[^\n]*$"
)

# Nouns that head a definite description of an organisation ("the ministry", "the agency"),
# resolved to the nearest earlier name that contains the noun or another of its words.
ORGANISATION_NOUNS: frozenset[str] = frozenset(
    """
    ministry agency organization organisation institute bank office council commission committee
    union nations party police army military government university service department court
    company corporation group association federation fund system network grid rail hospital
    board foundation centre center authority authorities institution programme program project
    parliament assembly senate congress cabinet administration bureau directorate inspectorate
    regulator ombudsman observatory news times post herald telegraph guardian press
    league club charity trust society think-tank watchdog firm insurer lender utility supplier
    provider retailer airline carrier manufacturer broadcaster
    consortium confederation alliance coalition partnership cooperative co-operative
    """.split()
)
# Countries (and a few blocs) named as claimants are organisations, not people.
COUNTRIES: frozenset[str] = frozenset(
    """
    Afghanistan Albania Algeria Argentina Armenia Australia Austria Azerbaijan Bahrain Bangladesh
    Belarus Belgium Bolivia Bosnia Brazil Britain Bulgaria Cambodia Canada Chile China Colombia
    Croatia Cuba Cyprus Czechia Denmark Egypt England Eritrea Estonia Ethiopia Finland France
    Georgia Germany Ghana Greece Haiti Hungary Iceland India Indonesia Iran Iraq Ireland Israel
    Italy Japan Jordan Kazakhstan Kenya Korea Kosovo Kuwait Latvia Lebanon Libya Lithuania
    Malaysia Mali Malta Mexico Moldova Mongolia Morocco Nepal Netherlands Nigeria Norway Oman
    Pakistan Palestine Peru Philippines Poland Portugal Qatar Romania Russia Rwanda Scotland
    Serbia Slovakia Slovenia Somalia Spain Sudan Sweden Switzerland Syria Taiwan Thailand Tunisia
    Turkey Uganda Ukraine Uzbekistan Venezuela Vietnam Wales Yemen Zimbabwe America Moscow Ankara
    Tehran Washington Beijing Brussels Kyiv London Paris Berlin NATO EU UN
    """.split()
)
# Lower-case words that name a person's role; a name right after one is a person
# ("the transport secretary Mark Harper"), and so is a bare role ("the official").
PERSON_ROLES: frozenset[str] = frozenset(
    """
    official spokesman spokeswoman spokesperson diplomat minister secretary president director
    head chief doctor dr professor prof mayor governor senator editor reporter correspondent
    author researcher scientist economist analyst lawyer judge commander general leader chairman
    chairwoman ministra ministro presidente ministre président présidente porte-parole maire
    directeur directrice économiste député députée sénateur sénatrice
    councillor councilor senator representative congressman congresswoman commissioner
    chancellor premier treasurer auditor moderator host presenter chair
    docteur docteure doctora médecin alcalde alcaldesa regidor regidora portavoz presidenta
    directora concejal concejala consejero consejera
    sindaco sindaca assessore assessora direttore direttrice professore professoressa portavoce
    prefeito prefeita diretor diretora porta-voz presidenta professor professora
    clerk coach manager
    """.split()
) | languages.words("roles")
PERSON_PRONOUNS: frozenset[str] = frozenset(
    {"he", "she", "him", "her", "il", "elle", "lui", "él", "ella", "er", "sie"}
) | languages.words("pronouns")
GROUP_PRONOUNS: frozenset[str] = frozenset({"it", "they"})
