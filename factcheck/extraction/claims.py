"""Check-worthy claims of an article body: sentences scored, attributed and classified."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from factcheck.extraction.claimant_names import canonical_claimants, claimant_type, tweet_author
from factcheck.extraction.claimants import CONTEXT_WINDOW, find_claimant, introducer
from factcheck.extraction.furniture import appendix_start, faq_spans
from factcheck.extraction.scoring import score_and_kind
from factcheck.extraction.sentences import Sentence, split_sentences
from factcheck.extraction.transcripts import speaker_at, speaker_turns

CHECKWORTHINESS_THRESHOLD = 0.5
# An unattributed quotation this close after an attributed claim continues its speaker's words.
QUOTE_CONTINUATION_GAP = 400
_OPENING_QUOTES = ("“", '"', "«", "„", "‘")
_CITATION_RE = re.compile(
    r"\b(?:[Aa]ccording to|found that|[Ss]elon|[Ss]egún|[Dd]e acuerdo con|[Ll]aut)\s"
)
_OWN_EVIDENCE_RE = re.compile(
    r"^\W*(?:[Oo]ur|[Mm]y|[Ww]e|I|[Nn]os|[Nn]otre|[Nn]uestr[oa]s?|[Uu]nser\w*)\b"
)
# A quotation closed by a verb of saying with no subject (Spanish, Italian, Portuguese drop
# it): the speaker is whoever the sentence before attributed its words to.
_BARE_VERB_RE = re.compile(
    r"[»”\"]\s*,?\s*(?:explicó|dijo|añadió|aseguró|afirmó|señaló|indicó|advirtió|declaró|"
    r"insistió|subrayó|reconoció|apuntó|agregó|sostuvo|concluyó|lamentó|precisó|"
    r"disse|afirmou|explicou|acrescentou|ha detto|ha spiegato|ha aggiunto)\s*[.!]?\s*$"
)
_BULLET_RE = re.compile(r"^\s*(?:[-–—•*·▪●]|\d{1,2}[.)])\s+")


@dataclass(frozen=True)
class ClaimCandidate:
    """A sentence worth checking; `body[start:end] == text` for the body it came from."""

    text: str
    start: int
    end: int
    score: float  # 0..1
    claimant: str  # "" when the article attributes it to nobody
    kind: str  # "statistic", "quote", "event", "fact" or "other"
    claimant_type: str = "unknown"  # "person", "organisation" or "unknown"


def extract_claims(body: str, threshold: float = CHECKWORTHINESS_THRESHOLD) -> list[ClaimCandidate]:
    """Every sentence of `body` scoring at or above `threshold`, in reading order, each
    claimant in the one form the article gives it (claimant_names.canonical_claimants).

    A sentence opening with a quotation mark that names no speaker, within
    QUOTE_CONTINUATION_GAP characters of an attributed claim, continues that claimant's quote
    (news prose gives the speaker once: “…,” she said. “…”); so does one right after an
    attributed quotation too weak to be a claim itself (“No,” Ruiz said. “…”). A list item
    ("- …", "• …", "2. …") naming no speaker is the claim of whoever introduced the list in a
    sentence ending with a colon ("The charity's analysis found that:").
    Nothing from a release's appendix on ("ENDS", "Notes to editors", "About X", "Media
    contacts": furniture.appendix_start) is a claim, nor an FAQ box's item (furniture.faq_spans).
    In a transcript (transcripts.speaker_turns) a sentence of a named speaker's turn is that
    speaker's (but an organisation the speaker cites, "According to the X, …", "the X found
    that …", is the claimant), and one that would be a plain *fact* is a *quote*: it is
    speech, scored as attributed speech (the label does what "said X" does) unless the turn
    is a host's; a call operator's turn (introductions, keypad instructions) holds no claim."""
    claims: list[ClaimCandidate] = []
    previous = ""  # the latest claimant, for "it said"
    turns = speaker_turns(body)
    last_end = -QUOTE_CONTINUATION_GAP  # where the latest attributed claim ended
    appendix = appendix_start(body)  # notes to editors, "About X", contacts: no claims
    boxes = faq_spans(body)
    sentences = split_sentences(body)
    lead_in = ""  # the claimant of a sentence ending in a colon, for the list items after it
    block = ("", -1)  # that claimant and where the paragraph after its colon ends
    quoted = -1  # the index of the latest attributed claim holding a quotation
    for index, sentence in enumerate(sentences):
        if sentence.start >= appendix:
            break
        if any(start <= sentence.start < end for start, end in boxes):
            continue
        item = _BULLET_RE.match(sentence.text) is not None
        if not item:
            lead_in = _lead_in(sentence, body, previous) if sentence.text.endswith(":") else ""
            if lead_in and sentence.text.endswith(":"):  # "X posted this:" and a post below
                block = (lead_in, _next_paragraph_end(body, sentence.end))
        # “…,” said X. “…”: the quotation's next sentence is X's speech too
        spoken = quoted == index - 1 and _same_paragraph(body, sentences, index)
        spoken = spoken and sentence.text.startswith(_OPENING_QUOTES)
        turn = speaker_at(turns, sentence.start) if turns else None
        spoken = spoken or (turn is not None and bool(turn.speaker) and not turn.hosting)
        score, kind = score_and_kind(sentence.text, spoken=spoken)
        if score < threshold:
            continue
        if turn is not None and turn.procedural:
            continue
        if turn is not None and kind == "fact":
            kind = "quote"
        context = body[max(0, sentence.start - CONTEXT_WINDOW) : sentence.start]
        if turn is not None and turn.speaker:
            claimant = _cited_body(sentence.text, context) or turn.speaker
        else:
            claimant = find_claimant(sentence.text, context, previous)
            claimant = claimant or tweet_author(body, sentence.end)
            if not claimant and index and _BARE_VERB_RE.search(sentence.text):
                claimant = _lead_in(sentences[index - 1], body, previous)  # "«…», explicó."
            if not claimant and _continues_quotation(sentence.text, sentence.start - last_end):
                claimant = previous
            if not claimant and index and sentence.text.startswith(_OPENING_QUOTES):
                claimant = _quoted_before(body, sentences[index - 1], sentence.start, previous)
            claimant = claimant or (lead_in if item else "")
            claimant = claimant or (block[0] if sentence.start < block[1] else "")
        previous = claimant or previous
        last_end = sentence.end if claimant else last_end
        quoted = index if claimant and any(q in sentence.text for q in _OPENING_QUOTES) else -1
        claims.append(
            ClaimCandidate(sentence.text, sentence.start, sentence.end, score, claimant, kind)
        )
    names = canonical_claimants([claim.claimant for claim in claims], body)
    return [
        replace(claim, claimant=name, claimant_type=claimant_type(name))
        for claim, name in zip(claims, names, strict=True)
    ]


def _cited_body(text: str, context: str) -> str:
    """The organisation a speaker cites for a sentence of their turn ("According to the Low
    Pay Observatory, …", "the Institution of Engineers found that …"), or ""."""
    if _CITATION_RE.search(text) is None:
        return ""
    cited = find_claimant(text, context)
    named = cited[:1].isupper() and not _OWN_EVIDENCE_RE.match(text)  # not "Our survey …"
    return cited if named and claimant_type(cited) == "organisation" else ""


def _lead_in(sentence: Sentence, body: str, previous: str) -> str:
    """Who speaks in a sentence introducing a list ("The charity's analysis found that:")."""
    context = body[max(0, sentence.start - CONTEXT_WINDOW) : sentence.start]
    found = find_claimant(sentence.text, context, previous)
    return found or (
        introducer(sentence.text, context, previous) if sentence.text.endswith(":") else ""
    )


def _quoted_before(body: str, prior: Sentence, start: int, previous: str) -> str:
    """The speaker of `prior`, the sentence just before a quotation naming no speaker, when
    `prior` is itself an attributed quotation too weak to be a claim (“No,” Ruiz said. “…”)."""
    if not prior.text.startswith(_OPENING_QUOTES) or start - prior.end > QUOTE_CONTINUATION_GAP:
        return ""
    context = body[max(0, prior.start - CONTEXT_WINDOW) : prior.start]
    return find_claimant(prior.text, context, previous)


def _next_paragraph_end(body: str, end: int) -> int:
    """Where the paragraph after the one holding `end` ends."""
    start = body.find("\n\n", end)
    if start < 0:
        return -1
    stop = body.find("\n\n", start + 2)
    return len(body) if stop < 0 else stop


def _same_paragraph(body: str, sentences: list[Sentence], index: int) -> bool:
    return index > 0 and "\n\n" not in body[sentences[index - 1].end : sentences[index].start]


def _continues_quotation(text: str, gap: int) -> bool:
    return text.startswith(_OPENING_QUOTES) and 0 <= gap <= QUOTE_CONTINUATION_GAP
