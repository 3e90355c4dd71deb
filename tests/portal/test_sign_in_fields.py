"""Every sign-in asks for an email address (accounts are email addresses), never a
"username": the portal's own and the Wagtail admin's, with the field browsers and
password managers recognise."""

import pytest
from bs4 import BeautifulSoup

from tests.conftest import PASSWORD


@pytest.mark.parametrize("url", ["/portal/sign-in/", "/admin/login/"])
def test_each_sign_in_asks_for_an_email_address(client, home, url):
    response = client.get(url)
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    field = page.find("input", id="id_username")  # the id the browser tests fill in
    label = page.find("label", attrs={"for": "id_username"})
    assert label.get_text(strip=True).rstrip("*") == "Email address"  # the admin marks it required
    assert field["type"] == "email"
    assert field["autocomplete"] == "username"
    assert field["spellcheck"] == "false"
    assert "username" not in page.find("main").get_text().lower()


def test_a_wrong_admin_sign_in_speaks_of_an_email_address(client, home, attendance_officer):
    response = client.post(
        "/admin/login/", {"username": attendance_officer.email, "password": "not " + PASSWORD}
    )
    text = BeautifulSoup(response.content, "html.parser").find("main").get_text()
    assert "Enter a correct email address and password" in text
    assert "username" not in text.lower()


def test_staff_still_sign_in_to_the_admin_with_their_email_address(
    client, home, attendance_officer
):
    response = client.post(
        "/admin/login/", {"username": attendance_officer.email, "password": PASSWORD}
    )
    assert response.status_code == 302
