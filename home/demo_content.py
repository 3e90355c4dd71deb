"""The demo council's own words. Facts (thresholds, fines, definitions) follow the DfE's
"Working together to improve school attendance" (2024) and the national penalty notice
framework; the council, its schools and its people are invented."""

HOME = {
    "title": "School attendance",
    "introduction": (
        "<p>Information, forms and support from the council's school attendance service "
        "for parents, schools, governors and partner agencies.</p>"
    ),
    "tiles": [
        {
            "slug": "strategy",
            "title": "Our attendance strategy",
            "description": "Our priorities, who does what, and the action plan we are following.",
        },
        {
            "slug": "guidance",
            "title": "Guidance",
            "description": "What the law expects, and how schools and families can improve attendance.",
        },
        {
            "slug": "community-support",
            "title": "Community support around each school",
            "description": "Find the agencies and named contacts that support your school's pupils and families.",
        },
        {
            "slug": "forms",
            "title": "Forms and applications",
            "description": "Register home education or apply for a child work permit or performance licence.",
        },
        {
            "slug": "self-assessment",
            "title": "School self-assessment",
            "description": "Rate your school's whole-school approach to attendance and plan improvements.",
        },
        {
            "slug": "training",
            "title": "Training",
            "description": "Courses on attendance for governors, school leaders and staff.",
        },
        {
            "url": "/portal/",
            "title": "Sign in for schools",
            "description": "Referrals, returns, assessments and bookings for your school.",
        },
    ],
}

JOURNEY_PAGES = [
    {
        "slug": "forms",
        "menu": True,
        "title": "Forms and applications",
        "summary": "What you can tell us or apply for, and who each form is for.",
        "body": [
            (
                "text",
                "<h2>For parents and carers</h2>"
                "<ul><li>Tell us you are educating your child at home (elective home education). If "
                "your child is on a school roll, write to the school as well: the school removes them "
                "from its roll and lets us know.</li>"
                "<li>Apply for a permit for your child to work part-time. Children can usually start "
                "from age 13 in light work allowed by local byelaws.</li>"
                "<li>Apply for a licence for your child to take part in a performance.</li></ul>"
                "<h2>For employers, producers and chaperones</h2>"
                "<p>Employers complete their part of a child work permit; producers complete part 1 "
                "of a performance licence at least 21 days before the first performance; chaperones "
                "apply to be approved by the council where they live.</p>"
                "<h2>For schools</h2>"
                "<p>Sign in to refer a pupil to the attendance service or to make your school's "
                "reduced-timetable return.</p>",
            ),
        ],
    },
    {
        "slug": "self-assessment",
        "menu": True,
        "title": "School self-assessment",
        "summary": "Judge your school's whole-school approach to attendance and plan what to do next.",
        "body": [
            (
                "text",
                "<p>The self-assessment follows the strands of the Department for Education's "
                "attendance guidance: expect, monitor, listen and understand, facilitate support, "
                "formalise support and enforce, together with leadership and governance.</p>"
                "<p>For each statement your school chooses the level that best describes it, from "
                "not yet in place to embedded, and notes its evidence. The report shows where you "
                "stand against schools of the same phase and suggests actions for your plan.</p>"
                "<p>Headteachers, attendance leads and designated safeguarding leads can sign in to "
                "start an assessment; governors can read their school's report.</p>"
                '<p><a href="/portal/self-assessment/">Start or continue your school\'s '
                "self-assessment</a> (you will be asked to sign in).</p>",
            ),
        ],
    },
]

