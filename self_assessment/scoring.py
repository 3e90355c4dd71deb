"""The rules of the self-assessment, as plain functions on plain values: scores, strengths
and priorities, change over time, which answers carry across to a new framework version,
and which statements a colleague's save may change. No Django imports, so they read like
the rules and test in milliseconds."""

from dataclasses import dataclass
from statistics import mean


def mean_level(levels):
    """The mean of the levels given (ignoring unanswered ones), to one decimal place; None
    if nothing is answered."""
    answered = [level for level in levels if level]
    return round(mean(answered), 1) if answered else None


def area_scores(levels_by_area):
    """{area: [level, ...]} -> {area: mean level or None}."""
    return {area: mean_level(levels) for area, levels in levels_by_area.items()}


def overall_score(levels_by_area):
    """The mean of every answered statement, so each statement weighs the same."""
    return mean_level([level for levels in levels_by_area.values() for level in levels])


def strengths_and_priorities(answers, how_many=5):
    """`answers` is [(key, level), ...] in framework order. Strengths are the highest
    levels, priorities the lowest; a statement is never both, and ties keep framework
    order so the lists are stable."""
    answered = [(key, level) for key, level in answers if level]
    highest = sorted(answered, key=lambda pair: -pair[1])
    lowest = sorted(answered, key=lambda pair: pair[1])
    priorities = [key for key, level in lowest[:how_many] if level < 4]
    taken = set(priorities)
    strengths = [key for key, level in highest if key not in taken and level >= 3][:how_many]
    return strengths, priorities


def change_since(current, previous):
    """Per area, the change in mean level since the previous submitted assessment (None
    where either has no score)."""
    return {
        area: (
            round(score - previous[area], 1)
            if score is not None and previous.get(area) is not None
            else None
        )
        for area, score in current.items()
    }


@dataclass(frozen=True)
class CarriedAnswer:
    code: str
    level: int | None
    evidence: str
    wording_changed: bool


def carry_over(old_answers, old_wording, new_wording):
    """What a new assessment on a newer version starts with.

    `old_answers` is {code: (level, evidence)} from the school's latest assessment,
    `old_wording` and `new_wording` are {code: wording} of the two versions. An answer is
    carried where the new version kept the statement's code; where the wording changed it
    is carried with a note, for the school to check. Statements dropped from the new
    version are left behind; new statements start unanswered."""
    carried = []
    for code, wording in new_wording.items():
        if code not in old_answers:
            continue
        level, evidence = old_answers[code]
        carried.append(CarriedAnswer(code, level, evidence, old_wording.get(code) != wording))
    return carried


@dataclass(frozen=True)
class Shown:
    """One statement as a person's page showed it: values and the revision they came from
    (0 when there was no answer yet)."""

    level: int | None
    evidence: str
    revision: int


@dataclass(frozen=True)
class Stored:
    level: int | None
    evidence: str
    revision: int
    updated_by: str = ""


def plan_save(shown, sent, stored):
    """Which statements one person's save changes, and which clash with a colleague's.

    `shown`: {statement: Shown}, what the page showed; `sent`: {statement: (level,
    evidence)}, what came back; `stored`: {statement: Stored}, what is stored now.
    Only statements this person changed are saved, so two colleagues working on different
    statements of one page both keep their answers. A statement both changed (stored
    revision moved on since the page was shown) is a conflict unless both chose the same."""
    to_save, conflicts = {}, {}
    for key, (level, evidence) in sent.items():
        before = shown[key]
        if (level, evidence) == (before.level, before.evidence):
            continue  # untouched by this person
        now = stored.get(key)
        current_revision = now.revision if now else 0
        moved_on = now is not None and current_revision != before.revision
        if moved_on and (now.level, now.evidence) != (level, evidence):
            conflicts[key] = now
            continue
        to_save[key] = (level, evidence)
    return to_save, conflicts
