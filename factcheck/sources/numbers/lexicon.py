"""Words the number check knows: qualifiers, number words, currencies, units, what is counted.

Units of measurement are named here only by their surface forms; pint (``units.py``) knows what
they measure and how they convert. Concepts group words that name the same thing in news copy
("jobless" and "unemployment"); a word with no concept stands for itself (its stem).
"""

from __future__ import annotations

from factcheck.sources.numbers.measures import ABSOLUTE_MEASURES as ABSOLUTE_MEASURES
from factcheck.sources.numbers.measures import GLUED_ONLY as GLUED_ONLY
from factcheck.sources.numbers.measures import MEASURES as MEASURES

QUALIFIERS = {
    "more_than": "more than|over|above|in excess of|upwards of|exceeding|greater than",
    "less_than": "less than|fewer than|under|below",
    "at_least": "at least|no fewer than|no less than|a minimum of",
    "at_most": "at most|no more than|not more than|a maximum of",
    "up_to": "up to|as many as|as much as",
    "about": "about|around|roughly|approximately|some|circa|an estimated|estimated|close to|~",
    # Approximate from below: "nearly 500" is a little under 500, never 512.
    "nearly": "nearly|almost|just under|just short of",
}
APPROX_PHRASES = {p: q for q, phrases in QUALIFIERS.items() for p in phrases.split("|")}
UNITS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
        " fifteen sixteen seventeen eighteen nineteen".split()
    )
}
TENS = {
    w: 10 * i
    for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2)
}
SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
ORDINALS = {
    w: i
    for i, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth"
        " thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split(),
        start=1,
    )
}
ORDINALS |= {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "hundredth": 100}
SCALE_WORDS = dict.fromkeys(("thousand", "k"), 10**3)
SCALE_WORDS |= dict.fromkeys(("million", "millions", "m", "mn", "mln"), 10**6)
SCALE_WORDS |= dict.fromkeys(("billion", "billions", "bn", "b", "bln"), 10**9)
SCALE_WORDS |= dict.fromkeys(("trillion", "tn", "trn"), 10**12)
CURRENCIES = dict.fromkeys(("$", "us$", "usd", "dollar", "dollars"), "usd")
CURRENCIES |= dict.fromkeys(("€", "eur", "euro", "euros"), "eur")
CURRENCIES |= dict.fromkeys(("£", "gbp", "pounds"), "gbp")
CURRENCIES |= dict.fromkeys(("¥", "jpy", "yen"), "jpy")
CURRENCIES |= {"a$": "aud", "c$": "cad", "hk$": "hkd", "₹": "inr", "chf": "chf"}
MONTHS = (
    "January February March April May June July August September October November December"
).split()

