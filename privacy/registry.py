"""What each service holds about a person, as the feature apps report it.

An app registers a finder with the `register_personal_data` Wagtail hook: a function of
a `Query` that returns `Held` items. Each item says what it is, gives its data for the
download, and either a way to erase it or the reason the law says it must be kept."""

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import reduce
from operator import and_, or_
from typing import Any

from django.db.models import Q
from wagtail import hooks

from shared.service_names import service_names

HOOK_NAME = "register_personal_data"
MAX_PER_KIND = 200  # a search this broad is refined, not read


# What takes an erased email address's place: unique per record, and never deliverable
# (.invalid is reserved). Finders and purges recognise an anonymised record by it.
ERASED_DOMAIN = "erased.invalid"


def erased_email(pk):
    return f"erased-{pk}@{ERASED_DOMAIN}"


@dataclass(frozen=True)
class Query:
    name: str = ""
    email: str = ""

    @property
    def words(self):
        return [word for word in self.name.lower().split() if word]

    def name_matches(self, *texts):
        """Every word of the name appears in these texts (case does not matter)."""
        haystack = " ".join(str(text or "") for text in texts).lower()
        return bool(self.words) and all(word in haystack for word in self.words)

    def email_matches(self, *texts):
        wanted = self.email.lower()
        return bool(wanted) and any(wanted == str(text or "").strip().lower() for text in texts)

    def condition(self, *, name_fields=(), email_fields=(), json_fields=()):
        """A database filter that finds at least every match (the finder then checks each
        one in Python): every word of the name in one of the name or JSON fields, or the
        email address in an email field or a JSON field. None when nothing was asked."""
        found = []
        if self.email:
            found.append(
                _any([Q(**{f"{f}__iexact": self.email}) for f in email_fields])
                | _any([Q(**{f"{f}__icontains": self.email}) for f in json_fields])
            )
        if self.words:
            found.append(
                _all(
                    _any(
                        [Q(**{f"{f}__icontains": word}) for f in name_fields]
                        # JSON text on SQLite keeps non-ASCII letters as \u escapes.
                        + [
                            Q(**{f"{f}__icontains": term})
                            for f in json_fields
                            for term in {word, json.dumps(word)[1:-1]}
                        ]
                    )
                    for word in self.words
                )
            )
        return _any(found) if found else None


def _any(conditions):
    return reduce(or_, conditions, Q(pk__in=[]))


def _all(conditions):
    return reduce(and_, conditions)


@dataclass
class Held:
    service: str  # the service's code: ehe, licensing, attendance, training, accounts...
    kind: str  # what it is, in a word the audit log uses: submission, booking...
    reference: str  # a reference number or id that the officer can look up
    description: str  # a line for the results page: "Child performance licence, approved"
    when: Any  # a date or datetime
    data: dict  # everything held, for the download
    record: Any = None  # the model instance (for the audit log)
    files: list = field(default_factory=list)  # [(folder, name the person gave, FieldFile)]
    erase: Callable | None = None  # erases or anonymises; returns "erased" or "anonymised"
    erase_label: str = ""  # what erasing does, in words: "Delete", "Anonymise"
    kept_because: str = ""  # why the law says it must be kept, when erase is None

    @property
    def service_name(self):
        return service_names().get(self.service, self.service)

    @property
    def erasable(self):
        # Templates must never touch `erase`: Django's templates call what they find.
        return self.erase is not None

    @property
    def key(self):
        return f"{self.kind}:{self.reference}"


def finders():
    return hooks.get_hooks(HOOK_NAME)


def find(query):
    """Everything every service holds that matches, grouped in the order apps registered."""
    found = []
    for finder in finders():
        found.extend(finder(query))
    return found
