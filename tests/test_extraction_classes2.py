"""Furniture, kinds, scores and claimants for the classes of error the second held-out
evaluation found, and for the forms expected next (Spanish and German attributions, "told the
BBC", "in a statement"). Sentences written for these tests; none is taken from an evaluation
article."""

import pytest

from factcheck.extraction import classify_kind, extract_claims, find_claimant
from factcheck.extraction.furniture import is_furniture


def claim_of(body: str, start: str):
    found = [c for c in extract_claims(body) if c.text.startswith(start)]
    assert found, f"no claim starts with {start!r}"
    return found[0]


# --- furniture ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Read more: Ferry fares to rise 12% in spring",
        "See also: Why 40% of bridges need repair",
        "Lire aussi : Le prix du pain a augmenté de 8 % en un an",
        "À lire aussi : Chômage : 3 000 emplois supprimés dans l'Aisne",
        "Lea también: El paro baja un 2% en marzo",
        "Lesen Sie auch: Mieten steigen um 5 Prozent",
        "Related: Council tax to rise by 4.99%",
    ],
)
def test_a_related_link_is_furniture_in_any_language(line):
    assert is_furniture(line)
    assert extract_claims(f"Harbour dues rose by 9% last year, the port authority said.\n\n{line}")
    assert not [c for c in extract_claims(line) if "%" in c.text or "Prozent" in c.text]


@pytest.mark.parametrize(
    "line",
    [
        "Par Juliette Marchand",
        "Publié le 03/05/2027 à 07h45, mis à jour à 10h02",
        "Actualizado: 14/02/2027 09:30",
        "Von Anna Krüger und Felix Braun",
        "Aktualisiert am 12.03.2027, 16:20",
    ],
)
def test_foreign_bylines_and_datelines_are_furniture(line):
    assert is_furniture(line)


def test_a_header_line_introducing_someone_is_no_claim():
    assert is_furniture("Host: Priya Kaur, the station's political editor.")
    assert is_furniture("Chair: Martin Oduya, director of the Eastmoor Civic Trust.")
    # A turn that answers or quotes is no introduction.
    assert not is_furniture("HOST: Martin Oduya, you said the director resigned.")
    assert not is_furniture("Par ailleurs, les loyers ont augmenté de 3 %.")
    assert not is_furniture("Por la mañana, el paro subió un 3%.")


# --- kinds -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Nationally, bicycles were taken in about one in four burglaries reported last year.",
        "Nine out of 10 landlords had raised rents, the survey found.",
        "Ms Okafor said waiting times were the worst on record and one in five surgeries had "
        "closed their lists.",
    ],
)
def test_a_share_such_as_one_in_three_is_a_quantity(sentence):
    assert classify_kind(sentence) == "statistic"


def test_one_in_the_morning_is_no_share():
    assert classify_kind("The ferry left the harbour at one in the morning.") != "statistic"


# --- claimants: descriptions, acronyms, reports, courts -----------------------------------


def test_an_acronyms_long_form_loses_a_connective_opening_its_sentence():
    body = (
        "Rents rose again in the spring. But the Institute for Tenancy Research (ITR) said "
        "the rise was slowing.\n\n"
        "According to data from the ITR, 12,400 tenants were evicted in the year to June."
    )
    assert claim_of(body, "According to data from the ITR").claimant == (
        "Institute for Tenancy Research"
    )


def test_a_body_whose_name_opens_with_a_title_word_keeps_it():
    body = "The Supreme Court's annual report shows that 41% of appeals were dismissed in 2025."
    assert claim_of(body, "The Supreme Court's").claimant == "Supreme Court"
    assert find_claimant("Premier League figures show that 9% of fans travel by rail.") != (
        "League"
    )


def test_according_to_the_report_is_the_reports_author_named_before():
    body = (
        "The Football League's annual report shows that wages rose 11% to £1.2 billion last "
        "season.\n\nAway attendances fell by 4% in the same period, according to the report."
    )
    assert claim_of(body, "Away attendances fell").claimant == "Football League"


