"""What a figure is about: the words around it, read once per text. Pure — no Django.

For each figure (not a year, date or ordinal) ``describe`` records in an ``About``:

* ``head`` — the concept counted, from the words right after it ("42,200 measles cases" → case,
  "91 percent of children" → children, "a 6.1 percent rise in retail sales" → sale);
  ``modifiers`` the words before the head and in an "of" phrase after it ("measles").
* ``topic`` — concepts of the content words of its clause: the sentence, cut at another figure
  (at the "and", comma or "while" between them), at "while"/"whereas"/"but", and without the
  attribution ("Census figures show that …", "…, the statistics office said").
* ``years`` / ``month`` — the nearest year and month named in the same sentence.
* ``places`` — capitalised names after "in", "across" … in the clause ("in Idlib").
* ``negated`` — a "no", "not", "without" … in the clause ("have no internet subscription").
* ``subject`` — for a figure with no head, the noun phrase its clause opens with ("Food prices
  rose 19 percent" → food, price).
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import lru_cache

from factcheck.sources.numbers import lexicon as lex
from factcheck.sources.numbers.parse import TIME_KINDS, About, Quantity

_MARK = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|,")  # a word or a comma
_SENTENCE_END = re.compile(r"[.!?;](?=[\s\"'”’)\]]|$)|\n")
_REPORTING = frozenset(
    """said says say show shows showed found finds according estimates estimated reported
    reports told announced""".split()
)
_SEPARATORS = frozenset({",", "and", *lex.CLAUSE_WORDS})
_MONTHS = frozenset(m.lower() for m in lex.MONTHS)
_DETERMINERS = frozenset("the a an all its their his her our these those".split())
_OF_GLUE = re.compile(r"(?i)\s+(?:out\s+)?of\s+(?:the\s+)?$")
_MAX_FIGURES = 1000  # read per text; more is a table or an attack, not prose (they stay unread)
_RATE_ADVERBS = {"annually": "year", "yearly": "year", "monthly": "month", "weekly": "week"}
_RATE_ADVERBS |= {"daily": "day", "hourly": "hour"}
_RATE_ADJECTIVES = {"annual": "annual", "yearly": "annual", "monthly": "month", "weekly": "week"}
_RATE_UNITS = frozenset({"year", "month", "week", "day", "hour"})
_REACH = 200  # characters either side of a figure
_WINDOW = 14  # words either side of a figure at most
_JAN_1_2000 = date(2000, 1, 1).toordinal()
_SHARE_TEXT = re.compile(r"(?i)[0-9a-z]\s+(?:in|out\s+of)\s+[0-9a-z]")
_CHANGE_TO = re.compile(r"(?i)\s+(?:(?:percentage\s+)?points?\s+|pp\s+)?(?:to|from)\s+")
_ASIDE = 60  # characters from a date to the commas of its aside
_MAX_ASIDES = 50  # occurrences of the one year looked at
_ASIDE_OPENERS = frozenset("which who whose where when built set born begun made won held".split())
_PHRASE_PREPOSITIONS = frozenset("to from of for in on at with".split())
_PERSON_CONCEPTS = frozenset(lex.CONCEPTS.get(w, w[:-1]) for w in lex.PERSON_GROUPS) | {"people"}
_NAME_PREPOSITIONS = frozenset(
    """in at on to from across near of for by with within throughout into off over under between
    among against outside inside around""".split()
)
# A sentence's first word with these endings is a common noun far more often than a name.
_NOUN_ENDINGS = tuple("ing ed tion sion ment ity ance ence ship ure ism age ers ors ists".split())
_NOT_NAMES = lex.TITLES | lex.GENERIC | lex.STOP_RUN | lex.CLAUSE_WORDS | lex.ROLES | _MONTHS
_INITIAL = re.compile(r"(?:^|[.!?:;\n])[\s\"'“‘(\[]*$")  # what precedes a sentence's first word
_QUARTER_ENDS = {"march": "1", "june": "2", "september": "3", "december": "4"}
_FIRST_MONTHS = {"three": "quarter:1", "six": "half:1", "nine": "months:first-nine"}
_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
_QUARTERS = {"first": "1", "second": "2", "third": "3", "fourth": "4", "final": "4"}
_PERIOD = re.compile(
    r"\b(?:(?P<rel>(?i:(?P<the>the\s+)?(?P<which>last|this|next|past|previous|coming|current)\s+"
    r"(?P<unit>year|month|week|quarter|decade|winter|summer|spring|autumn|season)))"
    r"|(?i:(?P<nth>first|second|third|fourth|final)\s+(?P<part>quarter|half))"
    r"|Q(?P<q>[1-4])|H(?P<h>[12])"
    r"|(?P<decade>(?:1[5-9]|20)[0-9]0)s"
    r"|(?P<now>(?i:today|nowadays|currently|now|at\s+present))"
    r"|(?i:(?:on|last|this|next)\s+(?P<weekday>" + "|".join(_WEEKDAYS) + r"))"
    r"|(?P<day>(?i:yesterday|tomorrow))"
    r"|(?P<yearto>(?i:(?:year|12\s+months|twelve\s+months)\s+(?:to|ending)))"
    r"|(?i:(?:three|3)\s+months\s+to\s+(?P<qend>march|june|september|december))"
    r"|(?i:first\s+(?P<firstn>three|six|nine)\s+months)"
    r"|(?P<trailing>(?i:(?:past|last|previous)\s+(?:12|twelve)\s+months|year[\s-]on[\s-]year"
    r"|on\s+the\s+year))"
    r"|(?P<monthly>(?i:month[\s-]on[\s-]month|on\s+the\s+month)))\b"
)
# "the last year" is the twelve months to now ("past"); "last year" the calendar year before.
_RELATIVE = {("", "last"): "last", ("", "previous"): "last", ("", "past"): "past"}
_RELATIVE |= {("the", "last"): "past", ("the", "past"): "past", ("the", "previous"): "last"}
_RELATIVE |= {(a, "this"): "this" for a in ("", "the")} | {
    (a, "current"): "this" for a in ("", "the")
}
_RELATIVE |= {(a, "next"): "next" for a in ("", "the")} | {
    (a, "coming"): "next" for a in ("", "the")
}
_PER_FIGURE = re.compile(r"(?i)\s*(?:per|for\s+every|in\s+every)\s+[0-9]")  # "5 per 100,000"
_AUXILIARIES = frozenset("will would could may might should shall has have had been be".split())
_AWAY = frozenset({"from", "away", "off"})
_BELOW = frozenset({"below", "beneath", "underground", "underwater"})
_CHANGE_SKIP = frozenset("by a an further another".split())
_LEVEL_GLUE = frozenset("to from at of on".split())
_PASSIVE_AUXILIARIES = frozenset("is are was were be been being get got".split())


@lru_cache(maxsize=65536)
def concept(word: str) -> str:
    """A word's concept: from the lexicon, else its light stem ('visitors' → 'visitor')."""
    word = word.lower().replace("’", "'")
    if word in lex.CONCEPTS:
        return lex.CONCEPTS[word]
    if word in lex.DEMONYMS and word != "us":
        return lex.DEMONYMS[word]  # "Chinese exports" are exports of China
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return lex.CONCEPTS.get(word[:-1], word[:-1])
    return word


