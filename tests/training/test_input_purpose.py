"""The booking form asks the person booking about themselves: their name, email and
organisation carry autocomplete tokens (WCAG 1.3.5)."""

import re

from django.urls import reverse


def test_the_booking_page_marks_the_bookers_own_details(client, session):
    body = client.get(reverse("training:book", args=[session.pk])).content.decode()

    def token(field_id):
        tag = re.search(rf'<(?:input|select)[^>]*id="{field_id}"[^>]*>', body).group(0)
        found = re.search(r'autocomplete="([^"]+)"', tag)
        return found.group(1) if found else None

    assert token("id_name") == "name"
    assert token("id_email") == "email"
    assert token("id_school") == "organization"