def test_the_charity_said_is_the_charity_the_article_described_before():
    body = (
        "Open Doors Fund, a charity that supports rough sleepers, said demand for beds had "
        "doubled since 2022.\n\nThe city council said it had opened 40 more places.\n\n"
        "Only 8% of referrals were housed within a week, the charity said."
    )
    assert claim_of(body, "Only 8% of referrals").claimant == "Open Doors Fund"


def test_in_a_statement_the_club_said_is_the_club_the_article_credited_before():
    body = (
        "Harbury Rovers will sell their training ground for £14 million, the club confirmed "
        "on Monday.\n\nIn a statement, the club said the money would pay off 60% of its debts."
    )
    assert claim_of(body, "Harbury Rovers will sell").claimant == "Harbury Rovers"
    assert claim_of(body, "In a statement, the club said").claimant == "Harbury Rovers"


@pytest.mark.parametrize(
    "sentence",
    [
        "Owen Marsh, prosecuting, told the court the defendant had taken £42,000 from 16 "
        "pensioners.",
        "Owen Marsh, defending, said his client had repaid 75% of the money.",
        "Owen Marsh, speaking outside the court, told reporters the fraud had cost the charity "
        "£90,000.",
    ],
)
def test_a_barrister_prosecuting_or_defending_is_the_claimant_not_the_court(sentence):
    context = "Two men appeared at Bramford Crown Court on Tuesday."
    assert find_claimant(sentence, context) == "Owen Marsh"


def test_whom_a_speaker_told_is_never_the_speaker():
    assert (
        find_claimant("Dr Lena Fisk told the BBC that 30% of the wards were short of nurses.")
        == "Lena Fisk"
    )
    assert (
        find_claimant(
            "The inspector told the committee that 14 prisons were overcrowded.",
            "Chief Inspector Paul Grant, the head of the inspectorate, gave evidence.",
        )
        != "committee"
    )


# --- claimants: French, Spanish and German -----------------------------------------------

FRENCH = (
    "Le chômage a reculé de 0,3 point au troisième trimestre, selon l'estimation définitive "
    "publiée mardi par la Dares.\n\n"
    "Sur un an, les embauches ont progressé de 2,1 %, a précisé l'organisme de statistique.\n\n"
    "« Ces chiffres montrent que la réforme porte ses fruits », a déclaré la ministre du "
    "Travail, Sophie Lemaire, sur RTL.\n\n"
    "Elle a ajouté que 40 000 emplois avaient été créés dans l'industrie."
)


def test_french_evidence_published_by_a_body_is_the_bodys_claim():
    assert claim_of(FRENCH, "Le chômage a reculé").claimant == "Dares"


def test_a_french_description_of_a_body_is_the_body_named_before():
    assert claim_of(FRENCH, "Sur un an, les embauches").claimant == "Dares"


def test_il_or_elle_is_the_person_a_role_introduced_before_a_comma():
    assert claim_of(FRENCH, "Elle a ajouté que 40 000").claimant == "Sophie Lemaire"


def test_a_lower_case_article_is_no_part_of_a_name():
    assert find_claimant("Selon la Banque de France, la croissance atteindra 1,1 %.") == (
        "Banque de France"
    )


@pytest.mark.parametrize(
    ("sentence", "context", "claimant"),
    [
        ("El paro bajó un 3,2 % en marzo, según el INE.", "", "INE"),
        (
            "El paro bajó un 3,2 % en marzo, según datos publicados el martes por el INE.",
            "",
            "INE",
        ),
        (
            "La economía crecerá un 2 % este año, dijo el ministro.",
            "El ministro de Economía, Carlos Ruiz, presentó el plan.",
            "Carlos Ruiz",
        ),
        (
            "Laut Statistischem Bundesamt lag die Inflation bei 2,3 Prozent.",
            "",
            "Statistischem Bundesamt",
        ),
        (
            "Laut Bundesagentur für Arbeit sank die Zahl der Arbeitslosen um 3 Prozent.",
            "",
            "Bundesagentur für Arbeit",
        ),
        (
            "Die Preise sind um 4 Prozent gestiegen, sagte Finanzminister Jens Weber.",
            "",
            "Jens Weber",
        ),
        ("Jens Weber sagte, die Preise seien um 4 Prozent gestiegen.", "", "Jens Weber"),
    ],
)
def test_spanish_and_german_attributions(sentence, context, claimant):
    assert find_claimant(sentence, context) == claimant


