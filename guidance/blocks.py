"""StreamField blocks for the strategy and for guidance pages. Each block has its own
template in templates/guidance/blocks/, in GOV.UK Design System markup."""

import copy

from django.utils.translation import gettext_lazy as _
from wagtail import blocks, hooks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail_localize.segments import StringSegmentValue

from home.blocks import InsetTextBlock, WarningTextBlock
from home.localize import in_active_language
from shared.absence_figures import HOOK_NAME as ABSENCE_FIGURES_HOOK

from .charts import absence_chart
from .languages import mark_languages

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul", "document-link"]

PARTNERS = [
    ("council", _("The council")),
    ("schools", _("Schools")),
    ("governing_bodies", _("Governing bodies")),
    ("parents", _("Parents and carers")),
    ("other_services", _("Other council services")),
    ("external_agencies", _("External agencies")),
]

ACTION_STATUSES = [
    ("not_started", _("Not started")),
    ("on_track", _("On track")),
    ("at_risk", _("At risk")),
    ("done", _("Done")),
]


# --- Strategy -----------------------------------------------------------------------------


class PriorityBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    summary = blocks.TextBlock(help_text=_("What this priority is about, in a sentence or two."))
    how = blocks.RichTextBlock(features=["bold", "link", "ul"], label=_("How we will do it"))

    class Meta:
        icon = "pick"
        label = _("Priority")
        template = "guidance/blocks/priority.html"


class RoleBlock(blocks.StructBlock):
    partner = blocks.ChoiceBlock(choices=PARTNERS)
    responsibilities = blocks.RichTextBlock(features=["bold", "link", "ul"])

    class Meta:
        icon = "group"
        label = _("Role")


class ActionBlock(blocks.StructBlock):
    """One row of the action plan."""

    action = blocks.TextBlock()
    priority = blocks.IntegerBlock(
        min_value=1, help_text=_("The number of the priority it serves (1 is the first).")
    )
    owner = blocks.CharBlock(max_length=120, help_text=_("The role responsible, not a person."))
    due = blocks.CharBlock(max_length=60, help_text=_("A term or a date, e.g. Spring term 2027."))
    status = blocks.ChoiceBlock(choices=ACTION_STATUSES, default="not_started")
    progress = blocks.TextBlock(required=False, label=_("Progress note"))

    class Meta:
        icon = "tasks"
        label = _("Action")


class AbsenceFigureBlock(blocks.StructBlock):
    phase = blocks.CharBlock(max_length=60)
    local = blocks.DecimalBlock(max_digits=5, decimal_places=1, label=_("Local %"))
    national = blocks.DecimalBlock(max_digits=5, decimal_places=1, label=_("National %"))

    class Meta:
        icon = "table"


class AbsenceDataBlock(blocks.StructBlock):
    """Overall absence by phase, this council against England, for one school year:
    typed in, or drawn from the attendance data where an app answers the
    register_absence_figures hook (shared/absence_figures.py)."""

    title = blocks.CharBlock(max_length=120)
    from_attendance_data = blocks.BooleanBlock(
        required=False,
        label=_("Figures from the attendance data"),
        help_text=_(
            "Show the latest school year of the council's attendance data instead of the "
            "figures below, which are shown only while there is none."
        ),
    )
    year = blocks.CharBlock(max_length=20, help_text=_("e.g. 2023 to 2024"))
    figures = blocks.ListBlock(AbsenceFigureBlock())
    source = blocks.CharBlock(max_length=255, required=False)

    class Meta:
        icon = "table"
        label = _("Absence data")
        template = "guidance/blocks/absence_data.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        answer = attendance_figures() if value.get("from_attendance_data") else None
        if answer is not None:
            figures = [
                {"phase": row.phase, "local": row.local, "national": row.national}
                for row in answer.rows
            ]
            context.update(year=answer.year, period=answer.period, source=answer.source)
        else:
            figures = [dict(figure) for figure in value["figures"]]
            context.update(year=value["year"], period="", source=value["source"])
        context["figures"] = figures
        # The chart draws the phases with both figures; the table shows every one.
        context["chart"] = absence_chart(
            [
                (figure["phase"], figure["local"], figure["national"])
                for figure in figures
                if figure["local"] is not None and figure["national"] is not None
            ]
        )
        return context


def attendance_figures():
    """The first answer of the apps that hold attendance data (none: None). Through the
    hook, so that guidance imports no other feature."""
    for answer in hooks.get_hooks(ABSENCE_FIGURES_HOOK):
        figures = answer()
        if figures is not None and figures.rows:
            return figures
    return None


