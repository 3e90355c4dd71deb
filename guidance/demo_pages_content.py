"""The demo council's strategy and guidance, in its own words. Facts follow the DfE's
"Working together to improve school attendance" (2024), the national penalty notice
framework, and the child employment and performance rules; the absence figures are one
council's published figures; the council, its teams and its actions are invented."""

from decimal import Decimal

CONTACT_HOURS = "Monday to Friday, 9am to 5pm"

STRATEGY = {
    "slug": "strategy",
    "title": "Attendance strategy",
    "search_description": "Our plan with schools and partners to improve school attendance.",
    "vision": (
        "<p>We want every child and young person in Wyvernshire to be in school every day "
        "they can be, and to get help quickly when something makes that hard.</p>"
        "<p>Being in school keeps children safe as well as helping them learn and make "
        "friends. No one organisation can make that happen alone. Schools, families, council "
        "teams, health, police and voluntary groups each hold part of the answer, so this "
        "strategy says what each of us will do. By working together we expect that:</p>"
        "<ul><li>attendance rises and fewer pupils are persistently absent</li>"
        "<li>families know where to turn for help and understand their legal duty</li>"
        "<li>worries about a child's absence are noticed early and shared, so that the child "
        "is kept safe</li></ul>"
    ),
    "priorities": [
        {
            "title": "Relationships and communication",
            "summary": (
                "We will listen to pupils, parents and schools to learn what helps children "
                "attend and what gets in the way, and make sure everyone hears the same clear "
                "message."
            ),
            "how": (
                "<ul><li>Ask pupils, parents and carers, and school staff each year about the "
                "barriers they face and the help they need.</li>"
                "<li>Agree one set of attendance messages with schools and use it in letters, "
                "on social media and at parents' evenings.</li>"
                "<li>Bring together the council teams that work with families, so that advice "
                "is consistent and information is shared safely.</li>"
                "<li>Work with the voluntary and community groups that already support "
                "families, and point families to their help.</li></ul>"
            ),
        },
        {
            "title": "Effective intervention",
            "summary": (
                "We will give schools, families and professionals one clear, graduated "
                "pathway: set expectations, notice problems early, and offer support before "
                "any formal action."
            ),
            "how": (
                "<ul><li>Publish a graduated pathway from the first conversation with a family "
                "through to formal support and, as a last resort, legal action.</li>"
                "<li>Make sure early help, child in need and child protection plans look for "
                "the reasons a child is missing school and tackle them.</li>"
                "<li>Give extra attention to children at times of change: starting school, "
                "moving to secondary school, or changing school during the year.</li>"
                "<li>Bring agencies together for the few children who are still not in "
                "full-time education after support.</li></ul>"
            ),
        },
        {
            "title": "Systems and data",
            "summary": (
                "We will use up-to-date attendance data to see the picture across the county, "
                "compare it with England, and send help where it is needed most."
            ),
            "how": (
                "<ul><li>Use the daily attendance data from schools to spot patterns early, by "
                "school, by area and by group of pupils.</li>"
                "<li>Set out which team watches which figures, and how often.</li>"
                "<li>Share trends with headteachers and attendance leads at network meetings "
                "and in training.</li>"
                "<li>Help schools understand their own data, compare it with national figures "
                "and plan improvements.</li></ul>"
            ),
        },
        {
            "title": "Workforce development",
            "summary": (
                "We will make sure everyone who works with children knows their part in good "
                "attendance and has the skills and confidence to act."
            ),
            "how": (
                "<ul><li>Review our training and guidance for schools every year, including "
                "sessions for governors and academy trusts.</li>"
                "<li>Offer training to staff in other services, such as health visitors and "
                "youth workers, so they know how they can help.</li>"
                "<li>Make time for practitioners to talk through cases, reflect and learn from "
                "each other.</li>"
                "<li>Provide a self-assessment so that schools can review their whole-school "
                "approach to attendance.</li></ul>"
            ),
        },
    ],
    "roles": [
        (
            "council",
            "<ul><li>Leads this strategy and reports progress to councillors every year.</li>"
            "<li>Runs the school attendance service: advice for schools, support for families "
            "and, when nothing else has worked, legal action.</li>"
            "<li>Finds children missing education and supports families who educate at "
            "home.</li></ul>",
        ),
        (
            "schools",
            "<ul><li>Keep accurate registers and follow up every absence on the first day.</li>"
            "<li>Have a clear attendance policy and a named attendance lead, and talk to "
            "families early.</li>"
            "<li>Work with the council and other services, and share attendance data every "
            "day.</li></ul>",
        ),
        (
            "governing_bodies",
            "<ul><li>Check attendance at their school every term and ask questions when it "
            "falls.</li>"
            "<li>Think about naming one governor to lead on attendance.</li>"
            "<li>Make sure the school's policy follows national guidance, and take up the "
            "council's training for governors.</li></ul>",
        ),
        (
            "parents",
            "<ul><li>Make sure their child gets a full-time education, usually by going to "
            "school every day.</li>"
            "<li>Tell the school on the first morning of an absence, and why.</li>"
            "<li>Talk to the school early about anything that makes attendance hard, and take "
            "up the help offered.</li></ul>",
        ),
        (
            "other_services",
            "<ul><li>Include attendance in their service plans and in any plan they agree "
            "with a family.</li>"
            "<li>Tell schools and the attendance service when a child's attendance worries "
            "them.</li>"
            "<li>Act as corporate parent for children in care, with the virtual school.</li></ul>",
        ),
        (
            "external_agencies",
            "<ul><li>Health, police, youth justice and voluntary services help schools and "
            "families remove barriers to attendance.</li>"
            "<li>Join the multi-agency meetings for children missing education or often "
            "missing from home.</li>"
            "<li>Let the school or the attendance service know when they learn a child is not "
            "going to school.</li></ul>",
        ),
    ],
    # (action, priority number, owner, due, status, progress)
    "actions": [
        (
            "Survey pupils, parents and school staff about what helps and what hinders "
            "attendance, and publish what we learn.",
            1,
            "Senior attendance officer",
            "Autumn term 2026",
            "done",
            "Over 2,400 replies. A summary went to every school in October.",
        ),
        (
            "Agree a shared set of attendance messages with headteachers for letters and "
            "social media.",
            1,
            "Head of the school attendance service",
            "Spring term 2027",
            "on_track",
            "Draft messages tested with two parent forums.",
        ),
        (
            "Map the voluntary and community groups that support families and add them to "
            "each school's community support list.",
            1,
            "Early help coordinator",
            "Summer term 2027",
            "not_started",
            "",
        ),
        (
            "Publish the graduated attendance pathway for schools, families and professionals.",
            2,
            "Senior attendance officer",
            "Spring term 2027",
            "on_track",
            "Consultation with schools closes in January.",
        ),
        (
            "Add a question about school attendance to every early help assessment and child "
            "in need plan.",
            2,
            "Head of early help",
            "Spring term 2027",
            "at_risk",
            "Held up by changes to the case recording system.",
        ),
        (
            "Run a transition project with six primary and two secondary schools for year 6 "
            "pupils whose attendance is falling.",
            2,
            "School liaison officer",
            "Summer term 2027",
            "on_track",
            "Four of the six primary schools have named their pupils.",
        ),
        (
            "Hold a monthly multi-agency meeting about children missing education and "
            "children not in full-time school.",
            2,
            "Pupil tracking officer",
            "Autumn term 2026",
            "done",
            "Meeting every month since September.",
        ),
        (
            "Give each school a termly attendance profile built from the daily data feed.",
            3,
            "Attendance data analyst",
            "Spring term 2027",
            "on_track",
            "Profiles ready for four in five schools.",
        ),
        (
            "Collect every school's reduced timetable return each term, nil returns included.",
            3,
            "Senior attendance officer",
            "Autumn term 2026",
            "at_risk",
            "Only a third of schools replied last time; reminders are now sent automatically.",
        ),
        (
            "Build a dashboard for council teams showing absence by area, phase and group of "
            "pupils.",
            3,
            "Business intelligence manager",
            "Summer term 2027",
            "not_started",
            "",
        ),
        (
            "Refresh attendance training for school staff and add a course for governors.",
            4,
            "Training coordinator",
            "Autumn term 2026",
            "done",
            "The governors' course has run twice, for 46 governors.",
        ),
        (
            "Offer attendance awareness sessions to health visitors, school nurses and youth "
            "workers.",
            4,
            "Training coordinator",
            "Spring term 2027",
            "not_started",
            "",
        ),
        (
            "Launch the online attendance self-assessment for schools.",
            4,
            "Head of the school attendance service",
            "Spring term 2027",
            "on_track",
            "Tried out with eight schools.",
        ),
        (
            "Hold a termly network where attendance leads share what works.",
            4,
            "School liaison officer",
            "Every term",
            "on_track",
            "",
        ),
    ],
    "absence_data": {
        "title": "Overall absence by phase",
        "year": "2023 to 2024",
        "figures": [
            ("All schools", Decimal("7.2"), Decimal("6.8")),
            ("Primary", Decimal("5.0"), Decimal("5.2")),
            ("Secondary", Decimal("10.0"), Decimal("8.5")),
            ("Special", Decimal("12.1"), Decimal("12.9")),
        ],
        "source": (
            "Wyvernshire County Council's published absence figures; national figures from "
            "the Department for Education"
        ),
    },
    "monitoring": (
        "<p>We check progress against the action plan every term and report to the council's "
        "children and young people scrutiny committee once a year.</p>"
        "<h3>Three-stage attendance monitoring</h3>"
        "<ol><li><strong>Audit.</strong> Each term we look closely at every school whose "
        "attendance is below 94%: its registers, its patterns of absence and the support in "
        "place.</li>"
        "<li><strong>Follow-up meetings.</strong> Attendance officers meet those schools to "
        "talk about individual pupils and check that each one has a plan.</li>"
        "<li><strong>Sharing practice.</strong> All schools meet centrally to share data, "
        "feedback and what has worked.</li></ol>"
        "<p>Each governing body receives a yearly attendance report for its school, and "
        "schools can compare themselves with others through the self-assessment.</p>"
    ),
}

