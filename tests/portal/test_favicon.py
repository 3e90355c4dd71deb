"""/favicon.ico, asked for by browsers that do not read the page's icon links."""

from bs4 import BeautifulSoup


def test_favicon_ico_is_the_portals_own_icon(client):
    response = client.get("/favicon.ico", follow=True)
    # Not GOV.UK Frontend's crown, which only GOV.UK's own services may use.
    assert response.redirect_chain[0][0].endswith("portal/icons/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] in ("image/x-icon", "image/vnd.microsoft.icon")
    body = b"".join(response.streaming_content)
    assert body[:4] == b"\x00\x00\x01\x00"  # an ICO file's header


def test_every_page_links_its_icons_and_they_are_served(client, home):
    head = BeautifulSoup(client.get("/").content, "html.parser").find("head")
    links = {link["rel"][0] + " " + link.get("type", ""): link["href"] for link in head("link")}
    expected = ["icon ", "icon image/svg+xml", "apple-touch-icon ", "manifest "]
    assert not any("govuk" in href for href in links.values())
    for rel in expected:
        response = client.get(links[rel])
        assert response.status_code == 200, (rel, links[rel])
        response.close()


def test_the_manifest_names_the_service_and_its_icons_are_served(client, home):
    import json

    from django.templatetags.static import static

    response = client.get(static("portal/icons/manifest.json"))
    manifest = json.loads(b"".join(response.streaming_content))
    assert manifest["name"] == "School attendance"
    for icon in manifest["icons"]:
        served = client.get(static("portal/icons/" + icon["src"]))
        assert served.status_code == 200, icon["src"]
        served.close()
