"""The per-question plans and the comparison across rounds are kept in the shared cache under
their exact inputs (the respondent count among them, so a new response never meets an old
entry): a fresh worker process reads them instead of working them out again, and the worker
computes them when a campaign closes."""

from lerend.scans import disclosure
from lerend.scans.results import CampaignResults, clear_memos, organisation_ref
from lerend.scans.results import plan as plan_module
from lerend.scans.results.warm import warm

from .test_results_queries import _campaign_with_teams


def _count_number_plans(monkeypatch) -> list:
    calls = []
    real = disclosure.number_visible_keys

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(disclosure, "number_visible_keys", counting)
    return calls


def _decisions(campaign, reader):
    results = CampaignResults(campaign, reader=reader)
    return results.numbers.decisions()


def test_canonical_text_does_not_depend_on_set_order():
    one = frozenset({("leiding", 1), ("medewerkers", 2), "a", "b"})
    other = frozenset(sorted(one, key=repr, reverse=True))
    assert plan_module._canonical((one, {"x": one})) == plan_module._canonical(
        (other, {"x": other})
    )
    assert plan_module._canonical(frozenset({"a"})) != plan_module._canonical(frozenset({"b"}))


def test_a_fresh_process_reads_the_plans_another_process_worked_out(world, monkeypatch):
    campaign, _teams = _campaign_with_teams(world, 3)
    clear_memos()
    calls = _count_number_plans(monkeypatch)
    first = _decisions(campaign, world.board)
    assert calls, "the first reader works the per-question plans out"
    calls.clear()
    clear_memos(shared=False)  # a new worker process: its own memos are empty
    again = _decisions(campaign, world.board)
    assert calls == [] and again == first
    clear_memos()  # the shared entries forgotten too: worked out again, to the same decisions
    assert _decisions(campaign, world.board) == first and calls


def test_warming_a_closed_campaign_leaves_nothing_for_its_leaders_to_compute(world, monkeypatch):
    campaign, _teams = _campaign_with_teams(world, 3)
    clear_memos()
    assert warm(campaign.pk) >= 1
    clear_memos(shared=False)
    calls = _count_number_plans(monkeypatch)
    results = CampaignResults(campaign, reader=world.board)
    results.numbers.decisions()
    results.trend(organisation_ref(world.org))
    assert calls == []


def test_warming_skips_a_campaign_whose_results_are_not_ready(world):
    from .test_campaign_support import launched

    assert warm(launched(world, role_groups=("medewerkers",)).pk) == 0
