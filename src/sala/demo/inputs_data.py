"""Inputs on the illustrative draft Cybercrime Law, as the 2014 meeting might have collected them.

Written for the demo in English and Khmer; any likeness to a real submission is chance. Most
inputs fall on the provisions critics focused on: content offences, false information, the
committee's powers and the retention of traffic data. Articles are named by their heading in
the draft, and found by it when the demo loads, never by a fixed number.
"""

# The articles inputs are given on, by their heading in the draft (None: the text as a whole).
HEADINGS = {
    "purpose": "Purpose",
    "scope": "Scope",
    "definitions": "Definitions",
    "committee": "National Anti-Cybercrime Committee",
    "powers": "Powers of the Committee",
    "preservation": "Preservation of data",
    "retention": "Collection of traffic data",
    "search": "Search and seizure",
    "access": "Illegal access",
    "interception": "Illegal interception",
    "interference": "Data interference",
    "content": "Content offences",
    "false": "False information",
    "defamation": "Defamation and insult",
    "force": "Entry into force",
}

# When the demo's online inputs were given: a week before the meeting to two weeks after
# (Phnom Penh time). The consultation's window opens with it and is left open.
WINDOW = ((2014, 6, 1, 0, 0), (2014, 6, 21, 0, 0))

# (article key or None, concern, comment, proposed wording)
INPUTS = [
    # --- Content offences -------------------------------------------------------------------
    ("content", "vague",
     "“Hinder the sovereignty and integrity of the Kingdom” is not defined anywhere in the draft. "
     "A post criticising a border agreement could fall under it. The offence must say what act is "
     "punished, not what the authorities may later “deem” harmful.",
     "Delete the words “deemed to hinder the sovereignty and integrity of the Kingdom”."),
    ("content", "expression",
     "This article criminalises speech, not cybercrime. The Criminal Code already covers incitement; "
     "a second, vaguer offence online will only frighten people into silence.",
     "Delete Article 12 entirely."),
    ("content", "vague",
     "“Undermine the morality of the family” has no legal meaning. Who decides what family morality is? "
     "Women's rights groups discussing domestic violence online could be accused under this wording.",
     ""),
    ("content", "penalties",
     "One to three years in prison and a fine of up to 6 million riels for sharing a post is out of all "
     "proportion. Sharing is not publishing: a person who forwards a message should not face the same "
     "penalty as its author.",
     "Replace imprisonment with a fine, and exclude persons who only share or forward content."),
    ("content", "expression",
     "ពាក្យ «ញុះញង់ឱ្យមានអនាធិបតេយ្យ» ទូលាយពេក។ ការរិះគន់គោលនយោបាយរដ្ឋាភិបាល ឬការអំពាវនាវឱ្យធ្វើបាតុកម្មដោយសន្តិវិធី "
     "អាចត្រូវបានចាត់ទុកថាជាការញុះញង់។ សូមកំណត់ឱ្យច្បាស់ថាមានតែការញុះញង់ឱ្យប្រើហិង្សាប៉ុណ្ណោះដែលជាបទល្មើស។",
     "ការផ្សព្វផ្សាយខ្លឹមសារដែលញុះញង់ដោយផ្ទាល់ឱ្យប្រព្រឹត្តអំពើហិង្សា ត្រូវផ្តន្ទាទោស..."),
    ("content", "vague",
     "ពាក្យ «ត្រូវបានចាត់ទុកថា» ផ្តល់អំណាចឆន្ទានុសិទ្ធិដល់អាជ្ញាធរ។ ច្បាប់ព្រហ្មទណ្ឌត្រូវតែច្បាស់លាស់ "
     "ដើម្បីឱ្យប្រជាពលរដ្ឋដឹងជាមុនថាទង្វើណាមួយជាបទល្មើស។",
     ""),
    ("content", "expression",
     "As journalists we publish reports on land disputes and logging every week. Under this article an "
     "editor could be jailed because an official feels a report “hinders” the Kingdom. Add an explicit "
     "exception for journalism and matters of public interest.",
     "Nothing in this article applies to reporting, commentary or research on matters of public interest."),
    ("content", "due_process",
     "The draft does not say who decides that content is harmful before a prosecution starts. Only a "
     "court should be able to find that a publication is unlawful.",
     ""),
    ("content", "penalties",
     "ទោសដាក់ពន្ធនាគារពី ១ ទៅ ៣ ឆ្នាំ ធ្ងន់ជាងទោសសម្រាប់បទល្មើសដូចគ្នានៅក្រៅប្រព័ន្ធអ៊ីនធឺណិត។ "
     "មិនគួរមានការដាក់ទោសធ្ងន់ជាង ដោយសារតែប្រើកុំព្យូទ័រនោះទេ។",
     ""),
    ("content", "expression",
     "Young people use Facebook to talk about politics because they have no other space. Punishing "
     "“content” in such general terms will teach a whole generation that speaking up online is dangerous.",
     ""),
    ("content", "other",
     "The article should refer to the ICCPR, which Cambodia has ratified: restrictions on expression "
     "must be provided by law, necessary and proportionate to a legitimate aim.",
     ""),
    ("content", "vague",
     "ត្រូវកំណត់និយមន័យនៃពាក្យ «ខ្លឹមសារ» «ផ្សព្វផ្សាយ» និង «ចែករំលែក» នៅក្នុងមាត្រានិយមន័យ។ "
     "បើមិនដូច្នេះទេ ការចុច «Like» ក៏អាចក្លាយជាបទល្មើសដែរ។",
     ""),
    # --- False information ------------------------------------------------------------------
    ("false", "vague",
     "“False information that causes public fear” is impossible to apply fairly. Who establishes that "
     "information is false, and by what standard? Early reports of a disaster are often partly wrong.",
     "Delete Article 13."),
    ("false", "expression",
     "Criminal penalties for “false information” are used worldwide against journalists and critics. "
     "Honest mistakes must never be a crime; corrections and the right of reply are the proper remedy.",
     ""),
    ("false", "expression",
     "ព័ត៌មានមិនពិតគួរតែដោះស្រាយដោយការកែតម្រូវ និងសិទ្ធិឆ្លើយតប មិនមែនដោយការដាក់ពន្ធនាគារទេ។ "
     "មាត្រានេះនឹងធ្វើឱ្យអ្នកសារព័ត៌មានខ្លាចរាយការណ៍អំពីបញ្ហាសង្គម។",
     "លុបចោលមាត្រានេះ។"),
    ("false", "vague",
     "What is “public order”? The term is used in other laws to ban peaceful gatherings. Here it could "
     "punish a post about a factory strike.",
     ""),
    ("false", "due_process",
     "At the very least, the prosecution should have to prove that the person knew the information was "
     "false and intended to cause harm, and that serious harm actually followed.",
     "Publishing information that the person knows to be false, with the intent to cause and causing "
     "serious harm to public safety, shall be punishable by a fine."),
    ("false", "penalties",
     "ទោសដាក់ពន្ធនាគារចំពោះការផ្សព្វផ្សាយព័ត៌មានមិនពិត មិនសមាមាត្រទេ។ យ៉ាងហោចណាស់ត្រូវជំនួសដោយការពិន័យជាប្រាក់។",
     ""),
    ("false", "expression",
     "Health workers shared warnings about a dengue outbreak before the ministry confirmed it. Under "
     "this article they could have been prosecuted for causing “public fear”.",
     ""),
    ("false", "vague",
     "«ធ្វើឱ្យមានការភ័យខ្លាចដល់សាធារណជន» ជាលក្ខខណ្ឌដែលវាស់វែងមិនបាន។ តើការភ័យខ្លាចរបស់មនុស្សប៉ុន្មាននាក់ ទើបគ្រប់គ្រាន់?",
     ""),
    ("false", "other",
     "If the aim is to fight scams and fraudulent advertising online, say so: a consumer protection "
     "provision would do that without touching news and opinion.",
     ""),
    ("false", "expression",
     "Bloggers in the provinces are the only source of news on many local issues. This article puts "
     "all of them at risk for a single wrong figure or date.",
     ""),
    ("false", "due_process",
     "មាត្រានេះមិនបានចែងថាអ្នកណាជាអ្នកសម្រេចថាព័ត៌មានមួយមិនពិតនោះទេ។ ត្រូវតែជាតុលាការឯករាជ្យ មិនមែនគណៈកម្មាធិការ ឬក្រសួងទេ។",
     ""),
    # --- Powers of the Committee ------------------------------------------------------------
    ("powers", "powers",
     "The Committee may order content to be removed or blocked on its own view that it is “harmful”, "
     "with no court order, no notice to the author and no appeal. This is censorship by an executive body.",
     "Removal or blocking of content may only be ordered by a court, for content found unlawful under "
     "this law, and the author shall be notified and may appeal."),
    ("powers", "due_process",
     "There is no procedure: no time limits, no written reasons, no right to be heard. Service providers "
     "will remove anything the Committee asks to avoid trouble.",
     ""),
    ("powers", "powers",
     "គណៈកម្មាធិការដែលដឹកនាំដោយនាយករដ្ឋមន្ត្រី មិនគួរមានអំណាចបិទ ឬលុបខ្លឹមសារដោយគ្មានដីកាតុលាការឡើយ។ "
     "នេះជាការរំលោភលើគោលការណ៍បំបែកអំណាច។",
     ""),
    ("powers", "vague",
     "“Content which the Committee considers harmful” gives no criterion at all. The law must list what "
     "may be blocked, and blocking must be the last resort.",
     ""),
    ("powers", "powers",
     "Who oversees the Committee? There should be an annual public report on every order to remove or "
     "block content, and parliamentary oversight.",
     "The Committee shall publish every year the number of orders it issued, their grounds and outcome."),
    ("powers", "privacy",
     "“Coordinate investigations” could include access to users' data held by providers. The article "
     "must state that the Committee itself has no power to obtain personal data.",
     ""),
    ("powers", "powers",
     "ការណែនាំ (guidelines) របស់គណៈកម្មាធិការ មិនគួរមានតម្លៃស្មើនឹងច្បាប់ទេ។ "
     "ត្រូវបញ្ជាក់ថាការណែនាំទាំងនោះមិនអាចបង្កើតបទល្មើសថ្មីបានឡើយ។",
     ""),
    ("powers", "due_process",
     "ម្ចាស់គេហទំព័រ ឬអ្នកប្រើប្រាស់ដែលខ្លឹមសាររបស់ខ្លួនត្រូវបានបិទ ត្រូវមានសិទ្ធិប្តឹងតវ៉ាទៅតុលាការក្នុងរយៈពេលខ្លី។",
     ""),
    ("powers", "other",
     "As an industry association, we need clear rules: a provider that follows a court order must be "
     "protected from liability, and orders must come in writing through one channel.",
     ""),
    ("powers", "powers",
     "Blocking whole websites or platforms for one post is disproportionate. The law should only allow "
     "targeted removal of specific content.",
     ""),
    # --- Collection of traffic data (data retention) ------------------------------------------
    ("retention", "privacy",
     "Keeping the traffic data of every user for at least a year is mass surveillance. It records who "
     "talks to whom, when and where, for people suspected of nothing.",
     "Service providers shall preserve the traffic data of a specified user, for up to 90 days, on the "
     "order of a judge."),
    ("retention", "privacy",
     "“Hand it over upon request of a competent officer” means no judge, no suspicion and no limits. "
     "Access to traffic data must require a court warrant.",
     ""),
    ("retention", "privacy",
     "ការរក្សាទុកទិន្នន័យចរាចររបស់អ្នកប្រើប្រាស់ទាំងអស់ យ៉ាងហោចណាស់មួយឆ្នាំ គឺជាការឃ្លាំមើលទូទៅ "
     "ដែលរំលោភលើសិទ្ធិឯកជនភាព។ សូមកំណត់ឱ្យរក្សាទុកតែទិន្នន័យរបស់ជនសង្ស័យ តាមដីការបស់ចៅក្រម។",
     ""),
    ("retention", "other",
     "Small internet providers cannot afford to store a year of data for every customer. The cost will "
     "be passed on to users or push small providers out of the market.",
     ""),
    ("retention", "privacy",
     "There is no rule on how the retained data is protected, who may see it or when it is deleted. A "
     "leak of a year of traffic data would expose journalists' sources and activists' contacts.",
     ""),
    ("retention", "due_process",
     "The article should say which officers are “competent”, for which offences data may be requested, "
     "and that the person concerned is told afterwards.",
     ""),
    ("retention", "privacy",
     "ប្រទេសកម្ពុជាមិនទាន់មានច្បាប់ការពារទិន្នន័យផ្ទាល់ខ្លួននៅឡើយទេ។ មុននឹងតម្រូវឱ្យរក្សាទុកទិន្នន័យ "
     "ត្រូវអនុម័តច្បាប់ការពារទិន្នន័យជាមុនសិន។",
     ""),
    ("retention", "penalties",
     "The draft does not say what happens to a provider that fails to retain data; if penalties come "
     "later by sub-decree, they escape parliamentary debate.",
     ""),
    ("retention", "privacy",
     "Traffic data is as revealing as content: it shows a person's doctor, lawyer and religion. The "
     "obligation should be deleted, as the EU Court of Justice did for a similar rule in April 2014.",
     "Delete Article 7."),
    ("retention", "powers",
     "ការប្រគល់ទិន្នន័យតាមសំណើរបស់មន្ត្រី ដោយគ្មានការត្រួតពិនិត្យពីតុលាការ ផ្តល់អំណាចហួសហេតុដល់មន្ត្រីនគរបាល។",
     ""),
    ("content", "penalties",
     "A fine of 2 to 6 million riels is more than a year's wages for a garment worker. Penalties must "
     "be graded to the harm actually done.",
     ""),
    ("content", "expression",
     "សិល្បករ និងអ្នកនិពន្ធបទចម្រៀងដែលបង្ហោះស្នាដៃរិះគន់សង្គម ក៏អាចរងការចោទប្រកាន់ក្រោមមាត្រានេះដែរ។",
     ""),
    ("false", "powers",
     "Combined with Article 5, this lets the Committee decide what is “false” and have it removed the "
     "same day. The two articles must be read together.",
     ""),
    ("powers", "expression",
     "ការបិទគេហទំព័រទាំងមូល ដោយសារតែអត្ថបទតែមួយ ប៉ះពាល់ដល់សិទ្ធិទទួលបានព័ត៌មានរបស់ប្រជាពលរដ្ឋទាំងអស់។",
     ""),
    ("retention", "privacy",
     "Mobile operators already register every SIM card with an ID. Adding a year of traffic data means "
     "the state can map the movements of any citizen.",
     ""),
    # --- Other articles -----------------------------------------------------------------------
    ("definitions", "vague",
     "The definition of “service provider” covers anyone who stores data for others, including a cafe "
     "with Wi-Fi or an NGO running a website with comments.",
     "“Service provider” means a person providing to the public, as a business, access to a computer "
     "network or the storage of data."),
    ("definitions", "vague",
     "Key terms used later are not defined: “content”, “harmful”, “public order”, “competent officer”.",
     ""),
    ("definitions", "vague",
     "មាត្រានិយមន័យគួរកំណត់ពាក្យ «មន្ត្រីមានសមត្ថកិច្ច» និង «ខ្លឹមសារ» ដែលប្រើនៅក្នុងមាត្រាបន្តបន្ទាប់។",
     ""),
    ("definitions", "privacy",
     "“Traffic data” should be distinguished clearly from content data, and location data should get "
     "stronger protection.",
     ""),
    ("search", "due_process",
     "Search and seizure “where there is reason to believe that an offence will be committed” allows "
     "searches on suspicion of future acts, without a warrant. A judge must authorise every search.",
     "Competent officers may search and seize computer systems and data on the written order of an "
     "investigating judge."),
    ("search", "privacy",
     "ការរឹបអូសកុំព្យូទ័ររបស់អង្គការ អាចបង្ហាញទិន្នន័យរបស់ជនរងគ្រោះ និងអ្នកផ្តល់ព័ត៌មាន។ "
     "ត្រូវមានការការពារព័ត៌មានដែលមិនពាក់ព័ន្ធនឹងការស៊ើបអង្កេត។",
     ""),
    ("search", "due_process",
     "Seized devices are often kept for months. Set a time limit and a duty to return devices and "
     "copies that are not evidence.",
     ""),
    ("search", "powers",
     "The article gives the same powers to any “competent officer”: it should name the judicial police "
     "and nobody else.",
     ""),
    ("defamation", "expression",
     "Defamation of public officials should not be a crime at all, and certainly not one that carries "
     "prison. Officials must accept more criticism than private persons, not less.",
     "Delete Article 14."),
    ("defamation", "penalties",
     "ការបង្ខូចកេរ្តិ៍ និងការប្រមាថ មានចែងរួចហើយក្នុងក្រមព្រហ្មទណ្ឌ។ មាត្រានេះបន្ថែមទោសដាក់ពន្ធនាគារ ដែលមិនសមាមាត្រ។",
     ""),
    ("defamation", "expression",
     "Special protection for public officials reverses international standards. Citizens who complain "
     "about corruption online would be the first targets.",
     ""),
    ("defamation", "vague",
     "“Insult” is not defined; a satirical cartoon or a rude comment could send someone to prison.",
     ""),
    ("committee", "powers",
     "A committee chaired by the Prime Minister, made only of ministries, is not independent. Include "
     "judges, civil society, the private sector and technical experts.",
     ""),
    ("committee", "powers",
     "គណៈកម្មាធិការជាតិគួរតែមានសមាសភាពចម្រុះ រួមទាំងតំណាងសង្គមស៊ីវិល វិស័យឯកជន និងអ្នកជំនាញបច្ចេកទេស។",
     ""),
    ("committee", "other",
     "The article should say how members are appointed, for how long, and how conflicts of interest are "
     "handled.",
     ""),
    ("preservation", "due_process",
     "A preservation order of up to 180 days by a police officer alone is too long; 90 days, renewable "
     "once by a judge, is the common standard.",
     "… for a period of up to 90 days, which an investigating judge may extend once."),
    ("preservation", "privacy",
     "ត្រូវបញ្ជាក់ថាទិន្នន័យដែលរក្សាទុកតាមបញ្ជា ត្រូវលុបចោលភ្លាមៗ នៅពេលផុតរយៈពេល ឬនៅពេលការស៊ើបអង្កេតបញ្ចប់។",
     ""),
    ("preservation", "other",
     "Preservation of specified data on a court order is the right approach; it makes the blanket "
     "retention of Article 7 unnecessary.",
     ""),
    ("force", "due_process",
     "Declaring the law “urgent” shortens the time for debate. A law restricting fundamental rights "
     "needs a full public consultation and a normal legislative procedure.",
     "This law shall enter into force six months after its promulgation."),
    ("force", "other",
     "ច្បាប់នេះត្រូវការពេលសម្រាប់ការបណ្តុះបណ្តាលមន្ត្រី និងអ្នកផ្តល់សេវា មុនចូលជាធរមាន។",
     ""),
    ("force", "due_process",
     "Publish the full draft officially so that everyone comments on the same text; the version "
     "circulating now was leaked.",
     ""),
    ("scope", "vague",
     "Acts committed abroad that “affect a computer system in the Kingdom” would include any foreign "
     "website read in Cambodia. The territorial scope must be narrower.",
     ""),
    ("scope", "expression",
     "Cambodians abroad who write about Cambodia could be prosecuted when they return. Limit the scope "
     "to acts that are offences in both countries.",
     ""),
    ("access", "penalties",
     "Security researchers who find and report weaknesses should not be punished. Add a defence for "
     "access in good faith for security testing.",
     ""),
    ("interception", "other",
     "The article should also bind state agencies: interception by officials without a warrant must be "
     "an offence too.",
     ""),
    ("interference", "vague",
     "“Deteriorating” and “suppressing” data are unclear; deleting one's own files or a moderator "
     "removing spam could fall under the words.",
     ""),
    ("purpose", "other",
     "The purpose should include the protection of human rights online, and say that the law is "
     "interpreted in line with the Constitution and the ICCPR.",
     "… and to protect the rights and freedoms guaranteed by the Constitution."),
    # --- The text as a whole ------------------------------------------------------------------
    (None, "expression",
     "Taken together, Articles 5, 12, 13 and 14 make this a law against speech rather than against "
     "cybercrime. The real cybercrime provisions (illegal access, interception, data interference) are "
     "short and could stand on their own.",
     ""),
    (None, "other",
     "សេចក្តីព្រាងច្បាប់នេះត្រូវតែដាក់ឱ្យមានការពិគ្រោះយោបល់ជាសាធារណៈ ជាមួយសង្គមស៊ីវិល វិស័យឯកជន "
     "និងអ្នកជំនាញ មុនពេលបញ្ជូនទៅរដ្ឋសភា។",
     ""),
    (None, "due_process",
     "The draft lacks any safeguard chapter: judicial authorisation, notification of the persons "
     "concerned, remedies and independent oversight should apply to every power in it.",
     ""),
    (None, "privacy",
     "A data protection law should come first, or at least together with this law; without it, every "
     "power to collect data is unchecked.",
     ""),
    (None, "vague",
     "យើងខ្ញុំសូមស្នើឱ្យប្រើប្រាស់អនុសញ្ញាទីក្រុងប៊ុយដាប៉ែស្ត ស្តីពីឧក្រិដ្ឋកម្មតាមប្រព័ន្ធកុំព្យូទ័រ "
     "ជាគំរូសម្រាប់និយមន័យ និងបទល្មើសនានា។",
     ""),
]  # fmt: skip

