import pytest

from forms_app.factories import FormPageFactory


@pytest.fixture
def ehe_page(home):
    return FormPageFactory(parent=home)


class Applicant:
    """Walks a journey through the test client, as a person would."""

    def __init__(self, client, page):
        self.client = client
        self.base = page.url

    def get(self, path="", **kwargs):
        return self.client.get(self.base + path, **kwargs)

    def post(self, path, data, **kwargs):
        return self.client.post(self.base + path, data, **kwargs)

    def answer(self, path, data):
        response = self.post(path, data)
        assert response.status_code == 302, response.content.decode()[:3000]
        return response["Location"]


@pytest.fixture
def applicant(client, ehe_page):
    return Applicant(client, ehe_page)


EHE_ANSWERS = {
    "step/child/": {
        "first_name": "Amira",
        "last_name": "Khan",
        "date_of_birth_0": "14",
        "date_of_birth_1": "3",
        "date_of_birth_2": "2015",
    },
    "step/address/": {"line_1": "4 Mill Lane", "town": "Wyvernton", "postcode": "wy1 2ab"},
    "step/parents/add/": {
        "first_name": "Sara",
        "last_name": "Khan",
        "relationship": "mother",
        "parental_responsibility": "yes",
        "email": "sara@example.com",
    },
    "step/parents/": {"add_another": "no"},
    "step/school/": {"school_status": "on_roll", "school_name": "Alderbrook Primary"},
    "step/consent/": {"special_school": "no", "attendance_order": "no"},
    "step/needs/": {"ehcp": "no", "sen_support": "not_sure"},
    "step/reasons/": {"reasons": ["philosophical", "health"]},
    "step/contact/": {"name": "Sara Khan", "email": "sara@example.com", "contact_by": "email"},
}


@pytest.fixture
def ehe_answers():
    return {path: dict(data) for path, data in EHE_ANSWERS.items()}
