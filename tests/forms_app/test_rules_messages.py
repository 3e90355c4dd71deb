"""Each law's rules return findings (a code and its values); each code has one message in
that law's catalogue, and each message names only values the rule gives. Read from the
rules' source, so a new code without a message fails here before anyone sees it."""

import ast
import inspect
import re
from datetime import time

import pytest

from forms_app.rules import (
    attendance,
    attendance_messages,
    clock,
    employment,
    employment_messages,
    erasure,
    erasure_messages,
    findings,
    home_education,
    home_education_messages,
    performance,
    performance_messages,
)
from forms_app.rules.findings import Finding
from forms_app.rules.messages import Catalogue, time_of_day

LAWS = [
    (attendance, attendance_messages.CATALOGUE),
    (employment, employment_messages.CATALOGUE),
    (erasure, erasure_messages.CATALOGUE),
    (home_education, home_education_messages.CATALOGUE),
    (performance, performance_messages.CATALOGUE),
]
PLAIN = [clock, findings] + [rules for rules, _ in LAWS]


def findings_made(rules):
    """{code: [the names of the values given, at each place the rules make it]}."""
    made = {}
    for node in ast.walk(ast.parse(inspect.getsource(rules))):
        if not (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Finding"):
            continue
        code, *params = node.args
        assert isinstance(code, ast.Constant), "a finding's code is written out, not worked out"
        names = set()
        if params:
            assert isinstance(params[0], ast.Dict), "a finding's values are written out as a dict"
            names = {key.value for key in params[0].keys}
        made.setdefault(code.value, []).append(names)
    return made


def placeholders(message):
    return set(re.findall(r"%\((\w+)\)s", str(message)))


@pytest.mark.parametrize("rules, catalogue", LAWS, ids=[rules.__name__ for rules, _ in LAWS])
def test_every_code_a_rule_can_return_has_one_message(rules, catalogue):
    made = findings_made(rules)
    assert made, "the rules make findings"
    assert set(made) == set(catalogue.messages)  # no code without words, no words unused
    for code, places in made.items():
        for names in places:
            assert placeholders(catalogue.messages[code]) <= names, code
    given = set().union(*(names for places in made.values() for names in places))
    assert set(catalogue.readings) <= given  # every reading is of a value some rule gives


@pytest.mark.parametrize("rules", PLAIN, ids=[rules.__name__ for rules in PLAIN])
def test_the_rules_import_no_django(rules):
    tree = ast.parse(inspect.getsource(rules))
    imported = [
        name.name for node in ast.walk(tree) if isinstance(node, ast.Import) for name in node.names
    ] + [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
    assert not [name for name in imported if name.startswith("django")]


def test_a_catalogue_reads_the_values_its_messages_name():
    catalogue = Catalogue(
        {"late": "%(day)s: not after %(latest)s", "plain": "50% or more"},
        readings={"latest": time_of_day},
    )
    assert catalogue.say(Finding("late", {"day": "Monday", "latest": time(19, 30)})) == (
        "Monday: not after 7:30pm"
    )
    assert catalogue.say(Finding("plain")) == "50% or more"  # no values: said as it is
    assert "late" in catalogue and "early" not in catalogue


def test_findings_are_equal_by_code_and_values_and_count_once():
    found = [Finding("latest", {"day": "Monday"}), Finding("latest", {"day": "Monday"})]
    assert len(set(found)) == 1
    assert Finding("latest", {"day": "Monday"}) != Finding("latest", {"day": "Tuesday"})


@pytest.mark.parametrize(
    "moment, said", [(time(7, 0), "7am"), (time(0, 15), "12:15am"), (time(12, 0), "midday")]
)
def test_the_clock(moment, said):
    assert time_of_day(moment) == said
    assert clock.minutes_between(time(9, 0), time(13, 30)) == 270
    assert clock.minutes_between(time(10, 0), time(9, 0)) == -60
