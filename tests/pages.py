"""Many pages at once, for tests about lists of hundreds or thousands of pages: adding
them one by one (add_child) costs a search index entry, a reference index row and a
dozen queries each."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from modelcluster.fields import ParentalManyToManyField
from wagtail.models import Page


def add_pages_in_bulk(parent, pages):
    """Save unsaved `pages` (one specific page class, Page its only concrete parent) as the
    last children of `parent`, as add_child leaves them: live, tree path, URL path, the
    parent's locale, and their ParentalManyToManyField choices; no revision, no search
    or reference index entries."""
    model = type(pages[0])
    depth = parent.depth + 1
    last = parent.get_last_child()
    first = last._get_lastpos_in_path() + 1 if last else 1
    content_type = ContentType.objects.get_for_model(model)
    for position, page in enumerate(pages, first):
        page.path = model._get_path(parent.path, depth, position)
        page.depth = depth
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.locale_id = parent.locale_id
        page.draft_title = page.title
        page.content_type = content_type
    choices = {
        field: [list(getattr(page, field.name).all()) for page in pages]
        for field in model._meta.local_many_to_many
        if isinstance(field, ParentalManyToManyField)
    }

    base_fields = [field.attname for field in Page._meta.concrete_fields]
    rows = Page.objects.bulk_create(
        [Page(**{name: getattr(page, name) for name in base_fields}) for page in pages]
    )
    for page, row in zip(pages, rows, strict=True):
        page.id = page.page_ptr_id = row.pk
        # The page class's own row only, as loading a fixture saves it (bulk_create does
        # not take a model with a concrete parent).
        page.save_base(raw=True, force_insert=True)
    for field, chosen in choices.items():
        through = field.remote_field.through
        source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        through.objects.bulk_create(
            through(**{source: page, target: item})
            for page, items in zip(pages, chosen, strict=True)
            for item in items
        )
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    parent.numchild += len(pages)
    return pages
