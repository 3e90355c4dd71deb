"""Rules that are law or policy, as plain functions with no Django imports, so they read
like the rule and are tested in milliseconds."""