_ROLES = frozenset(concept(w) for w in lex.ROLES)


def is_person_concept(name: str) -> bool:
    """Whether a head names people (generic or a group): those need a shared topic to pair."""
    return name in _PERSON_CONCEPTS


def describe(
    text: str, quantities: list[Quantity], wanted: Callable[[Quantity], bool] | None = None
) -> list[Quantity]:
    """``quantities`` (as parsed from ``text``) with ``about`` filled in for each figure, or only
    for the figures ``wanted`` says may pair (the others keep an empty ``About``)."""
    spans = [q.span for q in quantities]
    sentences = _sentence_starts(text)
    figures = [i for i, q in enumerate(quantities) if q.kind not in TIME_KINDS][:_MAX_FIGURES]
    dated = [q for q in quantities if _has_year(q)]
    years = {_year_of(q) for q in dated}
    times = [q for q in quantities if q.kind in ("year", "date", "period")]
    befores = _clause_starts(text, quantities, figures)
    time_starts = [q.span[0] for q in times]
    out = list(quantities)
    marks: dict[tuple[int, int], tuple[list[tuple[str, int, int]], list[int]]] = {}
    named: dict[tuple[int, int], list[tuple[int, str]]] = {}  # each sentence's named periods
    for n, i in enumerate(figures):
        q = quantities[i]
        if wanted is not None and not wanted(q):
            continue
        sentence = _sentence_of(sentences, q.span[0], len(text))
        if sentence not in marks:
            found = _marks(text, sentence, spans)
            marks[sentence] = (found, [t[1] for t in found])
        tokens, starts = marks[sentence]
        if sentence not in named:
            found_periods = [
                (m.start(), _period_name(m)) for m in _PERIOD.finditer(text, *sentence)
            ]
            named[sentence] = found_periods
        # A clause is read within _REACH characters: a "sentence" can be a megabyte of figures.
        reach = (max(sentence[0], q.span[0] - _REACH), min(sentence[1], q.span[1] + _REACH))
        around = tokens[bisect.bisect_left(starts, reach[0]) : bisect.bisect_left(starts, reach[1])]
        near = times[
            bisect.bisect_left(time_starts, reach[0]) : bisect.bisect_left(time_starts, reach[1])
        ]
        near = [t for t in near if not _aside(text, t.span, q.span)]
        after = quantities[figures[n + 1]].span[0] if n + 1 < len(figures) else len(text)
        window = _Window(text, around, reach, q, befores[n], after)
        about = window.about(near, named[sentence])
        if not about.years and len(years) == 1:
            if not all(_aside(text, t.span, q.span) for t in dated[:_MAX_ASIDES]):
                about = replace(about, years=frozenset(years))  # the one year the text names
        out[i] = _with_about(q, about)
    return _share_heads(text, out, figures)


