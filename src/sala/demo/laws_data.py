"""The law tracker's demo: the laws the 2014 concept note names as fast-tracked, and the
Cybercrime Law's history as public sources tell it (../shared/demo/cybercrime-law-facts.md).

Wording written for the demo, in English and Khmer. A date known only to the month or the
year is stored as the first day of it, with its precision; uncertain dates say so in the note.
"""

from datetime import date

from .data import CYBERCRIME_KM, LAW

FAST_TRACKED_EN = (
    "The 2014 concept note of the consultation on the Cybercrime Law names it among the laws the "
    "government committed to fast-track."
)
FAST_TRACKED_KM = (
    f"កំណត់គំនិតឆ្នាំ២០១៤ នៃកិច្ចពិគ្រោះយោបល់លើ{CYBERCRIME_KM} រៀបរាប់ច្បាប់នេះក្នុងចំណោមច្បាប់ដែលរាជរដ្ឋាភិបាលប្តេជ្ញាពន្លឿនការអនុម័ត។"
)


def fast_tracked(slug: str, title_en: str, title_km: str, about_en: str, about_km: str) -> dict:
    return {
        "slug": slug,
        "title_en": title_en,
        "title_km": title_km,
        "summary_en": f"{about_en} {FAST_TRACKED_EN}",
        "summary_km": f"{about_km} {FAST_TRACKED_KM}",
        "fast_tracked": True,
    }


FAST_TRACKED_LAWS = [
    fast_tracked(
        "associations-and-ngos",
        "Law on Associations and Non-Governmental Organisations",
        "ច្បាប់ស្តីពីសមាគម និងអង្គការមិនមែនរដ្ឋាភិបាល",
        "How associations and non-governmental organisations register, report and work in Cambodia.",
        "របៀបដែលសមាគម និងអង្គការមិនមែនរដ្ឋាភិបាលចុះបញ្ជី រាយការណ៍ និងធ្វើការនៅកម្ពុជា។",
    ),
    fast_tracked(
        "status-of-judges-and-prosecutors",
        "Law on the Status of Judges and Prosecutors",
        "ច្បាប់ស្តីពីលក្ខន្តិកៈចៅក្រម និងព្រះរាជអាជ្ញា",
        "The status of judges and prosecutors: their appointment, careers, discipline and independence.",
        "លក្ខន្តិកៈរបស់ចៅក្រម និងព្រះរាជអាជ្ញា៖ ការតែងតាំង អាជីព វិន័យ និងឯករាជ្យភាពរបស់ពួកគេ។",
    ),
    fast_tracked(
        "organisation-of-the-courts",
        "Law on the Organisation and Functioning of the Courts",
        "ច្បាប់ស្តីពីការរៀបចំ និងការប្រព្រឹត្តទៅនៃតុលាការ",
        "How the courts are organised and work, from the courts of first instance to the Supreme Court.",
        "របៀបរៀបចំ និងដំណើរការរបស់តុលាការ ចាប់ពីសាលាដំបូងរហូតដល់តុលាការកំពូល។",
    ),
    fast_tracked(
        "supreme-council-of-magistracy",
        "Law on the Organisation and Functioning of the Supreme Council of Magistracy",
        "ច្បាប់ស្តីពីការរៀបចំ និងការប្រព្រឹត្តទៅនៃឧត្តមក្រុមប្រឹក្សានៃអង្គចៅក្រម",
        "The body that oversees the appointment and discipline of judges and prosecutors, and how it works.",
        "ស្ថាប័នដែលត្រួតពិនិត្យការតែងតាំង និងវិន័យរបស់ចៅក្រម និងព្រះរាជអាជ្ញា និងរបៀបដែលស្ថាប័ននេះដំណើរការ។",
    ),
    fast_tracked(
        "access-to-information",
        "Law on Access to Information",
        "ច្បាប់ស្តីពីសិទ្ធិទទួលបានព័ត៌មាន",
        "The public’s right to obtain information held by public authorities, and its limits.",
        "សិទ្ធិរបស់សាធារណជនក្នុងការទទួលបានព័ត៌មានដែលស្ថិតនៅក្នុងដៃអាជ្ញាធរសាធារណៈ និងដែនកំណត់នៃសិទ្ធិនេះ។",
    ),
    fast_tracked(
        "agricultural-land",
        "Law on Management and Use of Agricultural Land",
        "ច្បាប់ស្តីពីការគ្រប់គ្រង និងការប្រើប្រាស់ដីកសិកម្ម",
        "How agricultural land is managed and used, and how its use is planned and protected.",
        "របៀបគ្រប់គ្រង និងប្រើប្រាស់ដីកសិកម្ម ព្រមទាំងការរៀបចំផែនការ និងការការពារការប្រើប្រាស់ដីនេះ។",
    ),
    fast_tracked(
        "trade-unions",
        "Law on Trade Unions",
        "ច្បាប់ស្តីពីសហជីព",
        "How workers and employers form and register unions, and the rights and duties of unions.",
        "របៀបដែលកម្មករ និងនិយោជកបង្កើត និងចុះបញ្ជីសហជីព ព្រមទាំងសិទ្ធិ និងកាតព្វកិច្ចរបស់សហជីព។",
    ),
]

