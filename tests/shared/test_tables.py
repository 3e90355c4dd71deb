"""The table scroll region: named by its table's caption (or a label), focusable, and
each caption's id unique on its page."""

import re

from django.template import Context, Template

TABLE = '<table><caption id="{{ caption_id }}">Cookies</caption></table>'


def render(source, **context):
    return Template("{% load tables %}" + source).render(Context(context))


def test_the_region_is_named_by_the_caption_and_takes_focus():
    html = render("{% table_scroll %}" + TABLE + "{% endtable_scroll %}")
    caption_id = re.search(r'<caption id="([^"]+)"', html)[1]
    assert html.startswith(
        f'<div class="app-table-scroll" role="region" aria-labelledby="{caption_id}" tabindex="0">'
    )
    assert html.endswith("</table></div>")


def test_two_tables_on_a_page_have_captions_of_their_own():
    source = "{% table_scroll %}" + TABLE + "{% endtable_scroll %}"
    html = render(source + source)
    assert len(set(re.findall(r'aria-labelledby="([^"]+)"', html))) == 2


def test_a_given_id_or_label():
    assert 'aria-labelledby="plan"' in render(
        '{% table_scroll "plan" %}<table></table>{% endtable_scroll %}'
    )
    labelled = render(
        "{% table_scroll label=title %}<table></table>{% endtable_scroll %}", title="A & B"
    )
    assert 'aria-label="A &amp; B"' in labelled and "aria-labelledby" not in labelled


def test_the_table_inside_is_escaped_as_its_template_says():
    html = render("{% table_scroll %}<td>{{ value }}</td>{% endtable_scroll %}", value="<b>")
    assert "<td>&lt;b&gt;</td>" in html
