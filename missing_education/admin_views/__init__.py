"""The service's screens in the Wagtail admin: the pupil tracking officers' queue and
cases (cases.py), and any officer's referral of a child (referral.py)."""
