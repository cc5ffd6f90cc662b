"""Claimants, kinds and furniture for the classes the fifth held-out evaluation missed
(hyphenated fractions and word-number rates are quantities, reported speech is a quote, a
capitalised word after "the" belongs to the name, a body's possessive report, two appositives,
"X, <role>, said the agency had …", "X vetoed …, saying …" after a dateline, a quotation
continuing an uncounted attributed sentence, bracketed transcript stage directions). Sentences
written for these tests; none is taken from an evaluation article."""

import pytest

from factcheck.extraction import extract_claims, find_claimant
from factcheck.extraction.furniture import is_furniture
from factcheck.extraction.scoring import classify_kind


def claim_of(body: str, start: str):
    """The claim of `body` that starts with `start`."""
    found = [c for c in extract_claims(body) if c.text.startswith(start)]
    assert found, f"no claim starts with {start!r}"
    return found[0]


# --- kinds ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The mayor said the reservoir holds one-third of the city's reserve supply.",
        "Councillor Amy Strand said three-quarters of the new homes lacked solar panels.",
        "Tram drivers reported that the average carriage held six riders per journey.",
        "Mr Oduya said the clinic saw twelve patients a day before the closure.",
    ],
)
def test_hyphenated_fractions_and_rates_in_words_are_statistics(sentence):
    assert classify_kind(sentence) == "statistic"


def test_reported_speech_telling_of_an_event_is_a_quote():
    sentence = (
        "The regulator's director, Dr Paul Inglis, said the board had reviewed the complaint "
        "and dismissed it."
    )
    assert classify_kind(sentence) == "quote"


def test_an_event_told_without_a_speaker_stays_an_event():
    sentence = "The council dismissed the complaint after a two-hour meeting on Monday."
    assert classify_kind(sentence) == "event"


# --- claimants ------------------------------------------------------------------------------


def test_a_capitalised_word_after_the_belongs_to_the_evidence_authors_name():
    sentence = "Data from the Joint Transport Board show that fares rose by 9% in two years."
    assert find_claimant(sentence) == "Joint Transport Board"


def test_an_evidence_adjective_opening_the_sentence_is_still_dropped():
    assert find_claimant("Latest figures from the ONS show that rents rose 7%.") == "ONS"


def test_according_to_a_bodys_possessive_report_names_the_body():
    sentence = (
        "According to the Food Standards Agency's annual hygiene survey, 12% of takeaways "
        "failed inspection."
    )
    assert find_claimant(sentence) == "Food Standards Agency"


def test_two_appositives_after_a_person_leave_the_person_speaking():
    sentence = (
        "Speaking to reporters, Hannah Vickers, a researcher at the Linwood Institute, a "
        "left-leaning think tank, said rents had risen by 11% in a year."
    )
    assert find_claimant(sentence) == "Hannah Vickers"


def test_one_appositive_after_a_body_leaves_the_body_speaking():
    sentence = "Linwood Policy Centre, a left-leaning think tank, said rents rose 11% in a year."
    assert find_claimant(sentence) == "Linwood Policy Centre"


def test_said_followed_by_a_reported_clause_keeps_the_speaker_before_the_verb():
    sentence = (
        "The council's chief executive, Dr Omar Petrie, said the authority had reviewed the "
        "contract and cancelled it."
    )
    assert find_claimant(sentence) == "Omar Petrie"


def test_said_followed_by_the_speaker_after_a_quotation_still_names_the_speaker():
    assert (
        find_claimant("“We will appeal,” said the union's lawyer, Carla Mendes.") == "Carla Mendes"
    )


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "RIVERTON — Mayor Janet Ortiz on Friday blocked the rezoning plan, saying it would "
            "remove a fifth of the city's parkland.",
            "Janet Ortiz",
        ),
        (
            "Harlow Energy raised its tariffs by 8%, warning that wholesale costs had doubled.",
            "Harlow Energy",
        ),
    ],
)
def test_a_participle_of_saying_gives_the_sentences_subject(sentence, speaker):
    assert find_claimant(sentence) == speaker


def test_without_a_participle_of_saying_an_action_has_no_claimant():
    sentence = "Mayor Janet Ortiz on Friday blocked the rezoning plan for the riverside park."
    assert find_claimant(sentence) == ""


# --- transcript stage directions ------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "[The Committee suspended at 11.05 am]",
        "(Laughter)",
        "[Interruption]",
        "Sitting suspended.",
        "The inquiry adjourned at 3.15 pm.",
    ],
)
def test_stage_directions_are_furniture(line):
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "The council suspended 14 staff after the audit found £2m missing.",
        "The court adjourned the case until March after the defence asked for time.",
        "(Figures exclude Scotland, where unemployment rose 3%.)",
    ],
)
def test_news_about_suspensions_and_parenthesised_figures_stay(line):
    assert not is_furniture(line)


