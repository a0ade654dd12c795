"""The one rule for "low", "strong" and "begin hier" (lerend/scans/results/levels.py), and the
one block score (stats.block_score). Pure: no database."""

from django.utils import translation

from lerend.scans.results import block_score, levels
from lerend.scans.results.stats import Counts, add


def test_level_reads_the_score_as_the_pages_write_it():
    # 2,95 is written "3,0" (half away from zero): not low. 2,94 is written "2,9": low.
    assert levels.level(2.95) == levels.MIDDLE
    assert levels.level(2.94) == levels.LOW
    assert levels.level(3.95) == levels.STRONG  # written "4,0"
    assert levels.level(3.94) == levels.MIDDLE
    assert levels.level(None) is None
    assert levels.is_low(1.0) and levels.is_strong(5.0)


def test_thresholds_follow_the_scale():
    assert (levels.low_below(5), levels.strong_from(5)) == (3, 4)
    assert (levels.low_below(3), levels.strong_from(3)) == (2, 2.5)
    assert levels.level(1.9, points=3) == levels.LOW
    assert levels.level(2.5, points=3) == levels.STRONG


def test_start_here_takes_the_two_lowest_that_are_not_strong():
    scores = {"a": 3.6, "b": 3.14, "c": 2.5, "d": 4.2, "e": None}
    assert levels.start_here(scores, "abcde") == ("c", "b")
    # Nothing low: the two lowest middle ones still mark where to start.
    assert levels.start_here({"a": 3.5, "b": 3.2, "c": 3.9}, "abc") == ("b", "a")
    # Everything strong: no "begin hier".
    assert levels.start_here({"a": 4.0, "b": 4.4}, "ab") == ()
    # Equal as written ("3,1" and "3,1"): the instrument's order decides, not the hidden digits.
    assert levels.start_here({"x": 3.149, "y": 3.051, "z": 3.9}, ["y", "x", "z"]) == ("y", "x")


def test_verdicts_and_their_words():
    verdicts = levels.verdicts({"a": 2.5, "b": 4.1, "c": 3.5, "d": None}, "abcd")
    assert verdicts["a"] == levels.Verdict(levels.LOW, True)
    assert verdicts["b"] == levels.Verdict(levels.STRONG, False)
    assert verdicts["c"] == levels.Verdict(levels.MIDDLE, True)
    assert verdicts["d"] == levels.Verdict(None, False)
    with translation.override("nl"):
        words = [levels.label(verdicts[k]) for k in "abcd"]
    assert words == ["laag · begin hier", "sterk", "begin hier", ""]


def test_block_score_is_the_mean_of_person_means_not_the_pooled_mean():
    # Two people on a two-item block: one answered 5 and 5, the other 1 and "weet ik niet".
    # Pooled: (5 + 5 + 1) / 3 = 3,67. Person means: (5 + 1) / 2 = 3,0 — each person once.
    counts = Counts(n=3, total=11, respondents=2, score_total=5.0 + 1.0)
    assert counts.mean == 11 / 3
    assert counts.score == 3.0
    assert block_score(0, 0.0) is None


def test_block_score_is_the_same_however_the_cells_were_added_up():
    """Float sums in another order (SQL per team, Python per location) give the same score,
    also exactly at a half, so the one number rule rounds it the same way."""
    people = [17 / 5, 7 / 2, 10 / 3, 11 / 3, 3.45, 3.45]
    cells = [Counts(respondents=1, score_total=p) for p in people]
    forward, backward = add(cells), add(reversed(cells))
    assert forward.score == backward.score
    two = add([Counts(respondents=1, score_total=17 / 5), Counts(respondents=1, score_total=3.5)])
    assert two.score == 3.45  # exactly a half: written "3,5" everywhere
