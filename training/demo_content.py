"""The demo council's training courses, in the portal's own words. Sessions are (days
from today, start hour, places); "full" names the session (0 = earliest) that is fully
booked with a waiting list; "demo_bookers" books demo accounts on sessions."""

INDEX = {
    "title": "Training",
    "introduction": (
        "<p>Courses from the attendance service for governors, school leaders, attendance "
        "and office staff, safeguarding leads and partner agencies. Book a place with or "
        "without an account.</p>"
    ),
}

COURSES = [
    {
        "slug": "governors-and-attendance",
        "title": "Attendance for governors: your role",
        "summary": "What the governing body is expected to do about attendance, and the questions to ask each term.",
        "description": (
            "<p>Governing bodies are expected to hold school leaders to account for attendance. "
            "This session explains what that looks like in practice: which figures to ask for, "
            "how to read them, and how to tell whether support is reaching the pupils who need it.</p>"
            "<p>We use anonymised examples from Wyvernshire schools and leave time for your questions.</p>"
        ),
        "outcomes": (
            "<ul><li>the governing body's part in the school's attendance policy</li>"
            "<li>questions to ask at each termly review</li>"
            "<li>how to read persistent and severe absence figures</li></ul>"
        ),
        "format": "online",
        "duration": "90 minutes",
        "hours": 1.5,
        "audiences": ["governors"],
        "areas": ["leadership-and-governance"],
        "sessions": [(-40, 18, 12), (9, 18, 4), (37, 18, 20)],
        "full": 1,
        "demo_bookers": {1: ["governor"]},
    },
    {
        "slug": "legal-framework-and-penalty-notices",
        "title": "The legal framework and penalty notices",
        "summary": "Parents' duties, the national threshold for penalty notices, notices to improve and when prosecution is considered.",
        "description": (
            "<p>A walk through the law on school attendance and the national framework for "
            "penalty notices that applies from August 2024. We cover the threshold of 10 "
            "unauthorised sessions in a rolling 10 school weeks, the amounts and time limits, "
            "what a notice to improve must say, and how the council decides on other routes.</p>"
            "<p>Throughout, the emphasis is on support first: legal steps come after support has "
            "been offered and not taken up.</p>"
        ),
        "outcomes": (
            "<ul><li>when a penalty notice may be considered, and when it may not</li>"
            "<li>what evidence a referral to the council needs</li>"
            "<li>how notices, supervision orders and prosecution fit together</li></ul>"
        ),
        "format": "in_person",
        "venue": "Committee Room 2, County Hall, Wyvern Street, WY1 1AA",
        "duration": "Half a day (3 hours)",
        "hours": 3,
        "audiences": ["headteachers", "attendance-leads"],
        "areas": ["enforce", "formalise-support"],
        "sessions": [(-25, 9, 10), (16, 9, 18), (58, 13, 18)],
        "demo_bookers": {0: ["attendance.lead", "head"]},
    },
    {
        "slug": "using-attendance-data",
        "title": "Using attendance data to target support",
        "summary": "Turning register data into early action: spotting patterns, cohorts and pupils at risk.",
        "description": (
            "<p>Most schools have more attendance data than they use. This practical session "
            "shows how to find the pupils whose attendance is slipping before they become "
            "persistently absent, compare groups fairly and share the picture with staff and governors.</p>"
        ),
        "outcomes": (
            "<ul><li>weekly and termly checks that take minutes</li>"
            "<li>comparing your figures with similar schools</li>"
            "<li>reporting to governors without overwhelming them</li></ul>"
        ),
        "format": "online",
        "duration": "2 hours",
        "hours": 2,
        "audiences": ["attendance-leads", "headteachers", "governors"],
        "areas": ["monitor"],
        "sessions": [(-12, 14, 15), (6, 14, 15), (44, 10, 15)],
        "demo_bookers": {0: ["office"], 1: ["attendance.lead"]},
    },
    {
        "slug": "reduced-timetables",
        "title": "Reduced timetables: getting them right",
        "summary": "When a part-time timetable is appropriate, how to agree and review it, and how to record it.",
        "description": (
            "<p>A reduced timetable should be rare, short and part of a plan to return the pupil "
            "to full-time education. We look at when one can help, why it must never be used to "
            "manage behaviour, how to agree it with parents, set review dates and an end date, "
            "and how to record the missed sessions with code C2.</p>"
            "<p>We also explain the termly return the council asks schools to make.</p>"
        ),
        "outcomes": (
            "<ul><li>the conditions for a lawful reduced timetable</li>"
            "<li>a review cycle that keeps it short</li>"
            "<li>what to tell the council, and when</li></ul>"
        ),
        "format": "in_person",
        "venue": "Riverside Learning Centre, Mill Lane, WY2 6AA",
        "duration": "2 hours",
        "hours": 2,
        "audiences": ["headteachers", "attendance-leads", "dsls"],
        "areas": ["formalise-support", "facilitate-support"],
        "sessions": [(-60, 13, 12), (23, 13, 3), (65, 13, 16)],
        "full": 1,
        "demo_bookers": {1: ["head"]},
    },
    {
        "slug": "elective-home-education-for-schools",
        "title": "Elective home education: what schools need to know",
        "summary": "What to do when a parent says they will educate their child at home, and how the council follows it up.",
        "description": (
            "<p>Parents have the right to educate their children at home. When a family tells "
            "you it intends to, the school has steps to take before removing the pupil from roll. "
            "This session explains those steps, the information the council needs, and how to "
            "spot when a decision may not be a free choice.</p>"
        ),
        "outcomes": (
            "<ul><li>the school's duties when a parent chooses home education</li>"
            "<li>telling the council promptly and fully</li>"
            "<li>signs that a family needs another kind of help</li></ul>"
        ),
        "format": "online",
        "duration": "75 minutes",
        "hours": 1.25,
        "audiences": ["headteachers", "attendance-leads", "office-staff"],
        "sessions": [(-18, 15, 25), (13, 15, 25)],
    },
    {
        "slug": "working-with-families",
        "title": "Working with families: support first",
        "summary": "Listening to families, understanding barriers to attendance and agreeing support that works.",
        "description": (
            "<p>Behind most absence is a reason a family can tell you about if they are asked in "
            "the right way. We practise conversations that build trust, look at common barriers "
            "such as anxiety, illness, caring duties and transport, and how to bring in early "
            "help and partner agencies around the school.</p>"
        ),
        "outcomes": (
            "<ul><li>first conversations that uncover the real barriers</li>"
            "<li>agreeing a support plan with the family</li>"
            "<li>when and how to involve other services</li></ul>"
        ),
        "format": "in_person",
        "venue": "Eastmoor Family Hub, Station Road, WY3 2BB",
        "duration": "Half a day (3 hours)",
        "hours": 3,
        "audiences": ["attendance-leads", "dsls", "partner-agencies"],
        "areas": ["listen-and-understand", "facilitate-support"],
        "sessions": [(-33, 9, 14), (27, 9, 14), (72, 9, 14)],
        "demo_bookers": {1: ["dsl"]},
    },
    {
        "slug": "attendance-and-safeguarding",
        "title": "Attendance and safeguarding for DSLs",
        "summary": "Absence as a safeguarding signal: children missing education, exploitation and when to act.",
        "description": (
            "<p>Patterns of absence can be an early sign that a child is at risk. This session "
            "for designated safeguarding leads covers children missing education, unexplained "
            "absence, links with exploitation and going missing, and how the attendance and "
            "safeguarding processes in school work together.</p>"
        ),
        "outcomes": (
            "<ul><li>absence patterns that need a safeguarding response</li>"
            "<li>the council's children missing education process</li>"
            "<li>sharing information with partners safely</li></ul>"
        ),
        "format": "in_person",
        "venue": "Committee Room 1, County Hall, Wyvern Street, WY1 1AA",
        "duration": "2 hours 30 minutes",
        "hours": 2.5,
        "audiences": ["dsls", "partner-agencies"],
        "sessions": [(-50, 10, 20), (20, 10, 20)],
    },
    {
        "slug": "registers-and-attendance-codes",
        "title": "Registers and attendance codes for office staff",
        "summary": "Keeping an accurate register with the 2024 codes, and following up absence on the first day.",
        "description": (
            "<p>An accurate register is the starting point for everything else. We go through "
            "the attendance codes introduced in 2024, common recording mistakes, first-day "
            "calls and messages, and what to pass on to the attendance lead.</p>"
        ),
        "outcomes": (
            "<ul><li>choosing the right code, including the new ones</li>"
            "<li>first-day absence follow-up that works</li>"
            "<li>when to pass a concern on</li></ul>"
        ),
        "format": "online",
        "duration": "90 minutes",
        "hours": 1.5,
        "audiences": ["office-staff"],
        "areas": ["expect", "monitor"],
        "sessions": [(-8, 13, 20), (11, 13, 20), (40, 13, 20)],
        "demo_bookers": {0: ["office"]},
    },
    {
        "slug": "partners-around-the-school",
        "title": "Attendance for partner agencies",
        "summary": "How schools and the council work on attendance, and where health, police and voluntary services fit in.",
        "description": (
            "<p>For colleagues in health, early help, police, housing and the voluntary sector "
            "who support families around a school. We explain what schools are expected to do, "
            "how the council supports them, and how your service can help a child back into school.</p>"
        ),
        "outcomes": (
            "<ul><li>the stages of support before any legal step</li>"
            "<li>who to contact in school and at the council</li></ul>"
        ),
        "format": "online",
        "duration": "1 hour",
        "hours": 1,
        "cost": "Free for partner agencies in Wyvernshire",
        "audiences": ["partner-agencies"],
        "sessions": [(30, 12, 40)],
    },
]
