"""Speakers of a transcript: who says each sentence of an interview or debate. Pure.

A body is a transcript when at least TRANSCRIPT_MIN_TURNS paragraphs open with a speaker label
and two to MAX_SPEAKERS different labels are used: capitals ("OKONKWO: …", "JOE BIDEN: …",
"MODERATOR: …", "SEN. WHITFIELD: …", "THE PRESIDENT: …"), a mixed-case full name used for two
turns or more or named elsewhere in the body ("Kate Morley: …") or followed by an earnings
call's role ("Kate Morley -- Chief Financial Officer: …") or a bracketed one ("Kate Morley
(Treasurer): …") or a job after a comma ("Kate Morley, Finance Director: …"), or a mixed-case
surname the body gives in full ("Okonkwo: …" after "James Okonkwo"). A turn runs from its label
to the next label: the paragraphs after a labelled one without a label of their own continue
it; a bracketed stage direction ("[CROSSTALK]", "[08:13]") does not end it, an end mark ("[ENDS
08:16]", "END OF TRANSCRIPT") or a closing "© …" / "Listen again …" line ends the last.

A label becomes the speaker's full name as the transcript gives it elsewhere: "OKONKWO" →
"James Okonkwo" after "Cllr James Okonkwo (Labour)"; "KATE MORLEY" → "Kate Morley"; titles are
stripped; "THE PRESIDENT" → the name after "President" in the body; a first name alone
("CARMELA") → the one full name the body gives with it ("Carmela Ortega" in the show notes). A
debate's label may carry a constituency and a party ("Ms Jane Doe (Northfield) (Lab):"), and an
office its holder's name ("The Minister for Roads (Jane Doe):" → "Jane Doe"); a titled surname
("Ms Doe:") labels a turn when the body names that person in full. A moderator's or host's
label ("MODERATOR", "HOST", "Q") becomes the name the transcript gives that role ("moderated by
Jane Doe", "MODERATOR (JANE DOE)"), or "" when it gives none; an answer's ("A", "ANSWER"; "Q."
and "A." too) the person it says it interviewed or spoke to ("in an interview with Jane Doe").
A call operator's turn is procedural: it holds no claim. A Q&A interview's interviewer may be
labelled with the publication's name ("Rundschau:", "Diario:"): a one-word label used twice or
more, each turn answered by a named speaker's label, is an unnamed interviewer's. A host's,
moderator's or interviewer's turn is `hosting` (questions and running order, so its sentences
get no credit as the speaker's attributed words). A label may stand alone on its line,
without a colon, when a role or an aside follows the name ("Jane Doe -- Chief Executive
Officer", "Ann Roe -- Acme Bank -- Analyst", "Jane Doe (Chief Executive)": LABEL_LINE_RE).
Every sentence of a named speaker's turn is the speaker's claim, whatever it reports ("He said
that last year" is the speaker's claim about "he").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from factcheck.extraction.claimant_names import claimant_type, strip_titles
from factcheck.extraction.lexicon import TITLE_WORDS

TRANSCRIPT_MIN_TURNS = 3
MAX_SPEAKERS = 40  # more distinct labels than this is a list of fields, not a conversation
_UPPER_WORD = r"[A-Z][A-Z'’.-]*"
_MIXED_WORD = r"[A-Z][\w'’.-]*"
_JOB_WORDS = (
    "Officer|Executive|Director|Manager|Chair|Chairman|Chairwoman|President|Secretary|Minister|"
    "Host|Guest|Analyst|Editor|Founder|Spokesperson|Spokesman|Spokeswoman|Councillor|Leader|"
    "Treasurer|Professor|Economist|Correspondent|Reporter|Presenter|Moderator|CEO|CFO|COO|CTO"
)
_LABEL_RE = re.compile(
    r"^(?:[\[(]?\d{1,2}:\d\d(?::\d\d)?[\])]?[^\S\n]+)?"  # a time mark may come first
    rf"(?P<label>{_UPPER_WORD}(?:[ -]{_UPPER_WORD}){{0,3}}|{_MIXED_WORD}(?: {_MIXED_WORD}){{0,3}}"
    # a parliament's office before the holder's name: "The Minister for Coasts and Flooding"
    rf"|The(?: (?:for|of|and|the))?(?: {_MIXED_WORD}(?: (?:for|of|and|the))?){{1,6}}(?= \())"
    # an earnings call's role after the name: "Jane Doe -- Chief Executive Officer:", or a
    # job after a comma: "Jane Doe, Finance Director:"
    r"(?:[^\S\n]+(?:--|—|–)[^\S\n]+(?P<role>[A-Z][^:\n]{1,60}?)"
    rf"|,[^\S\n]+(?P<job>(?:[A-Z][\w&'’-]*[^\S\n]+){{0,3}}(?:{_JOB_WORDS})))?"
    # "Q." and "A." as well as "Q:" and "A:"
    # a constituency and a party: "Jane Doe (Northfield) (Lab):", the party no aside
    r"(?:\s*\((?P<aside>[^)\n]{1,60})\)(?:\s*\([^)\n]{1,20}\))?)?"
    r"(?:\s*:|(?<![\w.][QA])(?<=[QA])\.)\s+(?=\S)",
    re.M,
)
_SEPARATOR = r"[^\S\n]+(?:--|—|–)[^\S\n]+"
# A label alone on its line, no colon, the turn on the next lines: "Jane Doe -- Chief Executive
# Officer", "Ann Roe -- Acme Bank -- Analyst", "Jane Doe (Chief Executive)".
# The name is a person's, in mixed case (no "HOUSE OF COMMONS — …" header, no "The Outlook —
# …" sub-heading); the role closes with no full stop, the aside holds no ticker's colon.
_NAME_WORD = r"[A-Z][\w'’-]*[a-z][\w'’-]*"
LABEL_LINE_RE = re.compile(
    r"^(?!(?:The|A|An|In|On|Of|For|To|And|What|How|Why|When|Where|Who|Our|Your|My)\b)"
    rf"(?P<label>{_NAME_WORD}(?: {_NAME_WORD}){{1,3}})"
    rf"(?:{_SEPARATOR}(?P<role>[A-Z][^:\n]{{0,60}}?(?:{_SEPARATOR}[A-Z][^:\n]{{1,40}}?)?)"
    r"|[^\S\n]*\((?P<aside>[^):\n]{1,60})\))(?<![.!?])[^\S\n]*$",
    re.M,
)
# Labels that open page furniture or live-blog posts, never a speaker.
_NOT_SPEAKERS = frozenset(
    """
    UPDATE UPDATED BREAKING WATCH PHOTO PHOTOS VIDEO READ MORE NOTE EDITOR CORRECTION
    CLARIFICATION LISTEN RELATED ANALYSIS LIVE EXCLUSIVE OPINION SOURCE SOURCES CREDIT TAGS
    WARNING ADVERTISEMENT SPONSORED TRANSCRIPT BROADCAST GUESTS GUEST DATE TIME LOCATION
    PICTURE IMAGE FILE SEE ALSO KEY EVENTS SUMMARY CONTEXT BACKGROUND PS NB TL;DR TLDR
    """.split()
)
_ROLE_LABELS = frozenset(
    """
    MODERATOR MODERATORS HOST PRESENTER INTERVIEWER ANCHOR CHAIR CHAIRMAN CHAIRWOMAN Q QUESTION
    REPORTER JOURNALIST FRAGE PREGUNTA ENTREVISTADOR ENTREVISTADORA INTERVIEWEUR
    """.split()
)
_UNNAMED_LABELS = frozenset(
    """
    A ANSWER UNIDENTIFIED UNKNOWN AUDIENCE CALLER VOICE VOICES CROWD SPEAKER MALE FEMALE MAN
    WOMAN MEMBER PARTICIPANT OPERATOR
    """.split()
)
_PROCEDURAL_LABELS = frozenset({"OPERATOR", "CONFERENCE OPERATOR", "CALL OPERATOR"})
_END_RE = re.compile(r"^\W*(?:\[?\s*ENDS?\b|END OF (?:TRANSCRIPT|INTERVIEW)|\(?\s*END\s*\)?$)")
_STAGE_RE = re.compile(r"^\s*[\[(][^\])\n]{0,60}[\])]\s*$")


@dataclass(frozen=True)
class Turn:
    """One speaker's turn: body[start:end]; `speaker` in canonical form, "" when unnamed."""

    start: int
    end: int
    speaker: str
    procedural: bool = False  # a call operator's: introductions and instructions, no claims
    hosting: bool = False  # a host's, moderator's or interviewer's: questions and running order


