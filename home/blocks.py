"""StreamField blocks for the portal's general pages. Guidance adds its own richer set."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class InsetTextBlock(blocks.StructBlock):
    text = blocks.RichTextBlock(features=["bold", "link"])

    class Meta:
        icon = "openquote"
        label = _("Inset text")
        template = "home/blocks/inset_text.html"


class WarningTextBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=500)

    class Meta:
        icon = "warning"
        label = _("Warning text")
        template = "home/blocks/warning_text.html"


class TileBlock(blocks.StructBlock):
    """One of the home page's journeys: a title that links, and a line saying what it is for."""

    title = blocks.CharBlock(max_length=80)
    description = blocks.CharBlock(max_length=200)
    page = blocks.PageChooserBlock(required=False)
    url = blocks.CharBlock(
        required=False,
        max_length=200,
        help_text=_("A path on this site, such as /portal/, when the journey is not a page."),
    )

    class Meta:
        icon = "link"
        label = _("Tile")


BODY_BLOCKS = [
    (
        "text",
        blocks.RichTextBlock(features=["h2", "h3", "bold", "link", "ol", "ul", "document-link"]),
    ),
    ("inset_text", InsetTextBlock()),
    ("warning_text", WarningTextBlock()),
]
