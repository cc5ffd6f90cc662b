"""The number check pairs two figures only on positive evidence that they measure the same
thing, and tolerates the ways another writer says the same thing (factcheck/sources/numbers/,
pure). Pairs written for these tests, not taken from the eval data."""

import pytest

from factcheck.sources.numbers import check_numbers, parse_quantities


def result(claim: str, passage: str) -> str:
    return check_numbers(claim, passage).result


def figure(text: str, index: int = 0):
    return [q for q in parse_quantities(text) if q.kind not in ("year", "date", "ordinal")][index]


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        # A place, institution or container both name is no evidence on its own.
        ("Flood defences cost the city £12 million last year.",
         "Tourist taxes raised £12 million for the city last year."),
        ("The state's population grew by 2 percent in 2023.",
         "Property taxes in the state went up 2 percent in 2023."),
        ("The city council spent £2 million on parks in 2023.",
         "The city council spent £2 million on libraries in 2023."),
        # The head is read past participles and adjectives, so other heads never pair.
        ("The county recorded 4,200 reported burglaries in 2024.",
         "The county's main arena hosted 4,200 concert-goers in 2024."),
        ("The region's hospitals treated 9,800 confirmed covid patients in January.",
         "The region's schools enrolled 9,800 new pupils in January."),
        ("The trust reported 650 new measles cases in May.",
         "The trust hired 650 new nurses in May."),
        ("The stadium will hold 40,000 fans.", "The stadium sold 40,000 tickets for the final."),
        ("The ward has 5,000 registered voters.", "The ward has 5,000 registered cars."),
        # Opposite acts, narrower measures, other roles, other places as subjects.
        ("Some 2,500 affordable flats were built in 2022.",
         "Some 2,500 affordable flats were demolished in 2022."),
        ("The current account deficit narrowed to £20 billion in June.",
         "The budget deficit narrowed to £20 billion in June."),
        ("The export ban cost farmers €300 million.",
         "The export ban cost fishermen €300 million."),
        ("Leeds was hit by 40mm of rain on Sunday.", "Bradford saw 40mm of rain on Sunday."),
        ("Madrid had 38C on Monday.", "Seville had 38C on Monday."),
        ("The government will spend €5 billion on schools next year.",
         "The government will borrow €5 billion next year."),
        # What was done to the thing, money in against money out, narrower measures.
        ("Over 2,000 flights were cancelled on Friday.",
         "More than 2,000 flights were delayed on Friday."),
        ("The charity raised £4.5 million in 2023.", "The charity spent £4.5 million in 2023."),
        ("The town's library lent 80,000 books in 2023.",
         "The town's library bought 80,000 books in 2023."),
        ("The province's wheat harvest reached 9 million tonnes in 2024.",
         "The province's maize harvest reached 9 million tonnes in 2024."),
        ("The hospital cut waiting times by 12 percent in 2024.",
         "The hospital raised staff pay by 12 percent in 2024."),
        ("Hamburg received 60mm of rain on Thursday.", "Berlin received 60mm of rain on Thursday."),
    ],
)  # fmt: skip
def test_figures_without_evidence_of_one_thing_give_none(claim, passage):
    assert result(claim, passage) == "none"


