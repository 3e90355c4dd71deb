"""The attendance service's own screens in the Wagtail admin, one module per concern:
imports (imports.py), the council's picture and the stages (council.py), targeting
support meetings (meetings.py) and their coverage (coverage.py)."""
