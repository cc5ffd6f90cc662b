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
    "burn": "burned burnt burning burns scorched charred destroyed razed",  # by a fire
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
    "sell": "sold sell sells selling sales",
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
}
# A word may name more than one act ("destroyed" by a fire is burned): word → its acts.
ACTS: dict[str, frozenset[str]] = {}
for _act, _words in _SYNONYMS.items():
    for _word in _words.split():
        ACTS[_word] = ACTS.get(_word, frozenset()) | {_act}