def speaker_turns(body: str) -> list[Turn]:
    """The turns of a transcript body, in order; [] when `body` is no transcript."""
    labels = sorted(
        (
            match
            for regex in (_LABEL_RE, LABEL_LINE_RE)
            for match in regex.finditer(body)
            if _is_speaker_label(match) and (regex is _LABEL_RE or _opens_a_turn(body, match))
        ),
        key=lambda match: match.start(),
    )
    counts: dict[str, int] = {}
    for match in labels:
        counts[match.group("label")] = counts.get(match.group("label"), 0) + 1
    if len(labels) < TRANSCRIPT_MIN_TURNS or not 2 <= len(counts) <= MAX_SPEAKERS:
        return []
    names = {
        key: speaker_name(key, aside, body)
        for key, aside in {m.group("label"): m.group("aside") or "" for m in labels}.items()
    }
    interviewers = _interviewer_labels(labels, counts, names, body)
    names.update(dict.fromkeys(interviewers, ""))
    labels = [
        m
        for m in labels
        if m.group("role")
        or m.groupdict().get("job")
        or m.group("aside")
        or m.re is LABEL_LINE_RE
        or m.group("label") in interviewers
        or _is_speaker(m.group("label"), counts, names, body)
    ]
    if len(labels) < TRANSCRIPT_MIN_TURNS or len({m.group("label") for m in labels}) < 2:
        return []
    turns = []
    for index, match in enumerate(labels):
        end = labels[index + 1].start() if index + 1 < len(labels) else len(body)
        speaker = names[match.group("label")]
        procedural = match.group("label").upper() in _PROCEDURAL_LABELS
        turn_end = _turn_end(body, match.end(), end)
        hosting = _hosts(match) or match.group("label") in interviewers
        turns.append(Turn(match.start(), turn_end, speaker, procedural, hosting))
    return turns