@pytest.mark.parametrize(
    ("claim", "passage", "expected"),
    [
        # Units across systems: mass, volume, area, duration words, temperatures below zero.
        ("The tanker leaked 500 tonnes of oil.",
         "About 1.1 million pounds of oil escaped from the tanker.", "agrees"),
        ("The reservoir holds 3 million cubic metres of water.",
         "The reservoir contains 3 billion litres of water.", "agrees"),
        ("The pipeline spilled 40,000 gallons of crude.",
         "About 150 cubic metres of crude oil leaked from the pipeline.", "agrees"),
        ("The park covers 1,200 hectares.", "The 3,000-acre park reopened on Monday.", "agrees"),
        ("The site covers 25 acres.", "The 10-hectare site will be sold next year.", "agrees"),
        ("Night temperatures fell to minus 10C in Oslo.",
         "Oslo recorded an overnight low of 14F.", "agrees"),
        ("Dock workers will strike for 72 hours from Monday.",
         "The three-day strike by dock workers starts on Monday.", "agrees"),
        ("The strike lasted two weeks.", "The 14-day stoppage ended on Friday.", "agrees"),
        ("Authorities seized 800 kilograms of heroin.",
         "The 1,750 pounds of heroin seized at the port were destroyed.", "agrees"),
        # A noun and its verb, a compound and its head, annual and "a year", capacity.
        ("The bank made a loss of £400 million last year.",
         "The bank lost £390 million last year.", "agrees"),
        ("The firm lost $1.2bn in 2023.",
         "The firm reported a net loss of $1.25 billion for 2023.", "agrees"),
        ("The council will borrow £80 million next year.",
         "Next year's borrowing by the council is set at £95 million.", "conflicts"),
        ("The hospital performed 1,500 knee replacements in 2023.",
         "Surgeons carried out 1,480 knee replacement procedures at the hospital in 2023.",
         "agrees"),
        ("The clinic carried out 2,000 cataract operations in 2024.",
         "The clinic performed 2,150 cataract surgeries in 2024.", "close"),
        ("Households will pay an average of £620 a year for water.",
         "The average annual water bill will be £600.", "agrees"),
        ("The arena can hold 21,000 spectators.", "The arena has a capacity of 20,800.", "agrees"),
        # A possessive time is no modifier; electricity is power.
        ("Wholesale prices edged up 0.3 percent in July.",
         "July's wholesale prices were up 0.9 percent on the month.", "conflicts"),
        ("A quarter of the country's electricity came from wind last year.",
         "Wind farms generated 27 percent of the country's power last year.", "close"),
        ("Sales of electric cars rose 28 percent in March.",
         "March's electric car sales were 28 percent higher than a year earlier.", "agrees"),
        # A temperature's unit says what it is; rates said twice or as 'annual'.
        ("The province recorded 48C on Tuesday.",
         "Temperatures in the province hit 118F on Tuesday.", "agrees"),
        ("The refinery processes 200,000 barrels of oil a day.",
         "The refinery can process 250,000 barrels per day.", "conflicts"),
        ("The company's annual revenue is $8 billion.",
         "The company brings in $8.2 billion a year.", "agrees"),
        ("The plant emits 4 million tonnes of CO2 a year.",
         "The plant's annual emissions are 4.4 million tonnes of CO2.", "close"),
        ("The airport handled 31 million passengers in 2023.",
         "The airport's operator said it served 30.6 million travellers in 2023.", "agrees"),
        ("The theatre seats 1,900 people.", "The theatre has a capacity of 1,950.", "agrees"),
    ],
)  # fmt: skip
def test_the_same_thing_said_another_way_pairs(claim, passage, expected):
    assert result(claim, passage) == expected


def test_a_sum_a_month_never_pairs_with_one_a_year_and_annual_is_a_year():
    assert result("Rent is £1,200 a month.", "Rent is £1,200 a year.") == "none"
    assert result("The bill is £1,849 a year.", "The bill is £1,849.") == "none"
    assert result("The annual bill is £1,849.", "The bill is £1,849 a year.") == "agrees"


def test_minus_makes_a_figure_negative_and_a_glued_duration_measures_its_noun():
    assert figure("Lows of minus 7C are expected.").value == -7
    walkout = figure("The two-day walkout begins on Friday.")
    assert (walkout.kind, walkout.value) == ("measure", 2)
    assert [q.kind for q in parse_quantities("Prices rose in the past two days.")] == ["period"]


def test_the_head_is_read_past_a_participle_before_a_plural_noun():
    assert figure("Officials counted 3,100 confirmed flu cases.").about.head == "case"
    assert figure("The army moved 2,000 displaced people.").about.head == "flee"  # a concept
    assert figure("They found 40 kg of gold hidden in a van.").about.head == "gold"


def test_a_container_shared_is_no_topic_but_what_was_done_to_the_thing_is():
    same = (
        "Half of the village's homes were flooded.",
        "50 percent of homes in the village were flooded.",
    )
    assert result(*same) == "agrees"
    other = (
        "Half of the village's homes were flooded.",
        "50 percent of homes in the village were sold.",
    )
    assert result(*other) == "none"
