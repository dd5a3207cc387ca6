"""The consultative meeting on the draft Cybercrime Law, Phnom Penh, 5 June 2014.

Facts from the concept note; wording written for the demo, in English and Khmer. People's
names stay in Latin script; their titles and roles are translated.
"""

CYBERCRIME_KM = "ច្បាប់ស្តីពីឧក្រិដ្ឋកម្មតាមប្រព័ន្ធបច្ចេកវិទ្យា"

LAW = {
    "slug": "cybercrime-law",
    "title_en": "Cybercrime Law",
    "title_km": CYBERCRIME_KM,
}

CONSULTATION = {
    "slug": "cybercrime-law-2014",
    "title_en": "Joint consultation on the draft Cybercrime Law",
    "title_km": f"កិច្ចពិគ្រោះយោបល់រួមលើសេចក្តីព្រាង{CYBERCRIME_KM}",
}

ORGANISATIONS = [
    # acronym, English name, Khmer name, type
    ("CCC", "Cooperation Committee for Cambodia", "គណៈកម្មាធិការសហប្រតិបត្តិការដើម្បីកម្ពុជា", "cso"),
    ("NGO Forum", "The NGO Forum on Cambodia", "វេទិកាអង្គការមិនមែនរដ្ឋាភិបាលស្តីពីកម្ពុជា", "cso"),
    ("API", "Advocacy and Policy Institute", "វិទ្យាស្ថានតស៊ូមតិ និងគោលនយោបាយ", "cso"),
    ("CRS", "Catholic Relief Services", "អង្គការ Catholic Relief Services", "development_partner"),
    ("EWMI", "East-West Management Institute", "វិទ្យាស្ថានគ្រប់គ្រងបូព៌ា-បស្ចិម", "development_partner"),
    ("MPTC", "Ministry of Posts and Telecommunications", "ក្រសួងប្រៃសណីយ៍ និងទូរគមនាគមន៍", "government"),
]
ORGANISERS = ["CCC", "NGO Forum", "API"]