def _is_speaker(label: str, counts: dict[str, int], names: dict[str, str], body: str) -> bool:
    """Capitals are a speaker's label; a mixed-case full name only when used twice or more or
    named elsewhere in the body too (a hearing's "Witnesses: Dame Rachel Holt, …"); a single
    mixed-case word ("Okonkwo:") only when it is a role or the body names them in full."""
    if label.isupper():
        return True
    if " " in label:  # "Mr Bairstow:" after "Mr Colin Bairstow (Fenby) (Con):" counts too
        named = label.split()[0] in _HONORIFICS and names[label] in body and names[label] != label
        return counts[label] > 1 or body.count(label) > counts[label] or named
    return " " in names[label] or label.upper() in _ROLE_LABELS | _UNNAMED_LABELS


def _interviewer_labels(
    labels: list[re.Match[str]], counts: dict[str, int], names: dict[str, str], body: str
) -> set[str]:
    """Single mixed-case words that label an interviewer: a publication's name ("Rundschau:",
    "SPIEGEL:" is capitals already), used for two turns or more, each turn answered by a named
    speaker's label ("Brandauer:"). Their turns are questions: nobody's claim but what they
    cite ("Der Verband … rechnet mit …" keeps its own attribution)."""
    found = set()
    for label, count in counts.items():
        if count < 2 or " " in label or label.isupper() or _is_speaker(label, counts, names, body):
            continue
        answers = [
            labels[i + 1].group("label")
            for i, m in enumerate(labels[:-1])
            if m.group("label") == label
        ]
        if len(answers) >= count - 1 and all(
            answer != label and _is_speaker(answer, counts, names, body) for answer in answers
        ):
            found.add(label)
    return found


