"""What each service holds about a person, as the feature apps report it.

An app registers a finder with the `register_personal_data` Wagtail hook: a function of
a `Query` that returns `Held` items. Each item says what it is, gives its data for the
download, and either a way to erase it or the reason the law says it must be kept."""

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from wagtail import hooks

HOOK_NAME = "register_personal_data"
MAX_PER_KIND = 200  # a search this broad is refined, not read


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

    def json_terms(self):
        """Each word as it may be stored in JSON text: as typed and with \\u escapes
        (SQLite stores JSON with non-ASCII characters escaped; PostgreSQL does not)."""
        return [{word, json.dumps(word)[1:-1]} for word in self.words]


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