# What is counted: each word names its concept. People-words without a concept of their own are
# "people"; a specific group (children, voters) is comparable with "people" but not with another.
CONCEPTS = {
    **dict.fromkeys(
        ("people", "persons", "person", "individuals", "inhabitants", "population"),
        "people",
    ),
    **dict.fromkeys(("cases", "case", "infections", "infection", "infected"), "case"),
    **dict.fromkeys(("deaths", "death", "died", "dead", "fatalities", "killed", "toll"), "death"),
    **dict.fromkeys(
        (
            "vaccinations",
            "vaccination",
            "vaccinated",
            "vaccines",
            "vaccine",
            "doses",
            "dose",
            "jabs",
            "jab",
            "shots",
            "immunisation",
            "immunization",
            "immunised",
            "immunized",
            "inoculations",
        ),
        "vaccination",
    ),
    **dict.fromkeys(("visitors", "visitor", "tourists", "tourist", "visits", "visited"), "visitor"),
    **dict.fromkeys(("unemployment", "unemployed", "jobless", "joblessness"), "unemployment"),
    **dict.fromkeys(("inflation", "cpi"), "inflation"),
    **dict.fromkeys(
        ("fled", "flee", "fleeing", "escaped", "escape", "displaced", "uprooted"), "flee"
    ),
    **dict.fromkeys(("homes", "home", "houses", "house", "households", "household"), "home"),
    **dict.fromkeys(("vacancy", "vacancies", "vacant"), "vacancy"),  # "vacant posts"
    **dict.fromkeys(("children", "child", "kids", "pupils", "minors"), "children"),
    **dict.fromkeys(("refugees", "refugee", "asylum"), "refugee"),
    **dict.fromkeys(
        ("workers", "employees", "staff", "workforce", "employs", "employ", "employed"), "worker"
    ),
    **dict.fromkeys(("company", "companies", "firm", "firms", "business"), "company"),
    **dict.fromkeys(("jobs", "job", "posts"), "job"),
    **dict.fromkeys(
        ("vehicles", "vehicle", "cars", "car", "lorries", "lorry", "trucks", "truck"), "vehicle"
    ),
    **dict.fromkeys(("profit", "profits", "earnings"), "profit"),
    **dict.fromkeys(("gdp", "economy", "output"), "economy"),
    **dict.fromkeys(("gusts", "gust", "winds", "wind"), "wind"),
    **dict.fromkeys(("hospitalised", "hospitalized", "hospitalisations", "admissions"), "hospital"),
    **dict.fromkeys(("voted", "votes", "ballots", "ballot"), "vote"),
    **dict.fromkeys(("turnout", "cast"), "turnout"),  # "voters cast a ballot": they turned out
    **dict.fromkeys(("wildfire", "wildfires", "fire", "fires", "blaze", "blazes"), "fire"),
    **dict.fromkeys(
        ("ship", "ships", "vessel", "vessels", "boat", "boats", "ferry", "ferries"), "ship"
    ),
    **dict.fromkeys(("plane", "planes", "aircraft", "jet", "jets", "airliner"), "aircraft"),
    **dict.fromkeys(("troops", "soldiers", "troop", "soldier"), "soldier"),
    **dict.fromkeys(("oil", "crude", "brent"), "oil"),
    **dict.fromkeys(("crowd", "crowds", "audience", "audiences", "attendance"), "people"),
    **dict.fromkeys(("signatures", "signature", "signatories", "signed"), "signature"),
    **dict.fromkeys(("petrol", "unleaded", "gasoline"), "petrol"),
    **dict.fromkeys(("effective", "efficacy", "effectiveness"), "efficacy"),
    **dict.fromkeys(("forest", "forests", "woodland", "woodlands", "woods"), "forest"),
    **dict.fromkeys(("full", "capacity", "occupancy"), "capacity"),  # "62 percent full"
    **dict.fromkeys(("fined", "fine", "fines", "penalty", "penalties"), "fine"),
    **dict.fromkeys(("countries", "country", "nations", "nation"), "country"),
    **dict.fromkeys(("attended", "attend", "attending", "attendees"), "attend"),
    **dict.fromkeys(("bailout", "bailouts", "rescue"), "bailout"),
    **dict.fromkeys(("quit", "quitting", "quits", "leaving", "resign", "resigning"), "quit"),
    **dict.fromkeys(("injured", "hurt", "injuries", "injury", "wounded"), "injury"),
    **dict.fromkeys(("arrested", "arrests", "arrest", "detained", "detentions"), "arrest"),
    **dict.fromkeys(("rent", "rents", "renting", "rented", "renter", "renters", "tenants"), "rent"),
    **dict.fromkeys(("travellers", "traveller", "travelers", "traveler"), "passenger"),
    **dict.fromkeys(("subscribers", "subscriber", "customers", "customer"), "customer"),
    **dict.fromkeys(("revenue", "revenues", "turnover", "takings"), "revenue"),
    **dict.fromkeys(("privately",), "private"),
    **dict.fromkeys(
        ("walkout", "walkouts", "strike", "strikes", "striking", "stoppage", "stoppages"), "strike"
    ),
    **dict.fromkeys(
        ("operation", "operations", "surgery", "surgeries", "procedure", "procedures"),
        "operation",
    ),
    **dict.fromkeys(("loss", "losses", "lost", "lose", "loses", "losing"), "loss"),
    **dict.fromkeys(("borrowing", "borrowed", "borrow", "borrows"), "borrow"),
    **dict.fromkeys(("electricity", "power"), "electricity"),
    **dict.fromkeys(("spending", "expenditure", "expenditures", "outlays"), "spending"),
    **dict.fromkeys(("renewables", "renewable"), "renewable"),
    **dict.fromkeys(("judges", "judge", "justices", "justice"), "judge"),
    # A hole in a budget is its shortfall, gap or deficit: one concept.
    **dict.fromkeys(
        ("hole", "holes", "shortfall", "shortfalls", "gap", "gaps", "deficit", "deficits"),
        "shortfall",
    ),
    # What is paid for a player, a deal or a service is its fee.
    **dict.fromkeys(("fee", "fees", "paid", "pay", "pays", "paying"), "fee"),
    # One disease by two names; one count of tourism by two names; a border crossed, entered.
    **dict.fromkeys(("flu", "influenza"), "flu"),
    **dict.fromkeys(("covid", "coronavirus"), "covid"),
    **dict.fromkeys(("nights", "night", "overnights", "stays", "stay"), "night"),
    **dict.fromkeys(("crossings", "crossing", "entries", "entry"), "crossing"),
    **{w: w for w in ("measles", "mumps", "diabetes", "news", "series", "species", "rabies")},
}
PERSON_GROUPS = frozenset(
    """children women men adults voters soldiers troops fighters workers patients students
    residents civilians migrants refugees citizens passengers teachers nurses doctors pensioners
    girls boys babies infants teenagers farmers prisoners hostages displaced visitors tourists
    employees staff dead viewers spectators fans listeners readers protesters demonstrators
    marchers revellers festivalgoers users""".split()
)
# Words that say nothing about what a figure is of: reporting, change, size, function words.
GENERIC = frozenset(
    """a an the this that these those there here it its their his her our we they he she i you
    of in on at to for from by with as and or but nor than then so such per cent percent
    percentage point points pct is are was were be been being has have had do does did will would
    can could may might should must said says say saying told according reported reports report
    shows show showed shown figures figure data statistics official officials estimate estimates
    estimated total number numbers rate rates level levels share proportion amount about more
    most less fewer over under above below nearly almost around roughly some up down rose rise
    rising risen fell fall falling fallen grew grow growth increased increase increases decreased
    decrease declined decline dropped drop jumped jump climbed climb reached reach hit stood
    stand stands remained remain went go gone came come last next previous year years month
    months week weeks day days time times new recent latest compared earlier later ago since
    while whereas however although also just only still now already mostly who which what when
    where how not no never none other another each every all both any many much one ones first
    second third around across throughout within during after before between among into out
    off again further very well high higher low lower record annual monthly weekly daily
    average mean median tall long wide deep away old large small big without near toward towards
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow""".split()
)
NEGATIONS = frozenset(
    "no not without never lack lacks lacking none nobody cannot unable unvaccinated".split()
)
# A run of words naming what a figure counts stops at these (verbs, function words).
STOP_RUN = GENERIC | frozenset(
    """live lives living work died die dies fled flee left leave need needs needed get got make
    made take took remain remained lost gave given received receive visited visit attended
    affected goes gets receives comes means makes takes needs uses owns supports support back
    backs want wants earn earns pay pays spend spends face faces cost costs remains""".split()
)
# Irregular past participles: like words in -ed they end a noun phrase ("2 tonnes of cocaine
# hidden in …", "the 4,400 pounds of cocaine found …") or describe the noun after them.
PARTICIPLES = frozenset(
    """hidden found seen taken given made held sold built won lost paid spent brought drawn
    driven shown known grown thrown written stolen seized kept left told bought caught sent
    set put cut run done""".split()
)
# Adjectives that describe the thing counted without narrowing it ("9,000 new homes").
PLAIN_ADJECTIVES = frozenset("new more extra additional further fresh".split())
# Verbs of a change 'by' a figure that say no direction ("raised staff pay by 12 percent"), and
# nouns that may be its object though they are generic or verbs elsewhere ("waiting times").
CHANGE_VERBS = frozenset("raised raise raises lifted lift lifts trimmed extended".split())
OBJECT_NOUNS = frozenset("pay wages times costs bills fees fares".split())
# Verbs that say nothing of what a figure counts ("40 percent of the budget goes on health").
LIGHT_VERBS = frozenset(
    "go goes get gets got make makes made take takes took uses means comes".split()
)
# Verbs that say a figure measures the noun phrase before them: "Food prices rose 19 percent".
LEVEL_VERBS = frozenset(
    """rose rise rises risen fell fall falls fallen grew grow grows increased increases decreased
    declined dropped jumped climbed surged slumped slipped edged eased reached hit stood stands
    is are was were remained remains totalled totaled totals peaked hovered widened narrowed
    swelled shrank ballooned came comes amounted amounts""".split()
)
# Verbs that spend a figure on what follows it: "spends 3 percent of GDP on defence" measures
# defence spending.
SPEND_VERBS = frozenset(
    "spend spends spent spending invest invests invested devote devotes devoted".split()
)
# Two words that name one concept ("voters turned out"): (first, second) → concept.
PHRASES = {("turned", "out"): "turnout", ("turn", "out"): "turnout", ("turning", "out"): "turnout"}
PHRASES |= {("domestic", "product"): "economy", ("interest", "rates"): "interest"}
PHRASES |= {(verb, "in"): "revenue" for verb in ("brings", "bring", "brought", "bringing")}
# Who lives in a place is its population: "12 million people live in" / "a population of".
PHRASES |= {("people", verb): "population" for verb in ("live", "lives", "living", "lived")}
# Words that also name a second concept besides their own ("population" counts people).
ALSO_NAMES = {"population": "population", "populations": "population"}
ALSO_NAMES |= {"inhabitants": "population", "capacity": "capacity"}
# Acts each person does once: "people signed" counts signatures, "people died" deaths.
# A venue's capacity counts each person it holds once ("hold 62,000 fans" / "a capacity of").
ONCE_PER_PERSON = frozenset({"signature", "death", "vote", "turnout", "capacity"})
# Verbs right before a count of people that make it a capacity: "the stadium will hold 62,000".
CAPACITY_VERBS = frozenset("hold holds seat seats accommodate accommodates sleeps".split())
# Heads that name an event by what it is of: "hip replacement operations" count replacements.
EVENT_HEADS = frozenset(
    """operation treatment appointment incident episode attempt transaction
    journey trip generation production""".split()
)
# Things of one kind that are never each other: a measles figure never checks a cholera one.
DISEASES = frozenset(
    """measles mumps rubella cholera dengue malaria polio ebola mpox tuberculosis tb flu influenza
    covid coronavirus hiv aids diphtheria typhoid zika hepatitis""".split()
)
CHANGE_NOUNS = frozenset(
    """rise rises increase increases fall falls drop drops decline declines jump jumps gain gains
    cut cuts hike hikes growth surge slump share losses""".split()
)
CLAUSE_WORDS = frozenset("while whereas but however although compared versus against".split())
PLACE_PREPOSITIONS = frozenset("in at across throughout within for".split())

