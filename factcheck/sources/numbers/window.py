"""One figure's clause (``Window``): its head, subject, topic, change, rate, places and
periods, read from the words around it (see ``context``'s module doc). Pure — no Django."""

from __future__ import annotations

import re

from factcheck.sources.numbers import lexicon as lex
from factcheck.sources.numbers.acts import governing_acts
from factcheck.sources.numbers.contrast import clause_tokens
from factcheck.sources.numbers.parse import About, Quantity
from factcheck.sources.numbers.periods import _has_year, _month_of, _year_of
from factcheck.sources.numbers.words import (
    _DETERMINERS,
    _INITIAL,
    _MONTHS,
    _NOUN_ENDINGS,
    _PHRASE_PREPOSITIONS,
    _adjective_before_noun,
    _after_preposition,
    _common_word,
    _direction,
    _kinds,
    _left_words,
    _name_word,
    _passives,
    _per,
    _phrases,
    _plural,
    _right_words,
    _topical,
    concept,
)

_RATE_ADVERBS = {"annually": "year", "yearly": "year", "monthly": "month", "weekly": "week"}
_RATE_ADVERBS |= {"daily": "day", "hourly": "hour"}
_RATE_ADJECTIVES = {"annual": "annual", "yearly": "annual", "monthly": "month", "weekly": "week"}
_RATE_UNITS = frozenset({"year", "month", "week", "day", "hour"})
_WINDOW = 14  # words either side of a figure at most
_SHARE_TEXT = re.compile(r"(?i)[0-9a-z]\s+(?:in|out\s+of)\s+[0-9a-z]")
_PER_FIGURE = re.compile(r"(?i)\s*(?:per|for\s+every|in\s+every)\s+[0-9]")  # "5 per 100,000"
_AUXILIARIES = frozenset("will would could may might should shall has have had been be".split())
_AWAY = frozenset({"from", "away", "off"})
_BELOW = frozenset({"below", "beneath", "underground", "underwater"})
_CHANGE_SKIP = frozenset("by a an further another".split())
_LEVEL_GLUE = frozenset("to from at of on".split())


def _negation(word: str) -> bool:
    """'no', 'not', "isn't"; never an acronym ("NO2" is nitrogen dioxide)."""
    lower = word.lower()
    if len(word) > 1 and word.isupper():
        return False
    return lower in lex.NEGATIONS or lower.endswith("n't")