GUIDANCE_INDEX = {
    "slug": "guidance",
    "title": "Guidance",
    "introduction": (
        "<p>Guidance on school attendance for schools, parents and carers, governors and the "
        "agencies that work with them.</p>"
    ),
}

DOCUMENTS = {
    "reduced-timetable-return": {
        "title": "Reduced timetable return template",
        "filename": "reduced-timetable-return.csv",
        "content": (
            "Pupil name,Date of birth,Year group,Start date,Hours offered each week,Reason,"
            "Review date,End date,EHCP or SEN,Looked after,Social worker,Parent agreed\n"
        ),
    },
    "governor-questions": {
        "title": "Questions governors can ask about attendance",
        "filename": "governor-attendance-questions.txt",
        "content": (
            "Questions governors can ask about attendance\n\n"
            "1. How does our attendance compare with last year and with schools like ours?\n"
            "2. Which groups of pupils have the lowest attendance, and why?\n"
            "3. How many pupils are persistently absent (missing 10% or more of sessions)?\n"
            "4. How quickly do we contact a family after an unexplained absence?\n"
            "5. How many pupils are on a reduced timetable, and when will each one end?\n"
            "6. Which outside services are we working with, and is it helping?\n"
        ),
    },
}

# Each guidance page: slug, title, summary, audiences and topics (slugs), days since its
# last review, days until the next one (negative: overdue), whether the demo editor owns
# it, and its body as (block type, value) pairs. Related pages name earlier pages' slugs.
GUIDANCE_PAGES = [
    {
        "slug": "attendance-for-parents",
        "title": "School attendance: what parents need to know",
        "summary": "Why every day at school counts, what to do when your child is ill, and where to get help.",
        "audiences": ["parents"],
        "topics": ["support-first"],
        "reviewed": 5,
        "next_review": 115,
        "body": [
            (
                "text",
                "<p>Going to school every day helps children learn, make friends and stay safe.</p>"
                "<p>If your child is ill, phone the school on the first morning.</p>"
                "<p>If something makes it hard for your child to go to school, talk to the school "
                "early. They can help.</p>",
            ),
            (
                "contact",
                {
                    "name": "School attendance service",
                    "phone": "01632 960 123",
                    "email": "attendance@wyvernshire.example",
                    "hours": CONTACT_HOURS,
                    "note": "We can speak to you in your own language through an interpreter.",
                },
            ),
        ],
    },
    {
        "slug": "attendance-registers-and-codes",
        "title": "Attendance registers and codes",
        "summary": "How schools take the register, which codes to use, and what changed in August 2024.",
        "audiences": ["schools", "governors"],
        "topics": ["registers-and-codes"],
        "reviewed": 40,
        "next_review": 80,
        "body": [
            (
                "text",
                "<p>Schools must take an attendance register at the start of the morning session "
                "and once during the afternoon session. Each pupil is recorded as present, absent "
                "or at an approved educational activity, using the national codes.</p>"
                "<p>An accurate register matters. It is a legal record, it shows which pupils need "
                "support, and it is the evidence behind any penalty notice or prosecution. A "
                "missing or wrong code can hide a child who is at risk.</p>"
                "<h2>Codes that count towards a penalty notice</h2>"
                "<p>Only unauthorised absence counts towards the national threshold for "
                "considering a penalty notice: codes G, N, O and U.</p>",
            ),
            (
                "table",
                {
                    "caption": "Unauthorised absence codes",
                    "table": {
                        "first_row_is_table_header": True,
                        "first_col_is_header": True,
                        "table_header_choice": "both",
                        "data": [
                            ["Code", "Meaning", "When to use it"],
                            [
                                "G",
                                "Holiday not agreed by the school",
                                "The pupil is away on a holiday in term time that the school did not agree to.",
                            ],
                            [
                                "N",
                                "Reason not yet given",
                                "Until you know the reason. Replace it within 5 school days.",
                            ],
                            [
                                "O",
                                "Absent for another or unknown reason",
                                "No reason is given, or the school does not accept the reason given.",
                            ],
                            [
                                "U",
                                "Arrived after the register closed",
                                "The pupil arrived after registration closed without a good reason.",
                            ],
                        ],
                    },
                },
            ),
            (
                "details",
                {
                    "summary": "Codes that changed in August 2024",
                    "text": "<p>From 19 August 2024 codes H, Y and J were withdrawn. New codes "
                    "include C1, C2 (sessions missed under an agreed part-time timetable), J1, K, "
                    "Q, and Y1 to Y7 for sessions a pupil could not attend for reasons outside "
                    "their family's control.</p>",
                },
            ),
        ],
    },
    {
        "slug": "penalty-notices",
        "title": "Penalty notices for school absence",
        "summary": "When the council may issue a penalty notice for a child's absence, what it costs and what happens first.",
        "audiences": ["parents", "schools"],
        "topics": ["penalty-notices", "support-first"],
        "reviewed": 20,
        "next_review": 100,
        "body": [
            (
                "text",
                "<p>A penalty notice is a fine the council can give a parent when their child "
                "misses school without a good reason. It is an alternative to prosecution. The "
                "same national rules have applied across England since 19 August 2024.</p>"
                "<h2>When a notice is considered</h2>"
                "<p>A penalty notice must be considered when a pupil has 10 sessions of "
                "unauthorised absence within a rolling period of 10 school weeks. A session is a "
                "morning or an afternoon, and the 10 weeks can run across terms and school "
                "years.</p>"
                "<p>Considering a notice does not mean one will be issued. Support comes first, "
                "and a notice is used only when it is the best way to improve the child's "
                "attendance.</p>",
            ),
            (
                "table",
                {
                    "caption": "What a penalty notice costs",
                    "table": {
                        "first_row_is_table_header": True,
                        "first_col_is_header": True,
                        "table_header_choice": "both",
                        "data": [
                            ["Notice", "Amount"],
                            ["First notice, paid within 21 days", "£80"],
                            ["First notice, paid after 21 days but within 28", "£160"],
                            ["Second notice for the same child within 3 years", "£160"],
                            [
                                "Third time within 3 years",
                                "No notice can be given: the council considers other action, such as prosecution",
                            ],
                        ],
                    },
                },
            ),
            (
                "warning_text",
                "If a penalty notice is not paid within 28 days, the council will usually "
                "consider prosecuting you for the absence.",
            ),
            (
                "step_by_step",
                {
                    "title": "What happens before a penalty notice",
                    "steps": [
                        {
                            "title": "The school talks to you",
                            "text": "<p>The school gets in touch about your child's absence, "
                            "listens to the reasons and offers help.</p>",
                        },
                        {
                            "title": "Support is offered",
                            "text": "<p>This could be a meeting, an early help assessment or a "
                            "referral to another service, such as school nursing or family "
                            "support.</p>",
                        },
                        {
                            "title": "A notice to improve",
                            "text": "<p>If the absence carries on, you may receive a notice to "
                            "improve. It sets out the support on offer and what must improve, "
                            "and gives you 3 to 6 weeks to do it.</p>",
                        },
                        {
                            "title": "A penalty notice or other action",
                            "text": "<p>If attendance does not improve, the council may issue a "
                            "penalty notice or consider other action.</p>",
                        },
                    ],
                },
            ),
            (
                "accordion",
                {
                    "sections": [
                        {
                            "heading": "Can I be fined for a holiday in term time?",
                            "summary": "",
                            "text": "<p>Yes. Headteachers agree leave in term time only in "
                            "exceptional circumstances. A holiday the school did not agree to is "
                            "unauthorised absence and counts towards the threshold.</p>",
                        },
                        {
                            "heading": "Who receives the notice?",
                            "summary": "",
                            "text": "<p>A notice can go to each parent responsible for the "
                            "absence, so two parents of the same child may each receive "
                            "one.</p>",
                        },
                    ]
                },
            ),
        ],
    },
    {
        "slug": "elective-home-education",
        "title": "Educating your child at home",
        "summary": "What to do if you decide to educate your child at home, and how the council can help.",
        "audiences": ["parents"],
        "topics": ["elective-home-education"],
        "reviewed": 30,
        "next_review": 90,
        "body": [
            (
                "text",
                "<p>You can choose to educate your child at home instead of sending them to "
                "school. This is called elective home education. You must make sure the education "
                "is full-time and suits your child's age, ability and any special educational "
                "needs.</p>"
                "<p>If your child is on a school roll, write to the headteacher to say you will "
                "educate your child at home. The school takes your child off its roll and tells "
                "the council.</p>",
            ),
            (
                "details",
                {
                    "summary": "When you need the council's agreement",
                    "text": "<p>You need the council's consent first if your child goes to a "
                    "special school the council arranged, or is under a school attendance order. "
                    "A child with an education, health and care plan at a mainstream school can "
                    "be taken out without consent.</p>",
                },
            ),
            (
                "accordion",
                {
                    "sections": [
                        {
                            "heading": "What the council will do",
                            "summary": "Advice and a conversation about your plans",
                            "text": "<p>An elective home education officer will contact you to "
                            "offer advice and ask about the education you are providing.</p>",
                        },
                        {
                            "heading": "Going back to school",
                            "summary": "You can apply for a place at any time",
                            "text": "<p>You can apply for a school place at any time through the "
                            "council's admissions team.</p>",
                        },
                    ]
                },
            ),
            (
                "contact",
                {
                    "name": "Elective home education team",
                    "phone": "01632 960 124",
                    "email": "ehe@wyvernshire.example",
                    "hours": CONTACT_HOURS,
                    "note": "",
                },
            ),
        ],
    },
    {
        "slug": "children-missing-education",
        "title": "Children missing education",
        "summary": "What to do when you do not know where a child of school age is being educated.",
        "audiences": ["schools", "partner-agencies"],
        "topics": ["children-missing-education", "safeguarding"],
        "reviewed": 60,
        "next_review": 60,
        "body": [
            (
                "text",
                "<p>A child is missing education when they are of compulsory school age, are not "
                "on a school roll and are not getting a suitable education elsewhere. These "
                "children can be at greater risk of harm, so every school and agency has a part "
                "in finding them.</p>"
                "<h2>When a pupil leaves and you do not know where they have gone</h2>"
                "<p>Before taking a pupil off roll, make reasonable enquiries with the council to "
                "find out where the child is. Contact the pupil tracking officer, who will check "
                "with other schools and councils.</p>",
            ),
            ("warning_text", "If you think a child is in immediate danger, call 999."),
            (
                "contact",
                {
                    "name": "Pupil tracking officer",
                    "phone": "01632 960 125",
                    "email": "cme@wyvernshire.example",
                    "hours": CONTACT_HOURS,
                    "note": "Tell us about any child you believe is not in school and not being educated.",
                },
            ),
        ],
    },
    {
        "slug": "child-employment",
        "title": "Child work permits",
        "summary": "The hours children of school age can work, the jobs they cannot do and how to get a work permit.",
        "audiences": ["parents", "partner-agencies"],
        "topics": ["child-employment-and-performance"],
        "reviewed": 90,
        "next_review": 30,
        "body": [
            (
                "text",
                "<p>Children of school age can do some part-time work, but the law limits when "
                "and for how long, so that work does not harm their health or education. The "
                "minimum age is 14, although local byelaws allow 13-year-olds to do some light "
                "work, such as delivering newspapers.</p>"
                "<p>The employer and a parent apply for a work permit, usually within a week of "
                "the child starting. A permit usually lasts about a year.</p>",
            ),
            (
                "table",
                {
                    "caption": "The most a child of school age may work",
                    "table": {
                        "first_row_is_table_header": True,
                        "first_col_is_header": True,
                        "table_header_choice": "both",
                        "data": [
                            ["When", "Most hours allowed"],
                            ["School day", "2 hours, outside school hours"],
                            [
                                "Saturday or weekday in the holidays",
                                "5 hours (under 15) or 8 hours (15 or over)",
                            ],
                            ["Sunday", "2 hours"],
                            ["School week", "12 hours"],
                            ["Holiday week", "25 hours (under 15) or 35 hours (15 or over)"],
                        ],
                    },
                },
            ),
            (
                "text",
                "<p>Children cannot work before 7am or after 7pm. They must have a 1-hour break "
                "after 4 hours' work, and at least 2 weeks in a row without work during the "
                "school holidays each year.</p>",
            ),
            (
                "details",
                {
                    "summary": "Jobs children cannot do",
                    "text": "<ul><li>work in a commercial kitchen</li>"
                    "<li>sell or deliver alcohol, except in sealed containers</li>"
                    "<li>work at a fairground or amusement arcade</li>"
                    "<li>collect refuse or deliver fuel</li>"
                    "<li>sell or collect door to door</li>"
                    "<li>work more than 3 metres above the floor</li>"
                    "<li>work in a cinema or nightclub</li></ul>",
                },
            ),
        ],
    },
    {
        "slug": "performance-licences",
        "title": "Performance licences and chaperones",
        "summary": "When a child needs a licence to perform, how to apply, and how to become an approved chaperone.",
        "audiences": ["parents", "partner-agencies"],
        "topics": ["child-employment-and-performance"],
        "reviewed": 15,
        "next_review": 105,
        "body": [
            (
                "text",
                "<p>A child of school age usually needs a licence from the council where they "
                "live to take part in a performance, such as a play, a film, a television "
                "programme or paid modelling.</p>",
            ),
            (
                "inset_text",
                "<p>No licence is needed if your child is not paid, misses no school and has "
                "performed on no more than 3 days in the last 6 months.</p>",
            ),
            (
                "step_by_step",
                {
                    "title": "Applying for a performance licence",
                    "steps": [
                        {
                            "title": "The producer completes part 1",
                            "text": "<p>The producer describes the production, its dates, places "
                            "and times, any night work, the risk assessment, the safeguarding "
                            "policy and how the child will be taught. A child who misses school "
                            "must have a tutor for at least 3 hours each school day.</p>",
                        },
                        {
                            "title": "The parent completes part 2",
                            "text": "<p>You give your child's details, photos and birth "
                            "certificate and, if they will miss school, a letter from the "
                            "headteacher.</p>",
                        },
                        {
                            "title": "The council decides",
                            "text": "<p>Apply at least 21 days before the first performance. "
                            "The council may refuse an application that arrives later.</p>",
                        },
                    ],
                },
            ),
            (
                "details",
                {
                    "summary": "Becoming a chaperone",
                    "text": "<p>Chaperones look after children who perform when their parents "
                    "are not there. Apply to the council where you live. You must be at least "
                    "18, have an enhanced DBS check and give references. Approval usually lasts "
                    "3 years, and a chaperone can look after up to 12 children.</p>",
                },
            ),
        ],
    },
    {
        "slug": "attendance-and-safeguarding",
        "title": "Attendance and safeguarding",
        "summary": "Why absence can be a warning sign, and what schools and agencies should do about it.",
        "audiences": ["schools", "partner-agencies"],
        "topics": ["safeguarding", "support-first"],
        "reviewed": 50,
        "next_review": 70,
        "body": [
            (
                "text",
                "<p>Missing school can be a sign that a child is at risk of harm, including "
                "neglect, exploitation or going missing from home. Absence also cuts a child off "
                "from trusted adults who might notice a problem.</p>"
                "<p>Designated safeguarding leads should see attendance data regularly, and "
                "attendance staff should know when to pass on a concern.</p>",
            ),
            (
                "accordion",
                {
                    "sections": [
                        {
                            "heading": "Patterns to look out for",
                            "summary": "",
                            "text": "<ul><li>absence on the same days each week</li>"
                            "<li>unexplained absence after a change at home</li>"
                            "<li>a child who goes missing during the school day</li>"
                            "<li>brothers and sisters absent at the same times</li></ul>",
                        },
                        {
                            "heading": "Sharing information",
                            "summary": "",
                            "text": "<p>Share concerns with the attendance service and, where a "
                            "child may be at risk, with children's social care. Record what you "
                            "shared, with whom and why.</p>",
                        },
                        {
                            "heading": "Children with a social worker",
                            "summary": "",
                            "text": "<p>Tell the child's social worker and the virtual school "
                            "when attendance drops, so that the plan can change.</p>",
                        },
                    ]
                },
            ),
            ("warning_text", "If a child is in immediate danger, call 999."),
        ],
    },
    {
        "slug": "reduced-timetables",
        "title": "Reduced timetables",
        "summary": "When a part-time timetable may be used, how to set one up, and the return schools send to the council.",
        "audiences": ["schools", "partner-agencies"],
        "topics": ["reduced-timetables", "safeguarding"],
        "reviewed": 200,
        "next_review": -20,
        "owned_by_editor": True,
        "body": [
            (
                "text",
                "<p>Every pupil of compulsory school age is entitled to a full-time education. A "
                "reduced, or part-time, timetable should be used only in exceptional "
                "circumstances and when it is in the pupil's best interests, for example to "
                "support a gradual return after illness.</p>"
                "<p>It needs the parent's agreement and should be part of a wider plan of "
                "support.</p>",
            ),
            ("warning_text", "Never use a reduced timetable to manage a pupil's behaviour."),
            (
                "inset_text",
                "<p>Sessions missed under an agreed reduced timetable are recorded as authorised "
                "absence with code C2, or X for a child who is not of compulsory school age.</p>",
            ),
            (
                "step_by_step",
                {
                    "title": "Setting up a reduced timetable",
                    "steps": [
                        {
                            "title": "Agree it with the parent",
                            "text": "<p>Explain why a reduced timetable would help and record "
                            "the parent's agreement.</p>",
                        },
                        {
                            "title": "Write it into a support plan",
                            "text": "<p>Set out the hours offered, the reason, the support around "
                            "it and who else is involved, such as a social worker or the SEN "
                            "team.</p>",
                        },
                        {
                            "title": "Set review and end dates",
                            "text": "<p>Review the timetable with the pupil and parents every 6 "
                            "to 8 weeks and set a clear end date. It can be extended at a review "
                            "if that is still in the pupil's interests.</p>",
                        },
                        {
                            "title": "Tell the council",
                            "text": "<p>Include the pupil in your school's termly return to the "
                            "attendance service.</p>",
                        },
                    ],
                },
            ),
            (
                "table",
                {
                    "caption": "What the termly return asks about each pupil",
                    "table": {
                        "first_row_is_table_header": True,
                        "first_col_is_header": True,
                        "table_header_choice": "both",
                        "data": [
                            ["Item", "What to give"],
                            ["Start date", "When the reduced timetable began"],
                            ["Hours offered", "Hours of education each week"],
                            ["Reason", "Why it is in the pupil's interests"],
                            ["Review date", "The next review, within 6 to 8 weeks"],
                            ["End date", "When the pupil returns to full time"],
                            [
                                "Other details",
                                "Whether the pupil has an EHCP or special educational needs, is looked after or has a social worker, and whether the parent agreed",
                            ],
                        ],
                    },
                },
            ),
            (
                "details",
                {
                    "summary": "If no pupils are on a reduced timetable",
                    "text": "<p>Send a nil return. It tells us you have checked and saves us "
                    "chasing you.</p>",
                },
            ),
            (
                "document",
                {
                    "document": "reduced-timetable-return",
                    "description": "Use this template for your termly return.",
                },
            ),
            (
                "accordion",
                {
                    "sections": [
                        {
                            "heading": "Can a reduced timetable last a whole term?",
                            "summary": "",
                            "text": "<p>Only if each review finds it is still in the pupil's "
                            "interests. Every review should agree the next steps back to "
                            "full-time education.</p>",
                        },
                        {
                            "heading": "Who should be involved?",
                            "summary": "",
                            "text": "<p>The pupil, their parents and, where relevant, their "
                            "social worker, the SEN team and health professionals.</p>",
                        },
                    ]
                },
            ),
            (
                "contact",
                {
                    "name": "School attendance service",
                    "phone": "01632 960 123",
                    "email": "attendance@wyvernshire.example",
                    "hours": CONTACT_HOURS,
                    "note": "Talk to us before starting a reduced timetable for a pupil with an "
                    "education, health and care plan or a social worker.",
                },
            ),
            (
                "related_pages",
                {
                    "heading": "See also",
                    "pages": ["attendance-and-safeguarding", "children-missing-education"],
                },
            ),
        ],
    },
    {
        "slug": "moving-to-secondary-school",
        "title": "Moving to secondary school",
        "summary": "How families and schools can keep attendance strong when a child moves from primary to secondary school.",
        "audiences": ["parents", "schools"],
        "topics": ["transition"],
        "reviewed": 10,
        "next_review": 110,
        "body": [
            (
                "text",
                "<p>Moving to secondary school is a big change. Attendance often dips in year 7, "
                "most of all for children who already found school hard.</p>",
            ),
            (
                "step_by_step",
                {
                    "title": "Getting ready for year 7",
                    "steps": [
                        {
                            "title": "In year 6",
                            "text": "<p>The primary school shares attendance information with "
                            "the new school and names pupils who may need extra help.</p>",
                        },
                        {
                            "title": "Over the summer",
                            "text": "<p>The secondary school contacts those pupils' families to "
                            "plan support before the first day.</p>",
                        },
                        {
                            "title": "In the first term",
                            "text": "<p>The secondary school checks attendance every week and "
                            "talks to families as soon as absence starts.</p>",
                        },
                    ],
                },
            ),
            (
                "inset_text",
                "<p>If your child is worried about starting secondary school, tell both schools "
                "early. Visits and a named member of staff can make a real difference.</p>",
            ),
        ],
    },
    {
        "slug": "support-first",
        "title": "Support first",
        "summary": "How schools, the council and other services help families improve attendance before any legal action.",
        "audiences": ["parents", "schools", "partner-agencies"],
        "topics": ["support-first"],
        "reviewed": 25,
        "next_review": 95,
        "body": [
            (
                "text",
                "<p>National guidance expects schools and councils to find out why a child is "
                "missing school and to offer help before considering formal action. Blanket "
                "policies that treat every absence the same way are not allowed.</p>"
                "<h2>How schools work with families</h2>"
                "<ul><li><strong>Expect:</strong> set high expectations and explain them to "
                "families.</li>"
                "<li><strong>Monitor:</strong> check attendance data and spot patterns early.</li>"
                "<li><strong>Listen and understand:</strong> talk with the pupil and family about "
                "what gets in the way.</li>"
                "<li><strong>Facilitate support:</strong> help remove barriers, in school and with "
                "other services.</li>"
                "<li><strong>Formalise support:</strong> agree a plan, such as an attendance "
                "contract or early help.</li>"
                "<li><strong>Enforce:</strong> use legal powers only when support has not worked "
                "or has been refused.</li></ul>",
            ),
            (
                "details",
                {
                    "summary": "What persistent and severe absence mean",
                    "text": "<p>A pupil is persistently absent when they miss 10% or more of "
                    "their possible sessions, and severely absent when they miss 50% or "
                    "more.</p>",
                },
            ),
            (
                "related_pages",
                {
                    "heading": "Also useful",
                    "pages": ["penalty-notices", "attendance-and-safeguarding"],
                },
            ),
        ],
    },
    {
        "slug": "governors-guide",
        "title": "Attendance: a guide for governors",
        "summary": "What governing bodies should check each term, and questions to ask school leaders.",
        "audiences": ["governors"],
        "topics": ["registers-and-codes", "support-first"],
        "reviewed": 70,
        "next_review": 50,
        "owned_by_editor": True,
        "body": [
            (
                "text",
                "<p>Governing bodies should look at attendance every term, compare it with "
                "similar schools and national figures, and check that the school follows its "
                "attendance policy. Many appoint an attendance governor to lead this work.</p>",
            ),
            (
                "accordion",
                {
                    "sections": [
                        {
                            "heading": "Questions about data",
                            "summary": "",
                            "text": "<ul><li>How does our attendance compare with last year and "
                            "with national figures?</li>"
                            "<li>Which groups of pupils have the lowest attendance?</li>"
                            "<li>How many pupils are persistently absent?</li></ul>",
                        },
                        {
                            "heading": "Questions about support",
                            "summary": "",
                            "text": "<ul><li>How quickly do we contact families after an "
                            "absence?</li>"
                            "<li>How many pupils are on a reduced timetable, and when will each "
                            "one end?</li>"
                            "<li>Which outside services are we working with?</li></ul>",
                        },
                    ]
                },
            ),
            (
                "document",
                {
                    "document": "governor-questions",
                    "description": "A one-page list to take to your next meeting.",
                },
            ),
            (
                "related_pages",
                {
                    "heading": "See also",
                    "pages": ["attendance-registers-and-codes", "support-first"],
                },
            ),
        ],
    },
]