def _hosts(match: re.Match[str]) -> bool:
    """A host's, moderator's or interviewer's label: "MODERATOR:", "Jane Doe (Host):"."""
    words = f"{match.group('label')} {match.group('aside') or ''}".upper().split()
    return any(word.strip(".,") in _ROLE_LABELS for word in words)


def speaker_at(turns: list[Turn], position: int) -> Turn | None:
    """The turn holding `position` of the body, if any (`turns` in order, as speaker_turns
    gives them)."""
    index = bisect.bisect_right([turn.start for turn in turns], position) - 1
    if index >= 0 and position < turns[index].end:
        return turns[index]
    return None


def speaker_name(label: str, aside: str, body: str) -> str:
    """A label's speaker in the form the transcript gives in full (module docstring)."""
    words = label.replace("-", " ").split()
    if words[0] == "The" and _PERSON_ASIDE_RE.match(aside):  # "The Minister for X (Jane Doe)"
        return strip_titles(aside)
    first = words[-1].upper() if words[0].upper() == "THE" and len(words) > 1 else words[0].upper()
    if first in _ROLE_LABELS:
        return (_full_name(aside, body) if aside else "") or _role_holder(first, body)
    if first in _ANSWER_LABELS:
        return _interviewee(body)
    if first in _UNNAMED_LABELS:
        return ""
    titled = " ".join(_title_case(word) for word in words if word.upper() != "THE")
    if strip_titles(titled) == titled and all(word in TITLE_WORDS for word in titled.split()):
        return _title_holder(titled, body)  # "THE PRESIDENT" → "Joe Biden"
    return _full_name(label, body)


_HONORIFICS = frozenset("Mr Mr. Mrs Mrs. Ms Ms. Miss Dr Dr. Prof Sir Dame Lord Lady".split())
_PERSON_ASIDE_RE = re.compile(r"^(?:[A-Z][\w'’.-]+ ){1,3}[A-Z][\w'’-]+$")
_ANSWER_LABELS = frozenset({"A", "ANSWER", "ANTWORT", "RESPUESTA", "RÉPONSE"})
_INTERVIEWEE_RE = re.compile(
    r"\b(?i:interview(?:ed|s)?|conversation|q\s*&\s*a|spoke|speaks|talked|talks|sat down|"
    r"chatted|chats)[^\S\n]+(?i:with|to)[^\S\n]+((?:[A-Z][\w'’.-]+[^\S\n]+){1,4}[A-Z][\w'’-]+)"
)


def _interviewee(body: str) -> str:
    """Who answers a Q&A: the person the body says it interviewed or spoke to ("our interview
    with Dr Jane Doe", "we spoke to Jane Doe"), titles stripped; "" when it names nobody."""
    found = _INTERVIEWEE_RE.search(body)
    if found is None:
        return ""
    name = strip_titles(found.group(1))
    return name if len(name.split()) > 1 else ""


def _title_holder(title: str, body: str) -> str:
    """The person the body names after `title` ("President Joe Biden" → 'Joe Biden'), or ""."""
    found = re.search(
        rf"\b{re.escape(title)}[^\S\n]+((?:[A-Z][\w'’-]+[^\S\n]+){{0,2}}[A-Z][\w'’-]+)", body
    )
    return strip_titles(found.group(1)) if found is not None else ""


def _is_speaker_label(match: re.Match[str]) -> bool:
    words = match.group("label").replace("-", " ").split()
    return not any(word.upper().strip(".") in _NOT_SPEAKERS for word in words)


def _opens_a_turn(body: str, match: re.Match[str]) -> bool:
    """A label alone on its line opens a turn when text follows it before the body ends."""
    return bool(body[match.end() : match.end() + 200].strip())


def _turn_end(body: str, start: int, limit: int) -> int:
    """Where a turn starting at `start` ends: the next label (`limit`) or an end mark."""
    position = start
    while True:
        line_end = body.find("\n", position)
        if line_end < 0 or line_end >= limit:
            return limit
        position = line_end + 1
        line_stop = body.find("\n", position)
        line = body[position : line_stop if line_stop >= 0 else len(body)]
        if _END_RE.match(line):
            return position
        if line.strip() and not _STAGE_RE.match(line) and _looks_like_furniture(line):
            return position


