"""Demo CASO directory: the page and the agencies around the demo schools. Every service,
number and address is invented; phone numbers are in Ofcom's range for drama (01632 960xxx)."""

from wagtail.models import Locale

from home.models import HomePage
from portal.models import School

from .models import AgencyContact, AgencyLocality, CasoDirectoryPage

C = AgencyContact.Category
WEEKDAYS = "Monday to Friday, 9am to 5pm"
SITE = "https://www.wyvernshire.example"

PAGE = {
    "slug": "community-support",
    "title": "Community support around each school",
    "introduction": (
        "<p>Every school in Wyvernshire has a group of agencies around it that can help "
        "pupils and families when something gets in the way of coming to school: health, "
        "family support, special educational needs, safety and money worries.</p>"
        "<p>Find your school to see who they are, what they help with and how to contact "
        "them.</p>"
    ),
}


def _contact(category, service_name, helps_with, phone, email, **more):
    return {
        "category": category,
        "service_name": service_name,
        "helps_with": helps_with,
        "phone": phone,
        "email": email,
        "team": more.get("team", ""),
        "website": more.get("website", ""),
        "opening_hours": more.get("opening_hours", WEEKDAYS),
        "how_to_refer": more.get("how_to_refer", ""),
        "languages": more.get("languages", ""),
        "countywide": more.get("countywide", False),
        "localities": more.get("localities", []),
        "urns": more.get("urns", []),
    }


def _school_nurses(locality, number):
    return _contact(
        C.SCHOOL_NURSING,
        "School Health Nursing",
        "Health worries that keep children away from school: continence, sleep, eating, "
        "low mood, medicines in school and health care plans. Drop-in sessions in secondary "
        "schools.",
        f"01632 960 {number}",
        f"schoolnurses.{locality.lower()}@wyvernshire-health.example",
        team=f"{locality} team",
        how_to_refer="Schools, parents and young people can contact the team directly.",
        localities=[locality],
    )


def _early_help(locality, number, languages=""):
    return _contact(
        C.EARLY_HELP,
        "Early Help Locality Team",
        "Family support workers who work with the whole family when several things are "
        "getting in the way: routines, behaviour at home, relationships, money and housing.",
        f"01632 960 {number}",
        f"earlyhelp.{locality.lower()}@wyvernshire.example",
        team=locality,
        how_to_refer="With the family's agreement, complete an early help assessment and "
        "send it to the team. Ring first if you are unsure.",
        languages=languages,
        localities=[locality],
    )


def _attendance(team, localities, number):
    return _contact(
        C.INCLUSION,
        "School Attendance Service",
        "Advice for schools on pupils whose attendance is falling, joint meetings with "
        "families, attendance contracts and, where support has not worked, legal action.",
        f"01632 960 {number}",
        f"attendance.{team.split()[0].lower()}@wyvernshire.example",
        team=f"{team} attendance officer",
        website=f"{SITE}/attendance",
        how_to_refer="Schools refer through the portal once they have tried support in school.",
        localities=localities,
    )


