"""The admin's start-up arguments sit in a JSON script element that nothing in them can
end early, and no inline script is left for the Content-Security-Policy to refuse."""

import json

from django.template.loader import render_to_string
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput, AdminTimeInput

from shared.admin_start import script_json


def test_nothing_in_the_arguments_ends_the_element():
    text = json.dumps({"label": "</script><script>alert(1)</script><!--"})
    safe = script_json(text)
    assert "<" not in safe and ">" not in safe
    assert json.loads(safe) == json.loads(text)


def test_the_date_and_time_pickers_leave_their_arguments_as_data():
    for widget, starter in [
        (AdminDateInput(), "initDateChooser"),
        (AdminTimeInput(), "initTimeChooser"),
        (AdminDateTimeInput(), "initDateTimeChooser"),
    ]:
        html = widget.render("when", None, attrs={"id": "id_when"})
        assert f'<script type="application/json" data-admin-init="{starter}">' in html
        assert "<script>" not in html
        data = html.split(f'data-admin-init="{starter}">')[1].split("</script>")[0]
        assert json.loads(data)["id"] == "id_when"


def test_an_inline_panel_is_started_from_data():
    html = render_to_string(
        "wagtailadmin/panels/inline_panel.html",
        {"self": None, "options_json": json.dumps({"formsetPrefix": "id_sessions"})},
    )
    assert 'data-admin-init="InlinePanel">{"formsetPrefix": "id_sessions"}</script>' in html
    assert "<script>" not in html


def test_a_chooser_is_started_from_data():
    from wagtail.admin.widgets import AdminPageChooser

    html = AdminPageChooser().render("privacy_page", None, attrs={"id": "id_privacy_page"})
    assert "<script>" not in html
    data = json.loads(html.split('data-admin-init="Chooser">')[1].split("</script>")[0])
    assert data["constructor"] == "PageChooser" and data["id"] == "id_privacy_page"
    assert "modalUrl" in data["options"]