# --- scores: quotations in French, Spanish and German --------------------------------------


@pytest.mark.parametrize(
    ("body", "start", "claimant"),
    [
        (
            "« Nous avons tenu nos engagements et les familles le voient », a déclaré la "
            "ministre, Sophie Lemaire, sur RTL.",
            "« Nous avons tenu",
            "Sophie Lemaire",
        ),
        (
            "« La reprise est fragile, mais elle repose surtout sur les services. L'industrie, "
            "elle, recule encore », estime Paul Girard, économiste chez Natixis.",
            "« La reprise est fragile",
            "Paul Girard",
        ),
        (
            "«La reforma está funcionando y las familias lo notan», dijo la ministra, Elena "
            "Prieto.",
            "«La reforma",
            "Elena Prieto",
        ),
    ],
)
def test_an_attributed_quotation_on_a_foreign_page_is_a_claim_of_its_speaker(body, start, claimant):
    claim = claim_of(body, start)
    assert claim.kind == "quote"
    assert claim.claimant == claimant


def test_an_unattributed_foreign_sentence_gains_nothing():
    assert not extract_claims("« Bonne lecture à tous nos abonnés », nous vous souhaitons.")


# --- scores: reported speech --------------------------------------------------------------


def test_reported_speech_of_a_third_party_counts_more_than_a_debaters_own_aside():
    from factcheck.extraction.scoring import features

    assert "reported_speech" in features(
        "He said the cheapest savings would come from insulating lofts before the winter."
    )
    assert "reported_speech" in features(
        "The regulator told MPs that the scheme had saved households money."
    )
    assert "reported_speech" not in features("I said the same thing was true last year.")
    assert "reported_speech" not in features("“The plan will fail,” she said.")


def test_a_scientists_reported_advice_gains_the_reported_speech_rule_and_her_name():
    from factcheck.extraction.scoring import checkworthiness_explain

    advice = (
        "She said the easiest gains would come from keeping cattle away from streams between "
        "November and February, when the ground is wet."
    )
    assert ("rule: reported_speech", 0.3) in checkworthiness_explain(advice)
    body = f"Dr Aoife Brennan, who led the survey, said nitrate levels had doubled.\n\n{advice}"
    assert claim_of(body, "She said the easiest gains").claimant == "Aoife Brennan"


# --- claimants: the forms expected next (titles, statements, data, spokespeople, languages) --

