"""Demo form pages: each public journey's start page, under the "Forms and applications"
page that home/demo.py makes. Text is the portal's own, written for the demo council."""

from home.models import HomePage

from .journeys.registry import Journey
from .models import FormPage

LICENSING_CONTACT = (
    "<p>Licensing team, Wyvernshire County Council<br>"
    '<a href="mailto:licensing@wyvernshire.example">licensing@wyvernshire.example</a><br>'
    "01632 960 456, Monday to Friday, 9am to 5pm</p>"
)

FORM_PAGES = [
    {
        "slug": "home-education",
        "journey": Journey.EHE_REGISTRATION,
        "title": "Tell us you are educating your child at home",
        "introduction": (
            "<p>Use this form to tell Wyvernshire County Council that you are educating your "
            "child at home, or are about to start.</p>"
            "<p>If your child is on a school's roll, write to the head teacher as well. The "
            "school takes your child off its roll and lets us know. If your child has never "
            "been to school you do not have to tell us, but we can offer advice and support "
            "if you do.</p>"
        ),
        "before_you_start": (
            "<p>You will need:</p><ul>"
            "<li>your child's name, date of birth and address</li>"
            "<li>the name of their school, if they have one, and the date they leave it</li>"
            "<li>the name and contact details of each parent or carer</li></ul>"
            "<p>It takes about 10 minutes.</p>"
        ),
        "privacy": (
            "<p>Wyvernshire County Council uses your answers to carry out its duties towards "
            "children who are educated at home. Only the officers who work with home-educating "
            "families see them, and we share them only when we must, for example with your "
            "child's school. We keep them for 7 years after we were last in touch, then "
            "delete them.</p>"
        ),
        "contact": (
            "<p>Elective home education team, Wyvernshire County Council<br>"
            '<a href="mailto:attendance@wyvernshire.example">attendance@wyvernshire.example'
            "</a><br>01632 960 123, Monday to Friday, 9am to 5pm</p>"
        ),
        "what_happens_next": (
            "<p>An elective home education officer will contact you within 10 school days to "
            "talk about your plans and the support on offer.</p>"
            "<p>If the council has to agree before your child leaves school, we will tell you "
            "what happens next. Keep sending your child to school until then.</p>"
        ),
    },
    {
        "slug": "child-work-permit",
        "journey": Journey.EMPLOYMENT_PERMIT,
        "title": "Apply for a child work permit",
        "introduction": (
            "<p>A child who has a part-time job before they reach school leaving age needs a "
            "work permit from the council. The employer and a parent or carer fill in this "
            "application together.</p>"
            "<p>Apply before the child starts work, or within a week of them starting.</p>"
            "<p>Most jobs are for children aged 14 or over. A 13-year-old may only do light "
            "work that the council's byelaws list, such as delivering newspapers.</p>"
        ),
        "before_you_start": (
            "<p>You will need:</p><ul>"
            "<li>the child's details and the name of their school</li>"
            "<li>the employer's details, and the address where the child will work</li>"
            "<li>the days and times the child will work in term time and in the school "
            "holidays</li>"
            "<li>to know that the employer has done a risk assessment and has insurance that "
            "covers the child</li></ul>"
            "<p>Children may not work before 7am or after 7pm, during school hours, or for more "
            "than 2 hours on a school day or a Sunday. The form checks the hours as you go.</p>"
        ),
        "privacy": (
            "<p>Wyvernshire County Council uses your answers to decide whether to give a work "
            "permit, and to check that the child works safely and within the law. Only our "
            "licensing officers see them. We may contact the employer and the child's school. "
            "We keep them for 3 years after we were last in touch, then delete them.</p>"
        ),
        "contact": LICENSING_CONTACT,
        "what_happens_next": (
            "<p>A licensing officer will check the application and may visit the place of "
            "work. We aim to decide within 10 working days.</p>"
            "<p>If we approve it, we send the permit to the employer and a copy to you. A "
            "permit lasts 12 months. Tell us if the job or the hours change.</p>"
        ),
    },
    {
        "slug": "performance-licence",
        "journey": Journey.PERFORMANCE_LICENCE,
        "title": "Apply for a child performance licence",
        "introduction": (
            "<p>A child may need a licence from the council to take part in a performance, "
            "such as a play, filming, modelling or paid sport.</p>"
            "<p>The producer fills in the first part of the application and a parent or carer "
            "the second. If the child will miss school, the head teacher must agree.</p>"
            "<p>The form starts by checking whether the child needs a licence at all.</p>"
        ),
        "before_you_start": (
            "<p>You will need:</p><ul>"
            "<li>the dates, places and times of the performances and rehearsals</li>"
            "<li>to know that the producer has a risk assessment and a safeguarding policy</li>"
            "<li>a recent photo of the child and a copy of their birth certificate, as PDF, "
            "JPG or PNG files smaller than 7MB</li>"
            "<li>the head teacher's name, if the child will miss school</li></ul>"
            "<p>Apply at least 21 days before the first performance. We may refuse an "
            "application that comes later.</p>"
        ),
        "privacy": (
            "<p>Wyvernshire County Council uses your answers and files to decide whether to "
            "grant a licence and to check that the child is kept safe. Only our licensing "
            "officers see them. We may contact the producer and the child's school. We keep "
            "them for 3 years after we were last in touch, then delete them.</p>"
        ),
        "contact": LICENSING_CONTACT,
        "what_happens_next": (
            "<p>A licensing officer will check the application and may contact the producer "
            "or the school. We aim to decide before the first performance.</p>"
            "<p>If we grant the licence, we send it to the producer and a copy to you.</p>"
        ),
    },
    {
        "slug": "chaperone-approval",
        "journey": Journey.CHAPERONE_APPROVAL,
        "title": "Apply to be a chaperone",
        "introduction": (
            "<p>A chaperone looks after children taking part in performances when a parent "
            "is not with them. Chaperones are approved by the council where they live.</p>"
            "<p>You must be 18 or over, have an enhanced DBS certificate, and give us 2 "
            "referees who are not related to you.</p>"
        ),
        "before_you_start": (
            "<p>You will need:</p><ul>"
            "<li>your enhanced DBS certificate: its 12-digit number and date of issue</li>"
            "<li>the names and contact details of 2 referees who know you but are not related "
            "to you</li>"
            "<li>details of any training you have done, such as safeguarding or first aid</li>"
            "</ul>"
        ),
        "privacy": (
            "<p>Wyvernshire County Council uses your answers to decide whether to approve you "
            "as a chaperone. Only our licensing officers see them. We will contact your "
            "referees. We keep your answers for 3 years after your approval ends or we were "
            "last in touch, then delete them.</p>"
        ),
        "contact": LICENSING_CONTACT,
        "what_happens_next": (
            "<p>A licensing officer will contact your referees and invite you to a short "
            "meeting. If we approve you, the approval lasts 3 years.</p>"
            "<p>A chaperone may look after up to 12 children at a time.</p>"
        ),
    },
]