CYBERCRIME_LAW = {
    **LAW,
    "summary_en": (
        "A law against offences committed through computer systems, in preparation since 2010. "
        "Drafts leaked in 2014 and 2020 made offences of vaguely worded online speech, such as content "
        "harming “political cohesiveness” or false statements with an “adverse effect”, and were "
        "written without public consultation. Legal experts, human-rights activists and ICT experts "
        "found them broad and vague: more a restriction on freedom of expression than a law against "
        "cybercrime."
    ),
    "summary_km": (
        "ច្បាប់ប្រឆាំងនឹងបទល្មើសដែលប្រព្រឹត្តតាមរយៈប្រព័ន្ធកុំព្យូទ័រ ដែលកំពុងរៀបចំតាំងពីឆ្នាំ២០១០។ "
        "សេចក្តីព្រាងដែលលេចធ្លាយក្នុងឆ្នាំ២០១៤ និងឆ្នាំ២០២០ ចាត់ទុកការបញ្ចេញមតិតាមអនឡាញ "
        "ដែលមានពាក្យពេចន៍មិនច្បាស់លាស់ ជាបទល្មើស ដូចជាខ្លឹមសារដែលប៉ះពាល់ដល់ «ភាពស្អិតរមួតផ្នែកនយោបាយ» "
        "ឬសេចក្តីថ្លែងការណ៍មិនពិតដែលមាន «ផលប៉ះពាល់អវិជ្ជមាន» ហើយត្រូវបានរៀបចំដោយគ្មានការពិគ្រោះយោបល់ជាសាធារណៈ។ "
        "អ្នកជំនាញច្បាប់ សកម្មជនសិទ្ធិមនុស្ស និងអ្នកជំនាញបច្ចេកវិទ្យាព័ត៌មាន យល់ឃើញថា សេចក្តីព្រាងទាំងនេះទូលាយ "
        "និងមិនច្បាស់លាស់ ហើយជាការរឹតត្បិតសេរីភាពក្នុងការបញ្ចេញមតិ ច្រើនជាងជាច្បាប់ប្រឆាំងនឹងឧក្រិដ្ឋកម្ម"
        "តាមប្រព័ន្ធបច្ចេកវិទ្យា។"
    ),
    "ministry_en": "Ministry of Interior",
    "ministry_km": "ក្រសួងមហាផ្ទៃ",
    "sensitivity": "high",
    "fast_tracked": True,
    "public_consultation": "no",
}

POST = "Phnom Penh Post"


def stage(
    stage: str, when: date, precision: str, note_en: str, note_km: str, source_url: str, source_title: str
) -> dict:
    return {
        "stage": stage,
        "date": when,
        "precision": precision,
        "note_en": note_en,
        "note_km": note_km,
        "source_url": source_url,
        "source_title": source_title,
    }


