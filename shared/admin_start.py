"""Wagtail's admin starts some widgets with inline scripts, which the portal's
Content-Security-Policy refuses (a script in a page is what an attacker would inject).
Here and in shared/templates/wagtailadmin/, each start-up call's arguments are left as
JSON in a `<script type="application/json" data-admin-init=...>`, which no browser runs;
shared/static/shared/admin-init.js makes the calls, also for what an inline panel adds."""

import json

from django.utils.safestring import mark_safe

# As Django's json_script: no "</script>" or "<!--" in the data can end the element early.
ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def script_json(text):
    """JSON `text` made safe to sit inside a script element."""
    return mark_safe(str(text).translate(ESCAPES))


def data_script(starter, data):
    return mark_safe(
        f'<script type="application/json" data-admin-init="{starter}">'
        f"{script_json(json.dumps(data))}</script>"
    )


def start_choosers_from_data():
    """Every chooser (pages, snippets such as schools, documents, images) renders its
    JavaScript constructor's call as data. Patched on Wagtail's base class so that no
    chooser anywhere in the admin is missed; a chooser with its own render_js_init keeps
    Wagtail's way. tests/shared/test_admin_start.py checks it."""
    # Imported here: called from AppConfig.ready(), once Wagtail's admin can load.
    from wagtail.admin.widgets.chooser import BaseChooser

    wagtails_render = BaseChooser.render

    def render(self, name, value, attrs=None, renderer=None):
        if type(self).render_js_init is not BaseChooser.render_js_init:
            return wagtails_render(self, name, value, attrs, renderer)
        id_ = attrs["id"]
        value_data = self.get_value_data(value)
        arguments = {
            "constructor": self.js_constructor,
            "id": id_,
            "options": self.get_js_init_options(id_, name, value_data),
        }
        html = self.render_html(name, value_data, attrs)
        return mark_safe(f"{html}{data_script('Chooser', arguments)}")

    BaseChooser.render = render