def _clause_starts(text: str, quantities: list[Quantity], figures: list[int]) -> list[int]:
    """Where each figure's clause may start: after the figure before it, unless that one changed
    *to* this one ("rose 0.2 percentage points to 4.4 percent": both are unemployment's)."""
    starts: list[int] = []
    for n, i in enumerate(figures):
        previous = quantities[figures[n - 1]].span[1] if n else -1
        if n and _CHANGE_TO.fullmatch(text, previous, quantities[i].span[0]):
            starts.append(starts[-1])
        else:
            starts.append(previous)
    return starts


def _aside(text: str, time: tuple[int, int], figure: tuple[int, int]) -> bool:
    """Whether a date sits in an aside between commas that does not hold the figure: in "The
    bloc, founded in 1957, now has 27 members" 1957 is not when the 27 holds."""
    opening = text.rfind(", ", max(0, time[0] - _ASIDE), time[0])  # not "42,000"'s comma
    closing = text.find(", ", time[1], time[1] + _ASIDE)
    if opening < 0 or closing < 0 or opening < figure[0] < closing:
        return False
    first = _MARK.search(text, opening + 2, closing)
    opener = first[0].lower() if first else ""
    # Only a relative or participle clause is an aside: ", mostly women and children, have
    # escaped … since early December," keeps December as when the figure holds.
    if opener not in _ASIDE_OPENERS and not opener.endswith("ed"):
        return False
    return not _SENTENCE_END.search(text, opening, closing)


def _marks(
    text: str, sentence: tuple[int, int], spans: list[tuple[int, int]]
) -> list[tuple[str, int, int]]:
    """The sentence's words and commas outside the quantities, in order."""
    start, end = sentence
    marks = [(m[0], m.start(), m.end()) for m in _MARK.finditer(text, start, end)]
    return [t for t in marks if not _inside(t[1], spans)]


def _share_heads(text: str, quantities: list[Quantity], figures: list[int]) -> list[Quantity]:
    """'six of the 12 regions': the first figure counts what the second does."""
    for i, j in zip(figures, figures[1:], strict=False):
        a, b = quantities[i], quantities[j]
        if not a.about.head and b.about.head and _OF_GLUE.match(text, a.span[1], b.span[0]):
            about = replace(a.about, head=b.about.head, modifiers=b.about.modifiers)
            quantities[i] = _with_about(a, replace(about, topic=a.about.topic | b.about.topic))
    return quantities


def _with_about(q: Quantity, about: About) -> Quantity:
    # The constructor, not dataclasses.replace: this runs for every figure of every passage.
    return Quantity(q.value, q.unit, q.span, q.text, q.approx, q.kind, q.upper, about)


def _sentence_starts(text: str) -> list[int]:
    return [0, *(m.end() for m in _SENTENCE_END.finditer(text))]


def _sentence_of(starts: list[int], position: int, length: int) -> tuple[int, int]:
    index = bisect.bisect_right(starts, position) - 1
    end = starts[index + 1] if index + 1 < len(starts) else length
    return (starts[index], end)


