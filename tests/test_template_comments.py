"""Django's `{# #}` comment ends on its own line: one left open is shown to every visitor
as text (it was, once, at the top of every page). Longer notes use {% comment %}."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIP = {".venv", "node_modules", "static_build", "staticfiles"}


def test_no_template_comment_runs_over_a_line():
    open_comments = []
    for path in ROOT.rglob("*.html"):
        if SKIP & set(path.relative_to(ROOT).parts):
            continue
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if line.count("{#") > line.count("#}"):
                open_comments.append(f"{path.relative_to(ROOT)}:{number}")
    assert open_comments == []
