"""Who was invited to the 2014 meeting, and who came: fictional people, plausible organisations.

Names are made from common Cambodian family and given names, in both scripts; any likeness
to a real person is chance. The figures tell a realistic story: about 60 invited, most
accept, a few decline, 55 sign in (two of them walk-ins), government officials observe.
"""

ORGANISATIONS = [
    # acronym, English name, Khmer name, type
    ("CHRC", "Cambodian Human Rights Centre", "មជ្ឈមណ្ឌលសិទ្ធិមនុស្សកម្ពុជា", "cso"),
    ("WVN", "Women's Voice Network", "បណ្តាញសំឡេងស្ត្រី", "cso"),
    ("YDC", "Youth for Digital Cambodia", "យុវជនដើម្បីកម្ពុជាឌីជីថល", "cso"),
    ("CIJ", "Cambodian Independent Journalists", "អ្នកសារព័ត៌មានឯករាជ្យកម្ពុជា", "media"),
    ("MMC", "Mekong Media Centre", "មជ្ឈមណ្ឌលប្រព័ន្ធផ្សព្វផ្សាយមេគង្គ", "media"),
    ("FLPS", "Faculty of Law and Public Studies", "មហាវិទ្យាល័យនីតិសាស្ត្រ និងសិក្សាសាធារណៈ", "academia"),
    ("ITRI", "Information Technology Research Institute", "វិទ្យាស្ថានស្រាវជ្រាវព័ត៌មានវិទ្យា", "academia"),
    ("LAC", "Legal Aid Collective", "សមូហភាពជំនួយផ្លូវច្បាប់", "legal"),
    ("DRL", "Digital Rights Lawyers", "មេធាវីសិទ្ធិឌីជីថល", "legal"),
    ("CICT", "Cambodian ICT Association", "សមាគមព័ត៌មានវិទ្យា និងទូរគមនាគមន៍កម្ពុជា", "private"),
    ("MOI", "Ministry of Interior", "ក្រសួងមហាផ្ទៃ", "government"),
    ("EUD", "Partner Embassy Office", "ការិយាល័យស្ថានទូតដៃគូ", "development_partner"),
]

FAMILY_NAMES = [
    ("Sok", "សុខ"), ("Chan", "ចាន់"), ("Keo", "កែវ"), ("Meas", "មាស"), ("Heng", "ហេង"),
    ("Seng", "សេង"), ("Noun", "នួន"), ("Phan", "ផាន់"), ("Vong", "វង្ស"), ("Kim", "គីម"),
    ("Chea", "ជា"), ("Ly", "លី"), ("Touch", "ទូច"), ("Prak", "ប្រាក់"), ("Yim", "យឹម"), ("Hem", "ហែម"),
]  # fmt: skip
WOMEN = [
    ("Sophea", "សុភា"), ("Bopha", "បុប្ផា"), ("Channary", "ចន្ទនារី"), ("Sreymom", "ស្រីមុំ"),
    ("Kunthea", "គន្ធា"), ("Leakhena", "លក្ខិណា"), ("Rachana", "រចនា"), ("Malis", "ម្លិះ"),
    ("Nary", "ណារី"), ("Sokha", "សុខា"), ("Pisey", "ពិសី"), ("Sopheap", "សុភាព"),
]  # fmt: skip
MEN = [
    ("Vannak", "វណ្ណៈ"), ("Visal", "វិសាល"), ("Samnang", "សំណាង"), ("Piseth", "ពិសិដ្ឋ"),
    ("Rithy", "រិទ្ធី"), ("Vuthy", "វុទ្ធី"), ("Sovann", "សុវណ្ណ"), ("Kosal", "កុសល"),
    ("Ratha", "រដ្ឋា"), ("Bunthoeun", "ប៊ុនធឿន"), ("Chanthou", "ចាន់ធូ"), ("Dara", "ដារ៉ា"),
]  # fmt: skip
POSITIONS = ["Programme Officer", "Executive Director", "Legal Adviser", "Researcher", "Advocacy Officer",
             "Lecturer", "Journalist", "Project Coordinator"]  # fmt: skip

# How many invitees come from each kind of organisation: 51, plus the 7 facilitators as
# speakers and 2 organisers: 60 invited.
INVITEES_PER_TYPE = {"cso": 20, "media": 6, "academia": 6, "legal": 6, "private": 3,
                     "government": 5, "development_partner": 5}  # fmt: skip
CATEGORY_BY_TYPE = {"government": "observer", "development_partner": "guest"}
DECLINED = 3
NO_ANSWER = 2
ABSENT = 2  # accepted, but did not come
WALK_INS = [("Yim Sreymom", "woman", "CHRC"), ("ហែម ដារ៉ា", "man", "CIJ")]