FORM_PAGES.append(
    {
        "slug": "attendance-referral",
        "journey": Journey.ATTENDANCE_REFERRAL,
        "title": "Refer a pupil to the attendance service",
        "introduction": (
            "<p>Schools use this form to ask Wyvernshire's attendance service to act on a "
            "pupil's absence: a penalty notice, a prosecution, an education supervision order, "
            "or advice and support.</p>"
            "<p>Only headteachers, attendance leads, designated safeguarding leads and office "
            "staff signed in with their school account can use it, and only for their own "
            "school. Governors cannot make referrals.</p>"
            "<p>As you go, the form works out the pupil's attendance, whether the absence is "
            "persistent or severe, and whether the national threshold for a penalty notice is "
            "met.</p>"
        ),
        "before_you_start": (
            "<p>You will need:</p><ul>"
            "<li>the pupil's name, date of birth, unique pupil number (UPN), year group and "
            "address</li>"
            "<li>the name and contact details of every parent or carer with parental "
            "responsibility</li>"
            "<li>the possible and attended sessions for the period, and the dates of each "
            "unauthorised absence with its code (G, N, O or U)</li>"
            "<li>what support the school has offered, and when</li>"
            "<li>the pupil's register printout, with no unexplained codes left</li></ul>"
            "<p>The headteacher or designated safeguarding lead must make the declaration at "
            "the end. It takes about 20 minutes.</p>"
        ),
        "privacy": (
            "<p>Wyvernshire County Council uses this referral to carry out its duties to "
            "enforce school attendance. Only attendance officers and the staff of the referring "
            "school see it. We may share it with children's social care or the police where a "
            "child's safety needs it. We keep it for 6 years after the case closes, then delete "
            "it.</p>"
        ),
        "contact": (
            "<p>Attendance service, Wyvernshire County Council<br>"
            '<a href="mailto:attendance@wyvernshire.example">attendance@wyvernshire.example'
            "</a><br>01632 960 123, Monday to Friday, 9am to 5pm</p>"
        ),
        "what_happens_next": (
            "<p>An attendance officer will read the referral within 5 school days. A referral "
            "flagged for safeguarding is read first.</p>"
            "<p>The officer may ask for more information, then records an outcome: a notice to "
            "improve, a penalty notice, a case opened, or a reason for declining. You can follow "
            "the referral's progress on your school's dashboard.</p>"
        ),
    }
)


def seed_form_pages():
    """Each journey's start page under /forms/; a page already there is left alone."""
    home = HomePage.objects.get(locale__language_code="en")
    forms_page = home.get_children().get(slug="forms")
    existing = set(forms_page.get_children().values_list("slug", flat=True))
    made = 0
    for spec in FORM_PAGES:
        if spec["slug"] in existing:
            continue
        page = FormPage(**spec)
        forms_page.add_child(instance=page)
        page.save_revision().publish()
        made += 1
    return f"{len(FORM_PAGES)} form pages ({made} new)"
