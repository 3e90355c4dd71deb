"""An officer's invitation is about someone else: its name and email have no
autocomplete tokens, so the officer's browser does not offer the officer's own."""

from portal.forms import InviteForm


def test_an_invitation_offers_no_autocomplete_of_the_officers_details(db):
    form = InviteForm()
    for name in ("first_name", "last_name", "email"):
        assert "autocomplete" not in str(form[name]), name