MEETING = {
    "slug": "cybercrime-law-2014",
    "visibility": "public",
    "date": (2014, 6, 5),
    "start": (7, 30),
    "end": (12, 0),
    "title_en": "Consultative Meeting on the draft of Cybercrime Law",
    "title_km": f"កិច្ចប្រជុំពិគ្រោះយោបល់លើសេចក្តីព្រាង{CYBERCRIME_KM}",
    "introduction_en": (
        "The government has committed to fast-track many laws: the Law on Associations and "
        "NGOs, the Cybercrime Law, the laws on the Status of Judges and Prosecutors, on the "
        "Organisation and Functioning of the Courts and on the Supreme Council of Magistracy, "
        "the Law on Access to Information, the Law on Management and Use of Agricultural Land "
        "and the Law on Trade Unions. Some were consulted with civil society, the private "
        "sector and legal and academic experts; others went to the National Assembly with no "
        "public consultation.\n\n"
        "The draft Cybercrime Law, probably written in 2012, aims to enforce the law against "
        "offences committed through computer systems and to keep the use and development of "
        "technology safe. Legal experts, human-rights activists and ICT experts have found the "
        "draft broad and vague: more a restriction on freedom of expression than a law against "
        "cybercrime. Independent analysts and NGOs have analysed it; this meeting brings their "
        "findings together."
    ),
    "introduction_km": (
        "រាជរដ្ឋាភិបាលបានប្តេជ្ញាពន្លឿនការអនុម័តច្បាប់ជាច្រើន ដូចជា ច្បាប់ស្តីពីសមាគម និងអង្គការមិនមែនរដ្ឋាភិបាល "
        f"{CYBERCRIME_KM} ច្បាប់ស្តីពីលក្ខន្តិកៈចៅក្រម និងព្រះរាជអាជ្ញា ច្បាប់ស្តីពីការរៀបចំ និងការប្រព្រឹត្តទៅនៃតុលាការ "
        "ច្បាប់ស្តីពីការរៀបចំ និងការប្រព្រឹត្តទៅនៃឧត្តមក្រុមប្រឹក្សានៃអង្គចៅក្រម ច្បាប់ស្តីពីសិទ្ធិទទួលបានព័ត៌មាន "
        "ច្បាប់ស្តីពីការគ្រប់គ្រង និងការប្រើប្រាស់ដីកសិកម្ម និងច្បាប់ស្តីពីសហជីព។ ច្បាប់ខ្លះត្រូវបានពិគ្រោះយោបល់ជាមួយ"
        "សង្គមស៊ីវិល វិស័យឯកជន និងអ្នកជំនាញច្បាប់ និងអ្នកសិក្សា ប៉ុន្តែច្បាប់ខ្លះទៀតត្រូវបានបញ្ជូនទៅរដ្ឋសភា "
        "ដោយគ្មានការពិគ្រោះយោបល់ជាសាធារណៈឡើយ។\n\n"
        f"សេចក្តីព្រាង{CYBERCRIME_KM} ដែលប្រហែលជាត្រូវបានរៀបចំឡើងក្នុងឆ្នាំ២០១២ មានគោលបំណងអនុវត្តច្បាប់ចំពោះ"
        "បទល្មើសដែលប្រព្រឹត្តតាមរយៈប្រព័ន្ធកុំព្យូទ័រ និងធានាសុវត្ថិភាពក្នុងការប្រើប្រាស់ និងការអភិវឌ្ឍបច្ចេកវិទ្យា។ "
        "អ្នកជំនាញច្បាប់ សកម្មជនសិទ្ធិមនុស្ស និងអ្នកជំនាញបច្ចេកវិទ្យាព័ត៌មាន យល់ឃើញថា សេចក្តីព្រាងនេះទូលាយ "
        "និងមិនច្បាស់លាស់ ហើយជាការរឹតត្បិតសេរីភាពក្នុងការបញ្ចេញមតិ ច្រើនជាងជាច្បាប់ប្រឆាំងនឹងឧក្រិដ្ឋកម្មតាមប្រព័ន្ធបច្ចេកវិទ្យា។ "
        "អ្នកវិភាគឯករាជ្យ និងអង្គការមិនមែនរដ្ឋាភិបាលបានវិភាគសេចក្តីព្រាងនេះ ហើយកិច្ចប្រជុំនេះប្រមូលផ្តុំលទ្ធផលរកឃើញរបស់ពួកគេ។"
    ),
    "purpose_en": (
        "Build awareness and discuss how to protect democratic space and an enabling environment in Cambodia."
    ),
    "purpose_km": "បង្កើនការយល់ដឹង និងពិភាក្សាអំពីរបៀបការពារលំហប្រជាធិបតេយ្យ និងបរិយាកាសអំណោយផលនៅកម្ពុជា។",
    "participants_min": 50,
    "participants_max": 60,
    "participant_categories_en": "Civil society organisations\nAcademia\nLegal experts\nRelevant government agencies",
    "participant_categories_km": "អង្គការសង្គមស៊ីវិល\nស្ថាប័នសិក្សា\nអ្នកជំនាញច្បាប់\nស្ថាប័នរដ្ឋាភិបាលពាក់ព័ន្ធ",
    "guests_en": (
        "Honoured guests and resource persons or speakers invited from government agencies "
        "and civil society organisations."
    ),
    "guests_km": "ភ្ញៀវកិត្តិយស និងអ្នកធនធាន ឬវាគ្មិន ដែលបានអញ្ជើញពីស្ថាប័នរដ្ឋាភិបាល និងតំណាងអង្គការសង្គមស៊ីវិល។",
    "agenda_note_en": (
        "The organisers may change the agenda depending on the speakers' availability and on "
        "how the consultation goes."
    ),
    "agenda_note_km": "គណៈកម្មការរៀបចំអាចកែប្រែរបៀបវារៈ អាស្រ័យលើពេលវេលារបស់វាគ្មិន និងដំណើរការនៃកិច្ចពិគ្រោះយោបល់។",
    "venue_name_en": "KSSA meeting room, KSSA/ICF Center",
    "venue_name_km": "បន្ទប់ប្រជុំ KSSA មជ្ឈមណ្ឌល KSSA/ICF",
    "venue_address_en": ("#19-21, Street 330, Sangkat Boeung Keng Kang III, Khan Chamkarmon, Phnom Penh"),
    "venue_address_km": "ផ្ទះលេខ ១៩-២១ ផ្លូវលេខ ៣៣០ សង្កាត់បឹងកេងកង ៣ ខណ្ឌចំការមន រាជធានីភ្នំពេញ",
    "venue_phones": "023 220 475, 012 979 843",
}

OBJECTIVES = [
    ("Share the consolidated analysis and key findings", "ចែករំលែកការវិភាគរួម និងលទ្ធផលរកឃើញសំខាន់ៗ"),
    ("Discuss and collect inputs for a joint advocacy effort", "ពិភាក្សា និងប្រមូលធាតុចូលសម្រាប់កិច្ចតស៊ូមតិរួម"),
    ("Give input on, and approve, joint advocacy strategies", "ផ្តល់ធាតុចូល និងអនុម័តយុទ្ធសាស្ត្រតស៊ូមតិរួម"),
]

OUTCOMES = [  # each tied to the objective of the same number
    (
        "The consolidated analysis and key findings have been shared with stakeholders",
        "ការវិភាគរួម និងលទ្ធផលរកឃើញសំខាន់ៗ ត្រូវបានចែករំលែកជូនភាគីពាក់ព័ន្ធ",
    ),
    (
        "Comments and inputs have been produced and integrated into the joint advocacy",
        "មតិយោបល់ និងធាតុចូល ត្រូវបានរៀបចំ និងបញ្ចូលទៅក្នុងកិច្ចតស៊ូមតិរួម",
    ),
    (
        "The joint advocacy strategies have received participants' input and been approved",
        "យុទ្ធសាស្ត្រតស៊ូមតិរួម បានទទួលធាតុចូលពីអ្នកចូលរួម និងត្រូវបានអនុម័ត",
    ),
]