# --- Guidance -----------------------------------------------------------------------------


class DetailsBlock(blocks.StructBlock):
    summary = blocks.CharBlock(max_length=120)
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "arrow-down"
        label = _("Details")
        template = "guidance/blocks/details.html"


class AccordionSectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    summary = blocks.CharBlock(max_length=200, required=False)
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)


class AccordionBlock(blocks.StructBlock):
    sections = blocks.ListBlock(AccordionSectionBlock(), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Accordion")
        template = "guidance/blocks/accordion.html"


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    text = blocks.RichTextBlock(features=["bold", "link", "ul"])


class StepByStepBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    steps = blocks.ListBlock(StepBlock(), min_num=1)

    class Meta:
        icon = "order"
        label = _("Step by step")
        template = "guidance/blocks/step_by_step.html"


class TranslatableTableBlock(TableBlock):
    """A table whose cells wagtail-localize offers for translation (it leaves a plain
    TableBlock's cells alone, so a translated page kept English tables). Each non-blank
    cell is one string, found again by its row and column."""

    def get_translatable_segments(self, value):
        rows = (value or {}).get("data") or []
        return [
            StringSegmentValue(f"r{r}c{c}", cell)
            for r, row in enumerate(rows)
            for c, cell in enumerate(row)
            if cell and str(cell).strip()
        ]

    def restore_translated_segments(self, value, segments):
        value = copy.deepcopy(value)
        for segment in segments:
            r, c = segment.path[1:].split("c")
            value["data"][int(r)][int(c)] = segment.render_text()
        return value


class GuidanceTableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(max_length=200)
    table = TranslatableTableBlock()

    class Meta:
        icon = "table"
        label = _("Table")
        template = "guidance/blocks/table.html"

    def get_context(self, value, parent_context=None):
        """The table's rows split into a header row and body rows, blank cells as ""."""
        context = super().get_context(value, parent_context)
        table = value["table"] or {}
        choice = table.get("table_header_choice", "")
        rows = [[cell or "" for cell in row] for row in table.get("data") or []]
        has_header_row = table.get("first_row_is_table_header") or choice in ("row", "both")
        context["header_row"] = rows[0] if has_header_row and rows else None
        context["body_rows"] = rows[1:] if has_header_row else rows
        context["first_column_is_header"] = table.get("first_col_is_header") or choice in (
            "col",
            "column",
            "both",
        )
        return context


def readable_size(size):
    """A file size as GOV.UK writes it: "120 KB", "1.4 MB"."""
    if size is None:
        return ""
    if size < 1024 * 1024:
        return _("%(size)s KB") % {"size": max(1, round(size / 1024))}
    return _("%(size)s MB") % {"size": f"{size / (1024 * 1024):.1f}"}


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    description = blocks.CharBlock(max_length=200, required=False)

    class Meta:
        icon = "doc-full"
        label = _("Document download")
        template = "guidance/blocks/document.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        document = value["document"]
        if document is not None:
            context["file_type"] = document.file_extension.upper()
            context["file_size"] = readable_size(document.get_file_size())
        return context


class ContactCardBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=120, help_text=_("A team or role"))
    phone = blocks.CharBlock(max_length=40, required=False)
    email = blocks.EmailBlock(required=False)
    hours = blocks.CharBlock(max_length=120, required=False, label=_("Opening hours"))
    note = blocks.TextBlock(required=False)

    class Meta:
        icon = "user"
        label = _("Contact card")
        template = "guidance/blocks/contact_card.html"


class RelatedPagesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, default="Related guidance")
    pages = blocks.ListBlock(blocks.PageChooserBlock())

    class Meta:
        icon = "link"
        label = _("Related pages")
        template = "guidance/blocks/related_pages.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        chosen = [page for page in value["pages"] if page is not None and page.live]
        context["pages"] = mark_languages(in_active_language(chosen))
        return context


GUIDANCE_BLOCKS = [
    ("text", blocks.RichTextBlock(features=RICH_TEXT_FEATURES)),
    ("inset_text", InsetTextBlock()),
    ("warning_text", WarningTextBlock()),
    ("details", DetailsBlock()),
    ("accordion", AccordionBlock()),
    ("step_by_step", StepByStepBlock()),
    ("table", GuidanceTableBlock()),
    ("document", DocumentBlock()),
    ("contact", ContactCardBlock()),
    ("related_pages", RelatedPagesBlock()),
]
