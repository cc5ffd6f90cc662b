"""Page, newsletter, debate and podcast notices the eighth held-out evaluation took for claims:
a metadata line's count or duration, a comment count in French or Spanish, a chapters line, a
correction note, a readers' funding line, an emergency number to dial, a division number, a
forecast's line, a referral offer, a sponsor's free months, a web address read out, an
automatic-transcript notice, a Spanish related link. Texts written for these tests; none is
taken from an evaluation article. Guards: news sentences with the same words stay claims."""

import pytest

from factcheck.extraction.furniture import is_furniture

NOTICES = [
    "Por Aitana Lizarralde · Valdemora · 3 dic 2026 - 11:40 CET · 2.310 veces compartido",
    "Par Joël Marchetti · Publié le 02/12/2026 à 07h15 · 112 commentaires",
    "Comentarios (214)",
    "Released 4 December 2026 · Series 2 · 47 min",
    "Chapters: 00:00 Welcome · 04:12 The survey · 31:50 Your questions",
    "Correction, 4 December: An earlier version of this story gave the wrong year for the vote.",
    "Our journalism is funded by 5,100 readers who give £5 a month.",
    "En cas d'urgence, composez le 18 ou le 112.",
    "Division No. 87",
    "Showers easing by the afternoon on Friday; highs of 11C and a frosty Saturday.",
    "Refer 2 friends and we'll send you a free umbrella.",
    "Try your first two months of Ledgerly Plus free at ledgerly dot example slash commute.",
    "This transcript was made with automated speech recognition and may contain errors.",
    "Te puede interesar: Los alquileres suben un 9 % en la costa",
]


@pytest.mark.parametrize("line", NOTICES)
def test_a_notice_is_furniture(line):
    assert is_furniture(line)


CLAIMS = [
    "The consultation drew 3,000 comments before it closed on Friday.",
    "The council's correction came after residents found 14 errors in the published map.",
    "Temperatures reached highs of 41C in Seville on Tuesday, the weather agency said.",
    "The charity is funded by a £2 million grant from the lottery.",
    "Ambulance crews were called 1,200 times last month, the trust said.",
    "The first three months of the scheme cost £4 million, the audit found.",
]


@pytest.mark.parametrize("line", CLAIMS)
def test_a_news_sentence_with_the_same_words_is_no_notice(line):
    assert not is_furniture(line)
