"""Claimants, their types and kinds: each attribution pattern the issue lists, as behaviour."""

import pytest

from factcheck.extraction import classify_kind, extract_claims, find_claimant
from factcheck.extraction.claimant_names import canonical_claimants, claimant_type


def claims_of(body: str) -> dict[str, tuple[str, str]]:
    """{first words of each claim: (claimant, claimant type)}."""
    return {c.text[:30]: (c.claimant, c.claimant_type) for c in extract_claims(body)}


@pytest.mark.parametrize(
    ("sentence", "claimant"),
    [
        ("Kazakhstan had 13,000 cases, the WHO said.", "WHO"),
        ("Unemployment fell to 6.1 percent, the statistics office said.", "statistics office"),
        ("Prices rose 4 percent, said Mr. Tom Baker on Monday.", "Tom Baker"),
        ("The Ministry of Labour estimates that 12,000 jobs will come.", "The Ministry of Labour"),
        ("The central bank warned that inflation could reach 9 percent.", "The central bank"),
        ("Ofcom found that 14,000 homes lack broadband.", "Ofcom"),
        (
            "A Bank of Portugal study published in May found that 840,000 workers gained.",
            "Bank of Portugal",
        ),
        (
            "Coverage fell to 93 percent, according to joint estimates by the WHO and UNICEF.",
            "WHO and UNICEF",
        ),
        (
            "Dr Hans Kluge, the WHO's regional director for Europe, said cases rose 30-fold.",
            "Hans Kluge",
        ),
        (
            "Romania declared an epidemic in December, the Romanian health ministry said.",
            "Romanian health ministry",
        ),
        ("El paro bajó al 11,6 %, según el Instituto Nacional de Estadística.", "Instituto "
         "Nacional de Estadística"),
    ],
)  # fmt: skip
def test_it_finds_the_claimant_before_or_after_the_clause(sentence, claimant):
    assert find_claimant(sentence) == claimant


def test_the_who_is_not_mistaken_for_the_pronoun_who():
    assert find_claimant("More than half of the cases were in Kazakhstan, the WHO said.") == "WHO"


def test_an_acronym_takes_the_long_form_the_article_gave_it():
    body = (
        "The World Health Organization (WHO) said on Tuesday that 42,200 measles cases were "
        "reported in 2023. Kazakhstan and Romania accounted for more than half of the cases, "
        "the WHO said."
    )
    found = claims_of(body)
    assert found["The World Health Organization "] == (
        "The World Health Organization",
        "organisation",
    )
    assert found["Kazakhstan and Romania account"] == (
        "The World Health Organization",
        "organisation",
    )


def test_the_ministry_is_the_ministry_named_earlier():
    body = (
        "The Ministry of Labour welcomed the figures on Tuesday.\n\n"
        "The ministry estimates that the new programme will create 12,000 jobs by 2025."
    )
    assert claims_of(body)["The ministry estimates that th"] == (
        "The Ministry of Labour",
        "organisation",
    )


def test_she_is_the_doctor_named_two_paragraphs_up():
    body = (
        "Dr Maria Kontou, the head of intensive care at the Evangelismos hospital, told reporters "
        "that 14 people had been treated for burns.\n\n"
        "Fire crews worked through the night near the village of Varnavas.\n\n"
        "Two of them were in a critical condition, she said."
    )
    assert claims_of(body)["Two of them were in a critical"] == ("Maria Kontou", "person")


def test_it_is_the_organisation_of_the_claim_before():
    body = (
        "A wildfire has burned more than 10,000 hectares since Sunday, the fire service said. "
        "About 700 firefighters were battling the flames, it said."
    )
    assert claims_of(body)["About 700 firefighters were ba"][0] == "fire service"


def test_a_tweets_claim_is_the_accounts():
    body = (
        "Gusts of 94mph were recorded at the Needles overnight, the strongest of the storm.\n\n"
        "— Met Office (@MetOffice) November 2, 2023 2,310 Reposts · 4,102 Likes\n\n"
        "Trains were cancelled."
    )
    claims = extract_claims(body)
    assert [(c.claimant, c.claimant_type) for c in claims] == [("Met Office", "organisation")]


def test_one_claimant_has_one_form_in_an_article():
    body = (
        "The Environment Agency said 120 flood warnings were in place on Thursday. "
        "River levels could peak at 4.2 metres on Friday, Environment Agency said."
    )
    names = {claimant for claimant, _ in claims_of(body).values()}
    assert names == {"The Environment Agency"}


def test_canonical_forms_join_surnames_to_the_full_name():
    assert canonical_claimants(["Mark Harper", "Harper", "Ofcom"], "") == [
        "Mark Harper",
        "Mark Harper",
        "Ofcom",
    ]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("The World Health Organization", "organisation"),
        ("Environment Agency", "organisation"),
        ("WHO", "organisation"),
        ("Russia", "organisation"),
        ("police", "organisation"),
        ("Hans Kluge", "person"),
        ("Recep Tayyip Erdogan", "person"),
        ("Turkish official", "person"),
        ("", "unknown"),
    ],
)
def test_the_claimant_type(name, kind):
    assert claimant_type(name) == kind


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Covid-19 spread quickly through the care homes of the region.", "fact"),
        ("The treaty was signed in 2019 by the two presidents.", "event"),
        ("The treaty of 1648 ended the war between the two empires.", "fact"),
        ("“We lose 33,000 people a year to gun violence,” the senator said.", "quote"),
        ("Unemployment fell to 6.1 percent in March, the agency said.", "statistic"),
        ("Kazakhstan accounted for more than half of the cases, the WHO said.", "statistic"),
    ],
)
def test_statistic_is_only_a_real_quantity_and_quotes_stay_quotes(sentence, kind):
    assert classify_kind(sentence) == kind


def test_he_is_the_minister_just_named_not_the_month_before_an_appositive():
    body = (
        "Inflation rose to 3.4 percent in October, the statistics office said.\n\n"
        "Health Minister Karl Lauterbach said 1,200 hospitals would receive new funding. "
        "He added that waiting times had fallen by 15 percent."
    )
    assert claims_of(body)["He added that waiting times ha"] == ("Karl Lauterbach", "person")


def test_the_company_is_the_business_of_the_claim_before():
    body = (
        "Shell reported a profit of $9.5 billion for the quarter, up 12 percent. "
        "The company said it would buy back $3.5 billion of shares."
    )
    assert claims_of(body)["The company said it would buy "][0] == "Shell"


def test_an_undefined_acronym_joins_the_name_with_its_initials():
    body = (
        "According to the International Monetary Fund, global growth will slow to 2.9 percent. "
        "The IMF also warned that debt levels in 40 countries were unsustainable."
    )
    assert claims_of(body)["The IMF also warned that debt "][0] == "International Monetary Fund"
