"""Query cleaning and tokens for matching: pure functions over strings.

Tweets, headlines and claim sentences are all queries. A tweet's URLs, @handles, "pic.twitter.com"
links and the signature line that embedded tweets carry ("— Name (@handle) January 6, 2020") say
nothing about the claim, so they are stripped before anything is compared.
"""

import re
import unicodedata
from functools import lru_cache

import Stemmer

_URL = re.compile(r"(?:https?://|www\.)\S+|\b(?:pic\.twitter\.com|t\.co|bit\.ly)/\S+", re.I)
_SIGNATURE = re.compile(
    r"[—–-]{1,2}\s*[^\n—–]{0,80}?\(@\w{1,30}\)\s*"
    r"(?:[A-Z][a-z]+\.? \d{1,2}, \d{4}|\d{1,2} [A-Z][a-z]+ \d{4})?\s*$"
)
_HANDLE = re.compile(r"(?<![\w@])@\w{1,30}")
_HASHTAG = re.compile(r"#(\w+)")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_INVISIBLE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")

STOPWORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had
    has have having he her here hers herself him himself his how i if in into is it its itself just
    me more most my myself no nor not now of off on once only or other our ours ourselves out over
    own same she should so some such than that the their theirs them themselves then there these
    they this those through to too under until up very was we were what when where which while who
    whom why will with would you your yours yourself yourselves rt via amp s t""".split()
)

_stemmer = Stemmer.Stemmer("english")


def clean(text: str) -> str:
    """The text a matcher compares: no URLs, handles, tweet signature, hashtag marks, odd spaces."""
    text = unicodedata.normalize("NFKC", text)
    text = _INVISIBLE.sub("", text)
    text = _SIGNATURE.sub("", text.strip())
    text = _URL.sub(" ", text)
    text = _HANDLE.sub(" ", text)
    text = _HASHTAG.sub(lambda m: " " + _CAMEL.sub(" ", m.group(1)) + " ", text)
    return _SPACES.sub(" ", text).strip()


def words(text: str) -> list[str]:
    """Lower-cased words of a cleaned text, apostrophes folded ("Trump's" -> "trump")."""
    return [w.split("'")[0].split("’")[0] for w in _WORD.findall(text.lower())]


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return _stemmer.stemWord(word)


def terms(text: str) -> list[str]:
    """Stemmed content words of a cleaned text: the vocabulary BM25 and overlaps count."""
    return [_stem(w) for w in words(text) if w not in STOPWORDS]


def bigrams(tokens: list[str]) -> set[tuple[str, str]]:
    """Adjacent pairs of terms, for phrase overlap."""
    return set(zip(tokens, tokens[1:], strict=False))
