"""The claim matcher (factcheck/matching): cleaning, agreement, scores, additions, the command.

Pure Python: no database. The quality floor on CLEF-2020 dev lives in test_matching_quality.py.
"""

import gc
import io
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from factcheck.matching import agreement, clef, features, lexical, text
from factcheck.matching.index import Document, Matcher, Thresholds, queries

ROOT = Path(__file__).resolve().parent.parent

PUBLISHED = [
    Document("v1", "Only 91% of children got their second measles vaccine dose in 2022.", ""),
    Document("v2", "UNHCR says 3.7 million refugees live in Turkey.", "Refugees in Turkey"),
    Document("v3", "The Eiffel Tower was sold twice by a con man in 1925.", ""),
    Document(
        "v4", "Drinking hot water cures the flu within three days.", "No, hot water is no cure"
    ),
]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(PUBLISHED + clef.verified_claims()[:2000])


def test_clean_strips_urls_handles_and_the_tweet_signature():
    tweet = (
        "Fact check: The U.S. Army is NOT contacting anyone about the draft "
        "pic.twitter.com/3S32De8ekP https://t.co/x @USArmy — U.S. Army CGSC (@USACGSC) "
        "January 8, 2020"
    )
    assert text.clean(tweet) == "Fact check: The U.S. Army is NOT contacting anyone about the draft"


def test_clean_splits_hashtags_into_words_and_drops_invisible_marks():
    assert text.clean("#FakeNews\u200b about #measles\u202e") == "Fake News about measles"


def test_numbers_conflict_when_the_same_kind_of_number_differs():
    refugees = agreement.quantities("3.7 million refugees")
    assert agreement.numbers_conflict(agreement.quantities("2.5 million refugees"), refugees)
    assert not agreement.numbers_conflict(agreement.quantities("3,700,000 refugees"), refugees)
    assert not agreement.numbers_conflict(agreement.quantities("91% in 2022"), refugees)


def test_a_paraphrase_finds_its_published_claim_first(matcher):
    best = matcher.search(
        "WHO and UNICEF: only 91% of children got their second measles shot in 2022"
    )[0]
    assert best.document_id == "v1"
    unrelated = matcher.search("The city council approved a new bus lane on Main Street")
    assert all(m.document_id != "v1" or m.score < best.score for m in unrelated)


def test_a_different_number_is_never_the_same_claim(matcher):
    same = matcher.search("UNHCR: 3.7 million refugees live in Turkey")[0]
    other = matcher.search("UNHCR: 2.5 million refugees live in Turkey")[0]
    assert same.document_id == other.document_id == "v2"
    assert same.numbers_agree
    assert not other.numbers_agree
    assert not other.same_claim


def test_scores_are_between_zero_and_one_best_first(matcher):
    results = matcher.search("Hot water cures flu in three days, doctors say", limit=5)
    assert results[0].document_id == "v4"
    assert all(0 <= m.score <= 1 for m in results)
    assert [m.score for m in results] == sorted((m.score for m in results), reverse=True)


@pytest.mark.parametrize(
    "hostile",
    ["", "   ", "\u200b\u202e", "🦁🔥🇺🇸", "<script>alert(1)</script>", "x" * 1_000_000, "\ufffd"],
)
def test_hostile_queries_return_a_list_without_error(matcher, hostile):
    assert isinstance(matcher.search(hostile), list)


def test_thresholds_must_be_ordered_within_zero_and_one():
    with pytest.raises(ValueError, match="suggest <= same_claim"):
        Thresholds(suggest=0.9, same_claim=0.5)
    with pytest.raises(ValueError, match="<= 1"):
        Thresholds(suggest=0.5, same_claim=1.5)


def test_a_claim_added_later_is_found_and_added_within_50_ms(matcher):
    timings = []
    for n in range(7):  # the median of several: one addition can wait for a busy machine's CPU
        started = time.perf_counter()
        matcher.add(Document(f"late-{n}", f"A shark swam through a flooded Houston highway {n}."))
        timings.append(time.perf_counter() - started)
    best = matcher.search("shark swimming on a flooded highway in Houston")[0].document_id
    assert best.startswith("late-")
    assert sorted(timings)[3] < 0.05


def test_documents_added_in_batches_are_scored_with_the_live_statistics():
    # A live index takes in an article's claims at a time: kept as newcomers and scored by hand
    # with the statistics of every document so far, the sparse index rebuilt only now and then.
    claims = [tuple(text.terms(text.clean(d.claim))) for d in clef.verified_claims()[:900]]
    batched, first, rebuilt = lexical.Field(), lexical.Field(), lexical.Field()
    batched.extend(claims[:600])
    first.extend(claims[:600])
    for start in range(600, 900, 40):
        batched.extend(claims[start : start + 40])
    assert batched.indexed == 600  # the last 300 are newcomers
    assert len(batched) == 900
    rebuilt.extend(claims)
    assert rebuilt.indexed == 900
    for query in (claims[0], claims[650], claims[899], ("measl", "measl", "vaccin")):
        scores = batched.scores(list(query))
        assert np.allclose(scores[:600], first.scores(list(query)), atol=1e-4)
        assert np.allclose(scores[600:], rebuilt.scores(list(query))[600:], atol=1e-4)


