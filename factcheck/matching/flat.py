"""Analysed texts kept as flat arrays of numbers, not as Python objects. Pure.

An index keeps, for each of 100,000 claims and headlines, its terms, numbers and names. As Python
objects (a tuple, two frozensets and their items per text) they took 113 MB, and reading one writes
its reference counts: a gunicorn worker forked from the process that built the index copied the
memory pages of every candidate it scored, about 110 MB per worker under load. Here text i is a
slice of a few `array.array`s (term ids, values, flags); reading it writes nothing the fork shares.
Only the vocabulary's strings are objects, one per distinct term, whatever the number of texts.
"""

from array import array


class TermLists:
    """Lists of terms numbered 0..n-1, stored as term ids with one shared vocabulary."""

    def __init__(self) -> None:
        self.vocabulary: dict[str, int] = {}
        self.words: list[str] = []
        self.ids = array("i")
        self.ends = array("I")  # list i is ids[ends[i - 1]:ends[i]] (4 bytes: fewer than 4e9 ids)

    def __len__(self) -> int:
        return len(self.ends)

    def append(self, terms: tuple[str, ...] | list[str]) -> None:
        """Add the next list."""
        for term in terms:
            number = self.vocabulary.get(term)
            if number is None:
                number = self.vocabulary[term] = len(self.words)
                self.words.append(term)
            self.ids.append(number)
        self.ends.append(len(self.ids))

    def span(self, i: int) -> tuple[int, int]:
        return (self.ends[i - 1] if i else 0), self.ends[i]

    def __getitem__(self, i: int) -> tuple[str, ...]:
        ends = self.ends
        start, end = (ends[i - 1] if i else 0), ends[i]
        if start == end:
            return ()
        return tuple(map(self.words.__getitem__, self.ids[start:end]))

    def key(self, i: int) -> bytes:
        """List i as bytes: equal lists, equal keys (cheaper than the tuple to make and hash)."""
        start, end = self.span(i)
        return self.ids[start:end].tobytes()


class Numbers:
    """Sets of (value, percent) pairs numbered 0..n-1, stored as two flat arrays."""

    def __init__(self) -> None:
        self.values = array("d")
        self.percent = array("b")
        self.ends = array("I")

    def append(self, pairs: "list[tuple[float, bool]]") -> None:
        for value, percent in pairs:
            self.values.append(value)
            self.percent.append(percent)
        self.ends.append(len(self.values))

    def __getitem__(self, i: int) -> list[tuple[float, bool]]:
        ends = self.ends
        start, end = (ends[i - 1] if i else 0), ends[i]
        if start == end:
            return []
        return list(zip(self.values[start:end], map(bool, self.percent[start:end]), strict=True))