FOOTER_PAGES = [
    {
        "setting": "accessibility_page",
        "slug": "accessibility-statement",
        "title": "Accessibility statement",
        "summary": "How accessible this portal is and how to tell us about a problem.",
        "body": [
            (
                "text",
                "<p>Wyvernshire County Council runs this portal. We want as many people as possible "
                "to be able to use it. You should be able to change colours, contrast and fonts, "
                "zoom in up to 400% without the text spilling off the screen, and use the whole "
                "portal with a keyboard, speech recognition software or a screen reader.</p>"
                "<h2>Compliance</h2>"
                "<p>We aim to meet the Web Content Accessibility Guidelines version 2.2 at level AA. "
                "Every page and form step is checked with automated tools before it is released.</p>"
                "<h2>Reporting a problem</h2>"
                "<p>If you find a problem or need information in another format, email "
                "attendance@wyvernshire.example or call 01632 960 123. We reply within 5 working days.</p>",
            ),
        ],
    },
    {
        "setting": "contact_page",
        "slug": "contact",
        "title": "Contact us",
        "summary": "How to reach the school attendance service.",
        "body": [
            (
                "text",
                "<p>Email attendance@wyvernshire.example or call 01632 960 123, Monday to Friday, "
                "9am to 5pm.</p>"
                "<p>Write to: School Attendance Service, County Hall, Wyvern Street, WY1 1AA.</p>",
            ),
            ("warning_text", "If you think a child is in immediate danger, call 999."),
        ],
    },
]

# The privacy notice: the editor's introduction and contact. What each service collects,
# why and for how long, and the cookies, come from home/privacy.py (its own cookies section
# is linked from the footer, so there is no separate cookies page).
PRIVACY_NOTICE = {
    "setting": "privacy_page",
    "slug": "privacy-notice",
    "title": "Privacy notice",
    "introduction": (
        "<p>Wyvernshire County Council is the data controller for the information you give "
        "us through this portal. This notice explains, for each of our services, what we "
        "collect, why we need it, who we share it with and how long we keep it.</p>"
        "<h2>Your rights</h2>"
        "<p>You can ask for a copy of the information we hold about you, ask us to correct "
        "it, and in some cases ask us to delete it or to stop using it. Where we rely on your "
        "consent you can withdraw it at any time.</p>"
    ),
    "data_protection_officer": (
        "<p>Email dpo@wyvernshire.example or write to the Data Protection Officer, County "
        "Hall, Wyvern Street, WY1 1AA.</p>"
        "<p>If you are unhappy with how we have used your information, you can complain to "
        "the Information Commissioner's Office (ico.org.uk, 0303 123 1113).</p>"
    ),
}

# The home page's strings in each other language, keyed by the English.
_HOME_STRINGS = [
    "Our attendance strategy",
    "Our priorities, who does what, and the action plan we are following.",
    "School attendance",
    "Information, forms and support from the council's school attendance service for parents, "
    "schools, governors and partner agencies.",
    "Guidance",
    "What the law expects, and how schools and families can improve attendance.",
    "Community support around each school",
    "Find the agencies and named contacts that support your school's pupils and families.",
    "Forms and applications",
    "Register home education or apply for a child work permit or performance licence.",
    "School self-assessment",
    "Rate your school's whole-school approach to attendance and plan improvements.",
    "Training",
    "Courses on attendance for governors, school leaders and staff.",
    "Sign in for schools",
    "Referrals, returns, assessments and bookings for your school.",
]

