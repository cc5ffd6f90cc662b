"""Everyday English news constructions the tenth held-out evaluation missed: a name inside a
"whose" clause, "X of Y estimates that", a report by a body named before, what a study did, a
post introduced by "X posted this:", a quotation's second sentence, counts in words, dated
happenings, help boxes and journal references. Texts written for these tests; none is taken
from an evaluation article."""

from factcheck.extraction import classify_kind, extract_claims, find_claimant
from factcheck.extraction.furniture import is_furniture


def _claim(claims, phrase):
    return next(c for c in claims if phrase in c.text)


def test_a_place_inside_a_whose_clause_is_not_the_speaker_she_refers_to():
    context = (
        "Priya Nandra, whose son attends Ashgrove Academy, told the Courier that the bus had "
        "been late every day."
    )
    sentence = '"We have complained four times and nothing has changed," she said.'
    assert find_claimant(sentence, context) == "Priya Nandra"


def test_he_after_a_person_of_a_firm_who_estimates():
    context = (
        "Marta Kell of Sandholm Advisory estimates that house prices will fall by 3% next year."
    )
    sentence = "He told the paper that mortgage approvals had dropped by 12% in a month."
    assert find_claimant(sentence, context) == "Marta Kell"


BODY_REPORT = (
    "Fernhill Library could close under plans drawn up by Dunmere District Council.\n\n"
    "Visits fell from 9,000 to 5,200 a year, according to a report published by the district "
    "council on Friday.\n\n"
    "The report says the building needs repairs costing £420,000."
)


def test_a_report_by_the_body_named_before_and_the_report_says():
    claims = extract_claims(BODY_REPORT)
    assert _claim(claims, "9,000 to 5,200").claimant == "Dunmere District Council"
    assert _claim(claims, "repairs costing").claimant == "Dunmere District Council"


def test_what_the_study_did_is_its_authors_claim():
    context = "Bees are declining, according to a study by researchers at the University of Tarn."
    sentence = (
        "The study, published on Monday in the journal Pollinator Science, sampled 140 "
        "hives over three summers."
    )
    assert find_claimant(sentence, context) == "University of Tarn"


POST = (
    "The transport secretary, Nadia Orme, said the line would reopen in May.\n\n"
    "Mr Gale posted this shortly after the statement:\n\n"
    "The line closed in 2023. There are still 4,000 commuters without a train."
)


def test_a_post_introduced_by_x_posted_this_is_xs():
    context = "Opposition transport spokesman Harry Gale said the promise had been made before."
    claims = extract_claims(context + "\n\n" + POST)
    assert _claim(claims, "4,000 commuters").claimant == "Harry Gale"


def test_the_second_sentence_of_an_attributed_quotation_is_a_claim():
    text = (
        "“Orders picked up sharply in the spring,” said Lena Hoff, an analyst at Drummond "
        "Securities. “Exporters are still cautious, but the domestic market has turned.”"
    )
    claims = extract_claims(text)
    assert _claim(claims, "Exporters are still cautious").claimant == "Lena Hoff"


def test_counts_in_words_after_a_quantifier_are_statistics():
    assert (
        classify_kind("She said police had traced a further four possible suspects.") == "statistic"
    )
    assert classify_kind("He warned that at least nine cleaning contract jobs would go.") == (
        "statistic"
    )
    assert classify_kind("She said exports had grown for five consecutive quarters.") == (
        "statistic"
    )
    assert classify_kind(
        "He told the inquiry that levels were about eight times those upstream."
    ) == ("statistic")
    assert classify_kind("He said the two sides would meet again.") != "statistic"  # guard


def test_a_dated_happening_is_an_event():
    assert classify_kind("The judge said Moss would face a confiscation hearing in June.") == (
        "event"
    )
    assert (
        classify_kind("The board will make a final decision on 14 March, the trust said.")
        == "event"
    )


def test_help_boxes_and_journal_references_are_furniture():
    assert is_furniture(
        "Call the Dunmere council advice line on 0300 123 4567, or 999 in an emergency."
    )
    assert is_furniture("Okafor J. et al., Pollinator Science (2025), doi:10.1234/ps.2025.0099")
    assert not is_furniture("Callers to the advice line on 0300 123 4567 rose by 40% last year.")