class _Window:
    """The words of one figure's clause (see the module doc)."""

    def __init__(
        self,
        text: str,
        around: list[tuple[str, int, int]],
        sentence: tuple[int, int],
        quantity: Quantity,
        before: int,
        after: int,
    ) -> None:
        self.text, self.quantity, self.sentence = text, quantity, sentence
        start, end = quantity.span
        self.following = [t for t in around if t[1] >= end]
        self.left = _left_words([t for t in around if t[2] <= start], before)[-_WINDOW:]
        self.right = _right_words(self.following, after, sentence[1])[:_WINDOW]

    def about(self, times: list[Quantity], periods: list[tuple[int, str]]) -> About:
        head, modifiers, base = self._head()
        if self.quantity.kind == "measure" and head in lex.MEASURE_HEADS:
            head = ""  # "1.2 gigawatts of power": the unit already says it is power
        words = [w for w, _, _ in self.left + self.right if w != ","]
        topic = {concept(w) for w in words if _topical(w)} | modifiers | ({head} if head else set())
        done = _passives(words)
        topic |= _phrases(words) | done | self._capacity()
        if self.quantity.kind == "measure" and self.quantity.unit in lex.ABSOLUTE_MEASURES:
            topic.add("temperature")  # "The province recorded 48C": the unit says what it is
        years, month = self._period(times)
        measure = self.quantity.kind == "measure"
        subject, strict = ((), frozenset()) if head and (not base or measure) else self._subject()
        if not subject and not head and not measure:
            subject = self._changed_object()  # "cut hospital admissions by 80 percent"
        lowered = [w.lower() for w in words]
        names, first_names = self._names({head, *modifiers, *subject})
        return About(
            head=head,
            modifiers=frozenset(modifiers),
            topic=frozenset(topic),
            years=years,
            month=month,
            places=self._places(),
            negated=any(w in lex.NEGATIONS or w.endswith("n't") for w in lowered),
            rate="/".join(dict.fromkeys(r for r in (self._rate(), _per(lowered)) if r)),
            subject=subject,
            subject_modifiers=strict,
            base=base,
            names=names,
            first_names=first_names,
            periods=self._periods(times, periods),
            change=self._change(),
            change_words=frozenset(w for w in lowered if w in lex.CHANGE_LEVELS),
            kinds=_kinds(lowered) | self._distance(),
            done=frozenset(done),
        )

    def _capacity(self) -> set[str]:
        """'will hold 62,000 fans', 'seats 500': a count right after a capacity verb."""
        if self.quantity.kind != "number" or not self.left:
            return set()
        word, _, end = self.left[-1]
        glued = not self.text[end : self.quantity.span[0]].strip()
        return {"capacity"} if glued and word.lower() in lex.CAPACITY_VERBS else set()

    def _distance(self) -> frozenset[str]:
        """'300 metres from the river', '5 km away': a length that is a distance."""
        if self.quantity.kind != "measure" or not self.following:
            return frozenset()
        first = self.following[0]
        glued = not self.text[self.quantity.span[1] : first[1]].strip()
        if glued and first[0] in _BELOW:
            return frozenset({"dimension:depth"})  # "3,800 metres below the surface"
        return frozenset({"dimension:distance"}) if glued and first[0] in _AWAY else frozenset()

    def _names(self, measured: set[str]) -> tuple[frozenset[str], frozenset[str]]:
        """(names, first names): proper names of who or what the clause is about, runs of
        capitalised words before the figure that are not lexicon words ("manchester united"),
        not a location after
        a preposition ("in Spain" is a place, ``places``); a sentence's first word is a name
        when possessive ("Spain's") or followed by another name, and else only maybe one ("first
        names": "Scotland recorded 1,200 deaths", never what the figure measures as in "Wages
        rose", nor a word of a common noun's ending such as "Temperatures"), as is an acronym
        that is no country ("NHS", "IMF")."""
        names: list[list[str]] = []
        first: set[str] = set()
        tokens = self.left  # after the figure names are objects or sources ("to Trump's 232")
        last = -2
        for k, (word, start, _) in enumerate(tokens):
            if not word[:1].isupper():
                if word == "of" and last == k - 1 and k + 1 < len(tokens):
                    following = tokens[k + 1][0]
                    if _name_word(following, following.lower(), False):
                        names[-1].append("of")  # "Bank of England"
                        last = k
                continue
            possessive = word.endswith(("'s", "’s"))
            lower = word.lower()[:-2] if possessive else word.lower()
            if not _name_word(word, lower, possessive) or _after_preposition(tokens, k, last):
                continue  # "at Aberdaron", "to the Welsh coast": a location, maybe within another
            name = lex.DEMONYMS.get(lower, lower)
            bare = word[:-2] if possessive else word
            if bare.isupper() and lower not in lex.DEMONYMS and last != k - 1:
                first.add(name)  # "NHS", "IMF": a body, maybe of a place the other side names
                continue
            if _INITIAL.search(self.text, max(0, start - 6), start):
                following = tokens[k + 1][0] if k + 1 < len(tokens) else ""
                if not (possessive or _name_word(following, following.lower(), False)):
                    if concept(lower) not in measured and not lower.endswith(_NOUN_ENDINGS):
                        first.add(name)
                    continue
            if last == k - 1:
                names[-1].append(name)
            else:
                names.append([name])
            last = k
        return frozenset(" ".join(name) for name in names), frozenset(first)

    def _periods(self, times: list[Quantity], periods: list[tuple[int, str]]) -> frozenset[str]:
        """Periods named in the clause other than years and months: "the first quarter", "Q1",
        "last year", "this month", "the 1990s", "now", "the three months to June" (the clause's
        words run on through the dates and durations right after them)."""
        start, end = self.quantity.span
        if self.left:
            start = min(start, self.left[0][1])
        if self.right:
            end = max(end, self.right[-1][1] + len(self.right[-1][0]))
        for t in times:
            if end - 3 <= t.span[0] <= end + 12 and t.span[1] > end:
                end = t.span[1]  # "in the three months to September": both are quantities
        end = min(self.sentence[1], end + 2)  # "Q1": the digit is not a word
        return frozenset(name for at, name in periods if start <= at < end)

    def _change(self) -> str:
        """'up' or 'down' when the figure is a change ("rose 5 percent", "a 5 percent pay rise",
        "cut rates by 0.25 points", "600 more nurses"), 'level' when it is clearly a level ("is 5
        percent", "rose to 5 percent", "has 27 members"), '' when the words do not say ("1,200
        jobs will go" may be the "cut 1,150 jobs")."""
        for word in self._glued_run(self.following, self.quantity.span[1])[:2]:
            if direction := _direction(word.lower()):
                return direction
        words = [w.lower() for w, _, _ in self.left]
        if self.text[self.left[-1][2] if self.left else 0 : self.quantity.span[0]].strip():
            return ""  # punctuation right before the figure
        by = False
        for k, word in enumerate(reversed(words[-6:])):
            back = words[-k - 2] if len(words) > k + 1 else ""
            if word in _CHANGE_SKIP or (word.endswith("ly") and k < 2):
                by = by or word == "by"
                continue
            if word in ("up", "down") and back not in lex.BE_VERBS:
                return ""  # "made up 82 percent" is not "up 82 percent"
            if word in lex.LEVEL_MARKS and k < 2 and not by:
                return _direction(back) if word == "of" and back in lex.CHANGE_NOUNS else "level"
            if direction := _direction(word):
                return direction
            if not by or word == ",":
                return ""
        return ""

    def _subject(self) -> tuple[tuple[str, ...], frozenset[str]]:
        """'Food prices rose 19 percent' → ('food', 'price'): the clause's first run of content
        words before the figure when a level verb follows it (after "will", "has" …), the noun
        last; the words of a phrase after it modify it ("Exports to China fell" → ('china',
        'export')). Also the run's own modifiers that are common words ("violent" crime, not
        "London" or "British"), which the other side must name too."""
        run: list[str] = []
        strict: set[str] = set()
        words = [w.lower() for w, _, _ in self.left]
        for k, word in enumerate(words):
            if _topical(word) and word not in lex.STOP_RUN:
                run.append(concept(word))
                if _common_word(self.left[k][0], word, self.text, self.left[k][1]):
                    strict.add(concept(word))
            elif run:
                phrase: list[str] = []
                strict_phrase: set[str] = set()
                verb = k
                if word in _PHRASE_PREPOSITIONS:  # "Exports to China fell": China modifies
                    verb = k + 1
                    while verb < min(len(words), k + 7) and (
                        words[verb] in _DETERMINERS or _topical(words[verb]) or words[verb] == "of"
                    ):
                        if words[verb] not in _DETERMINERS and words[verb] != "of":
                            phrase.append(concept(words[verb]))
                            if word == "of" and self.left[verb][0].islower():
                                strict_phrase.add(concept(words[verb]))  # "a pint of cider"
                        verb += 1
                word = next((w for w in words[verb:] if w not in _AUXILIARIES), "")
                # Only a level verb makes the phrase what is measured ("the bill would raise").
                if word not in lex.LEVEL_VERBS:
                    return (), frozenset()
                kept = run[-3:]
                strict = (strict & set(kept[:-1])) | {w for w in phrase if w in strict_phrase}
                noun = kept[-1]
                narrow = {w for w in strict if frozenset({w, noun}) not in lex.RELATED_NOUNS}
                return (*phrase, *kept)[-4:], frozenset(narrow - lex.PLAIN_MODIFIERS)
        return (), frozenset()

    def _changed_object(self) -> tuple[str, ...]:
        """'reduced deaths by 80 percent' → ('death',): what a change 'by' a figure is of, the
        noun phrase between the verb and 'by' (or opening the clause: "… and admissions by 60
        percent")."""
        words = [w.lower() for w, _, _ in self.left]
        if len(words) < 2 or words[-1] != "by":
            return ()
        run: list[str] = []
        for word in reversed(words[:-1]):
            if word in _DETERMINERS:
                continue
            if _direction(word) or word in lex.CHANGE_VERBS:
                break
            if word not in lex.OBJECT_NOUNS and (not _topical(word) or word in lex.STOP_RUN):
                break
            run.insert(0, concept(word))
        else:
            return tuple(run[-3:])
        return tuple(run[-3:]) if run and (_direction(word) or word in lex.CHANGE_VERBS) else ()

    def _head(self) -> tuple[str, set[str], bool]:
        """(concept counted, its modifiers, whether it is what a share is of) from the words right
        after the figure: "91 percent of children", "four in ten households" are shares of a base,
        "95 percent efficacy" is not."""
        words = self._glued_run(self.following, self.quantity.span[1])
        run: list[str] = []
        k = 0
        base = bool(_SHARE_TEXT.search(self.quantity.text))
        if words and words[0].lower() in lex.CHANGE_NOUNS:
            k = 1
        if k < len(words) and (words[k].lower() == "of" or (k, words[k].lower()) == (1, "in")):
            base = base or words[k].lower() == "of"
            k += 1
        while k < len(words) and words[k].lower() in _DETERMINERS:
            k += 1
        for n, word in enumerate(words[k:], start=k):
            lower = word.lower()
            if not run and _adjective_before_noun(lower, words[n + 1 : n + 3]):
                continue  # "18,500 confirmed flu cases", "9,000 new social homes" count cases
            if len(run) == 3 or lower in lex.STOP_RUN or lower in _MONTHS:
                break
            if lower in lex.CLAUSE_WORDS or lower in _PHRASE_PREPOSITIONS:
                break  # "95 percent effective against severe disease"
            if (run or lower not in lex.CONCEPTS) and (
                lower.endswith(("ed", "ing", "ly")) or lower in lex.PARTICIPLES
            ):
                break  # "people fled", "97 km/h battered", "cocaine hidden": a verb ends the noun
            run.append(lower)
            if lower in lex.PERSON_GROUPS or _plural(lower):
                break  # "households use wood": a compound noun ends at its plural
        while run and run[-1] in lex.CHANGE_NOUNS:
            run.pop()  # "12,000 job cuts" counts jobs
        if not run:
            return self._head_before(), self._object_phrase(words), False
        modifiers = {concept(w) for w in run[:-1] if _topical(w)}
        modifiers |= self._of_phrase(words, k + len(run))
        return concept(run[-1]), modifiers, base

    def _object_phrase(self, words: list[str]) -> set[str]:
        """'tariffs of 25 percent on steel' → {'steel'}: what a head before the figure is on."""
        if not words or words[0].lower() not in ("on", "for"):
            return set()
        phrase = []
        for word in words[1:4]:
            lower = word.lower()
            if lower in _DETERMINERS:
                continue
            if not _topical(lower) or lower in lex.STOP_RUN or lower in _PHRASE_PREPOSITIONS:
                break
            phrase.append(concept(lower))
        return set(phrase)

    def _head_before(self) -> str:
        """'a profit of $4.2 billion' → profit: the word before an 'of' right before the figure."""
        left = self.left[-2:]
        if len(left) < 2 or left[1][0].lower() != "of":
            return ""
        if self.text[left[1][2] : self.quantity.span[0]].strip():
            return ""
        word = left[0][0].lower()
        if word in lex.CHANGE_NOUNS or word in lex.STOP_RUN or not _topical(word):
            return ""
        return concept(word)

    def _rate(self) -> str:
        """'a year', 'per month', 'annually' within a few words after the figure, before a comma;
        'per 100,000 people' right after it."""
        if _PER_FIGURE.match(self.text, self.quantity.span[1]):
            return "per-figure"
        words = []
        for word, _, _ in self.following[:6]:
            if word == ",":
                break
            words.append(word.lower())
        for k, word in enumerate(words):
            if word in _RATE_ADVERBS:
                return _RATE_ADVERBS[word]
            # "rose 19% in a year", "28 percent higher than a year earlier": no rate
            over = k and words[k - 1] in ("in", "within", "over", "for", "than")
            if word in ("a", "an", "per", "each", "every") and k + 1 < len(words) and not over:
                if words[k + 1] in _RATE_UNITS:
                    return words[k + 1]
        return self._rate_adjective()

    def _rate_adjective(self) -> str:
        """'the annual energy bill … £1,717', 'annual emissions are 4.4 million tonnes': a figure
        whose clause calls it annual is 'annual' (one a year, or the year's total: it pairs with
        '£1,849 a year' and with a year's figure); monthly and weekly ones are per month, week."""
        if self.quantity.kind == "percent" or "/" in self.quantity.unit:
            return ""
        for word, _, _ in self.left:
            if (unit := _RATE_ADJECTIVES.get(word.lower())) is not None:
                return unit
        return ""

    def _of_phrase(self, words: list[str], k: int) -> set[str]:
        """'cases of measles' → {'measles'}."""
        if k >= len(words) or words[k].lower() != "of":
            return set()
        rest = [w for w in words[k + 1 : k + 4] if w.lower() not in _DETERMINERS]
        phrase = []
        for word in rest:
            if word.lower() in lex.STOP_RUN or word.lower() in _MONTHS:
                break
            phrase.append(word)
        return {concept(w) for w in phrase if _topical(w)}

    def _glued_run(self, following: list[tuple[str, int, int]], at: int) -> list[str]:
        """Words after ``at`` up to the first punctuation other than spaces and hyphens."""
        words = []
        for word, start, end in following:
            if word == "," or self.text[at:start].strip(" -\u00a0"):
                break
            words.append(word)
            at = end
        return words

    def _period(self, times: list[Quantity]) -> tuple[frozenset[int], int]:
        """The nearest year and month named in the sentence."""
        middle = self.quantity.span[0]
        with_year = [q for q in times if _has_year(q)]
        with_month = [q for q in times if q.kind == "date"]
        year = min(with_year, key=lambda q: abs(q.span[0] - middle), default=None)
        month = min(with_month, key=lambda q: abs(q.span[0] - middle), default=None)
        return (frozenset({_year_of(year)}) if year else frozenset(), _month_of(month))

    def _places(self) -> frozenset[str]:
        """Capitalised names after 'in', 'across' … among the clause's words."""
        places, words = set(), self.left + self.right
        for k, (word, _, _) in enumerate(words):
            if word.lower() not in lex.PLACE_PREPOSITIONS:
                continue
            rest = words[k + 1 : k + 4]
            if rest and rest[0][0].lower() == "the":
                rest = rest[1:]
            name = []
            for w, _, _ in rest:
                if not w[:1].isupper() or w.lower() in _MONTHS:
                    break
                name.append(lex.DEMONYMS.get(w.lower(), w.lower()))  # "the UK" is Britain
            if name:
                places.add(" ".join(name))
        return frozenset(places)


