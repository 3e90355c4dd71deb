"""Where each link of a GOV.UK error summary goes: to the first input of the question, so
that following it puts the focus where the answer is typed or chosen. GOV.UK Frontend's
error summary focuses the element a link names; a date input's wrapper (a <div>) cannot
take focus, so a link to it left the focus on the link.

- a date (any widget of several inputs): its first input, the day (id_<name>_0, as the
  widget names it); an error about one part (the month) goes to that part;
- radios and checkboxes: the first of them (crispy-forms-gds numbers them from 1);
- anything else: the input itself.
An error about the page as a whole goes to the first question shown on it."""

from crispy_forms_gds.templatetags.crispy_forms_gds import field_errors
from django import forms, template

register = template.Library()


@register.filter
def first_input_id(bound_field):
    widget = bound_field.field.widget
    if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        return f"id_{bound_field.html_name}_1"  # gds/layout/radio_item.html, checkboxes.html
    if isinstance(widget, forms.MultiWidget):  # the id the widget gives its first input
        context = widget.get_context(
            bound_field.html_name, bound_field.value(), {"id": bound_field.auto_id}
        )
        return context["widget"]["subwidgets"][0]["attrs"]["id"]
    return bound_field.auto_id


@register.filter
def error_links(bound_field):
    """(id to link to, message) for each of a field's errors."""
    links = []
    for field_id, errors in field_errors(bound_field):
        # An error about the field as a whole is filed under the field's own id.
        target = first_input_id(bound_field) if field_id == bound_field.auto_id else field_id
        links.extend((target, error) for error in errors)
    return links


@register.filter
def first_shown_field(form):
    """The first question on the page: the first of the form's layout when it has one
    (a layout may leave some fields out, shown another way), else the first visible."""
    layout = getattr(getattr(form, "helper", None), "layout", None)
    names = [pointer.name for pointer in layout.get_field_names()] if layout else []
    shown = [form[name] for name in names if name in form.fields and not form[name].is_hidden]
    return (shown or form.visible_fields() or [None])[0]
