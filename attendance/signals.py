"""Sent after schools' figures change (an import, an officer's correction), with the
school years touched, so that what is worked out from them (the council's figures, the
schools flagged for a stage 1 audit) is worked out again in the same transaction. Its
receivers are connected, in order, in apps.py."""

from django.dispatch import Signal

# sender: the model class changed; years: a set of school years (ints); today: a date.
figures_changed = Signal()
