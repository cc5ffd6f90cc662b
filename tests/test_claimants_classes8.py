"""Transcripts, debates and foreign-language attributions for the classes the eighth held-out
evaluation missed: first-name labels resolved to the full name the show notes give, a debate's
labels with a constituency and a party and an office followed by its holder's name, a bare
titled surname label, a body a speaker cites inside their turn. Texts written for these tests;
none is taken from an evaluation article."""

from factcheck.extraction import extract_claims

# --- transcripts: first-name labels, debates, cited bodies ----------------------------------

PODCAST = """THE COMMUTE — a podcast about getting around. Episode 12.

Show notes: Host Priya Malhotra talks to Oskar Lindqvist, a cycling campaigner with Pedal
Forward, and Dr Amara Osei, a transport planner at Kelbridge University.

[00:00:05] PRIYA: Welcome back. Oskar, where do we start?

[00:01:10] OSKAR: With the numbers. Cycling trips in the city rose by 42% between 2019 and 2025.

[00:01:55] And only 6% of the road budget went on cycle lanes last year.

[00:02:30] PRIYA: Amara, is that right?

[00:02:34] AMARA: Broadly. According to the Kelbridge Transport Observatory, 18,000 people now
cycle to work every day.

[00:03:02] AMARA: We measured that a protected lane cuts injuries by about a third."""


def test_a_first_name_label_is_the_full_name_the_show_notes_give():
    claims = extract_claims(PODCAST)
    rose = next(c for c in claims if "rose by 42%" in c.text)
    assert rose.claimant == "Oskar Lindqvist"
    budget = next(c for c in claims if "6% of the road budget" in c.text)
    assert budget.claimant == "Oskar Lindqvist"  # an unlabelled timestamped paragraph
    lane = next(c for c in claims if "cuts injuries by about a third" in c.text)
    assert lane.claimant == "Amara Osei"


def test_a_body_a_speaker_cites_in_their_turn_is_the_claimant():
    claims = extract_claims(PODCAST)
    cited = next(c for c in claims if "18,000 people" in c.text)
    assert cited.claimant == "Kelbridge Transport Observatory"


DEBATE = """Column 204

16:02

Mrs Harriet Penrose (Lowfield North) (LD): I beg to move the motion on the order paper.

Rural bus routes have been cut by a quarter since 2018, and 40 villages in my constituency have
no service at all. Last month the Rural Transport Institute found that a third of pensioners
had missed a medical appointment for want of a bus.

Mr Alun Hargreaves (Cwm Teg) (Con): Will the hon. Lady give way?

Mrs Penrose: I will.

Mr Hargreaves: She will know that bus subsidies have risen by 12% this year.

Mrs Penrose: They have, but fares have risen by 20%.

The Secretary of State for Transport (Gideon Ashworth): This Government have spent £900 million
on rural buses since 2022, more than any before it."""


def test_a_debate_label_with_constituency_and_party_names_the_speaker():
    claims = extract_claims(DEBATE)
    villages = next(c for c in claims if "40 villages" in c.text)
    assert villages.claimant == "Harriet Penrose"


def test_a_titled_surname_label_is_the_full_name_given_earlier():
    claims = extract_claims(DEBATE)
    subsidies = next(c for c in claims if "subsidies have risen by 12%" in c.text)
    assert subsidies.claimant == "Alun Hargreaves"


def test_an_office_label_is_the_holder_named_in_brackets():
    claims = extract_claims(DEBATE)
    spent = next(c for c in claims if "£900 million" in c.text)
    assert spent.claimant == "Gideon Ashworth"


def test_a_member_citing_a_body_gives_the_claim_to_the_body():
    claims = extract_claims(DEBATE)
    found = next(c for c in claims if "a third of pensioners" in c.text)
    assert found.claimant == "Rural Transport Institute"
    own = next(c for c in claims if "cut by a quarter" in c.text)
    assert own.claimant == "Harriet Penrose"
