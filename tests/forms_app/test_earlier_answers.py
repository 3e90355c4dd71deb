"""Redundant entry (WCAG 3.3.7): what a person told us at one step is offered, not asked
again, at a later one."""

import re


def answer_up_to_contact(applicant, ehe_answers):
    for path, data in ehe_answers.items():
        if path == "step/contact/":
            return
        applicant.answer(path, data)


def value_of(page, field_id):
    tag = re.search(rf'<input[^>]*id="{field_id}"[^>]*>', page).group(0)
    found = re.search(r'value="([^"]*)"', tag)
    return found.group(1) if found else ""


def test_the_contact_step_offers_the_parent_given_earlier(applicant, ehe_answers):
    ehe_answers["step/parents/add/"]["phone"] = "07700 900982"
    answer_up_to_contact(applicant, ehe_answers)
    page = applicant.get("step/contact/").content.decode()
    assert value_of(page, "id_name") == "Sara Khan"
    assert value_of(page, "id_email") == "sara@example.com"
    assert value_of(page, "id_phone") == "07700 900982"
    assert "We have filled in the details of the first parent or carer" in page
    # Kept as offered: only how to contact is chosen here.
    applicant.answer("step/contact/", {"name": "Sara Khan", "email": "sara@example.com",
                                       "contact_by": "email"})  # fmt: skip


def test_what_was_typed_at_the_contact_step_wins_over_the_offer(applicant, ehe_answers):
    answer_up_to_contact(applicant, ehe_answers)
    applicant.answer(
        "step/contact/", {"name": "Omar Khan", "email": "omar@example.com", "contact_by": "email"}
    )
    page = applicant.get("step/contact/").content.decode()
    assert value_of(page, "id_name") == "Omar Khan"
    assert value_of(page, "id_email") == "omar@example.com"


def test_with_no_parent_given_yet_nothing_is_offered(applicant, ehe_answers):
    applicant.answer("step/child/", ehe_answers["step/child/"])
    page = applicant.get("step/contact/", follow=True).content.decode()
    assert "We have filled in the details" not in page


def test_save_for_later_offers_the_email_given(applicant, ehe_answers):
    answer_up_to_contact(applicant, ehe_answers)
    applicant.answer("step/contact/", ehe_answers["step/contact/"])
    page = applicant.get("save/").content.decode()
    assert value_of(page, "id_email") == "sara@example.com"
    assert 'autocomplete="email"' in re.search(r'<input[^>]*id="id_email"[^>]*>', page).group(0)


def test_the_first_parent_asked_for_is_the_person_filling_in(applicant, ehe_answers):
    applicant.answer("step/child/", ehe_answers["step/child/"])
    applicant.answer("step/address/", ehe_answers["step/address/"])
    start_with_yourself = "start with yourself"
    assert start_with_yourself in applicant.get("step/parents/add/").content.decode()
    applicant.answer("step/parents/add/", ehe_answers["step/parents/add/"])
    assert start_with_yourself not in applicant.get("step/parents/add/").content.decode()