def test_queries_made_once_and_searched_together_find_what_their_texts_find(matcher):
    texts = ["UNHCR: 3.7 million refugees live in Turkey", "hot water cures flu", ""]
    made = queries(texts)
    alone = [matcher.search(text) for text in texts]
    assert [matcher.search(query) for query in made] == alone
    together = matcher.search_many(made)
    assert [[m.document_id for m in ms] for ms in together] == [
        [m.document_id for m in ms] for ms in alone
    ]
    assert together[0][0].document_id == "v2"
    assert together[2] == []


def test_identical_claims_rank_together_the_earliest_first():
    twins = Matcher(
        [
            Document("10", 'Roger Stone was an "aide" to President Richard Nixon.'),
            Document("11", "The moon landing was filmed in a studio."),
            Document("12", "Roger Stone was an 'aide' to President Richard Nixon."),
        ]
    )
    ranked = [m.document_id for m in twins.search("Was Roger Stone an aide to Nixon?")]
    assert ranked[:2] == ["10", "12"]


def test_the_index_keeps_each_texts_analysis_as_flat_arrays_not_as_objects():
    # Objects per document would be copied, page by page, by every gunicorn worker that reads
    # them (each read writes a reference count): the index must not grow with tracked objects.
    def objects_added(count: int) -> tuple[Matcher, int]:
        gc.collect()
        before = len(gc.get_objects())
        made = Matcher(
            [Document(f"d{i}", d.claim, d.headline) for i, d in enumerate(PUBLISHED * count)]
        )
        gc.collect()
        return made, len(gc.get_objects()) - before

    objects_added(200)  # the first matchers of a process load the model, bm25s modules and more
    small, in_small = objects_added(10)  # the matcher itself counts in both
    index, in_large = objects_added(200)
    assert in_large - in_small < 760 / 10
    assert index.claims[1] == features.store(text.clean(PUBLISHED[1].claim))
    assert index.headlines[3] == features.store(text.clean(PUBLISHED[3].headline))
    assert index.claims[1].quantities == {agreement.Quantity(3_700_000.0, False)}


def test_the_model_loads_from_the_wheel_with_no_network_and_no_cache(tmp_path):
    """A fresh HOME (no ~/.cache) and sockets that refuse to connect: the model still loads."""
    (tmp_path / "sitecustomize.py").write_text(
        "import socket\n"
        "def _refuse(*a, **k):\n    raise OSError('network used')\n"
        "socket.socket.connect = _refuse\nsocket.create_connection = _refuse\n"
    )
    env = {**os.environ, "HOME": str(tmp_path), "PYTHONPATH": f"{tmp_path}:{ROOT}"}
    env.pop("HF_HUB_OFFLINE", None)
    code = "from factcheck.matching import dense; print(dense.embed(['measles shot']).shape)"
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "(1, 256)"
    assert not (tmp_path / ".cache").exists()


def test_importing_the_matcher_first_limits_blas_to_one_thread_in_forked_workers():
    """A fresh process whose first import is the matcher (as a gunicorn worker's may be), then a
    fork: OpenBLAS runs one thread in both (threads spinning for each other halved the API)."""
    code = (
        "import os\n"
        "import factcheck.matching\n"
        "from threadpoolctl import threadpool_info\n"
        "def blas():\n"
        "    return [i['num_threads'] for i in threadpool_info() if i['user_api'] == 'blas']\n"
        "print(blas())\n"
        "if os.fork() == 0:\n"
        "    print(blas(), flush=True)\n"
        "    os._exit(0)\n"
        "os.wait()\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "OPENBLAS_NUM_THREADS": "", "OMP_NUM_THREADS": ""}
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:2] == ["[1]", "[1]"]


def _claimmatch(index: Path, queries: str) -> list[list[str]]:
    out = io.StringIO()
    stdin = io.TextIOWrapper(io.BytesIO(queries.encode()), encoding="utf-8")
    call_command("claimmatch", "--index", str(index), stdin=stdin, stdout=out)
    return [line.split("\t") for line in out.getvalue().splitlines()]


def test_claimmatch_prints_the_top_five_per_query_as_tsv(tmp_path):
    index = tmp_path / "index.tsv"
    index.write_text(
        "\tvclaim\ttitle\n"
        + "".join(f"{d.id}\t{d.claim}\t{d.headline}\n" for d in PUBLISHED)
        + '7\t"A claim quoted\nover two lines."\tQuoted\n8\tOne more claim about cats.\n'
    )
    rows = _claimmatch(index, "tweet_id\ttweet_content\nq1\tHot water cures flu in 3 days!\nq2\t\n")
    assert [r[:3] for r in rows[:2]] == [["q1", "v4", "1"], ["q1", rows[1][1], "2"]]
    assert len(rows) == 5
    assert {r[0] for r in rows} == {"q1"}
    assert [r[2] for r in rows] == ["1", "2", "3", "4", "5"]
    assert all(0 <= float(r[3]) <= 1 for r in rows)


def test_claimmatch_names_a_missing_index_file(tmp_path):
    with pytest.raises(CommandError, match="--index"):
        _claimmatch(tmp_path / "missing.tsv", "q\tx\n")