def _looks_like_furniture(line: str) -> bool:
    """A closing line of a station, publisher or transcript service ("© Radio …", "Listen
    again on …", "Transcript provided by …")."""
    return bool(
        re.match(
            r"^\s*(?:©|\(c\)|copyright\b|listen again\b|all rights reserved|"
            r"(?:this\s+)?transcripts?\s+(?:was\s+|is\s+)?(?:provided|produced|supplied|prepared)"
            r"\s+by\b)",
            line,
            re.I,
        )
    )


def _full_name(label: str, body: str) -> str:
    """'OKONKWO' → 'James Okonkwo', 'KATE MORLEY' → 'Kate Morley', titles stripped: the most
    frequent name of two words or more the body gives that ends in the label's surname and
    agrees with its given names, written in mixed case where the body has it so."""
    words = strip_titles(" ".join(_title_case(word) for word in label.split())).split()
    pattern = re.compile(rf"((?:\b[A-Z][\w'’.-]*[^\S\n]+){{0,3}})(?i:{re.escape(words[-1])})\b")
    seen: dict[str, tuple[int, int]] = {}
    for match in pattern.finditer(body):
        mixed = not match.group().isupper()
        found = strip_titles(" ".join(_title_case(w) for w in match.group().split())).split()
        found = found if mixed else found[-2:]
        if len(found) > 1 and _agrees(found, words):
            name = " ".join(found)
            was_mixed, count = seen.get(name, (0, 0))
            seen[name] = (max(was_mixed, int(mixed)), count + 1)
    if not seen:
        return _given_name_holder(words, body) or " ".join(words)
    return max(seen, key=lambda name: (*seen[name], -len(name)))


def _given_name_holder(words: list[str], body: str) -> str:
    """'CARMELA' → 'Carmela Ortega': a label of one given name, when the body (show notes, a
    guest list) names one person in full with it; "" otherwise."""
    if len(words) != 1:
        return ""
    pattern = rf"\b{re.escape(words[0])}((?:[^\S\n]+[A-Z][\w'’-]+){{1,2}})(?![\w'’-]|\s*:)"
    found = {strip_titles(f"{words[0]}{rest}") for rest in re.findall(pattern, body)}
    found = {name for name in found if claimant_type(name) == "person"}
    return found.pop() if len(found) == 1 else ""


def _agrees(found: list[str], label: list[str]) -> bool:
    """A name found in the body fits the label: same surname, and the label's given names
    (when it has any) are the found name's."""
    if not found or found[-1].lower() != label[-1].lower() or len(found) < len(label):
        return False
    return [w.lower() for w in found[-len(label) :]] == [w.lower() for w in label]


def _title_case(word: str) -> str:
    """'OKONKWO' → 'Okonkwo', "O'BRIEN" → "O'Brien"; mixed-case words stay."""
    if not word.isupper():
        return word
    return re.sub(r"[A-Za-z]+", lambda m: m.group()[0] + m.group()[1:].lower(), word)


_ROLE_PHRASES = {
    "MODERATOR": "moderat(?:ors?|ed by)",
    "MODERATORS": "moderat(?:ors?|ed by)",
    "HOST": "host(?:ed by)?",
    "PRESENTER": "present(?:er|ed by)",
    "INTERVIEWER": "interview(?:er|ed by)",
    "ANCHOR": "anchor(?:ed by)?",
    "CHAIR": "chair(?:ed by)?",
}


def _role_holder(role: str, body: str) -> str:
    """The name the transcript gives a role: 'moderator Jane Doe', 'moderated by Jane Doe',
    'Host: Jane Doe'; "" when it gives none."""
    phrase = _ROLE_PHRASES.get(role)
    if phrase is None:
        return ""
    found = re.search(
        rf"\b(?i:{phrase})[^\S\n]*[:,]?[^\S\n]*((?:[A-Z][\w'’.-]+[^\S\n]+){{1,3}}[A-Z][\w'’-]+)",
        body,
    )
    if found is None:
        return ""
    name = strip_titles(" ".join(_title_case(word) for word in found.group(1).split()))
    return name if len(name.split()) > 1 else ""
