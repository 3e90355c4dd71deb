"""The one wrapper for a table that may be wider than a narrow screen (WCAG 1.4.10):

    {% load tables %}
    {% table_scroll %}<table><caption id="{{ caption_id }}">...</caption>...</table>{% endtable_scroll %}

The table scrolls sideways inside a region of its own, so the page never does. The region
is named by the table's caption (aria-labelledby; `caption_id` is made unique for the
page unless given, `{% table_scroll "action-plan-caption" %}`) or, where the caption is
not ours to mark (Wagtail's listings), by a label: `{% table_scroll label=title %}`. It
can take focus so that keyboard users can scroll it too (WCAG 2.1.1); portal.scss and
shared/static/shared/admin.css show the focus."""

import secrets

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()


@register.tag
def table_scroll(parser, token):
    caption_id, label = None, None
    for bit in token.split_contents()[1:]:
        if bit.startswith("label="):
            label = parser.compile_filter(bit.removeprefix("label="))
        else:
            caption_id = parser.compile_filter(bit)
    nodelist = parser.parse(("endtable_scroll",))
    parser.delete_first_token()
    return TableScrollNode(nodelist, caption_id, label)


class TableScrollNode(template.Node):
    def __init__(self, nodelist, caption_id, label):
        self.nodelist, self.caption_id, self.label = nodelist, caption_id, label

    def render(self, context):
        if self.label is not None:
            name = format_html('aria-label="{}"', self.label.resolve(context))
            caption_id = ""
        else:
            # Random rather than counted: a block's template is rendered on its own,
            # knowing nothing of the other tables on its page.
            caption_id = (
                self.caption_id.resolve(context)
                if self.caption_id
                else "table-" + secrets.token_hex(4)
            )
            name = format_html('aria-labelledby="{}"', caption_id)
        with context.push(caption_id=caption_id):
            table = self.nodelist.render(context)
        return format_html(
            '<div class="app-table-scroll" role="region" {} tabindex="0">{}</div>',
            name,
            mark_safe(table),  # rendered by the template engine, escaped there
        )