EXPECTED_FORMS = [
    ("Hospital admissions rose by 12% last winter, Dr Ravi Shah told the BBC.", "", "Ravi Shah"),
    ("Dr Ravi Shah told the BBC that admissions had risen by 12%.", "", "Ravi Shah"),
    ("Speaking to the BBC, Dr Ravi Shah said admissions had risen by 12%.", "", "Ravi Shah"),
    ("In a statement, Northgate Water said it would invest £2 billion.", "", "Northgate Water"),
    (
        "In a statement on Tuesday, the Met Office said rainfall was 40% above average.",
        "",
        "Met Office",
    ),
    (
        "Data from the Office for National Statistics show that 3.2 million people were "
        "out of work.",
        "",
        "Office for National Statistics",
    ),
    ("Data from the ONS shows unemployment rose to 4.4%.", "", "ONS"),
    (
        "Figures published by the Home Office on Tuesday show knife crime rose by 7%.",
        "",
        "Home Office",
    ),
    (
        "Knife crime rose by 7%, according to figures published by the Home Office on Tuesday.",
        "",
        "Home Office",
    ),
    ("A spokeswoman for Network Rail said 80% of trains ran on time.", "", "Network Rail"),
    (
        "A spokesman for the Department of Health said the waiting list had fallen by 30,000.",
        "",
        "Department of Health",
    ),
    ("80% of trains ran on time, a spokeswoman for Network Rail said.", "", "Network Rail"),
    ("Chief Constable Sarah Blake said burglaries had fallen by 14%.", "", "Sarah Blake"),
    ("Burglaries fell by 14%, said Chief Constable Sarah Blake.", "", "Sarah Blake"),
    ("Mayor Tom Ellis said 2,000 homes would be built.", "", "Tom Ellis"),
    (
        "Prof Anna Lind, of the University of Leeds, said 1 in 4 rivers were polluted.",
        "",
        "Anna Lind",
    ),
    ("Professor Anna Lind said one in four rivers was polluted.", "", "Anna Lind"),
    ("Dr. Kim Park said the vaccine was 90% effective.", "", "Kim Park"),
    (
        "The Chief Constable said burglaries had fallen by 14%.",
        "Chief Constable Sarah Blake took over in May.",
        "Sarah Blake",
    ),
    ("The mayor said 2,000 homes would be built.", "Mayor Tom Ellis opened the site.", "Tom Ellis"),
    (
        "The minister told MPs that 4,000 prison places had been created.",
        "Justice Minister Paul Grey visited Brixton.",
        "Paul Grey",
    ),
    ("Paul Grey told MPs that 4,000 prison places had been created.", "", "Paul Grey"),
    ("The Treasury said borrowing fell to £12 billion in May.", "", "The Treasury"),
    (
        "The ONS said inflation fell to 2.1%.",
        "the Office for National Statistics (ONS) said.",
        "ONS",
    ),
    ("Inflation fell to 2.1%, the ONS said.", "", "ONS"),
    ("The agency's chief executive, Mark Stone, said 300 jobs would go.", "", "Mark Stone"),
    ("Mark Stone, the agency's chief executive, said 300 jobs would go.", "", "Mark Stone"),
    ("Writing in the Guardian, Mark Stone said 300 jobs would go.", "", "Mark Stone"),
    (
        "A report by the National Audit Office found that the scheme cost £4 billion.",
        "",
        "National Audit Office",
    ),
    (
        "The National Audit Office found the scheme cost £4 billion.",
        "",
        "The National Audit Office",
    ),
    (
        "Research published by the Resolution Foundation on Monday found that 1.4 million "
        "households were behind on bills.",
        "",
        "Resolution Foundation",
    ),
    (
        "Separately, the Resolution Foundation think tank estimated that 1.4 million "
        "households were behind on bills.",
        "",
        "Resolution Foundation",
    ),
    (
        "El Gobierno aprobó un plan de 3.000 millones de euros, según fuentes del Ministerio "
        "de Hacienda.",
        "",
        "Ministerio de Hacienda",
    ),
    (
        "El paro subió un 2%, según ha informado el Ministerio de Trabajo.",
        "",
        "Ministerio de Trabajo",
    ),
    (
        "La inflación se situó en el 3,2%, informó el Instituto Nacional de Estadística (INE).",
        "",
        "Instituto Nacional de Estadística",
    ),
    (
        "La ministra de Hacienda, María Gómez, aseguró que el déficit bajará al 3%.",
        "",
        "María Gómez",
    ),
    (
        "Das Bruttoinlandsprodukt sank um 0,3 Prozent, wie das Statistische Bundesamt mitteilte.",
        "",
        "Statistische Bundesamt",
    ),
    (
        "Wirtschaftsminister Karl Brandt sagte, die Inflation werde auf 2 Prozent sinken.",
        "",
        "Karl Brandt",
    ),
    ("„Die Inflation wird sinken“, sagte Bundesbankpräsident Joachim Vogel.", "", "Joachim Vogel"),
    (
        "Le gouvernement prévoit 2 % de croissance, a affirmé la ministre Claire Martin.",
        "",
        "Claire Martin",
    ),
    ("Selon une étude de l'Ifop, 62 % des Français approuvent la réforme.", "", "Ifop"),
    ("D'après l'Insee, le chômage a baissé de 0,2 point.", "", "Insee"),
]


@pytest.mark.parametrize(("sentence", "context", "claimant"), EXPECTED_FORMS)
def test_the_attribution_forms_expected_in_the_next_articles(sentence, context, claimant):
    assert find_claimant(sentence, context) == claimant