PEOPLE = {
    # key: (title, name in Latin script, organisation acronym)
    "mi-nac": ("mr", "Mi Nac", "CCC"),
    "soeung-saroeun": ("mr", "Soeung Saroeun", "CCC"),
    "ou-phanarith": ("mr", "Ou Phanarith", "MPTC"),
    "pol-chanrithy": ("mr", "Pol Chanrithy", "CRS"),
    "andrew-banome": ("mr", "Andrew Banome", "EWMI"),
    "lam-socheat": ("mr", "Lam Socheat", "API"),
    "tek-vannara": ("mr", "Tek Vannara", "NGO Forum"),
}

ORGANISERS_LEAD = ("Organisers", "គណៈកម្មការរៀបចំ")

AGENDA = [
    {
        "start": (7, 30),
        "end": (8, 0),
        "kind": "registration",
        "title": ("Registration", "ការចុះឈ្មោះ"),
        "led_by": ORGANISERS_LEAD,
    },
    {
        "start": (8, 0),
        "end": (8, 5),
        "kind": "opening",
        "title": ("Introduction", "សេចក្តីផ្តើម"),
        "sub_items": [
            ("National anthem", "ភ្លេងជាតិ"),
            ("Purpose and objectives of the workshop", "គោលបំណង និងគោលដៅនៃសិក្ខាសាលា"),
        ],
        "facilitators": [("mi-nac", "Advocacy Specialist of CCC", "អ្នកឯកទេសផ្នែកតស៊ូមតិ នៃ CCC", "confirmed")],
    },
    {
        "start": (8, 5),
        "end": (8, 15),
        "kind": "opening",
        "title": (
            "Welcome and opening remarks by a CSO representative",
            "សុន្ទរកថាស្វាគមន៍ និងបើកកិច្ចប្រជុំ ដោយតំណាងអង្គការសង្គមស៊ីវិល",
        ),
        "facilitators": [("soeung-saroeun", "Executive Director of CCC", "នាយកប្រតិបត្តិ នៃ CCC", "tbc")],
    },
    {
        "start": (8, 15),
        "end": (9, 45),
        "kind": "session",
        "title": ("Session 1: Presentations", "វគ្គទី១៖ បទបង្ហាញ"),
        "sub_items": [
            ("Key notes and update on the cybercrime law", f"ចំណុចសំខាន់ៗ និងបច្ចុប្បន្នភាពនៃ{CYBERCRIME_KM}"),
            (
                "Key notes on the International Telecommunication Union",
                "ចំណុចសំខាន់ៗអំពីសហភាពទូរគមនាគមន៍អន្តរជាតិ (ITU)",
            ),
            (
                "Key findings and concerns on the draft cybercrime law",
                f"លទ្ធផលរកឃើញ និងកង្វល់សំខាន់ៗលើសេចក្តីព្រាង{CYBERCRIME_KM}",
            ),
            ("Questions and answers", "សំណួរ និងចម្លើយ"),
        ],
        "facilitators": [
            ("ou-phanarith", "Government representative", "តំណាងរាជរដ្ឋាភិបាល", "tbc"),
            ("pol-chanrithy", "Regional Coordinator, CRS", "អ្នកសម្របសម្រួលប្រចាំតំបន់ នៃ CRS", "tbc"),
            ("andrew-banome", "Chief of Party, EWMI", "ប្រធានគម្រោង នៃ EWMI", "tbc"),
        ],
    },
    {
        "start": (9, 45),
        "end": (10, 0),
        "kind": "break",
        "title": ("Refreshments", "អាហារសម្រន់"),
        "led_by": ("All", "អ្នកចូលរួមទាំងអស់"),
    },
    {
        "start": (10, 0),
        "end": (11, 0),
        "kind": "group_work",
        "title": ("Session 2: Strategic discussion", "វគ្គទី២៖ ការពិភាក្សាជាយុទ្ធសាស្ត្រ"),
        "sub_items": [("Road map and advocacy plan", "ផែនទីបង្ហាញផ្លូវ និងផែនការតស៊ូមតិ")],
        "facilitators": [("lam-socheat", "Deputy Director of API", "នាយករង នៃ API", "tbc")],
    },
    {
        "start": (11, 0),
        "end": (11, 30),
        "kind": "plenary",
        "title": ("Plenary reporting: group presentations", "របាយការណ៍ក្នុងអង្គប្រជុំពេញអង្គ៖ បទបង្ហាញរបស់ក្រុម"),
        "led_by": ("Group representatives", "តំណាងក្រុម"),
    },
    {
        "start": (11, 30),
        "end": (12, 0),
        "kind": "closing",
        "title": ("Conclusion and way forward", "សេចក្តីសន្និដ្ឋាន និងជំហានបន្ទាប់"),
        "facilitators": [
            ("tek-vannara", "Executive Director of NGO Forum", "នាយកប្រតិបត្តិ នៃ NGO Forum", "tbc")
        ],
    },
]

ORGANISER_ACCOUNT = {"email": "organiser@sala.example", "password": "sala-demo"}
