"""Claimants and kinds for the classes of attribution the third held-out evaluation missed and
for the next ones expected (polls for a newspaper, market-research firms and trade bodies, short
forms of a company's name, named authorities, titles). Sentences written for these tests; none
is taken from an evaluation article."""

from factcheck.extraction import extract_claims, find_claimant


def claimant_of(body: str, start: str) -> str:
    """The claimant of the claim of `body` that starts with `start`."""
    found = [c for c in extract_claims(body) if c.text.startswith(start)]
    assert found, f"no claim starts with {start!r}"
    return found[0].claimant


def kind_of(body: str, start: str) -> str:
    return next(c.kind for c in extract_claims(body) if c.text.startswith(start))


# --- evidence and its author ----------------------------------------------------------------


def test_a_trailing_survey_by_a_body_that_has_found():
    sentence = (
        "More than a third of tenants in Aldwick have fallen behind on rent this winter, "
        "a survey by Aldwick Housing Forum has found."
    )
    assert find_claimant(sentence) == "Aldwick Housing Forum"


def test_the_report_found_is_the_author_of_the_survey_named_before():
    body = (
        "One in five bus journeys in Tarnford ran late last year, a study by Tarnford "
        "Transport Watch has found.\n\n"
        "The report found that 42% of late buses were more than ten minutes behind."
    )
    assert claimant_of(body, "The report found") == "Tarnford Transport Watch"


def test_a_report_that_has_shown_names_its_author():
    sentence = (
        "A report by the Centre for Coastal Studies (CCS) has shown that 1,300 homes are at "
        "risk of erosion."
    )
    assert find_claimant(sentence) == "Centre for Coastal Studies"


def test_a_poll_by_a_pollster_for_a_newspaper_is_the_pollsters():
    trailing = "Support for the bypass has risen to 58%, a poll by Pollwise for The Courier found."
    opening = "A poll by Pollwise for the Evening Ledger found that 41% of voters backed it."
    according = "Some 58% back the bypass, according to a poll by Pollwise for The Courier."
    assert find_claimant(trailing) == "Pollwise"
    assert find_claimant(opening) == "Pollwise"
    assert find_claimant(according) == "Pollwise"
    # A body whose name holds "for" keeps it.
    assert (
        find_claimant("A survey by the Institute for Rural Affairs found 30% of farms had shut.")
        == "Institute for Rural Affairs"
    )


def test_according_to_a_kind_of_firm_then_its_name():
    sentence = (
        "Sales of heat pumps rose 31% in the year to June, according to market research firm "
        "Brightlane Data."
    )
    assert find_claimant(sentence) == "Brightlane Data"
    after = "Shop prices fell 0.4% in May, said the trade body the Retail Traders Confederation."
    assert find_claimant(after) == "Retail Traders Confederation"


def test_according_to_official_results_credits_no_official():
    sentence = "The Greens won 12 of the 40 seats, up from five, according to the official results."
    assert find_claimant(sentence) == ""


# --- the regulator, the company, a short name -----------------------------------------------


def test_the_regulator_is_the_body_whose_name_shares_its_stem():
    body = (
        "Water bills will rise by £31 from April, the Office of Water Regulation announced.\n\n"
        "Leaks fell 6% last year after the winter ended in March, the regulator said.\n\n"
        "“We expect more,” chief executive Ruth Anand said.\n\n"
        "About 900,000 homes are in arrears, according to the regulator's latest figures."
    )
    assert claimant_of(body, "About 900,000") == "Office of Water Regulation"
    assert claimant_of(body, "Leaks fell") == "Office of Water Regulation"


def test_a_month_is_never_a_claimant():
    body = (
        "Pump prices peaked in July, the motoring group said.\n\n"
        "Diesel cost 151p a litre on average, according to the motoring group."
    )
    claimants = {claim.claimant for claim in extract_claims(body)}
    assert not claimants & {"July", "March", "August"}


def test_figures_published_by_the_company_are_the_company_opening_the_sentence():
    sentence = (
        "Corvane Labs made a profit of $310m in the quarter, up 9%, according to figures "
        "published by the company on Thursday."
    )
    assert find_claimant(sentence) == "Corvane Labs"


