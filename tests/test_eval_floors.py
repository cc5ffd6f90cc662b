"""Floors for the published evaluation (`make eval`): each just under the number measured when
it was set, so a change that makes a measure worse fails the suite."""

import pytest

from eval.checkworthiness import measure
from eval.extraction import run, total_of
from factcheck.extraction import training
from factcheck.extraction.scoring import checkworthiness


def test_checkworthiness_on_the_dev_split_stays_above_its_floors():
    dev = training.split_rows(training.load_rows()).dev
    result = measure(dev, checkworthiness)
    assert result["MAP"] >= 0.20  # 0.212 when set (0.210 before the teacher's labels)
    assert result["F1"] >= 0.74  # 0.750 when set (0.712 before)
    assert result["P"] >= 0.70  # 0.709 when set (0.634 before)


def test_news_extraction_finds_every_required_claim_and_no_boilerplate():
    results = run()
    assert len(results) >= 7  # the seed and at least six annotated articles
    total = total_of(results)
    assert total.found == total.required  # 40/40 when set
    assert total.boilerplate == 0
    assert total.claimant_right >= total.attributed - 1  # 34/34 when set
    assert total.unattributed_blank[0] == total.unattributed_blank[1]
    assert total.kind_right >= total.required - 1  # 40/40 when set


@pytest.mark.parametrize("heldout", ["heldout", "heldout2", "heldout3"])
def test_the_former_held_out_news_sets_keep_their_fixed_classes(heldout):
    """eval/news_heldout/, eval/news_heldout2/ and eval/news_heldout3/ became development data
    after their single unseen measure; their errors were fixed as classes, which must stay
    fixed."""
    total = total_of(run(heldout))
    assert total.found == total.required  # 34/34, 37/37 and 40/40 when set
    assert total.boilerplate == 0
    assert total.claimant_right >= total.attributed - 1  # 31/31, 34/34 and 37/37 when set
    assert total.kind_right >= total.required - 1  # 34/34, 37/37 and 40/40 when set