CONTACTS = [
    # Health
    _contact(
        C.HEALTH,
        "Community Paediatrics",
        "Assessment and care for children with long-term health conditions, developmental "
        "concerns or medical needs that affect how often they can be in school.",
        "01632 960 101",
        "paediatrics@wyvernshire-health.example",
        team="Child Development Centre",
        website="https://www.wyvernshire-health.example/paediatrics",
        how_to_refer="By GP or school nurse referral. Schools may ring to talk a pupil through "
        "first.",
        countywide=True,
    ),
    _contact(
        C.HEALTH,
        "Northgate Family Health Hub",
        "GP practice liaison for families who find it hard to get appointments, and medical "
        "evidence for pupils with frequent illness absence.",
        "01632 960 102",
        "familyhealth.northgate@wyvernshire-health.example",
        opening_hours="Monday to Friday, 8am to 6.30pm",
        localities=["Northgate"],
    ),
    _contact(
        C.HEALTH,
        "Young People's Health Clinic",
        "Confidential sexual health, contraception and general health advice for 13 to "
        "19 year olds, with after-school opening.",
        "01632 960 103",
        "ypclinic@wyvernshire-health.example",
        team="Riverside Health Centre",
        opening_hours="Tuesday and Thursday, 3.30pm to 6.30pm",
        how_to_refer="Young people can walk in or book; no referral needed.",
        localities=["Riverside"],
    ),
    _contact(
        C.HEALTH,
        "Health Visiting",
        "Health visitors for children under 5 and their families: development checks, "
        "feeding, sleep and settling into nursery.",
        "01632 960 104",
        "healthvisiting.south@wyvernshire-health.example",
        team="Eastmoor and Westfield",
        languages="Urdu, Punjabi",
        localities=["Eastmoor", "Westfield"],
    ),
    # School nursing
    _school_nurses("Northgate", "111"),
    _school_nurses("Riverside", "112"),
    _school_nurses("Eastmoor", "113"),
    _school_nurses("Westfield", "114"),
    _contact(
        C.SCHOOL_NURSING,
        "Text a School Nurse",
        "A confidential text messaging service for 11 to 19 year olds to ask a school nurse "
        "about their health and feelings.",
        "01632 960 115",
        "textanurse@wyvernshire-health.example",
        opening_hours="Monday to Friday, 9am to 4.30pm; replies within one working day",
        how_to_refer="Young people text the number themselves.",
        countywide=True,
    ),
    # Mental health
    _contact(
        C.MENTAL_HEALTH,
        "Child and Adolescent Mental Health Service (CAMHS)",
        "Assessment and treatment for children and young people with significant mental "
        "health difficulties, including anxiety that stops them attending school.",
        "01632 960 121",
        "camhs.spa@wyvernshire-health.example",
        team="Single point of access",
        website="https://www.wyvernshire-health.example/camhs",
        how_to_refer="Schools, GPs and parents can refer using the CAMHS referral form. In an "
        "emergency, call 999.",
        countywide=True,
    ),
    _contact(
        C.MENTAL_HEALTH,
        "Mental Health Support Team",
        "Practitioners based in schools who offer short programmes for mild to moderate "
        "anxiety and low mood, and help staff build a whole-school approach.",
        "01632 960 122",
        "mhst.north@wyvernshire-health.example",
        team="North",
        how_to_refer="Through the school's mental health lead.",
        urns=["190001", "190003", "190007", "190008", "190009"],
    ),
    _contact(
        C.MENTAL_HEALTH,
        "Mental Health Support Team",
        "Practitioners based in schools who offer short programmes for mild to moderate "
        "anxiety and low mood, and help staff build a whole-school approach.",
        "01632 960 123",
        "mhst.south@wyvernshire-health.example",
        team="South",
        how_to_refer="Through the school's mental health lead.",
        languages="Polish",
        urns=["190015", "190016", "190019", "190022", "190023"],
    ),
    _contact(
        C.MENTAL_HEALTH,
        "Open Door Youth Counselling",
        "Free counselling for 11 to 25 year olds, face to face or online, for worries of any kind.",
        "01632 960 124",
        "hello@opendoor-youth.example",
        website="https://www.opendoor-youth.example",
        opening_hours="Monday to Thursday, 10am to 8pm",
        how_to_refer="Young people can refer themselves; schools can refer with consent.",
        countywide=True,
    ),
    # Early help
    _early_help("Northgate", "131"),
    _early_help("Riverside", "132", languages="Polish, Romanian"),
    _early_help("Eastmoor", "133", languages="Urdu, Punjabi"),
    _early_help("Westfield", "134"),
    _contact(
        C.EARLY_HELP,
        "Northgate Family Hub",
        "Drop-in help for families with children from birth to 19: parenting groups, "
        "benefits advice, and a place to meet the early help team.",
        "01632 960 135",
        "familyhub.northgate@wyvernshire.example",
        opening_hours="Monday to Friday, 9am to 4pm; Saturday, 10am to 12 noon",
        localities=["Northgate"],
    ),
    _contact(
        C.EARLY_HELP,
        "Parenting Programmes",
        "Free group and online courses for parents, including routines, teenage behaviour "
        "and helping an anxious child back into school.",
        "01632 960 136",
        "parenting@wyvernshire.example",
        website=f"{SITE}/parenting",
        how_to_refer="Parents book online; schools and early help workers can book for them.",
        countywide=True,
    ),
    # Children's social care
    _contact(
        C.SOCIAL_CARE,
        "Children's Front Door",
        "Where to report a worry that a child is being harmed or is at risk of harm. Staff "
        "will also advise if you are unsure whether to refer.",
        "01632 960 141",
        "frontdoor@wyvernshire.example",
        opening_hours="Monday to Thursday, 8.45am to 5.15pm; Friday, 8.45am to 4.45pm",
        how_to_refer="Phone, then confirm in writing within 48 hours. If a child is in "
        "immediate danger, call 999.",
        countywide=True,
    ),
    _contact(
        C.SOCIAL_CARE,
        "Emergency Duty Team",
        "Out-of-hours social work for children at risk when the Children's Front Door is closed.",
        "01632 960 142",
        "edt@wyvernshire.example",
        opening_hours="Evenings, weekends and bank holidays",
        countywide=True,
    ),
    _contact(
        C.SOCIAL_CARE,
        "Children with Disabilities Team",
        "Social work and short breaks for disabled children with complex needs and their families.",
        "01632 960 143",
        "cwd@wyvernshire.example",
        how_to_refer="Through the Children's Front Door.",
        countywide=True,
    ),
    # Special educational needs and disabilities
    _contact(
        C.SEND,
        "SEND Information, Advice and Support Service",
        "Free, impartial advice for parents and young people about special educational "
        "needs, education, health and care plans, and school attendance.",
        "01632 960 151",
        "sendiass@wyvernshire.example",
        website=f"{SITE}/sendiass",
        how_to_refer="Parents and young people contact the service themselves.",
        languages="Welsh",
        countywide=True,
    ),
    _contact(
        C.SEND,
        "Educational Psychology Service",
        "Consultation for schools on pupils with learning, emotional or social needs, "
        "including emotionally based school avoidance.",
        "01632 960 152",
        "edpsych.north@wyvernshire.example",
        team="North",
        how_to_refer="Schools use their allocated consultation time; book through the SENCo.",
        localities=["Northgate", "Riverside"],
    ),
    _contact(
        C.SEND,
        "Educational Psychology Service",
        "Consultation for schools on pupils with learning, emotional or social needs, "
        "including emotionally based school avoidance.",
        "01632 960 153",
        "edpsych.south@wyvernshire.example",
        team="South",
        how_to_refer="Schools use their allocated consultation time; book through the SENCo.",
        localities=["Eastmoor", "Westfield"],
    ),
    _contact(
        C.SEND,
        "Specialist Teaching Service",
        "Advisory teachers for autism, speech, language and communication needs, who visit "
        "schools and train staff.",
        "01632 960 154",
        "specialistteaching@wyvernshire.example",
        team="Autism and communication",
        countywide=True,
    ),
    _contact(
        C.SEND,
        "Sensory Support Service",
        "Teachers of the deaf and of children with vision impairment, working with pupils, "
        "families and schools.",
        "01632 960 155",
        "sensory@wyvernshire.example",
        countywide=True,
    ),
    # Inclusion and attendance
    _attendance("Northgate", ["Northgate"], "161"),
    _attendance("Riverside", ["Riverside"], "162"),
    _attendance("Eastmoor and Westfield", ["Eastmoor", "Westfield"], "163"),
    _contact(
        C.INCLUSION,
        "Children Missing Education",
        "Tracking children who are not on a school roll and not receiving a suitable "
        "education, and pupils who leave a school without a known destination.",
        "01632 960 164",
        "cme@wyvernshire.example",
        team="Pupil tracking",
        how_to_refer="Schools tell the team before removing a pupil from roll for any reason "
        "other than a known transfer.",
        countywide=True,
    ),
    _contact(
        C.INCLUSION,
        "Elective Home Education Team",
        "Advice to families thinking about home education, and to schools when a parent "
        "asks to take a child off roll.",
        "01632 960 165",
        "ehe@wyvernshire.example",
        website=f"{SITE}/home-education",
        countywide=True,
    ),
    _contact(
        C.INCLUSION,
        "Kingfisher Outreach",
        "Outreach staff from the Kingfisher Learning Centre who work in secondary schools "
        "with pupils at risk of exclusion.",
        "01632 960 166",
        "outreach@kingfisher.wyvernshire.example",
        how_to_refer="Through the school's inclusion panel.",
        urns=["190003", "190009", "190015"],
    ),
    # Virtual school
    _contact(
        C.VIRTUAL_SCHOOL,
        "Wyvernshire Virtual School",
        "Support for the education of children in care and care leavers, personal "
        "education plans, and advice on previously looked-after children.",
        "01632 960 171",
        "virtualschool@wyvernshire.example",
        website=f"{SITE}/virtual-school",
        how_to_refer="Designated teachers contact their link officer.",
        countywide=True,
    ),
    _contact(
        C.VIRTUAL_SCHOOL,
        "Virtual School Advice Line",
        "Advice for schools and families about children with a social worker, including "
        "those on child in need and child protection plans.",
        "01632 960 172",
        "vs.advice@wyvernshire.example",
        opening_hours="Monday to Friday, 9am to 1pm",
        countywide=True,
    ),
    # Police
    _contact(
        C.POLICE,
        "Safer Schools Officer",
        "A police officer linked to secondary schools: online safety, antisocial behaviour "
        "and pupils at risk of exploitation.",
        "01632 960 181",
        "saferschools.northgate@wyvernshire-police.example",
        team="Northgate",
        how_to_refer="Schools contact their officer directly. In an emergency, call 999.",
        urns=["190003", "190007"],
    ),
    _contact(
        C.POLICE,
        "Safer Schools Officer",
        "A police officer linked to secondary schools: online safety, antisocial behaviour "
        "and pupils at risk of exploitation.",
        "01632 960 182",
        "saferschools.riverside@wyvernshire-police.example",
        team="Riverside",
        how_to_refer="Schools contact their officer directly. In an emergency, call 999.",
        urns=["190009", "190011", "190013"],
    ),
    _contact(
        C.POLICE,
        "Neighbourhood Policing Team",
        "Local officers who can help with problems around the school gate and on the way "
        "to and from school.",
        "01632 960 183",
        "npt.eastmoor@wyvernshire-police.example",
        team="Eastmoor",
        localities=["Eastmoor"],
    ),
    _contact(
        C.POLICE,
        "Neighbourhood Policing Team",
        "Local officers who can help with problems around the school gate and on the way "
        "to and from school.",
        "01632 960 184",
        "npt.westfield@wyvernshire-police.example",
        team="Westfield",
        localities=["Westfield"],
    ),
    # Youth justice
    _contact(
        C.YOUTH_JUSTICE,
        "Youth Justice Service",
        "Work with young people aged 10 to 17 who have offended or are at risk of "
        "offending, including help to stay in education.",
        "01632 960 191",
        "yjs@wyvernshire.example",
        countywide=True,
    ),
    _contact(
        C.YOUTH_JUSTICE,
        "Exploitation and Missing Team",
        "Support for children who go missing or are at risk of criminal or sexual "
        "exploitation, including county lines.",
        "01632 960 192",
        "exploitation@wyvernshire.example",
        how_to_refer="Through the Children's Front Door, or ring the team for advice.",
        countywide=True,
    ),
    # Voluntary and community sector
    _contact(
        C.VOLUNTARY,
        "Young Carers Wyvernshire",
        "Support for children who care for someone at home: clubs, breaks and help talking "
        "to school about the effect on attendance.",
        "01632 960 201",
        "hello@youngcarers-wyvernshire.example",
        website="https://www.youngcarers-wyvernshire.example",
        how_to_refer="Anyone can refer, with the family's agreement.",
        countywide=True,
    ),
    _contact(
        C.VOLUNTARY,
        "Little Acorns Bereavement Support",
        "One-to-one and group support for children and young people after the death of "
        "someone close.",
        "01632 960 202",
        "support@littleacorns.example",
        countywide=True,
    ),
    _contact(
        C.VOLUNTARY,
        "Riverside Community Pantry",
        "Low-cost food and household essentials for local families, with a uniform swap "
        "every term.",
        "01632 960 203",
        "pantry@riverside-community.example",
        opening_hours="Wednesday, 12 noon to 3pm; Saturday, 10am to 12 noon",
        languages="Polish, Romanian",
        localities=["Riverside"],
    ),
    _contact(
        C.VOLUNTARY,
        "Eastmoor Community Centre Family Project",
        "A welcoming place for families new to the area, with English classes and help to "
        "understand how schools work.",
        "01632 960 204",
        "families@eastmoor-centre.example",
        languages="Urdu, Punjabi, Bengali",
        localities=["Eastmoor"],
    ),
    _contact(
        C.VOLUNTARY,
        "Westfield Youth Mentoring",
        "Volunteer mentors for young people who are struggling to engage with school.",
        "01632 960 205",
        "mentoring@westfield-youth.example",
        localities=["Westfield"],
        urns=["190021"],
    ),
    # Housing and family support
    _contact(
        C.HOUSING,
        "Housing Options",
        "Advice for families who are homeless or at risk of losing their home, including "
        "help to keep children at the same school.",
        "01632 960 211",
        "housingoptions@wyvernshire.example",
        website=f"{SITE}/housing",
        countywide=True,
    ),
    _contact(
        C.HOUSING,
        "Welfare Rights and Money Advice",
        "Help to check benefits, apply for free school meals and school clothing grants, "
        "and deal with debt.",
        "01632 960 212",
        "moneyadvice@wyvernshire.example",
        countywide=True,
    ),
    _contact(
        C.HOUSING,
        "School Travel Team",
        "Free or assisted travel to school for children who qualify, including those with "
        "special educational needs.",
        "01632 960 213",
        "schooltravel@wyvernshire.example",
        website=f"{SITE}/school-travel",
        countywide=True,
    ),
]


def _directory_page():
    english = Locale.objects.get(language_code="en")
    home = HomePage.objects.get(depth=2, locale=english)
    page = home.get_children().filter(slug=PAGE["slug"]).first()
    if page is not None:
        return False
    page = CasoDirectoryPage(show_in_menus=True, **PAGE)
    home.add_child(instance=page)
    page.save_revision().publish()
    return True


def seed_caso():
    new_page = _directory_page()
    schools = dict(School.objects.values_list("urn", "pk"))
    existing = set(AgencyContact.objects.values_list("service_name", "team"))
    created = 0
    for spec in CONTACTS:
        if (spec["service_name"], spec["team"]) in existing:
            continue
        data = {k: v for k, v in spec.items() if k not in ("localities", "urns")}
        contact = AgencyContact(**data)
        contact.localities = [
            AgencyLocality(name=name, sort_order=order)
            for order, name in enumerate(spec["localities"])
        ]
        contact.save()
        contact.schools.set([schools[urn] for urn in spec["urns"]])
        created += 1
    page = "new page" if new_page else "page"
    return f"CASO {page}, {len(CONTACTS)} contacts ({created} new)"