def test_a_short_form_of_a_company_is_its_first_full_form():
    body = (
        "Quillon Technologies will close two factories, it said on Monday.\n\n"
        "The firm employs 4,200 people in Britain, a spokesman for Quillon said."
    )
    assert claimant_of(body, "The firm employs") == "Quillon Technologies"


def test_the_company_added_after_a_business_named_before():
    body = (
        "Marlow Pharma said its drug cut relapses by 31% in a trial of 1,200 patients.\n\n"
        "Nearly 400 of the patients were over 65, the company added."
    )
    assert claimant_of(body, "Nearly 400") == "Marlow Pharma"


def test_a_capitalised_authority_after_in_a_statement_is_the_bodys_name():
    sentence = (
        "In a statement, Kestrel Valley Water Authority said it had replaced 40 miles of "
        "mains this year."
    )
    assert find_claimant(sentence) == "Kestrel Valley Water Authority"
    assert find_claimant("A Turkish authority said 14 people had been detained.") == (
        "Turkish official"
    )


# --- people -----------------------------------------------------------------------------------


def test_a_name_a_bare_role_appositive_and_said_colon_before_a_quotation():
    sentence = (
        "Dr Owen Mercer, director of nursing for the trust, said: “We have 300 vacancies. "
        "That is too many.”"
    )
    assert find_claimant(sentence) == "Owen Mercer"
    sentence = "Asha Kaur, chief executive of Tillway, said revenue had grown by 12%."
    assert find_claimant(sentence) == "Asha Kaur"


def test_chief_executive_judge_and_mayor_titles_are_stripped():
    assert find_claimant("Chief Executive Nadia Brook said sales rose 18%.") == "Nadia Brook"
    assert find_claimant("Judge Colin Farrow said the firm broke the rules 14 times.") == (
        "Colin Farrow"
    )
    assert find_claimant("Mayor Ines Vale said 2,000 homes would be built.") == "Ines Vale"


# --- kinds ------------------------------------------------------------------------------------


def test_reported_speech_with_a_sentence_length_in_words_is_a_statistic():
    body = (
        "A spokesman for the Ministry of Justice said the offence carried a jail term of up to "
        "five years for a second conviction."
    )
    assert kind_of(body, "A spokesman") == "statistic"
    body = "A spokeswoman for the council said the policy had been reviewed since the summer."
    assert kind_of(body, "A spokeswoman") == "quote"


def test_election_results_in_words_are_statistics():
    body = (
        "The Greens were reduced to nine seats, the returning officer, Tom Pryor, said.\n\n"
        "The Liberal Democrats won eight seats, up two, Mr Pryor added."
    )
    assert kind_of(body, "The Greens") == "statistic"
    assert kind_of(body, "The Liberal Democrats") == "statistic"
    assert claimant_of(body, "The Liberal Democrats") == "Tom Pryor"


def test_the_company_added_after_a_biotech_named_before():
    body = (
        "Orrin Biologics said its drug cut strokes by 31% in a trial of 9,000 patients.\n\n"
        "The drug also reduced deaths by 12%, the company added."
    )
    assert claimant_of(body, "The drug also") == "Orrin Biologics"


def test_according_to_a_described_person_then_the_name_credits_the_person():
    sentence = "According to Nortrail's chief economist, Ruth Obi, fares will rise 5% in May."
    assert find_claimant(sentence) == "Ruth Obi"
    sentence = "According to police, Mark Jones, 42, was arrested after 3 cars were damaged."
    assert find_claimant(sentence) == "police"


def test_a_title_for_a_portfolio_before_the_name_is_stripped():
    sentence = "Deputy Mayor for Transport Kay Hollis said 30 bus routes would be cut."
    assert find_claimant(sentence) == "Kay Hollis"


def test_a_named_bodys_researchers_and_a_survey_of_so_many_people():
    assert (
        find_claimant("Kingsmead University researchers found that 1 in 8 adults had it.")
        == "Kingsmead University"
    )
    sentence = "A survey of 2,000 adults by Civica for the Ledger found 62% would take the drug."
    assert find_claimant(sentence) == "Civica"


def test_a_bodys_unnamed_officer_speaks_for_the_body_named_before():
    body = (
        "Dunmore Council counted 41,000 votes overnight.\n\n"
        "Labour won 31 of the 48 seats, the council's returning officer said."
    )
    assert claimant_of(body, "Labour won") == "Dunmore Council"