CYBERCRIME_STAGES = [
    stage(
        "drafting",
        date(2010, 1, 1),
        "year",
        "In mid-2010 the Office of the Council of Ministers set up a working group to draft a cybercrime "
        "law, helped by a Council of Europe cybercrime specialist, with contributions from Thailand, "
        "Indonesia, the Philippines, Australia and New Zealand. An inter-ministerial workshop on drafting "
        "cyber law was held.",
        "នៅពាក់កណ្តាលឆ្នាំ២០១០ ទីស្តីការគណៈរដ្ឋមន្ត្រីបានបង្កើតក្រុមការងារមួយ ដើម្បីរៀបចំសេចក្តីព្រាង"
        "ច្បាប់ស្តីពីឧក្រិដ្ឋកម្មតាមប្រព័ន្ធបច្ចេកវិទ្យា ដោយមានជំនួយពីអ្នកឯកទេសផ្នែកឧក្រិដ្ឋកម្មតាមប្រព័ន្ធ"
        "បច្ចេកវិទ្យារបស់ក្រុមប្រឹក្សាអឺរ៉ុប និងការចូលរួមចំណែកពីប្រទេសថៃ ឥណ្ឌូណេស៊ី ហ្វីលីពីន អូស្ត្រាលី "
        "និងនូវែលសេឡង់។ សិក្ខាសាលាអន្តរក្រសួងស្តីពីការរៀបចំច្បាប់ទាក់ទងនឹងប្រព័ន្ធអ៊ីនធឺណិត ក៏ត្រូវបានរៀបចំឡើងផងដែរ។",
        "https://mptc.gov.kh/en/laws-regulations/instructions/13631/",
        "Ministry of Posts and Telecommunications",
    ),
    stage(
        "drafting",
        date(2012, 5, 1),
        "month",
        "The government announced publicly that a cybercrime law was being drafted. A spokesman of the "
        "Council of Ministers’ Press and Quick Reaction Unit said it was needed to stop false information "
        "that could mislead the public or harm national security. Rights groups asked to see the draft; "
        "they had no answer.",
        "រាជរដ្ឋាភិបាលបានប្រកាសជាសាធារណៈថា កំពុងរៀបចំសេចក្តីព្រាងច្បាប់ស្តីពីឧក្រិដ្ឋកម្មតាមប្រព័ន្ធបច្ចេកវិទ្យា។ "
        "អ្នកនាំពាក្យអង្គភាពព័ត៌មាន និងប្រតិកម្មរហ័សនៃទីស្តីការគណៈរដ្ឋមន្ត្រី បាននិយាយថា ច្បាប់នេះចាំបាច់ "
        "ដើម្បីទប់ស្កាត់ព័ត៌មានមិនពិត ដែលអាចបំភាន់សាធារណជន ឬប៉ះពាល់ដល់សន្តិសុខជាតិ។ "
        "ក្រុមសិទ្ធិមនុស្សបានស្នើសុំមើលសេចក្តីព្រាង ប៉ុន្តែមិនបានទទួលចម្លើយឡើយ។",
        "https://blog.sithi.org/2014/07/03/how-could-cambodias-draft-cybercrime-law-affect-internet-users/",
        "LICADHO",
    ),
    stage(
        "drafting",
        date(2013, 8, 1),
        "month",
        "The Asia Internet Coalition, an industry group, had sent comments on a draft: offences should "
        "require intent, intermediaries should not be liable for their users’ content, and illegal "
        "content should be defined. It objected to the draft’s reach over people and providers outside "
        "Cambodia.",
        "សម្ព័ន្ធអ៊ីនធឺណិតអាស៊ី ដែលជាក្រុមក្រុមហ៊ុនឧស្សាហកម្ម បានផ្ញើមតិយោបល់លើសេចក្តីព្រាងមួយ៖ "
        "បទល្មើសគួរតម្រូវឱ្យមានចេតនា អ្នកផ្តល់សេវាអន្តរការីមិនគួរទទួលខុសត្រូវចំពោះខ្លឹមសាររបស់អ្នកប្រើប្រាស់ "
        "ហើយខ្លឹមសារខុសច្បាប់គួរមាននិយមន័យច្បាស់លាស់។ សម្ព័ន្ធនេះបានជំទាស់នឹងការអនុវត្តសេចក្តីព្រាង "
        "លើបុគ្គល និងអ្នកផ្តល់សេវានៅក្រៅប្រទេសកម្ពុជា។",
        "http://www.asiainternetcoalition.org/aic-comments-on-the-draft-cybercrime-law-for-cambodia/",
        "Asia Internet Coalition",
    ),
    stage(
        "drafting",
        date(2014, 2, 27),
        "day",
        "The Cambodian Center for Human Rights published a briefing note. Passage was then expected in "
        "the first half of 2014, and civil society had been refused access to the draft. CCHR asked for "
        "the draft to be published, for time to comment, and for an open forum with civil society, "
        "internet providers, bloggers and programmers.",
        "មជ្ឈមណ្ឌលសិទ្ធិមនុស្សកម្ពុជាបានចេញផ្សាយកំណត់សង្ខេបមួយ។ នៅពេលនោះ គេរំពឹងថាច្បាប់នឹងត្រូវអនុម័ត "
        "ក្នុងឆមាសទីមួយនៃឆ្នាំ២០១៤ ហើយសង្គមស៊ីវិលមិនត្រូវបានអនុញ្ញាតឱ្យមើលសេចក្តីព្រាងទេ។ "
        "មជ្ឈមណ្ឌលនេះបានស្នើឱ្យផ្សព្វផ្សាយសេចក្តីព្រាង ផ្តល់ពេលវេលាសម្រាប់ផ្តល់មតិយោបល់ "
        "និងរៀបចំវេទិកាបើកចំហជាមួយសង្គមស៊ីវិល អ្នកផ្តល់សេវាអ៊ីនធឺណិត អ្នកសរសេរប្លុក និងអ្នកសរសេរកម្មវិធី។",
        "https://ifex.org/?p=249571",
        "IFEX",
    ),
    stage(
        "drafting",
        date(2014, 4, 1),
        "month",
        "An unofficial English copy leaked: a 16-page “draft V.1” of the Council of Ministers’ Cybercrime "
        "Law Formulation Working Group. It would set up a 14-member National Anti-Cybercrime Committee "
        "chaired by the Prime Minister, and its Article 28 made offences, punished by one to three years "
        "in prison, of online content harming “political cohesiveness” or slandering government bodies. "
        "ARTICLE 19 published an analysis; the government said it would discuss only an official text.",
        "ច្បាប់ចម្លងភាសាអង់គ្លេសក្រៅផ្លូវការមួយត្រូវបានលេចធ្លាយ៖ «សេចក្តីព្រាង V.1» ចំនួន ១៦ ទំព័រ "
        "របស់ក្រុមការងាររៀបចំច្បាប់ស្តីពីឧក្រិដ្ឋកម្មតាមប្រព័ន្ធបច្ចេកវិទ្យានៃទីស្តីការគណៈរដ្ឋមន្ត្រី។ "
        "សេចក្តីព្រាងនេះនឹងបង្កើតគណៈកម្មាធិការជាតិប្រឆាំងឧក្រិដ្ឋកម្មតាមប្រព័ន្ធបច្ចេកវិទ្យា ដែលមានសមាជិក ១៤ រូប "
        "ដឹកនាំដោយនាយករដ្ឋមន្ត្រី ហើយមាត្រា ២៨ ចាត់ទុកជាបទល្មើស ដែលមានទោសជាប់ពន្ធនាគារពី ១ ទៅ ៣ ឆ្នាំ "
        "នូវខ្លឹមសារតាមអនឡាញដែលប៉ះពាល់ដល់ «ភាពស្អិតរមួតផ្នែកនយោបាយ» ឬបរិហារកេរ្តិ៍ស្ថាប័នរដ្ឋ។ "
        "អង្គការ ARTICLE 19 បានចេញផ្សាយការវិភាគមួយ ហើយរដ្ឋាភិបាលបាននិយាយថា "
        "ខ្លួននឹងពិភាក្សាតែលើអត្ថបទផ្លូវការប៉ុណ្ណោះ។",
        "https://www.article19.org/resources/cambodia-secret-draft-cybercrime-law-seeks-undermine-free-speech-online/",
        "ARTICLE 19",
    ),
    stage(
        "drafting",
        date(2014, 10, 20),
        "day",
        "A Commerce Ministry secretary of state said the draft had been reviewed by the Council of "
        "Ministers and was ready for the National Assembly. The Council’s spokesman denied it: no "
        "official draft had reached the Council.",
        "រដ្ឋលេខាធិការក្រសួងពាណិជ្ជកម្មម្នាក់បាននិយាយថា សេចក្តីព្រាងនេះត្រូវបានគណៈរដ្ឋមន្ត្រីពិនិត្យរួចហើយ "
        "និងត្រៀមបញ្ជូនទៅរដ្ឋសភា។ អ្នកនាំពាក្យទីស្តីការគណៈរដ្ឋមន្ត្រីបានបដិសេធ ដោយថា "
        "គ្មានសេចក្តីព្រាងផ្លូវការណាមួយបានមកដល់គណៈរដ្ឋមន្ត្រីទេ។",
        "http://phnompenhpost.com/national/cybercrime-law%E2%80%99s-status-uncertain",
        POST,
    ),
    stage(
        "withdrawn",
        date(2014, 12, 1),
        "month",
        "The Council of Ministers said the draft was shelved, as not a priority. The Minister of Posts "
        "and Telecommunications said his ministry had stopped work on it and the file seemed to be at "
        "the Interior Ministry, which said it was not working on it either. (The month is inferred: a "
        "later report says the shelving was announced in December.)",
        "ទីស្តីការគណៈរដ្ឋមន្ត្រីបាននិយាយថា សេចក្តីព្រាងនេះត្រូវបានផ្អាក ព្រោះមិនមែនជាអាទិភាព។ "
        "រដ្ឋមន្ត្រីក្រសួងប្រៃសណីយ៍ និងទូរគមនាគមន៍បាននិយាយថា ក្រសួងរបស់លោកបានបញ្ឈប់ការងារលើសេចក្តីព្រាងនេះ "
        "ហើយឯកសារហាក់ដូចជានៅក្រសួងមហាផ្ទៃ ដែលក៏បាននិយាយថា ខ្លួនមិនកំពុងធ្វើការលើវាដែរ។ "
        "(ខែនេះជាការសន្និដ្ឋាន៖ របាយការណ៍ក្រោយមកបញ្ជាក់ថា ការផ្អាកនេះត្រូវបានប្រកាសនៅខែធ្នូ។)",
        "https://english.cambodiadaily.com/news/controversial-cybercrime-law-scrapped-74057/",
        "The Cambodia Daily",
    ),
    stage(
        "drafting",
        date(2015, 7, 1),
        "month",
        "A second draft, dated July 2015, dropped Article 28 and its content offences. It was the text "
        "the Ministry of Posts and Telecommunications handed to the Interior Ministry; observers feared "
        "the clause could return there. The Interior Ministry said the law targeted economic crime such "
        "as online and banking fraud.",
        "សេចក្តីព្រាងទីពីរ ចុះខែកក្កដា ឆ្នាំ២០១៥ បានដកមាត្រា ២៨ និងបទល្មើសទាក់ទងនឹងខ្លឹមសារចេញ។ "
        "នេះជាអត្ថបទដែលក្រសួងប្រៃសណីយ៍ និងទូរគមនាគមន៍បានប្រគល់ទៅក្រសួងមហាផ្ទៃ "
        "ហើយអ្នកសង្កេតការណ៍បារម្ភថា មាត្រានោះអាចត្រូវបានបញ្ចូលវិញនៅទីនោះ។ ក្រសួងមហាផ្ទៃបាននិយាយថា "
        "ច្បាប់នេះផ្តោតលើឧក្រិដ្ឋកម្មសេដ្ឋកិច្ច ដូចជាការក្លែងបន្លំតាមអនឡាញ និងការក្លែងបន្លំធនាគារ។",
        "http://phnompenhpost.com/post-weekend/cybercrime-law-20-nixes-key-provision",
        "Phnom Penh Post Weekend",
    ),
    stage(
        "drafting",
        date(2016, 1, 1),
        "year",
        "The Ministry of Interior leads the drafting from now on: its minister later dated the "
        "ministry’s work on the law from 2016.",
        "ចាប់ពីពេលនេះ ក្រសួងមហាផ្ទៃដឹកនាំការរៀបចំសេចក្តីព្រាង។ ក្រោយមក រដ្ឋមន្ត្រីក្រសួងមហាផ្ទៃបានបញ្ជាក់ថា "
        "ក្រសួងបានចាប់ផ្តើមការងារលើច្បាប់នេះតាំងពីឆ្នាំ២០១៦។",
        "https://phnompenhpost.com/national/draft-cybercrime-law-nearing-completion",
        POST,
    ),
    stage(
        "drafting",
        date(2020, 1, 1),
        "month",
        "An expert of the US Department of Justice joined a workshop with Interior Ministry officials on "
        "the draft; the US ambassador offered more experts and contacts with US technology firms. (The "
        "year is inferred.)",
        "អ្នកជំនាញម្នាក់ពីក្រសួងយុត្តិធម៌សហរដ្ឋអាមេរិក បានចូលរួមសិក្ខាសាលាមួយជាមួយមន្ត្រីក្រសួងមហាផ្ទៃ "
        "ស្តីពីសេចក្តីព្រាងនេះ ហើយឯកអគ្គរាជទូតសហរដ្ឋអាមេរិកបានស្នើផ្តល់អ្នកជំនាញបន្ថែម "
        "និងទំនាក់ទំនងជាមួយក្រុមហ៊ុនបច្ចេកវិទ្យាអាមេរិក។ (ឆ្នាំនេះជាការសន្និដ្ឋាន។)",
        "https://phnompenhpost.com/national/us-and-cambodia-talk-cybersecurity-ongoing-assistance",
        POST,
    ),
    stage(
        "ministry",
        date(2020, 4, 1),
        "month",
        "The Interior and Justice ministries reviewed a draft of 7 chapters and 48 articles; the "
        "penalties were still being worked out. (The month is inferred from the report’s web address.)",
        "ក្រសួងមហាផ្ទៃ និងក្រសួងយុត្តិធម៌បានពិនិត្យសេចក្តីព្រាងដែលមាន ៧ ជំពូក និង ៤៨ មាត្រា "
        "ហើយទោសប្បញ្ញត្តិកំពុងត្រូវបានរៀបចំនៅឡើយ។ (ខែនេះជាការសន្និដ្ឋានពីអាសយដ្ឋានគេហទំព័ររបស់របាយការណ៍។)",
        "https://www.phnompenhpost.com/national/ministries-review-content-draft-law-cybercrime",
        POST,
    ),
    stage(
        "ministry",
        date(2020, 8, 4),
        "day",
        "Date of the third known draft, 9 chapters and 50 articles, leaked and reported in October and "
        "November 2020. Its Article 45 would punish with up to three years in prison false statements "
        "with an “adverse effect” on, among others, national security, public confidence in the "
        "government or election results; providers would keep traffic data for at least 180 days. The "
        "Interior Ministry would not confirm the leaked text.",
        "កាលបរិច្ឆេទនៃសេចក្តីព្រាងទីបីដែលគេដឹង ដែលមាន ៩ ជំពូក និង ៥០ មាត្រា ហើយត្រូវបានលេចធ្លាយ "
        "និងរាយការណ៍នៅខែតុលា និងខែវិច្ឆិកា ឆ្នាំ២០២០។ មាត្រា ៤៥ នឹងដាក់ទោសជាប់ពន្ធនាគាររហូតដល់ ៣ ឆ្នាំ "
        "ចំពោះសេចក្តីថ្លែងការណ៍មិនពិត ដែលមាន «ផលប៉ះពាល់អវិជ្ជមាន» ទៅលើសន្តិសុខជាតិ "
        "ទំនុកចិត្តរបស់សាធារណជនចំពោះរដ្ឋាភិបាល ឬលទ្ធផលបោះឆ្នោត ជាដើម ហើយអ្នកផ្តល់សេវាត្រូវរក្សាទុក "
        "ទិន្នន័យចរាចរណ៍យ៉ាងតិច ១៨០ ថ្ងៃ។ ក្រសួងមហាផ្ទៃមិនបញ្ជាក់អំពីអត្ថបទដែលលេចធ្លាយនោះទេ។",
        "https://www.hrw.org/news/2020/11/13/cambodia-scrap-draft-cybercrime-law",
        "Human Rights Watch",
    ),
    stage(
        "ministry",
        date(2021, 1, 1),
        "year",
        "On 27 June (2021 or 2022: the source gives no year) the Interior Ministry met to speed up the "
        "drafting, which had paused during COVID-19.",
        "នៅថ្ងៃទី២៧ ខែមិថុនា (ឆ្នាំ២០២១ ឬឆ្នាំ២០២២៖ ប្រភពមិនបញ្ជាក់ឆ្នាំ) ក្រសួងមហាផ្ទៃបានប្រជុំ "
        "ដើម្បីពន្លឿនការរៀបចំសេចក្តីព្រាង ដែលត្រូវបានផ្អាកក្នុងអំឡុងពេលជំងឺកូវីដ-១៩។",
        "https://www.phnompenhpost.com/national/draft-law-cybercrime-fast-tracked",
        POST,
    ),
    stage(
        "ministry",
        date(2021, 1, 1),
        "year",
        "On 6 September (2021 or 2022: the source gives no year) the Interior Minister chaired a “final "
        "stage” meeting on a draft of 8 chapters and 50 articles, to go next to the Council of "
        "Ministers. The US embassy, five large US companies and several ministries had been consulted.",
        "នៅថ្ងៃទី៦ ខែកញ្ញា (ឆ្នាំ២០២១ ឬឆ្នាំ២០២២៖ ប្រភពមិនបញ្ជាក់ឆ្នាំ) រដ្ឋមន្ត្រីក្រសួងមហាផ្ទៃ "
        "បានដឹកនាំកិច្ចប្រជុំ «ដំណាក់កាលចុងក្រោយ» លើសេចក្តីព្រាងដែលមាន ៨ ជំពូក និង ៥០ មាត្រា "
        "ដើម្បីបញ្ជូនបន្តទៅគណៈរដ្ឋមន្ត្រី។ ស្ថានទូតសហរដ្ឋអាមេរិក ក្រុមហ៊ុនធំៗរបស់អាមេរិកចំនួន ៥ "
        "និងក្រសួងមួយចំនួន ត្រូវបានពិគ្រោះយោបល់។",
        "https://phnompenhpost.com/national/draft-cybercrime-law-nearing-completion",
        POST,
    ),
    stage(
        "ministry",
        date(2022, 1, 1),
        "year",
        "At the ICT Camp in Siem Reap, an Interior Ministry anti-cybercrime official said the draft, then "
        "9 chapters and 55 articles on cybercrime, online scams and child sexual exploitation, was held "
        "up by technical wording, and that opening it to comment by civil society was for the government "
        "to decide.",
        "នៅកម្មវិធី ICT Camp នៅខេត្តសៀមរាប មន្ត្រីផ្នែកប្រឆាំងឧក្រិដ្ឋកម្មតាមប្រព័ន្ធបច្ចេកវិទ្យានៃក្រសួងមហាផ្ទៃ "
        "ម្នាក់បាននិយាយថា សេចក្តីព្រាង ដែលនៅពេលនោះមាន ៩ ជំពូក និង ៥៥ មាត្រា ស្តីពីឧក្រិដ្ឋកម្មតាមប្រព័ន្ធ"
        "បច្ចេកវិទ្យា ការបោកប្រាស់តាមអនឡាញ និងការកេងប្រវ័ញ្ចផ្លូវភេទលើកុមារ កំពុងជាប់គាំងដោយសារ"
        "ពាក្យពេចន៍បច្ចេកទេស ហើយការបើកឱ្យសង្គមស៊ីវិលផ្តល់មតិយោបល់ គឺជាការសម្រេចចិត្តរបស់រដ្ឋាភិបាល។",
        "https://law.wm.edu/academics/intellectuallife/researchcenters/postconflictjustice/internships/"
        "internship-blogs/2022/coccoli-andrew/conversations-on-draft-cyber-laws.php",
        "William & Mary Law School",
    ),
    stage(
        "ministry",
        date(2024, 1, 1),
        "year",
        "On 23 March (probably 2024: the sources give no year) the Interior Ministry held a consultative "
        "workshop with embassies, civil society organisations and companies on a draft law on "
        "“information technology crimes” modelled on the Budapest Convention.",
        "នៅថ្ងៃទី២៣ ខែមីនា (ប្រហែលឆ្នាំ២០២៤៖ ប្រភពមិនបញ្ជាក់ឆ្នាំ) ក្រសួងមហាផ្ទៃបានរៀបចំសិក្ខាសាលា"
        "ពិគ្រោះយោបល់ជាមួយស្ថានទូត អង្គការសង្គមស៊ីវិល និងក្រុមហ៊ុន ស្តីពីសេចក្តីព្រាងច្បាប់ស្តីពី "
        "«បទល្មើសបច្ចេកវិទ្យាព័ត៌មាន» ដែលយកគំរូតាមអនុសញ្ញាទីក្រុងប៊ុយដាប៉េស្ត។",
        "https://nationalcybersecurity.com/interior-ministry-drafting-law-on-cybercrime-for-digital-era-"
        "cybercrime-infosec/",
        "National Cyber Security News",
    ),
]

