"""What a rule found, as a code and the facts its message needs, never as words: each
law's catalogue (rules/<law>_messages.py) says it in the reader's language."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Finding:
    code: str
    params: dict = field(default_factory=dict)

    def __hash__(self):
        # Hashable for all its dict, so findings can be counted once; the names are unique,
        # so sorting never compares the values.
        return hash((self.code, tuple(sorted(self.params.items()))))
