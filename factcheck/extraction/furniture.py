"""Page furniture that copy-and-paste and HTML extraction leave among article sentences: never a
claim, whatever the model says. Pure pattern matching over one sentence.

    tweet footers   "— Met Office (@MetOffice) 3 Mar 2024", "2,310 Reposts · 4,102 Likes"
    hover cards     "12.4K followers", "@MetOffice · Follow"
    bylines         "By Jane Doe", "5:45 AM PST 11/19/2019 by …", "Updated 3 March 2024, 10:02"
    captions        "(Photo: AP)", "Image: Getty Images", "Pictured: …", "REUTERS/Jane Doe"
    author bios     "… is the BBC's weather correspondent and has covered 11 winter storms",
                    "She has reported from 14 countries …"
"""

from __future__ import annotations

import re

_METRIC = r"[\d.,]+\s*[KkMm]?\s+"
_TWEET_FOOTER_RE = re.compile(
    r"\(@\w{1,30}\)\s*(?:\w+\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+\w+\s+\d{4})"
    rf"|{_METRIC}(?:Reposts?|Retweets?|Likes|Quote (?:Tweets|posts)|Bookmarks|Replies|Views)\b"
    r"|\bpic\.twitter\.com/|^—\s*[^()]{1,80}\(@\w{1,30}\)",
)
_HOVER_CARD_RE = re.compile(
    rf"{_METRIC}(?:followers|following|subscribers|shares)\b|@\w{{1,30}}\s*·\s*Follow\b", re.I
)
_BYLINE_RE = re.compile(
    r"^\W*(?:by|written by|reporting by|words by)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
    r"(?:\s*(?:,|and|&)\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})*\W*$"
    r"|\b\d{1,2}:\d\d\s*(?:AM|PM|am|pm)\s+[A-Z]{2,4}\s+\d{1,2}/\d{1,2}/\d{2,4}\b"
    r"|^\W*(?:published|updated|posted|last updated|first published)\b[^.]{0,60}\d{1,2}:\d\d"
    r"|^\W*(?:published|updated|posted|last updated)\s*:?\s*\d{1,2}\s+\w+\s+\d{4}\W*$",
    re.I,
)
_CAPTION_RE = re.compile(
    r"^\W*(?:photo|image|picture|photograph|pictured|caption|credit|file photo)"
    r"(?:\s+credit)?\s*:"
    r"|\((?:photo|image|picture|credit)\b[^)]{0,80}\)\W*$"
    r"|\b(?:Getty Images|AP Photo|AFP via Getty|REUTERS/|Shutterstock|PA Media|PA Wire)\b"
    r"|\b(?:Photo|Image|Photograph):\s*[A-Z][\w./ -]{0,60}$",
    re.I,
)
_BIO_RE = re.compile(
    r"^\W*(?:He|She|They)\s+(?:has|have)\s+(?:also\s+)?(?:reported|covered|written|worked|"
    r"been (?:reporting|covering|writing)|contributed)\b"
    r"|\bis\s+(?:an?|the|our)\s+(?:[\w'’-]+\s+){0,4}?(?:correspondent|reporter|editor|"
    r"columnist|journalist|writer|contributor)\b.*\b(?:has|have)\s+(?:covered|reported|written)\b"
    r"|^\W*(?:Follow|Contact|Email)\s+(?:him|her|them|\w+)\s+(?:on|at)\b",
)
_PATTERNS = (_TWEET_FOOTER_RE, _HOVER_CARD_RE, _BYLINE_RE, _CAPTION_RE, _BIO_RE)


def is_furniture(sentence: str) -> bool:
    """True for tweet footers, hover cards, bylines, datelines, captions and author bios."""
    return any(pattern.search(sentence) for pattern in _PATTERNS)
