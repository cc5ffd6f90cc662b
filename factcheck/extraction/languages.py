"""Attribution words of the languages added one table each: Dutch, Swedish, Danish, Norwegian and
Polish. Pure data; lexicon.py folds them into the shared word lists and patterns, and
claimant_languages.py reads the rest.

A language is one `Language` entry of LANGUAGES; to add one, add an entry. Each field holds
words separated by spaces (a phrase of several words joined by "_"):

    verbs       verbs of saying, read with the speaker before or after them ("X zegt dat",
                "…’, zegt hij"); only forms that are no ordinary word of another supported
                language ("sa", Swedish and Norwegian "said", is the French "sa": see closing)
    closing     verbs of saying read only right after a quotation's close and a comma, or
                before "att"/"at" ("”, sa hon", "Hon sa att …")
    sources     words after which the source follows ("volgens X", "enligt X", "według X")
    pronouns    "he" and "she", which stand for the person named before
    roles       lower-case words naming a person's role ("woordvoerder", "ordförande")
    titles      capitalised titles stripped before a name ("Gedeputeerde Anna Berg" → the name)
    bodies      lower-case nouns for an organisation named before ("het bedrijf", "bolaget")
    articles    articles before a name ("volgens het Planbureau X")
    evidence    nouns for a study or figures, and after them (evidence_by) the words before
                its author ("Uit onderzoek van het Planbureau X blijkt", "Z raportu NIK
                wynika", "visar en rapport från X")
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    name: str
    verbs: str
    sources: str
    pronouns: str = ""
    roles: str = ""
    titles: str = ""
    bodies: str = ""
    articles: str = ""
    closing: str = ""
    evidence: str = ""
    evidence_by: str = ""


LANGUAGES: tuple[Language, ...] = (
    Language(
        name="Dutch",
        verbs="zegt zei zeiden zeggen verklaarde verklaart meldt meldde vertelde vertelt "
        "benadrukt benadrukte waarschuwt waarschuwde laat_weten liet_weten bekendgemaakt "
        "maakte_bekend schat schatte aldus",
        sources="volgens aldus",
        pronouns="hij zij ze",
        roles="woordvoerder woordvoerster minister premier burgemeester wethouder gedeputeerde "
        "voorzitter directeur hoogleraar onderzoeker econoom topman topvrouw",
        titles="Gedeputeerde Wethouder Burgemeester Voorzitter Woordvoerder Hoogleraar Premier "
        "Staatssecretaris Directeur Dhr. Mevr. Mevrouw Meneer Vervoerder",
        bodies="bedrijf vervoerder organisatie ministerie gemeente provincie instituut bank "
        "vereniging bond stichting",
        articles="het de",
        evidence="onderzoek cijfers gegevens rapport studie peiling analyse berekeningen",
        evidence_by="van door",
    ),
    Language(
        name="Swedish",
        verbs="sade säger uppger uppgav berättar berättade meddelar meddelade konstaterar "
        "konstaterade tillägger tillade påpekar påpekade betonar betonade hävdar hävdade "
        "skriver",
        closing="sa",
        sources="enligt",
        pronouns="han hon",
        roles="statsminister finansminister minister ordförande ordföranden talesperson "
        "presstalesperson pressekreterare chefsekonom ekonom forskare professor borgmästare "
        "kommunalråd generaldirektör",
        titles="Statsminister Finansminister Ordförande Professor",
        bodies="företaget bolaget myndigheten kommunen regeringen regionen verket",
        evidence="undersökning rapport studie analys siffror",
        evidence_by="från av",
    ),
    Language(
        name="Danish",
        verbs="sagde siger udtaler udtalte oplyser oplyste fortæller fortalte tilføjer tilføjede "
        "understreger understregede påpeger påpegede vurderer vurderede",
        sources="ifølge",
        pronouns="han hun",
        roles="statsminister minister ordfører formand formanden direktør cheføkonom økonom "
        "forsker professor borgmester talsperson pressechef",
        titles="Statsminister Formand Borgmester Professor",
        bodies="virksomheden selskabet kommunen regeringen ministeriet regionen styrelsen",
        evidence="undersøgelse rapport analyse tal",
        evidence_by="fra",
    ),
    Language(
        name="Norwegian",
        verbs="sier uttaler uttalte opplyser opplyste forteller fortalte understreker "
        "understreket påpeker påpekte",
        closing="sa",
        sources="ifølge",
        pronouns="han hun",
        roles="statsminister statsråd minister leder lederen ordfører direktør sjeføkonom økonom "
        "forsker professor talsperson pressesjef",
        titles="Statsminister Statsråd Ordfører Professor",
        bodies="selskapet kommunen regjeringen departementet direktoratet fylket",
        evidence="undersøkelse rapport analyse tall",
        evidence_by="fra",
    ),
    Language(
        name="Polish",
        verbs="powiedział powiedziała powiedzieli mówi mówił mówiła dodał dodała podkreślił "
        "podkreśliła poinformował poinformowała poinformowali przekazał przekazała twierdzi "
        "zaznaczył zaznaczyła ocenił oceniła oszacował oszacowała",
        sources="według zdaniem",
        roles="minister premier rzecznik rzeczniczka prezes prezydent burmistrz wójt dyrektor "
        "dyrektorka ekonomista ekonomistka profesor badacz",
        titles="Minister Premier Prezes Prezydent Burmistrz Dyrektor Profesor Prof. Dr",
        bodies="spółka firma ministerstwo urząd przewoźnik",
        evidence="badania raportu danych analizy",
    ),
)


def words(field: str) -> frozenset[str]:
    """Every language's words of `field` ("verbs", "roles" …), phrases with spaces."""
    return frozenset(
        word.replace("_", " ")
        for language in LANGUAGES
        for word in getattr(language, field).split()
    )


def pattern(field: str) -> str:
    """A regex matching any of every language's `field`, each also capitalised: a trie of
    their letters ("s(?:a(?:de|gde)|…)"), so a search tries each position once, not per word."""
    found = words(field) | {word[:1].upper() + word[1:] for word in words(field)}
    return _trie_pattern(sorted(found))


def _trie_pattern(entries: list[str]) -> str:
    if entries == [""]:
        return ""
    heads: dict[str, list[str]] = {}
    for entry in entries:
        heads.setdefault(entry[:1], []).append(entry[1:])
    branches = []
    for head, tails in sorted(heads.items(), key=lambda item: item[0] == ""):
        if head == "":
            continue
        letter = r"\s+" if head == " " else re.escape(head)
        rest = _trie_pattern(sorted(set(tails)))
        branches.append(letter + rest)
    group = "|".join(branches)
    optional = "" in heads  # a word that is a prefix of another ("sa", "sade") ends here too
    if optional:
        return f"(?:{group})?" if group else ""
    return group if len(branches) == 1 else f"(?:{group})"
