"""Polish and Urdu versions of some demo guidance, for home.demo.translate_page: by
language, then by the English page's slug, each English string and its translation.
Strings left out (phone numbers, email addresses) stay as they are."""

_POLISH_HOURS = "Od poniedziałku do piątku, 9:00–17:00"
_URDU_HOURS = "پیر تا جمعہ، صبح 9 بجے سے شام 5 بجے تک"

TRANSLATIONS = {
    "pl": {
        "guidance": {
            "Guidance": "Wytyczne",
            "Guidance on school attendance for schools, parents and carers, governors and the "
            "agencies that work with them.": "Wytyczne dotyczące frekwencji szkolnej dla szkół, "
            "rodziców i opiekunów, członków rad szkół oraz instytucji, które z nimi współpracują.",
        },
        "attendance-for-parents": {
            "School attendance: what parents need to know": "Frekwencja szkolna: co powinni "
            "wiedzieć rodzice",
            "Why every day at school counts, what to do when your child is ill, and where to get "
            "help.": "Dlaczego liczy się każdy dzień w szkole, co zrobić, gdy dziecko jest chore, "
            "i gdzie szukać pomocy.",
            "Going to school every day helps children learn, make friends and stay safe.": (
                "Codzienne chodzenie do szkoły pomaga dzieciom się uczyć, nawiązywać przyjaźnie "
                "i być bezpiecznymi."
            ),
            "If your child is ill, phone the school on the first morning.": (
                "Jeśli dziecko jest chore, zadzwoń do szkoły rano pierwszego dnia nieobecności."
            ),
            "If something makes it hard for your child to go to school, talk to the school "
            "early. They can help.": "Jeśli coś utrudnia dziecku chodzenie do szkoły, jak "
            "najwcześniej porozmawiaj ze szkołą. Szkoła może pomóc.",
            "School attendance service": "Zespół ds. frekwencji szkolnej",
            "Monday to Friday, 9am to 5pm": _POLISH_HOURS,
            "We can speak to you in your own language through an interpreter.": (
                "Możemy porozmawiać z Tobą w Twoim języku, korzystając z pomocy tłumacza."
            ),
        },
        "elective-home-education": {
            "Educating your child at home": "Edukacja dziecka w domu",
            "What to do if you decide to educate your child at home, and how the council can "
            "help.": "Co zrobić, jeśli zdecydujesz się uczyć dziecko w domu, i jak może pomóc "
            "samorząd.",
            "You can choose to educate your child at home instead of sending them to school. "
            "This is called elective home education. You must make sure the education is "
            "full-time and suits your child's age, ability and any special educational needs.": (
                "Możesz zdecydować, że będziesz uczyć dziecko w domu, zamiast posyłać je do "
                "szkoły. Nazywa się to edukacją domową z wyboru. Musisz zadbać o to, aby nauka "
                "odbywała się w pełnym wymiarze i odpowiadała wiekowi, zdolnościom oraz "
                "specjalnym potrzebom edukacyjnym dziecka."
            ),
            "If your child is on a school roll, write to the headteacher to say you will "
            "educate your child at home. The school takes your child off its roll and tells the "
            "council.": "Jeśli dziecko jest zapisane do szkoły, napisz do dyrektora, że będziesz "
            "uczyć je w domu. Szkoła skreśli dziecko z listy uczniów i poinformuje samorząd.",
            "When you need the council's agreement": "Kiedy potrzebujesz zgody samorządu",
            "You need the council's consent first if your child goes to a special school the "
            "council arranged, or is under a school attendance order. A child with an "
            "education, health and care plan at a mainstream school can be taken out without "
            "consent.": "Najpierw potrzebujesz zgody samorządu, jeśli dziecko chodzi do szkoły "
            "specjalnej, do której skierował je samorząd, albo jeśli wydano wobec niego nakaz "
            "uczęszczania do szkoły. Dziecko z planem edukacji, zdrowia i opieki (EHCP) w szkole "
            "ogólnodostępnej można wypisać bez zgody.",
            "What the council will do": "Co zrobi samorząd",
            "Advice and a conversation about your plans": "Porady i rozmowa o Twoich planach",
            "An elective home education officer will contact you to offer advice and ask about "
            "the education you are providing.": "Skontaktuje się z Tobą urzędnik ds. edukacji "
            "domowej, aby udzielić porad i zapytać o naukę, którą zapewniasz.",
            "Going back to school": "Powrót do szkoły",
            "You can apply for a place at any time": "O miejsce możesz wystąpić w każdej chwili",
            "You can apply for a school place at any time through the council's admissions "
            "team.": "W każdej chwili możesz złożyć wniosek o miejsce w szkole w dziale "
            "rekrutacji samorządu.",
            "Elective home education team": "Zespół ds. edukacji domowej",
            "Monday to Friday, 9am to 5pm": _POLISH_HOURS,
        },
    },
    "ur": {
        "guidance": {
            "Guidance": "رہنمائی",
            "Guidance on school attendance for schools, parents and carers, governors and the "
            "agencies that work with them.": "اسکولوں، والدین اور سرپرستوں، گورنرز اور ان کے "
            "ساتھ کام کرنے والے اداروں کے لیے اسکول میں حاضری سے متعلق رہنمائی۔",
        },
        "attendance-for-parents": {
            "School attendance: what parents need to know": "اسکول میں حاضری: والدین کو کیا "
            "جاننا چاہیے",
            "Why every day at school counts, what to do when your child is ill, and where to get "
            "help.": "اسکول کا ہر دن کیوں اہم ہے، بچہ بیمار ہو تو کیا کریں، اور مدد کہاں سے ملے۔",
            "Going to school every day helps children learn, make friends and stay safe.": (
                "ہر روز اسکول جانے سے بچے سیکھتے ہیں، دوست بناتے ہیں اور محفوظ رہتے ہیں۔"
            ),
            "If your child is ill, phone the school on the first morning.": (
                "اگر آپ کا بچہ بیمار ہو تو پہلے دن صبح ہی اسکول کو فون کریں۔"
            ),
            "If something makes it hard for your child to go to school, talk to the school "
            "early. They can help.": "اگر کسی وجہ سے آپ کے بچے کے لیے اسکول جانا مشکل ہو تو "
            "جلد از جلد اسکول سے بات کریں۔ وہ مدد کر سکتے ہیں۔",
            "School attendance service": "اسکول حاضری سروس",
            "Monday to Friday, 9am to 5pm": _URDU_HOURS,
            "We can speak to you in your own language through an interpreter.": (
                "ہم مترجم کے ذریعے آپ سے آپ کی اپنی زبان میں بات کر سکتے ہیں۔"
            ),
        },
    },
}
