"""The rules as plain functions."""

from self_assessment import scoring
from self_assessment.models import school_year_label, school_year_of
from self_assessment.scoring import Shown, Stored


def test_mean_level_ignores_unanswered_and_rounds():
    assert scoring.mean_level([1, 2, None, 2]) == 1.7
    assert scoring.mean_level([None, None]) is None


def test_overall_weighs_each_statement_equally():
    levels = {"a": [4, 4, 4, 4], "b": [1]}
    assert scoring.area_scores(levels) == {"a": 4.0, "b": 1.0}
    assert scoring.overall_score(levels) == 3.4  # not the mean of areas (2.5)


def test_strengths_and_priorities_never_overlap_and_keep_order():
    answers = [("s1", 1), ("s2", 4), ("s3", 2), ("s4", 3), ("s5", None), ("s6", 1)]
    strengths, priorities = scoring.strengths_and_priorities(answers, how_many=2)
    assert priorities == ["s1", "s6"]
    assert strengths == ["s2", "s4"]


def test_embedded_statements_are_never_priorities():
    _strengths, priorities = scoring.strengths_and_priorities([("a", 4), ("b", 4)])
    assert priorities == []


def test_change_since_previous():
    assert scoring.change_since({"a": 3.0, "b": 2.0, "c": 1.0}, {"a": 2.5, "b": None}) == {
        "a": 0.5,
        "b": None,
        "c": None,
    }


def test_carry_over_keeps_codes_and_notes_changed_wording():
    old = {"kept": (3, "notes"), "reworded": (2, ""), "dropped": (1, "")}
    carried = scoring.carry_over(
        old,
        {"kept": ("A",), "reworded": ("B",), "dropped": ("C",)},
        {"kept": ("A",), "reworded": ("B, now longer",), "new": ("D",)},
    )
    assert {(c.code, c.level, c.wording_changed) for c in carried} == {
        ("kept", 3, False),
        ("reworded", 2, True),
    }


def test_plan_save_keeps_both_colleagues_different_statements():
    shown = {1: Shown(None, "", 0), 2: Shown(None, "", 0)}
    # A colleague saved statement 2 meanwhile; this person changed only statement 1.
    stored = {2: Stored(3, "theirs", 1, "Sam")}
    to_save, conflicts = scoring.plan_save(shown, {1: (2, "mine"), 2: (None, "")}, stored)
    assert to_save == {1: (2, "mine")}
    assert conflicts == {}


def test_plan_save_reports_a_clash_on_the_same_statement():
    shown = {1: Shown(2, "", 1)}
    stored = {1: Stored(3, "", 2, "Sam")}
    to_save, conflicts = scoring.plan_save(shown, {1: (4, "")}, stored)
    assert to_save == {}
    assert conflicts[1].updated_by == "Sam"
    # Choosing what the colleague chose is no clash.
    to_save, conflicts = scoring.plan_save(shown, {1: (3, "")}, stored)
    assert conflicts == {} and to_save == {1: (3, "")}


def test_school_year():
    from datetime import date

    assert school_year_of(date(2026, 11, 24)) == 2026
    assert school_year_of(date(2026, 8, 31)) == 2025
    assert school_year_label(2026) == "2026/27"