def _left_words(words: list[tuple[str, int, int]], before: int) -> list[tuple[str, int, int]]:
    """The left side of a clause: after another figure's separator, a 'while', an attribution."""
    cut, waiting = 0, False
    for k, (word, start, _) in enumerate(words):
        lower = word.lower()
        if start < before:
            cut, waiting = k + 1, True
        elif waiting and lower in _SEPARATORS:
            cut, waiting = k + 1, False
        elif lower in lex.CLAUSE_WORDS or lower in _REPORTING:
            cut = k + 1
    return words[cut:]


def _right_words(
    words: list[tuple[str, int, int]], after: int, end: int
) -> list[tuple[str, int, int]]:
    """The right side of a clause: up to the separator before another figure (one before ``end``,
    even the sentence's last words: "… by 80 percent and admissions by 60 percent"), a 'while',
    or the comma that opens an attribution ('…, the ministry said')."""
    kept: list[tuple[str, int, int]] = []
    next_figure = after < end
    for word, start, _ in words:
        lower = word.lower()
        if start >= after or lower in lex.CLAUSE_WORDS:
            break
        if next_figure and lower in _SEPARATORS:
            break
        if lower in _REPORTING:
            last_comma = max((k for k, t in enumerate(kept) if t[0] == ","), default=-1)
            if last_comma >= 0:
                return kept[:last_comma]
            continue  # "51 percent of nurses said they would leave": what they said is topic
        kept.append((word, start, 0))
    return kept


