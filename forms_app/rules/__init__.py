"""Rules that are law or policy, as plain functions with no Django imports, so they read
like the rule and are tested in milliseconds. What a rule finds is a Finding (a code and
its values); one catalogue per law beside it (<law>_messages.py) words each code, and the
journeys show those words."""
