"""The number check: quantities in claims and passages, paired like with like, then graded.

``parse.py`` finds quantities (``spelled.py`` those written in words; the word tables are
``lexicon.py``'s), ``context.py`` reads what each is about, ``units.py`` converts measures through
pint, ``compare.py`` pairs and grades them (its module doc is the contract; ``where.py`` tests
period and place, ``contrast.py`` minimal pairs).
"""

from factcheck.sources.numbers.compare import (
    Bands,
    NumberCheck,
    check_numbers,
    comparable,
    compare,
    figures,
    pair,
    parse_quantities,
)
from factcheck.sources.numbers.parse import About, Quantity, bare_text

__all__ = [
    "About",
    "Bands",
    "NumberCheck",
    "Quantity",
    "bare_text",
    "check_numbers",
    "comparable",
    "compare",
    "figures",
    "pair",
    "parse_quantities",
]