def _after_preposition(tokens: list[tuple[str, int, int]], k: int, last: int) -> bool:
    """Whether the word at ``k`` opens a name (not continuing one) after a preposition."""
    if last == k - 1:
        return False
    back = k - 1
    while back >= 0 and tokens[back][0].lower() in _DETERMINERS:
        back -= 1
    return back >= 0 and tokens[back][0].lower() in _NAME_PREPOSITIONS


def _common_word(word: str, lower: str, text: str, start: int) -> bool:
    """A lowercase word, or a capitalised one only at a sentence's start, not a country's."""
    if lower in lex.DEMONYMS or (len(word) > 1 and word.isupper()):
        return False
    return word.islower() or bool(_INITIAL.search(text, max(0, start - 6), start))


def _name_word(word: str, lower: str, possessive: bool) -> bool:
    """A capitalised word that is not a lexicon word, month, role or group of people."""
    if not word[:1].isupper() or len(lower) < 2:
        return False
    if lower in _NOT_NAMES or lower in lex.CONCEPTS or lower in lex.EXCLUSIVE_KINDS:
        return False
    return possessive or concept(lower) not in _PERSON_CONCEPTS


def _period_name(m: re.Match[str]) -> str:
    """'quarter:1', 'half:2', 'last:year', 'past:year', 'decade:1990', 'now', 'day:monday'."""
    if m["rel"]:
        the = "the" if m["the"] else ""
        return f"{_RELATIVE[the, m['which'].lower()]}:{m['unit'].lower()}"
    if m["nth"]:
        return f"{m['part'].lower()}:{_QUARTERS[m['nth'].lower()]}"
    if m["q"] or m["h"]:
        return f"quarter:{m['q']}" if m["q"] else f"half:{m['h']}"
    if m["decade"]:
        return f"decade:{m['decade']}"
    if m["now"]:
        return "now"
    if m["yearto"]:
        return "year-to"  # "in the year to March": twelve months, not March
    if m["qend"]:
        return f"quarter:{_QUARTER_ENDS[m['qend'].lower()]}"  # "the three months to June"
    if m["firstn"]:
        return _FIRST_MONTHS[m["firstn"].lower()]
    if m["trailing"]:
        return "past:year"  # "year on year", "the past 12 months"
    if m["monthly"]:
        return "past:month"
    return f"day:{(m['weekday'] or m['day']).lower()}"