def test_a_bracketed_suspension_in_a_pasted_hearing_is_no_claim():
    body = (
        "Q4 Chair: How many depots have you closed?\n\n"
        "Dr Lena Fowke: We closed nine depots in 2025, and 40% of drivers took redundancy.\n\n"
        "[The Committee suspended at 11.05 am]\n\n"
        "Chair: We will resume after a short break."
    )
    texts = [claim.text for claim in extract_claims(body)]
    assert any("nine depots" in text for text in texts)
    assert not any("suspended" in text for text in texts)


# --- earnings calls -------------------------------------------------------------------------

CALL = (
    "Operator: Good morning, and welcome to the Kestrel Foods second-quarter 2026 results "
    "call. All lines are in listen-only mode. This call is being recorded.\n\n"
    "Operator: Remarks today may include forward-looking statements, and actual results may "
    "differ materially from those projected.\n\n"
    "Priya Nandakumar -- Chief Executive Officer: Thank you. Sales grew 9% to $2.3 billion, "
    "and we opened 14 stores.\n\n"
    "Owen Falk -- Chief Financial Officer: Gross margin was 31.2%, up from 29% a year ago.\n\n"
    "Operator: The next question is from Ruth Ibe with Barclays.\n\n"
    "Ruth Ibe -- Barclays -- Analyst: What share of sales came from online orders?\n\n"
    "Priya Nandakumar -- Chief Executive Officer: About a quarter, roughly $575 million."
)


def test_an_earnings_calls_executives_are_named_by_their_labels():
    claims = {claim.text: claim.claimant for claim in extract_claims(CALL)}
    sales = next(name for text, name in claims.items() if "Sales grew 9%" in text)
    margin = next(name for text, name in claims.items() if "Gross margin" in text)
    online = next(name for text, name in claims.items() if "About a quarter" in text)
    assert (sales, margin, online) == ("Priya Nandakumar", "Owen Falk", "Priya Nandakumar")


def test_a_calls_housekeeping_and_safe_harbour_are_no_claims():
    texts = " ".join(claim.text for claim in extract_claims(CALL))
    for phrase in ("welcome to", "listen-only", "being recorded", "forward-looking"):
        assert phrase not in texts


def test_news_about_a_welcome_or_a_recording_stays():
    assert not is_furniture("The mayor said the city would welcome 3,000 refugees this year.")
    assert not is_furniture("Police said the call was recorded by a neighbour at 9pm.")


# --- a utility named by its trade -----------------------------------------------------------


def test_the_utility_said_names_the_utility_the_sentence_opens_with():
    sentence = "Brackenmoor Water will raise bills by 7% from April, the utility said on Monday."
    assert find_claimant(sentence) == "Brackenmoor Water"


def test_the_utility_said_names_the_utility_quoted_before():
    body = (
        "Brackenmoor Water said on Monday that it would raise bills by 7% from April.\n\n"
        "Bills for 1.1 million homes would rise by £38 a year on average, the utility said."
    )
    found = [c for c in extract_claims(body) if c.text.startswith("Bills for")]
    assert found
    assert found[0].claimant == "Brackenmoor Water"


def test_a_person_whose_surname_is_a_trade_word_stays_a_person():
    from factcheck.extraction.claimant_names import claimant_type

    assert claimant_type("Samantha Power") == "person"


# --- a quotation after a weak attributed one ------------------------------------------------

_FILLER = "The chamber was full for most of the long evening of debate on the plan. " * 6


@pytest.mark.parametrize("first", ['"I am proud of this," Ruiz said.', '"We listened," said Ruiz.'])
def test_a_quotation_after_a_short_attributed_one_is_the_same_speakers(first):
    body = (
        "Mayor Ana Ruiz froze rents on Monday after 3,000 residents signed a petition.\n\n"
        f"{_FILLER}\n\n{first} "
        '"Rents in this city have doubled in ten years and wages have not."'
    )
    claims = [c for c in extract_claims(body) if c.text.startswith('"Rents')]
    assert [c.claimant for c in claims] == ["Ana Ruiz"]


def test_a_quotation_after_an_unattributed_sentence_stays_unattributed():
    body = (
        "Mayor Ana Ruiz froze rents on Monday after 3,000 residents signed a petition.\n\n"
        f"{_FILLER}\n\nThe vote was close. "
        '"Rents in this city have doubled in ten years and wages have not."'
    )
    claims = [c for c in extract_claims(body) if c.text.startswith('"Rents')]
    assert [c.claimant for c in claims] == [""]
