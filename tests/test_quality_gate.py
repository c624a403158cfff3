"""Quality gate: dev-set scores may not drop below pinned floors without someone noticing.

The floors sit a little under the scores measured when they were last raised (see the closing
notes); raise them when the system improves, never lower them silently. One run over every gold
set in the shared corpus (seeds, dev, dev2) with their manifests.
"""

from __future__ import annotations

import pytest
from tests.conftest import CORPUS, GOLD_SETS

from newsevents.evaluate import evaluate_run
from newsevents.options import Options

FLOORS = {
    "boilerplate_recall": 0.97,
    "boilerplate_precision": 0.98,
    "pub_date_accuracy_findable": 1.0,
    "main_event_found": 0.97,
    "main_type_accuracy": 0.97,
    "main_dyad_accuracy": 0.95,
    "main_status_accuracy": 0.97,
    "main_date_accuracy": 0.68,
    "main_date_accuracy_dated": 0.89,
    "event_f1": 0.78,
    "type_accuracy": 0.94,
    "background_accuracy": 0.89,
    "status_accuracy": 0.95,
    "actor_pair_accuracy": 0.93,
    "pair_precision": 0.95,
    "pair_recall": 0.95,
}
CEILINGS = {"body_lines_lost": 0.01}


@pytest.fixture(scope="module")
def scores():
    dirs = [CORPUS / name for name in GOLD_SETS]
    manifests = [d / "manifest.jsonl" for d in dirs]
    return evaluate_run(dirs, manifests, options=Options.build(progress=False))


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_score_at_or_above_floor(scores, metric):
    assert scores[metric] is not None and scores[metric] >= FLOORS[metric], (metric, scores[metric])


@pytest.mark.parametrize("metric", sorted(CEILINGS))
def test_score_at_or_below_ceiling(scores, metric):
    assert scores[metric] <= CEILINGS[metric], (metric, scores[metric])