# A campaign letter on the content offences, sent forty times with small changes: {number} is
# the article's number, found when the demo loads.
CAMPAIGN_EN = (
    "We {urge} the drafting committee to {delete} Article {number} on content offences. Words such as "
    "“hinder the sovereignty” and “undermine the morality of the family” are not defined and {will} be "
    "used against {whom}. Any restriction on expression must be precise, necessary and proportionate, "
    "as Article 19 of the ICCPR requires.{closing}"
)
CAMPAIGN_EN_WORDS = {
    "urge": ["urge", "call on", "ask", "strongly urge"],
    "delete": ["delete", "remove", "withdraw"],
    "will": ["will", "can", "may"],
    "whom": [
        "journalists, bloggers and human rights defenders",
        "journalists and activists",
        "ordinary citizens, journalists and bloggers",
    ],
    "closing": ["", "", " Thank you.", " Please listen to the people."],
}
CAMPAIGN_KM = (
    "យើងខ្ញុំ{urge}ឱ្យគណៈកម្មការតាក់តែង{delete}មាត្រា {number} ស្តីពីបទល្មើសខ្លឹមសារ។ ពាក្យដូចជា "
    "«រារាំងអធិបតេយ្យភាព» និង «ធ្វើឱ្យខូចសីលធម៌គ្រួសារ» មិនមាននិយមន័យច្បាស់លាស់ទេ ហើយ{will}ត្រូវបានប្រើប្រាស់"
    "ប្រឆាំងនឹង{whom}។ ការរឹតត្បិតសេរីភាពបញ្ចេញមតិ{must}ច្បាស់លាស់ ចាំបាច់ និងសមាមាត្រ ស្របតាមមាត្រា ១៩ "
    "នៃកតិកាសញ្ញាអន្តរជាតិស្តីពីសិទ្ធិពលរដ្ឋ និងសិទ្ធិនយោបាយ។{closing}"
)
CAMPAIGN_KM_WORDS = {
    "urge": ["សូមស្នើ", "សូមអំពាវនាវ", "សូមទទូច"],
    "delete": ["លុបចោល", "ដកចេញ"],
    "will": ["នឹង", "អាច"],
    "whom": ["អ្នកសារព័ត៌មាន អ្នកសរសេរប្លុក និងអ្នកការពារសិទ្ធិមនុស្ស", "អ្នកសារព័ត៌មាន និងសកម្មជន"],
    "must": ["ត្រូវតែ", "គួរតែ"],
    "closing": ["", " សូមអរគុណ។"],
}
CAMPAIGN_COPIES = 40  # in English
CAMPAIGN_KHMER = 12  # the Khmer version, a campaign of its own