_TRANSLATED = {
    "cy": [
        "Ein strategaeth presenoldeb",
        "Ein blaenoriaethau, pwy sy'n gwneud beth, a'r cynllun gweithredu rydym yn ei ddilyn.",
        "Presenoldeb yn yr ysgol",
        "Gwybodaeth, ffurflenni a chymorth gan wasanaeth presenoldeb ysgol y cyngor i rieni, "
        "ysgolion, llywodraethwyr ac asiantaethau partner.",
        "Canllawiau",
        "Beth mae'r gyfraith yn ei ddisgwyl, a sut y gall ysgolion a theuluoedd wella presenoldeb.",
        "Cymorth cymunedol o amgylch pob ysgol",
        "Dewch o hyd i'r asiantaethau a'r cysylltiadau sy'n cefnogi disgyblion a theuluoedd eich ysgol.",
        "Ffurflenni a cheisiadau",
        "Cofrestru addysg yn y cartref neu wneud cais am drwydded waith plentyn neu drwydded perfformio.",
        "Hunanasesiad ysgol",
        "Aseswch ddull eich ysgol gyfan o ymdrin â phresenoldeb a chynllunio gwelliannau.",
        "Hyfforddiant",
        "Cyrsiau ar bresenoldeb i lywodraethwyr, arweinwyr ysgolion a staff.",
        "Mewngofnodi i ysgolion",
        "Atgyfeiriadau, ffurflenni, asesiadau ac archebion ar gyfer eich ysgol.",
    ],
    "pl": [
        "Nasza strategia frekwencji",
        "Nasze priorytety, podział zadań i plan działania, który realizujemy.",
        "Frekwencja szkolna",
        "Informacje, formularze i pomoc od działu frekwencji szkolnej rady hrabstwa dla rodziców, "
        "szkół, członków rad szkół i instytucji partnerskich.",
        "Wytyczne",
        "Czego wymaga prawo i jak szkoły oraz rodziny mogą poprawić frekwencję.",
        "Wsparcie społeczności wokół każdej szkoły",
        "Znajdź instytucje i osoby kontaktowe, które wspierają uczniów i rodziny Twojej szkoły.",
        "Formularze i wnioski",
        "Zgłoś edukację domową lub złóż wniosek o pozwolenie na pracę dziecka albo licencję na występy.",
        "Samoocena szkoły",
        "Oceń podejście całej szkoły do frekwencji i zaplanuj usprawnienia.",
        "Szkolenia",
        "Kursy dotyczące frekwencji dla członków rad szkół, dyrekcji i pracowników.",
        "Logowanie dla szkół",
        "Skierowania, zestawienia, samooceny i rezerwacje Twojej szkoły.",
    ],
    "ro": [
        "Strategia noastră privind frecvența",
        "Prioritățile noastre, cine ce face și planul de acțiune pe care îl urmăm.",
        "Frecvența școlară",
        "Informații, formulare și sprijin de la serviciul de frecvență școlară al consiliului, pentru "
        "părinți, școli, membri ai consiliilor de conducere și agenții partenere.",
        "Îndrumări",
        "Ce prevede legea și cum pot școlile și familiile să îmbunătățească frecvența.",
        "Sprijin comunitar în jurul fiecărei școli",
        "Găsiți agențiile și persoanele de contact care sprijină elevii și familiile școlii dumneavoastră.",
        "Formulare și cereri",
        "Înregistrați educația la domiciliu sau solicitați un permis de muncă ori o licență de spectacol pentru copil.",
        "Autoevaluarea școlii",
        "Evaluați abordarea întregii școli privind frecvența și planificați îmbunătățiri.",
        "Formare",
        "Cursuri despre frecvență pentru membrii consiliilor, conducerea școlilor și personal.",
        "Autentificare pentru școli",
        "Sesizări, raportări, evaluări și rezervări pentru școala dumneavoastră.",
    ],
    "ur": [
        "حاضری کے بارے میں ہماری حکمت عملی",
        "ہماری ترجیحات، کون کیا کرتا ہے، اور وہ ایکشن پلان جس پر ہم عمل کر رہے ہیں۔",
        "اسکول میں حاضری",
        "والدین، اسکولوں، گورنرز اور شراکت دار اداروں کے لیے کونسل کی اسکول حاضری سروس کی جانب سے "
        "معلومات، فارم اور مدد۔",
        "رہنمائی",
        "قانون کیا توقع رکھتا ہے، اور اسکول اور خاندان حاضری کیسے بہتر بنا سکتے ہیں۔",
        "ہر اسکول کے ارد گرد کمیونٹی کی مدد",
        "وہ ادارے اور رابطے تلاش کریں جو آپ کے اسکول کے طلبہ اور خاندانوں کی مدد کرتے ہیں۔",
        "فارم اور درخواستیں",
        "گھر پر تعلیم کا اندراج کروائیں یا بچے کے کام کے اجازت نامے یا پرفارمنس لائسنس کے لیے درخواست دیں۔",
        "اسکول کا خود جائزہ",
        "حاضری کے بارے میں اپنے پورے اسکول کے طریقۂ کار کا جائزہ لیں اور بہتری کا منصوبہ بنائیں۔",
        "تربیت",
        "گورنرز، اسکول کے سربراہان اور عملے کے لیے حاضری پر کورسز۔",
        "اسکولوں کے لیے سائن ان",
        "آپ کے اسکول کے حوالہ جات، گوشوارے، جائزے اور بکنگز۔",
    ],
}

TRANSLATIONS = {
    code: {**dict(zip(_HOME_STRINGS, words, strict=True)), "/portal/": f"/{code}/portal/"}
    for code, words in _TRANSLATED.items()
}
