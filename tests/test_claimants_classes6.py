"""Transcripts and call furniture for the classes the sixth held-out evaluation missed (speaker
labels alone on their line without a colon, "Name (Role):" labels used once, Q/A turns whose
answers are the interviewee's, a call operator's procedural turns, a call's header, risk
reference and transcript-service footer). Texts written for these tests; none is taken from an
evaluation article."""

from factcheck.extraction import extract_claims, extract_from_text, find_claimant
from factcheck.extraction.furniture import is_furniture
from factcheck.extraction.scoring import classify_kind
from factcheck.extraction.transcripts import speaker_turns

# --- labels alone on their line ---------------------------------------------------------------

PASTED_CALL = """Harwick Mills plc Half-Year 2026 Results Call
Tuesday 3 March 2026, 8:30 a.m. GMT
HWM 238.4p at time of call | Duration: 0 hours 35 minutes

Participants:
Lena Osei -- Chief Executive Officer
Marco Vitale -- Finance Director
Jo Park -- Tillman Brokers -- Analyst

Operator: Good morning and thank you for holding. All lines are muted. I will now pass you to
your host.

Lena Osei -- Chief Executive Officer
Thank you. Mill output rose 11% in the half, helped by the new kiln line.

We also signed four supply contracts in Poland, our first outside the UK.

Marco Vitale -- Finance Director
Thanks, Lena. Sales were £148 million, up 6% on last year. Please refer to our annual report
for a discussion of the principal risks and uncertainties.

Operator: Our next question comes from Jo Park at Tillman Brokers.

Jo Park -- Tillman Brokers -- Analyst
Lena, how much did energy costs rise?

Lena Osei -- Chief Executive Officer
Energy costs fell 9% after we renewed the gas contract.

Transcript provided by QuoteDesk, which covers 2,400 listed companies.
"""


def claims_of(raw: str) -> dict[str, str]:
    return {c.text: c.claimant for c in extract_claims(extract_from_text(raw).text)}


def claimant_of(claims: dict[str, str], phrase: str) -> str:
    found = [name for text, name in claims.items() if phrase in text]
    assert found, f"no claim holds {phrase!r}"
    return found[0]


def test_labels_alone_on_their_line_name_the_speakers_of_the_lines_below():
    claims = claims_of(PASTED_CALL)
    assert claimant_of(claims, "Mill output rose 11%") == "Lena Osei"
    assert claimant_of(claims, "four supply contracts") == "Lena Osei"  # a turn's 2nd paragraph
    assert claimant_of(claims, "Sales were £148 million") == "Marco Vitale"
    assert claimant_of(claims, "Energy costs fell 9%") == "Lena Osei"


def test_a_call_operator_header_risk_reference_and_provider_footer_are_no_claims():
    texts = " ".join(claims_of(PASTED_CALL))
    for phrase in ("at time of call", "Duration", "All lines are muted", "Jo Park at Tillman",
                   "principal risks", "Transcript provided by"):  # fmt: skip
        assert phrase not in texts


def test_a_page_header_or_dashed_heading_is_not_split_off_as_a_label():
    raw = (
        "Northgate Energy (LSE: NGE)\nEmbargoed until 07:00 GMT, 2 March 2026\n\n"
        "The Outlook — Prices and Demand\nWholesale prices fell 12% in February, the company "
        "said.\n\nRenewables made up 41% of output, it added."
    )
    body = extract_from_text(raw).text
    assert "The Outlook — Prices and Demand Wholesale" in body
    assert speaker_turns(body) == []


# --- "Name (Role):" and Q/A -------------------------------------------------------------------


def test_name_with_a_role_in_brackets_is_a_label_even_when_used_once():
    raw = (
        "Leona Briggs (Festival Director): Ticket sales rose 23% this year, to 41,000.\n\n"
        "Samir Qadri (Treasurer): The festival lost £85,000 on the outdoor stage.\n\n"
        "Leona Briggs (Festival Director): We will cut the stage budget by a third next year."
    )
    assert claimant_of(claims_of(raw), "lost £85,000") == "Samir Qadri"


def test_answers_of_a_q_and_a_are_the_interviewees():
    raw = (
        "Commuters waited longer than ever this winter. In an interview with Dr Marcus Ellery, "
        "the operator's managing director, we asked why.\n\n"
        "Q: How many trains ran late in December?\n\n"
        "A: About 38% of services arrived more than five minutes late.\n\n"
        "Q: What will you change?\n\n"
        "A: We are hiring 120 more drivers by June."
    )
    claims = claims_of(raw)
    assert claimant_of(claims, "About 38% of services") == "Marcus Ellery"
    assert claimant_of(claims, "hiring 120 more drivers") == "Marcus Ellery"