class Window:
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
        self.after = after
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
            negated=any(_negation(w) for w in words),
            rate="/".join(dict.fromkeys(r for r in (self._rate(), _per(lowered)) if r)),
            subject=subject,
            subject_modifiers=strict,
            base=base,
            names=names,
            first_names=first_names,
            periods=self._periods(times, periods),
            change=self._change(),
            change_words=frozenset(w for w in lowered if w in lex.CHANGE_LEVELS),
            kinds=self._kinds(lowered),
            done=frozenset(done),
            clause=self._clause(),
        )

    def _clause(self) -> tuple[str, ...]:
        """The clause's content words as concepts, in order, with "#" for the figure."""
        through = _right_words(self.following, self.after, self.sentence[1], through=True)
        return clause_tokens([t[0] for t in self.left], [t[0] for t in through[:_WINDOW]])

    def _kinds(self, lowered: list[str]) -> frozenset[str]:
        """The clause's exclusive kinds, acts and distances; a figure a clause 'came to' is a
        level, no arrival ("spending came to 3.1 percent")."""
        kinds = _kinds(lowered) | self._distance() | self._acts()
        if [w.lower() for w, _, _ in self.left[-2:]] in (["came", "to"], ["comes", "to"]):
            kinds -= {"move:in"}
        return kinds

    def _acts(self) -> frozenset[str]:
        """The acts of the verb governing the figure (``acts.governing_acts``)."""
        left = [w.lower() for w, _, _ in self.left if w != ","]
        right = [w.lower() for w, _, _ in self.right if w != ","]
        levels = lex.CHANGE_UP | lex.CHANGE_DOWN | lex.LEVEL_MARKS | lex.GENERIC
        return governing_acts(left, right, levels)

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
        if first[0] == "from" and any(w == "to" for w, _, _ in self.following[1:8]):
            return frozenset()  # "runs 9.5 miles from the centre to Stockport": a route's length
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
        if words and words[-1] in lex.SPEND_VERBS and (spent := self._spent_on()):
            return (*spent, "spending"), frozenset(spent) - lex.PLAIN_MODIFIERS
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

    def _spent_on(self) -> tuple[str, ...]:
        """'spends 3.1 percent of GDP on research' → ('research',): what a spent figure is
        spent on, the noun phrase after an 'on' within a few words after it."""
        words = [w.lower() for w, _, _ in self.right[:6]]
        if "on" not in words:
            return ()
        phrase: list[str] = []
        for word in words[words.index("on") + 1 :]:
            if word in _DETERMINERS and not phrase:
                continue
            if not _topical(word) or word in lex.STOP_RUN or word in _PHRASE_PREPOSITIONS:
                break
            phrase.append(concept(word))
        return tuple(phrase[-3:])

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
        compound = self._compound_before_noun(len(words))
        for n, word in enumerate(words[k:], start=k):
            lower = word.lower()
            if not run and _adjective_before_noun(lower, words[n + 1 : n + 3]):
                continue  # "18,500 confirmed flu cases", "9,000 new social homes" count cases
            if not run and n in compound:
                continue  # "147,400 full-time equivalent officers" counts officers
            if len(run) == 3 or lower in lex.STOP_RUN or lower in _MONTHS:
                break
            if lower in lex.CLAUSE_WORDS or lower in _PHRASE_PREPOSITIONS:
                break  # "95 percent effective against severe disease"
            if (run or lower not in lex.CONCEPTS) and (
                lower.endswith(("ed", "ing", "ly")) or lower in lex.PARTICIPLES
            ):
                break  # "people fled", "97 km/h battered", "cocaine hidden": a verb ends the noun
            if lower.endswith(("'s", "’s")) and n + 1 < len(words):
                run = []  # "of Deutsche Bahn's trains": the possessor is no part of the noun
                continue
            run.append(lower)
            if lower in lex.PERSON_GROUPS or _plural(lower):
                break  # "households use wood": a compound noun ends at its plural
        while run and run[-1] in lex.CHANGE_NOUNS:
            run.pop()  # "12,000 job cuts" counts jobs
        if not run:
            return self._head_before(), self._object_phrase(words), False
        modifiers = {concept(w) for w in run[:-1] if _topical(w)}
        modifiers |= self._of_phrase(words, k + len(run))
        named = lex.PHRASES.get(tuple(run[-2:]))  # "of gross domestic product": the economy
        return named or concept(run[-1]), modifiers, base

    def _compound_before_noun(self, count: int) -> set[int]:
        """Indexes of the first ``count`` following words joined by a hyphen ('full-time',
        'long-term') when another word follows the compound: it describes that noun."""
        spans = self.following[:count]
        joined = {
            n
            for n in range(len(spans) - 1)
            if self.text[spans[n][2] : spans[n + 1][1]] in ("-", "\u2011")
        }
        parts: set[int] = set()
        for n in sorted(joined):
            end = n + 1
            while end in joined:
                end += 1
            if end + 1 < len(spans):
                parts |= set(range(n, end + 1))
        return parts

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
        """Capitalised names after 'in', 'across' … among the clause's words; "in England and
        Wales" names both."""
        places, words = set(), self.left + self.right
        for k, (word, _, _) in enumerate(words):
            if word.lower() not in lex.PLACE_PREPOSITIONS:
                continue
            rest = words[k + 1 : k + 6]
            if rest and rest[0][0].lower() == "the":
                rest = rest[1:]
            name: list[str] = []
            for n, (w, _, _) in enumerate(rest):
                if w == "and" and name and rest[n + 1 :][:1] and rest[n + 1][0][:1].isupper():
                    places.add(" ".join(name))
                    name = []
                    continue
                if not w[:1].isupper() or w.lower() in _MONTHS or len(name) == 3 or len(w) < 2:
                    break  # "in H1" is a half-year, no place
                lower = w.lower()
                lower = lower[:-2] if lower.endswith(("'s", "’s")) else lower  # "Milan's"
                name.append(lex.DEMONYMS.get(lower, lower))  # "the UK" is Britain
            if name:
                places.add(" ".join(name))
        return frozenset(places)