CYBERCRIME_ANALYSES = [
    {
        "title_en": "Comments on the draft Cybercrime Law for Cambodia",
        "title_km": f"មតិយោបល់លើសេចក្តីព្រាង{CYBERCRIME_KM}សម្រាប់កម្ពុជា",
        "author": "Asia Internet Coalition",
        "url": "http://www.asiainternetcoalition.org/aic-comments-on-the-draft-cybercrime-law-for-cambodia/",
    },
    {
        "title_en": "Briefing note on the draft Cybercrime Law (as reported by IFEX)",
        "title_km": f"កំណត់សង្ខេបស្តីពីសេចក្តីព្រាង{CYBERCRIME_KM} (តាមការរាយការណ៍របស់ IFEX)",
        "author": "Cambodian Center for Human Rights",
        "published_on": date(2014, 2, 27),
        "url": "https://ifex.org/?p=249571",
    },
    {
        "title_en": "Cambodia: secret draft Cybercrime Law seeks to undermine free speech online",
        "title_km": f"កម្ពុជា៖ សេចក្តីព្រាង{CYBERCRIME_KM}ដែលរក្សាជាការសម្ងាត់ គំរាមដល់សេរីភាពបញ្ចេញមតិតាមអនឡាញ",
        "author": "ARTICLE 19",
        "url": "https://www.article19.org/resources/cambodia-secret-draft-cybercrime-law-seeks-undermine-free-speech-online/",
    },
    {
        "title_en": "Cambodia: Scrap Draft Cybercrime Law",
        "title_km": f"កម្ពុជា៖ សូមលុបចោលសេចក្តីព្រាង{CYBERCRIME_KM}",
        "author": "Human Rights Watch",
        "published_on": date(2020, 11, 13),
        "url": "https://www.hrw.org/news/2020/11/13/cambodia-scrap-draft-cybercrime-law",
    },
]
