"""How the rules' findings are said. Each law has one catalogue beside its rules
(rules/<law>_messages.py): a translated message for every code its rules return, and how
to read the values the messages name (a time as 7am, hours as "2 hours").

The catalogues import Django's gettext, so that the rules themselves stay plain Python."""

from django.utils.translation import ngettext

from shared import times


class Catalogue:
    def __init__(self, messages, readings=None):
        self.messages = messages  # code -> gettext_lazy message with %(name)s values
        self.readings = readings or {}  # value name -> how to read it

    def __contains__(self, code):
        return code in self.messages

    def say(self, finding):
        """The finding's message in the active language. A message with no values is said
        as it is, so a plain "50%" in it needs no escaping."""
        message = str(self.messages[finding.code])
        if not finding.params:
            return message
        read = self.readings
        return message % {
            name: read[name](value) if name in read else value
            for name, value in finding.params.items()
        }


def time_of_day(moment):
    """7am, 4:30pm, midday: as every time on the portal is written, in the reader's
    language (shared/times.py)."""
    return times.clock(moment)


def hours(value):
    # Plural forms are chosen by a whole number; a part of an hour reads as plural.
    plural = int(value) if value == int(value) else 2
    return ngettext("%(count)s hour", "%(count)s hours", plural) % {"count": f"{value:g}"}
