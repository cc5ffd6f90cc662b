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