def _direction(word: str) -> str:
    """'up', 'down', 'compared' ("7 percent more than": which way depends on the sides), ''."""
    if word in lex.COMPARATIVES:
        return "compared"
    return "up" if word in lex.CHANGE_UP else "down" if word in lex.CHANGE_DOWN else ""


def _per(words: list[str]) -> str:
    """'GDP per capita', 'spending per pupil': what the figure is per, anywhere in its clause."""
    for k, word in enumerate(words[:-1]):
        if word in ("per", "each", "every") and words[k + 1] not in ("cent", "percent"):
            following = concept(words[k + 1])
            return "person" if following in _PERSON_CONCEPTS | {"capita", "head"} else following
    return ""


def _kinds(words: list[str]) -> frozenset[str]:
    """The exclusive kinds (lexicon ``EXCLUSIVE_KINDS``) and roles the clause names."""
    words = [w[:-2] if w.endswith(("'s", "’s")) else w for w in words]  # "women's pay"
    kinds = {k for w in words if w in lex.EXCLUSIVE_KINDS for k in lex.EXCLUSIVE_KINDS[w].split()}
    kinds |= {"marked:" + lex.MARKED[w] for w in words if w in lex.MARKED}
    return frozenset(kinds | {"role:" + concept(w) for w in words if _is_role(w)})