# Kinds of one thing that are never each other: when each clause names one kind of a group and
# the two share none ("wheat exports" / "wheat imports", the average / the median), the figures
# are about different things. Word (lowercase) → "group:kind" (several, space-separated).
EXCLUSIVE_KINDS = {
    **dict.fromkeys(("average", "mean"), "statistic:mean"),
    **dict.fromkeys(("median",), "statistic:median"),
    **dict.fromkeys(("export", "exports", "exported", "exporting", "exporter"), "trade:export"),
    **dict.fromkeys(("import", "imports", "imported", "importing", "importer"), "trade:import"),
    **dict.fromkeys(("deficit", "deficits"), "balance:deficit"),
    **dict.fromkeys(("surplus", "surpluses"), "balance:surplus"),
    **dict.fromkeys(("profit", "profits"), "result:profit"),
    **dict.fromkeys(("loss", "losses", "loss-making"), "result:loss"),
    **dict.fromkeys(("birth", "births", "born"), "vital:birth"),
    **dict.fromkeys(("death", "deaths", "died", "dead"), "vital:death outcome:dead"),
    **dict.fromkeys(("killed", "fatalities", "toll"), "outcome:dead"),
    **dict.fromkeys(("injured", "injuries", "wounded", "hurt"), "outcome:injured"),
    **dict.fromkeys(("missing",), "outcome:missing"),
    **dict.fromkeys(
        ("men", "man", "male", "males", "boys", "boy", "fathers", "father", "husbands"), "sex:male"
    ),
    **dict.fromkeys(
        ("women", "woman", "female", "females", "girls", "girl", "mothers", "mother", "wives"),
        "sex:female",
    ),
    **dict.fromkeys(("rural",), "area:rural"),
    **dict.fromkeys(("urban",), "area:urban"),
    **dict.fromkeys(("electric", "battery-powered"), "fuel:electric"),
    **dict.fromkeys(("petrol", "unleaded", "gasoline"), "fuel:petrol"),
    **dict.fromkeys(("diesel",), "fuel:diesel"),
    **dict.fromkeys(("hybrid", "hybrids"), "fuel:hybrid"),
    **dict.fromkeys(("primary",), "school:primary"),
    **dict.fromkeys(("secondary",), "school:secondary"),
    **dict.fromkeys(("public",), "sector:public"),
    **dict.fromkeys(("private", "privately"), "sector:private"),
    **dict.fromkeys(("domestic",), "scope:domestic"),
    **dict.fromkeys(("lost",), "contest:lost"),
    **dict.fromkeys(("international", "foreign", "overseas"), "scope:international"),
    **dict.fromkeys(("arrivals", "arrival", "arriving"), "travel:arrival"),
    **dict.fromkeys(("departures", "departure", "departing"), "travel:departure"),
    **dict.fromkeys(("income",), "tax:income"),
    **dict.fromkeys(("corporation",), "tax:corporation"),
    **dict.fromkeys(("vat",), "tax:vat"),
    **dict.fromkeys(("inheritance",), "tax:inheritance"),
    **dict.fromkeys(("long", "length", "longer"), "dimension:length"),
    **dict.fromkeys(("wide", "width", "wider"), "dimension:width"),
    **dict.fromkeys(("tall", "taller", "height"), "dimension:height"),
    **dict.fromkeys(("deep", "depth", "deeper"), "dimension:depth"),
    **dict.fromkeys(("away", "distance"), "dimension:distance"),
    **dict.fromkeys(
        ("left", "leave", "emigrated", "emigrate", "emigration", "departed", "fled", "quit"),
        "move:out",
    ),
    **dict.fromkeys(("entered", "enter", "immigrated", "immigration", "came"), "move:in"),
    **dict.fromkeys(("returned", "return", "returning", "returnees"), "move:back"),
    **dict.fromkeys(("scored", "scoring"), "goal:scored"),
    **dict.fromkeys(("conceded", "conceding"), "goal:conceded"),
    **dict.fromkeys(("won", "win", "wins", "winning"), "contest:won"),
    **dict.fromkeys(("bought", "buy", "buys", "buying", "purchased"), "deal:bought"),
    **dict.fromkeys(("sold", "sell", "sells", "selling"), "deal:sold"),
    **dict.fromkeys(("built", "build", "builds", "constructed", "completed"), "deal:built"),
    **dict.fromkeys(("lent", "lend", "lends", "loaned"), "deal:lent"),
    # Money coming in or going out: "raised £4.5 million" is not "spent £4.5 million".
    **dict.fromkeys(
        ("raised", "raise", "raises", "earned", "earns", "collected", "received"),
        "flow:in",
    ),
    **dict.fromkeys(
        ("spent", "spend", "spends", "spending", "paid", "invested", "cost", "costs", "costing"),
        "flow:out",
    ),
    **dict.fromkeys(("demolished", "knocked"), "deal:demolished"),
    **dict.fromkeys(("hired", "hiring", "recruited"), "staffing:hired"),
    **dict.fromkeys(("fired", "sacked", "dismissed", "redundant"), "staffing:fired"),
    **dict.fromkeys(("opened", "opening"), "state:opened"),
    **dict.fromkeys(("closed", "closing", "closures"), "state:closed"),
    **dict.fromkeys(("approved", "accepted", "granted"), "decision:approved"),
    **dict.fromkeys(("rejected", "refused", "denied"), "decision:rejected"),
    **dict.fromkeys(("worldwide", "global", "globally"), "scope:world"),
    **dict.fromkeys(("high", "highs", "maximum", "peak", "peaked"), "extreme:high"),
    **dict.fromkeys(("low", "lows", "minimum"), "extreme:low"),
}
# Words that make a figure a different measure from the same figure without them: real wages
# are not wages, youth unemployment is not unemployment, core inflation is not inflation.
MARKED = {
    "real": "real",
    "inflation-adjusted": "real",
    "youth": "youth",
    "core": "core",
    "underlying": "core",
    "young": "youth",
    # Being invited is not having done it ("were invited for a booster" / "got a booster").
    **dict.fromkeys(("invited", "invitation", "invitations"), "invited"),
}
# People named by what they are (a role): a clause about teachers is not one about nurses.
ROLES = frozenset(
    """children child pupils kids adults teachers teacher nurses nurse doctors doctor farmers
    farmer students student patients patient residents soldiers troops fighters workers worker
    employees staff pensioners prisoners passengers voters migrants refugees civilians hostages
    police officers firefighters drivers miners lawyers judges scientists graduates""".split()
)
# A change of a level, and its direction: "rose 5 percent" (up), "a 5 percent cut" (down);
# "rose to 5 percent", "stands at 5 percent" are levels.
CHANGE_UP = frozenset(
    """rose rise rises risen rising grew grow grows growing increased increase increases
    increasing jumped jump jumps climbed climb climbs surged surge soared gained gain gains added
    boosted up higher more hike hikes expanded expand expands expanding added adds adding created
    creates""".split()
)
CHANGE_DOWN = frozenset(
    """fell fall falls fallen falling dropped drop drops declined decline declines decreased
    decrease decreases slumped slump slipped eased plunged plummeted tumbled shrank shrunk
    contracted cut cuts cutting reduced reduce reduces reducing slashed halved shrunk down lower
    less fewer lost lose loses losing loss shed sheds axed scrapped retreated retreat
    retreats""".split()
)
# Words after which a figure is a level: "is 5 percent", "stood at", "has 27 members".
LEVEL_MARKS = frozenset(
    """to at of is are was were be been stood stands stand reached reaches hit hits totalled
    totaled totals total has have had remained remains hovered peaked cost costs worth valued
    amounted""".split()
)
COMPARATIVES = frozenset("more less fewer higher lower".split())
BE_VERBS = frozenset("is are was were be been being remain remains remained".split())
# Nouns that make a level the size of a change: "growth of 2 percent" is "grew 2 percent".
CHANGE_LEVELS = frozenset(
    """growth inflation rise increase fall drop decline cut hike change gain jump surge slump
    deflation loss losses deforestation redundancies layoffs closures cuts""".split()
)
# A measure's head that only repeats its unit's dimension: "1.2 gigawatts of power".
MEASURE_HEADS = frozenset(
    """power electricity energy capacity length distance speed weight mass height temperature
    area size depth width volume""".split()
)
# Titles before a name ("Mr Biden" is "Joe Biden").
TITLES = frozenset(
    """mr mrs ms miss dr sir dame lord lady president prime minister chancellor secretary governor
    mayor senator congressman congresswoman king queen prince princess pope general chief
    professor prof""".split()
)
# Country adjectives with the country they name ("Spanish unemployment" is Spain's).
DEMONYMS = {
    "british": "britain", "uk": "britain", "english": "england", "scottish": "scotland",
    "welsh": "wales", "irish": "ireland", "american": "us", "usa": "us", "america": "us",
    "french": "france", "german": "germany", "spanish": "spain", "italian": "italy",
    "chinese": "china", "japanese": "japan", "indian": "india", "russian": "russia",
    "canadian": "canada", "australian": "australia", "european": "europe", "eu": "europe",
    "dutch": "netherlands", "polish": "poland", "swedish": "sweden", "greek": "greece",
    "turkish": "turkey", "brazilian": "brazil", "mexican": "mexico", "ukrainian": "ukraine",
    # Two names of one party.
    "tories": "conservatives", "tory": "conservatives", "conservative": "conservatives",
    "gop": "republicans", "republican": "republicans", "democrat": "democrats",
}  # fmt: skip
# Concepts of words naming a place, an institution or a container: they say where or whose a
# figure is, never what it measures, so on their own they are no shared topic ("Road repairs
# cost the council £3.2 million" / "Parking fines brought the council £3.2 million").
CONTAINERS = frozenset(
    """region council town city country state government company area trust board county
    district borough authority ministry department agency village province organisation
    organization group nation capital charity university college club team union bank
    airport library museum operator""".split()
)
# Modifiers that do not narrow what a noun phrase measures ("consumer price inflation" is
# inflation, "the budget deficit" the deficit): the other side need not name them.
PLAIN_MODIFIERS = frozenset(
    """consumer headline annual overall total national budget official general gross statutory
    legal""".split()
)
# Different nouns that name one measure when they share a modifier ("food prices" / "food
# inflation").
RELATED_NOUNS = frozenset(
    frozenset(pair) for pair in (("price", "inflation"), ("cost", "price"), ("cost", "inflation"))
)
# Kind groups that say what act a figure measures ("spent" flow:out, "sold" deal:sold): a figure
# measured by one is another measure than a noun phrase's named measure ('profit', compare.py),
# unless the noun is that act's measure ('the price' a house sold for).
ACT_KINDS = frozenset("flow deal result outcome contest decision move trade balance tax".split())
NOUN_ACTS = {
    **dict.fromkeys(
        ("price", "cost", "value", "bill"), frozenset({"deal:sold", "deal:bought", "flow:out"})
    ),
    # Money in is receipts or revenue ('duty raises £10bn' / 'duty receipts were'); money out
    # is a budget or spending ('defence spending will total' / 'the defence budget is').
    **dict.fromkeys(("receipt", "revenue", "income"), frozenset({"flow:in"})),
    **dict.fromkeys(("budget", "spending", "expenditure"), frozenset({"flow:out"})),
}

# Which way people or things move through what is counted: in (hired, arrived) or out (fired,
# left). Two clauses naming opposite directions never measure one thing.
DIRECTIONS = {"staffing:hired": "in", "move:in": "in", "staffing:fired": "out", "move:out": "out"}
# A noun phrase's word that names the things a head counts: 'housing completions' are homes
# finished, never a topic shared with any clause about homes ('housing benefit' / 'new homes').
NAMES_HEAD = {"housing": "home"}
# Exclusive kinds two words name ('full-time' / 'part-time' staff are never each other).
PAIR_KINDS = {("full", "time"): "hours:full", ("part", "time"): "hours:part"}
