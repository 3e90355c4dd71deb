"""/favicon.ico, asked for by browsers that do not read the page's icon links."""

from bs4 import BeautifulSoup


def test_favicon_ico_is_gov_uk_frontends_icon(client):
    response = client.get("/favicon.ico", follow=True)
    assert response.status_code == 200
    assert response["Content-Type"] in ("image/x-icon", "image/vnd.microsoft.icon")
    body = b"".join(response.streaming_content)
    assert body[:4] == b"\x00\x00\x01\x00"  # an ICO file's header


def test_every_page_links_its_icons_and_they_are_served(client, home):
    head = BeautifulSoup(client.get("/").content, "html.parser").find("head")
    links = {link["rel"][0] + " " + link.get("type", ""): link["href"] for link in head("link")}
    expected = ["icon ", "icon image/svg+xml", "mask-icon ", "apple-touch-icon ", "manifest "]
    for rel in expected:
        response = client.get(links[rel])
        assert response.status_code == 200, (rel, links[rel])
        response.close()