def _is_role(word: str) -> bool:
    """A people-word naming what they do: the lexicon's roles, and '-men' words ("fishermen",
    "firemen"; not "women"/"men", which name a sex)."""
    return concept(word) in _ROLES or (len(word) > 5 and word.endswith("men") and word != "women")


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    i = bisect.bisect_right(spans, (position, math.inf)) - 1
    return i >= 0 and spans[i][0] <= position < spans[i][1]


def _phrases(words: list[str]) -> set[str]:
    """Concepts two words name together ("voters turned out" → turnout), and second concepts
    of single words ("population")."""
    lowered = [w.lower() for w in words]
    pairs = zip(lowered, lowered[1:], strict=False)
    found = {lex.PHRASES[p] for p in pairs if p in lex.PHRASES}
    return found | {lex.ALSO_NAMES[w] for w in lowered if w in lex.ALSO_NAMES}


def _adjective_before_noun(word: str, following: list[str]) -> bool:
    """A participle or plain adjective right after a figure that a plural noun follows within
    two words ("confirmed flu cases", "reported cases", "new homes"): it describes the noun
    counted, it is not the noun. A participle that names a concept ("2,000 displaced people")
    is kept: it says who is counted."""
    if word in lex.CONCEPTS or word in lex.EXCLUSIVE_KINDS or word in lex.MARKED:
        return False
    if not (word.endswith("ed") or word in lex.PARTICIPLES or word in lex.PLAIN_ADJECTIVES):
        return False
    for other in following:
        lower = other.lower()
        if lower in lex.STOP_RUN or lower in _PHRASE_PREPOSITIONS or lower in _DETERMINERS:
            return False
        if _plural(lower):
            return True
    return False


def _passives(words: list[str]) -> set[str]:
    """What was done to the thing counted: the participle after 'were', 'had been' …
    ("46 percent of homes had been damaged" → damaged); other participles are no topic."""
    lowered = [w.lower() for w in words]
    return {
        concept(w)
        for before, w in zip(lowered, lowered[1:], strict=False)
        if before in _PASSIVE_AUXILIARIES and w.endswith("ed") and w not in lex.GENERIC
    }


def _plural(word: str) -> bool:
    """A plural noun (it ends a compound: 'measles cases', 'retail sales'): its concept is its
    stem, not itself ('measles', 'news' stand for themselves)."""
    if word.endswith(("'s", "’s")):
        return False  # "the town's homes": a possessive opens the compound
    return concept(word) == "people" or (word.endswith("s") and concept(word) != word)


@lru_cache(maxsize=65536)
def _topical(word: str) -> bool:
    """A content word; a past participle only when it names a concept ("vaccinated", "fled")."""
    lower = word.lower().replace("’", "'")
    if lower.endswith("'s"):
        lower = lower[:-2]  # "November's retail sales", "next year's borrowing": a time
    if len(lower) < 2 or lower in lex.GENERIC or lower in _MONTHS:
        return False
    if lower in lex.LIGHT_VERBS:
        return False  # "goes", "gets", "takes": a verb says nothing of what is counted
    return not lower.endswith("ed") or lower in lex.CONCEPTS


def _has_year(q: Quantity) -> bool:
    return q.kind == "year" or (q.kind == "date" and q.unit.startswith("y"))


def _year_of(q: Quantity) -> int:
    return int(q.value) if q.kind == "year" else date.fromordinal(int(q.value)).year


def _month_of(q: Quantity | None) -> int:
    """A date's month; undated ones hold their day of the (leap) year 2000."""
    if q is None:
        return 0
    if q.unit.startswith("y"):
        return date.fromordinal(int(q.value)).month
    return date.fromordinal(_JAN_1_2000 + int(q.value) - 1).month
