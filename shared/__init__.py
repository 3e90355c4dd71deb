"""The bottom layer: parts two or more apps need (GOV.UK form fields, charts, CSV cells,
listing helpers, admin parts, the hooks' contracts, demo data files). It has no models
and imports no app of this project; docs/architecture.md gives the rule of each layer."""
