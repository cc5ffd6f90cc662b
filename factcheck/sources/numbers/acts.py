"""What happened to the thing a figure measures: the act named by the verb or event noun of its
clause ("burned 1.2 million hectares", "1.2 million hectares were replanted", "ticket sales").
A word may name two acts: "destroyed" is what a fire does (burned) and what a storm does.

Synonyms name one act ("halted" / "stopped", "signed up" / "subscribers", "watched" /
"viewers"). When both clauses name an act, they must name one in common, else the figures are
about different things: hectares burned are not hectares replanted, tickets sold are not people
who watched a trailer. A clause that names no act constrains nothing (``words._kinds`` records
them as the exclusive kind group ``act``). Pure data.
"""

from __future__ import annotations

_SYNONYMS = {
    "burn": "burned burnt burning burns scorched charred consumed engulfed destroyed razed",
    "plant": "planted replanted planting replanting reforested",
    "watch": "watched watching viewed viewing viewers views streamed",
    "sign": "signed signing subscribed subscribers subscriptions subscription enrolled",
    "halt": "halted halting stopped stopping suspended suspending paused ceased",
    "resume": "resumed restarted reopened",
    "arrest": "arrested arrests detained detentions",
    "charge": "charged prosecuted",
    "convict": "convicted convictions",
    "evacuate": "evacuated evacuation evacuations",
    "rescue": "rescued rescues",
    "vaccinate": "vaccinated vaccinations jabbed",
    "infect": "infected infections",
    "sell": "sold sell sells selling sales fetched",
    "buy": "bought buy buys buying purchased purchases",
    "build": "built build builds constructed",
    "destroy": "destroyed razed flattened",
    "damage": "damaged",
    "close": "closed closing closures shut",
    "open": "opened opening",
    "cancel": "cancelled canceled cancellations",
    "delay": "delayed delays",
    "deport": "deported deportations deportation removed",
    "admit": "admitted admissions",
    "discharge": "discharged",
    "treat": "treated",
    "test": "tested",
    "donate": "donated donations",
    "recall": "recalled recalls",
    "download": "downloaded downloads",
    "install": "installed installations",
    "export": "exported",
    "import": "imported",
    "produce": "produced mined extracted pumped harvested",
    "serve": "handled served",
    "supply": "generated generating supplied supplying provided",
}
# A word may name more than one act ("destroyed" by a fire is burned): word → its acts.
ACTS: dict[str, frozenset[str]] = {}
for _act, _words in _SYNONYMS.items():
    for _word in _words.split():
        ACTS[_word] = ACTS.get(_word, frozenset()) | {_act}

# Verbs that only report, count, gather or promise a figure ("recorded 300 cases", "gathered
# 520,000 signatures", "pledged 300,000 homes"): they name no act done to the thing.
_NEUTRAL = frozenset(
    """recorded confirmed reported registered logged counted estimated expected projected
    forecast announced posted listed identified measured calculated put numbered included
    employed involved affected related based located aged used need needed gathered drew
    attracted collected amassed pledged promised planned proposed targeted caused""".split()
)
# Words between a verb and its figure ("destroyed nearly 600 homes", "sold more than 45,000").
_BETWEEN = frozenset(
    """a an the some about around roughly nearly almost over more than at least up to just only
    approximately another further its their his her all""".split()
)
_IRREGULAR = frozenset(
    """built rebuilt sold bought burnt seen drawn taken given made held kept stolen seized felled
    shot struck hit won lost spent paid caught sent shut cut""".split()
)
_AUXILIARIES = frozenset("is are was were be been being get got".split())


def governing_acts(left: list[str], right: list[str], exclude: frozenset[str]) -> frozenset[str]:
    """The acts of the verb that governs a figure, as 'act:…' kinds: the past-tense verb right
    before it ("storms felled 50,000 trees" → felled) and the participle after a 'were'/'been'
    in its clause ("600 homes were rebuilt" → rebuilt), with a participle before that 'were'
    ("the heroin seized at the port were destroyed" → seized, destroyed), and a passive's
    participle right before 'for' ("was granted for 300 homes" → granted). Lowercase words
    in text order; a word in ``exclude`` (changes and levels: 'rose', 'reached') or a neutral
    one ('recorded') is none.
    Synonyms of ``ACTS`` name their act; other verbs name themselves."""
    verbs = []
    k = len(left) - 1
    while k >= 0 and left[k] in _BETWEEN:
        k -= 1
    if k >= 0:
        verbs.append(left[k])
    if k >= 2 and left[k] == "for" and left[k - 2] in _AUXILIARIES:
        verbs.append(left[k - 1])  # "permission was granted for 30,300 homes": granted
    reduced = []  # "the heroin seized at the port were destroyed": both acts
    for before, word in zip(right, right[1:], strict=False):
        if before in _AUXILIARIES:
            verbs += [word, *reduced]
            break
        if word in ACTS or word in _IRREGULAR or word.endswith("ed"):
            reduced.append(word)
    acts: set[str] = set()
    for verb in verbs:
        if verb in exclude or verb in _NEUTRAL:
            continue
        if verb in ACTS:
            acts |= ACTS[verb]
        elif verb in _IRREGULAR or (verb.endswith("ed") and len(verb) > 4):
            acts.add(verb)
    return frozenset("act:" + act for act in acts)
