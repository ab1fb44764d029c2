"""The guard and applying changes together: stale changes never apply, flagged ones wait."""

from __future__ import annotations

from resumate.ai.changes import Change, apply_changes
from resumate.ai.guard import check_changes
from tests.ai.guard.resumes import engineer


def test_a_change_whose_original_no_longer_matches_is_dropped() -> None:
    master = engineer()
    change = Change(
        path="work[0].highlights[1]",
        original="Mentored three junior engineers.",
        new="Mentored 3 junior engineers at Acme Corp.",
    )
    assert check_changes([change], master) == []
    master["work"][0]["highlights"][1] = "Mentored three engineers (edited meanwhile)."
    outcome = apply_changes(master, [change])
    assert outcome.applied == []
    assert [(d.change, d.reason) for d in outcome.dropped] == [(change, "changed")]
    assert (
        outcome.data["work"][0]["highlights"][1] == "Mentored three engineers (edited meanwhile)."
    )


def test_only_unflagged_changes_apply_when_the_person_accepts_no_flag() -> None:
    clean = Change(
        path="work[0].highlights[0]",
        original="Migrated 12 services to Docker, cutting deploy time by 40%.",
        new="Cut deploy time by 40% by moving 12 services to Docker.",
    )
    invented = Change(
        path="work[0].highlights[2]",
        original="Built billing APIs handling $1.2M a month.",
        new="Built billing APIs handling $3M a month for 2 million users.",
    )
    flags = check_changes([clean, invented], engineer())
    assert {(flag.path, flag.value) for flag in flags} == {
        ("work[0].highlights[2]", "$3M"),
        ("work[0].highlights[2]", "2 million"),
    }
    blocked = {flag.path for flag in flags if flag.blocking}
    accepted = [change for change in (clean, invented) if change.path not in blocked]
    outcome = apply_changes(engineer(), accepted)
    assert outcome.data["work"][0]["highlights"] == [
        "Cut deploy time by 40% by moving 12 services to Docker.",
        "Mentored three junior engineers.",
        "Built billing APIs handling $1.2M a month.",
    ]


def test_an_added_bullet_is_checked_like_an_edit() -> None:
    added = Change(path="work[0].highlights[3]", original="", new="Ran Kafka clusters.")
    assert [(f.kind, f.value) for f in check_changes([added], engineer())] == [("skill", "Kafka")]
    assert apply_changes(engineer(), [added]).data["work"][0]["highlights"][3] == (
        "Ran Kafka clusters."
    )
