"""Furniture of minutes, results announcements and reader boxes (furniture_records), and the
sentences beside it that stay claims. Texts written for these tests."""

import pytest

from factcheck.extraction.furniture import is_furniture


@pytest.mark.parametrize(
    "line",
    [
        "In attendance: Helen Dacre (Clerk), PC Owen Latimer and 9 members of the public",
        "Apologies were received and accepted from Cllr Imran Qureshi (holiday).",
        "The minutes of the meeting held on 3 March were approved as a correct record.",
        "The meeting closed at 9.14pm.",
        "Download the annual report (PDF, 5.1 MB) · Investor presentation",
        "Results webcast at 10am today: register here",
        "Orlend Group: Priya Shah, Head of Investor Relations, +44 20 7946 0123",
        "Ashworth Parish Council, The Old School, Ashworth AS3 9PL · Tel 01632 960555 · office",
        "Seen something? Send us your photos and videos on WhatsApp: 07700 900123",
        "di Laura Conti · Treviso · 2 marzo 2026 · Condivisioni 1.204",
        "Abbonati al Corriere Veneto: 2 euro al mese per sei mesi.",
        "Tickets from £18 at the box office and online.",
    ],
)
def test_furniture_of_minutes_releases_and_reader_boxes(line):
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "The council said 14 members of the public had objected to the plan.",
        "Revenue rose 8% to £210 million, the company said.",
        "PC Latimer said that 12 quad bikes had been stolen since March.",
        "The motion was carried by 6 votes to 3.",
    ],
)
def test_claims_beside_that_furniture_stay_claims(line):
    assert not is_furniture(line)