def test_news_about_a_call_a_risk_or_a_transcript_stays():
    assert not is_furniture("At the time of the call, 40 patients were waiting in the corridor.")
    assert not is_furniture("The inquiry heard that the transcript was altered by 3 officials.")
    assert not is_furniture("The regulator said the principal risks had grown by 20% in a year.")


# --- claimants in news prose ------------------------------------------------------------------


def test_an_age_and_a_who_clause_after_a_name_leave_the_person_speaking():
    sentence = "Omar Lind, 57, who keeps bees near the quarry, said he had lost 30 hives."
    assert find_claimant(sentence) == "Omar Lind"
    assert find_claimant("Ruth Gale, 72, said the bus had not come for 3 days.") == "Ruth Gale"


def test_a_party_and_lower_case_role_before_the_name_after_said():
    sentence = "“The costs are double that,” said Opposition transport spokeswoman Ivy Marr."
    assert find_claimant(sentence) == "Ivy Marr"
    assert find_claimant("“Wrong,” said Green party leader Tobias Wren.") == "Tobias Wren"


def test_a_multi_word_bodys_officer_in_an_appositive_is_not_whom_they_told():
    sentence = (
        "Ada Quist, Kelvin Rail's head of safety, told Radio Tamar 6: \"Trains ran 40 minutes "
        'late."'
    )
    assert find_claimant(sentence) == "Ada Quist"


def test_a_participle_clause_before_the_subject_is_not_a_study_description():
    sentence = "In its ruling, published on Friday, the Pay Tribunal said the firm owed £2.4m."
    assert find_claimant(sentence) == "Pay Tribunal"


def test_a_body_whose_name_opens_with_a_title_word_keeps_it():
    sentence = "Dentists received 4,100 complaints, the General Dental Council said on Monday."
    assert find_claimant(sentence) == "General Dental Council"


def test_a_body_first_named_by_its_acronym_gets_its_long_form_without_the():
    body = (
        "The Fair Trading Authority (FTA) has opened an inquiry into Parcelo.\n\n"
        "The FTA said the firm had overcharged 80,000 customers by £3.1 million."
    )
    claim = [c for c in extract_claims(body) if "80,000" in c.text][0]
    assert claim.claimant == "Fair Trading Authority"


def test_list_items_after_a_colon_are_the_claims_of_who_introduced_the_list():
    body = (
        "Rents in the city rose 11% last year, according to a study by the Tenants' Union of "
        "Ostbury.\n\n"
        "The union's survey of 2,000 renters found that:\n\n"
        "- four in ten tenants spend more than half their income on rent;\n\n"
        "- 18% had moved home at least twice in three years.\n\n"
        "Rents rose 4% in the rest of the country."
    )
    claims = {c.text: c.claimant for c in extract_claims(body)}
    assert claimant_of(claims, "four in ten tenants") == "Tenants' Union of Ostbury"
    assert claimant_of(claims, "18% had moved") == "Tenants' Union of Ostbury"
    assert claimant_of(claims, "rest of the country") == ""


# --- kinds ------------------------------------------------------------------------------------


def test_a_dozen_things_and_a_time_ahead_of_schedule_are_statistics():
    assert classify_kind("The storm flooded at least a dozen riverside shops.") == "statistic"
    assert classify_kind("The bridge reopened three weeks ahead of schedule.") == "statistic"
    assert classify_kind("The bridge reopened ahead of schedule.") != "statistic"


def test_a_job_after_a_comma_and_q_dot_a_dot_are_labels_too():
    panel = (
        "Ines Varga, Chief Executive: Our costs rose 14% last year.\n\n"
        "Colm Reilly, Finance Director: Revenue was £42 million, down 3%.\n\n"
        "Ines Varga, Chief Executive: We cut 120 jobs in March."
    )
    assert claimant_of(claims_of(panel), "Revenue was £42 million") == "Colm Reilly"
    qa = (
        "We spoke to Councillor Hana Prys about the bin strike.\n\n"
        "Q. How many collections were missed?\n\n"
        "A. About 40,000 households missed at least one collection in May.\n\n"
        "Q. When will it end?\n\n"
        "A. Talks with the union start on Friday."
    )
    assert claimant_of(claims_of(qa), "About 40,000 households") == "Hana Prys"


def test_a_dateline_and_an_initial_are_no_labels():
    body = (
        "LONDON, Chief Markets: Shares fell 2% on Monday.\n\n"
        "A. Okafor scored 3 goals in 2 games, the club said.\n\n"
        "Sales rose 4% in May, the company said."
    )
    assert speaker_turns(body) == []
