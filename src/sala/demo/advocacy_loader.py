"""The coalition's joint position on the demo draft, made through the consolidation services.

The findings are written for the demo, on the provisions critics focused on in 2014 (content
offences, false information, the committee's powers, the retention of traffic data); any
likeness to a real submission is chance. The articles are found by their heading when the
demo loads, in English or Khmer, never by a fixed number. Runs after the demo's inputs.
"""

from datetime import timedelta

from django.db import transaction

from sala.advocacy.models import Disposition
from sala.advocacy.services import decide_inputs, group_inputs, publish_position, save_finding
from sala.core.khmer import khmer_digits
from sala.laws.models import Article
from sala.meetings.models import Meeting
from sala.participation.models import Concern, Input

CONTENT_OFFENCES = {
    "finding_en": (
        "Article {number} punishes content “deemed” to hinder sovereignty, incite anarchy or undermine "
        "the morality of the family. None of these terms is defined, no intent or actual harm is "
        "required, and one to three years in prison for speech is disproportionate. Participants from "
        "every sector raised this article more than any other."
    ),
    "finding_km": (
        "មាត្រា {number} ដាក់ទោសលើខ្លឹមសារដែល «ត្រូវបានចាត់ទុកថា» រារាំងអធិបតេយ្យភាព ញុះញង់ឱ្យមានអនាធិបតេយ្យ "
        "ឬប៉ះពាល់ដល់សីលធម៌គ្រួសារ។ ពាក្យទាំងនេះគ្មាននិយមន័យច្បាស់លាស់ទេ មិនតម្រូវឱ្យមានចេតនា ឬការខូចខាតជាក់ស្តែង "
        "ហើយទោសដាក់ពន្ធនាគារពីមួយទៅបីឆ្នាំចំពោះការបញ្ចេញមតិ គឺហួសសមាមាត្រ។ អ្នកចូលរួមមកពីគ្រប់វិស័យ "
        "បានលើកឡើងពីមាត្រានេះច្រើនជាងមាត្រាដទៃទៀត។"
    ),
    "recommendation_en": (
        "Delete Article {number}. Any restriction on expression online belongs in the Criminal Code, must "
        "be clearly defined, and must be necessary and proportionate, as Article 19 of the International "
        "Covenant on Civil and Political Rights requires."
    ),
    "recommendation_km": (
        "លុបមាត្រា {number} ចោល។ ការរឹតត្បិតលើការបញ្ចេញមតិតាមអនឡាញណាមួយ ត្រូវកំណត់នៅក្នុងក្រមព្រហ្មទណ្ឌ "
        "ត្រូវមាននិយមន័យច្បាស់លាស់ ហើយត្រូវតែចាំបាច់ និងសមាមាត្រ ដូចដែលមាត្រា ១៩ "
        "នៃកតិកាសញ្ញាអន្តរជាតិស្តីពីសិទ្ធិពលរដ្ឋ និងសិទ្ធិនយោបាយតម្រូវ។"
    ),
    "wording_en": (
        "Article {number}: Incitement to violence\n"
        "Publishing through a computer system content that intentionally and directly incites others to "
        "commit a violent offence, where such violence is likely to follow, shall be punishable as "
        "provided by the Criminal Code."
    ),
    "wording_km": (
        "មាត្រា {number}៖ ការញុះញង់ឱ្យប្រព្រឹត្តអំពើហិង្សា\n"
        "ការផ្សព្វផ្សាយតាមប្រព័ន្ធកុំព្យូទ័រនូវខ្លឹមសារដែលញុះញង់ដោយចេតនា និងដោយផ្ទាល់ "
        "ឱ្យអ្នកដទៃប្រព្រឹត្តបទល្មើសហិង្សា ក្នុងករណីដែលអំពើហិង្សានោះទំនងជាកើតឡើង "
        "ត្រូវផ្តន្ទាទោសតាមការកំណត់នៃក្រមព្រហ្មទណ្ឌ។"
    ),
}

FALSE_INFORMATION = {
    "finding_en": (
        "Article {number} makes “false information” a crime without saying who decides what is false. "
        "Honest mistakes, satire and reporting on matters of public interest could all be prosecuted, "
        "and prison terms will make journalists and citizens afraid to speak."
    ),
    "finding_km": (
        "មាត្រា {number} ចាត់ទុក «ព័ត៌មានមិនពិត» ជាបទល្មើសព្រហ្មទណ្ឌ ដោយមិនបានកំណត់ថា "
        "នរណាជាអ្នកសម្រេចថាព័ត៌មានណាមួយមិនពិតនោះទេ។ កំហុសដោយសុចរិត ការសរសេរបែបកំប្លែងរិះគន់ "
        "និងការរាយការណ៍អំពីបញ្ហាដែលជាប្រយោជន៍សាធារណៈ អាចត្រូវបានចោទប្រកាន់ទាំងអស់ "
        "ហើយទោសដាក់ពន្ធនាគារនឹងធ្វើឱ្យអ្នកសារព័ត៌មាន និងប្រជាពលរដ្ឋភ័យខ្លាចក្នុងការបញ្ចេញមតិ។"
    ),
    "recommendation_en": (
        "Remove criminal penalties for false information. Rely on the right of reply and on civil "
        "remedies, and consult journalists and media organisations before any rule on false "
        "information is adopted."
    ),
    "recommendation_km": (
        "លុបចោលទោសព្រហ្មទណ្ឌចំពោះព័ត៌មានមិនពិត។ ត្រូវប្រើសិទ្ធិឆ្លើយតប "
        "និងមធ្យោបាយដោះស្រាយតាមផ្លូវរដ្ឋប្បវេណីជំនួសវិញ ហើយត្រូវពិគ្រោះយោបល់ជាមួយអ្នកសារព័ត៌មាន "
        "និងស្ថាប័នប្រព័ន្ធផ្សព្វផ្សាយ មុននឹងអនុម័តវិធានណាមួយស្តីពីព័ត៌មានមិនពិត។"
    ),
    "wording_en": (
        "Article {number}: Correction of false information\n"
        "A person harmed by false information published through a computer system may ask a civil court "
        "to order its correction, the publication of a reply, or damages."
    ),
    "wording_km": (
        "មាត្រា {number}៖ ការកែតម្រូវព័ត៌មានមិនពិត\n"
        "បុគ្គលដែលរងការខូចខាតដោយសារព័ត៌មានមិនពិតដែលបានផ្សព្វផ្សាយតាមប្រព័ន្ធកុំព្យូទ័រ "
        "អាចស្នើសុំឱ្យតុលាការរដ្ឋប្បវេណីសម្រេចឱ្យកែតម្រូវព័ត៌មាននោះ ឱ្យផ្សព្វផ្សាយការឆ្លើយតប ឬឱ្យសងការខូចខាត។"
    ),
}

COMMITTEE_POWERS = {
    "finding_en": (
        "Article {number} lets the Committee order the removal or blocking of any content it “considers "
        "harmful”, with no court order, no notice to the author and no appeal. The Committee is made up "
        "of government members only."
    ),
    "finding_km": (
        "មាត្រា {number} អនុញ្ញាតឱ្យគណៈកម្មាធិការបញ្ជាឱ្យលុប ឬបិទខ្លឹមសារណាមួយដែលខ្លួន «យល់ថាមានគ្រោះថ្នាក់» "
        "ដោយគ្មានដីកាតុលាការ គ្មានការជូនដំណឹងដល់ម្ចាស់ខ្លឹមសារ និងគ្មានសិទ្ធិប្តឹងតវ៉ា។ "
        "គណៈកម្មាធិការនេះមានសមាជិកមកពីរដ្ឋាភិបាលតែប៉ុណ្ណោះ។"
    ),
    "recommendation_en": (
        "Require a court order for every removal or blocking, notify the author, publish the list of "
        "blocked content, give a right of appeal, and include independent members from civil society, "
        "academia and the private sector in the Committee."
    ),
    "recommendation_km": (
        "តម្រូវឱ្យមានដីកាតុលាការសម្រាប់រាល់ការលុប ឬការបិទខ្លឹមសារ ជូនដំណឹងដល់ម្ចាស់ខ្លឹមសារ "
        "ផ្សព្វផ្សាយបញ្ជីខ្លឹមសារដែលត្រូវបានបិទ ផ្តល់សិទ្ធិប្តឹងតវ៉ា "
        "និងបញ្ចូលសមាជិកឯករាជ្យមកពីសង្គមស៊ីវិល ស្ថាប័នសិក្សា និងវិស័យឯកជន ទៅក្នុងគណៈកម្មាធិការ។"
    ),
    "wording_en": (
        "Article {number}: Powers of the Committee\n"
        "The Committee shall issue guidelines and coordinate investigations. Content may be removed or "
        "blocked only by order of a competent court, after its author has been notified and heard; the "
        "order may be appealed."
    ),
    "wording_km": (
        "មាត្រា {number}៖ អំណាចរបស់គណៈកម្មាធិការ\n"
        "គណៈកម្មាធិការចេញគោលការណ៍ណែនាំ និងសម្របសម្រួលការស៊ើបអង្កេត។ ខ្លឹមសារអាចត្រូវលុប ឬបិទបាន "
        "លុះត្រាតែមានដីកាបង្គាប់របស់តុលាការដែលមានសមត្ថកិច្ច ក្រោយពីបានជូនដំណឹង "
        "និងស្តាប់ការពន្យល់របស់ម្ចាស់ខ្លឹមសាររួចហើយ។ ដីកានោះអាចប្តឹងតវ៉ាបាន។"
    ),
}

DATA_RETENTION = {
    "finding_en": (
        "Article {number} obliges service providers to keep the traffic data of every user for at least "
        "a year and to hand it to any “competent officer” on request, without a warrant. Keeping "
        "everyone's data in this way breaches the right to privacy that the Constitution protects."
    ),
    "finding_km": (
        "មាត្រា {number} តម្រូវឱ្យក្រុមហ៊ុនផ្តល់សេវារក្សាទុកទិន្នន័យចរាចរណ៍របស់អ្នកប្រើប្រាស់ទាំងអស់ "
        "យ៉ាងតិចមួយឆ្នាំ ហើយប្រគល់ឱ្យ «មន្ត្រីមានសមត្ថកិច្ច» តាមការស្នើសុំ ដោយគ្មានដីកាតុលាការ។ "
        "ការរក្សាទុកទិន្នន័យរបស់មនុស្សគ្រប់គ្នាបែបនេះ រំលោភលើសិទ្ធិឯកជនភាពដែលរដ្ឋធម្មនុញ្ញធានា។"
    ),
    "recommendation_en": (
        "Limit retention to specified data in a specific investigation, for at most 90 days, and only "
        "with the prior authorisation of a judge. Adopt a personal data protection law first."
    ),
    "recommendation_km": (
        "កំណត់ការរក្សាទុកត្រឹមតែទិន្នន័យជាក់លាក់ ក្នុងការស៊ើបអង្កេតជាក់លាក់ណាមួយ រយៈពេលមិនលើសពី ៩០ ថ្ងៃ "
        "ហើយលុះត្រាតែមានការអនុញ្ញាតជាមុនពីចៅក្រម។ ត្រូវអនុម័តច្បាប់ស្តីពីការការពារទិន្នន័យផ្ទាល់ខ្លួនជាមុនសិន។"
    ),
    "wording_en": (
        "Article {number}: Preservation of traffic data\n"
        "On the written order of a judge, a service provider shall preserve the traffic data specified in "
        "the order, relating to a specific criminal investigation, for no longer than 90 days."
    ),
    "wording_km": (
        "មាត្រា {number}៖ ការរក្សាទុកទិន្នន័យចរាចរណ៍\n"
        "តាមដីកាជាលាយលក្ខណ៍អក្សររបស់ចៅក្រម ក្រុមហ៊ុនផ្តល់សេវាត្រូវរក្សាទុកទិន្នន័យចរាចរណ៍ដែលបានបញ្ជាក់ក្នុងដីកា "
        "ពាក់ព័ន្ធនឹងការស៊ើបអង្កេតព្រហ្មទណ្ឌជាក់លាក់ណាមួយ ក្នុងរយៈពេលមិនលើសពី ៩០ ថ្ងៃ។"
    ),
}

# Each provision: ways its heading may read (every word of one of them, in any case), and the
# position on it. A provision the draft does not have is left out.
PROVISIONS = [
    ([("content",), ("ខ្លឹមសារ",)], CONTENT_OFFENCES),
    ([("false",), ("មិនពិត",)], FALSE_INFORMATION),
    ([("power", "committee"), ("អំណាច", "គណៈកម្មាធិការ")], COMMITTEE_POWERS),
    ([("traffic data",), ("retention",), ("retain",), ("ទិន្នន័យចរាចរណ៍",)], DATA_RETENTION),
]

WHOLE_TEXT = {
    "finding_en": (
        "The draft was prepared without public consultation, and civil society obtained it only through a "
        "leaked copy. Many of its key terms are not defined."
    ),
    "finding_km": (
        "សេចក្តីព្រាងច្បាប់នេះត្រូវបានរៀបចំឡើងដោយគ្មានការពិគ្រោះយោបល់ជាសាធារណៈ "
        "ហើយសង្គមស៊ីវិលទទួលបានសេចក្តីព្រាងនេះ តាមរយៈច្បាប់ចម្លងដែលលេចធ្លាយប៉ុណ្ណោះ។ "
        "ពាក្យគន្លឹះជាច្រើននៅក្នុងសេចក្តីព្រាងគ្មាននិយមន័យ។"
    ),
    "recommendation_en": (
        "Publish the official draft, give civil society, service providers and the public at least 60 days "
        "to comment, and hold an open consultation before the draft goes to the Council of Ministers."
    ),
    "recommendation_km": (
        "ផ្សព្វផ្សាយសេចក្តីព្រាងផ្លូវការ ផ្តល់ពេលយ៉ាងតិច ៦០ ថ្ងៃដល់សង្គមស៊ីវិល ក្រុមហ៊ុនផ្តល់សេវា និងសាធារណជន "
        "ដើម្បីផ្តល់យោបល់ ហើយរៀបចំកិច្ចពិគ្រោះយោបល់ជាសាធារណៈ មុនពេលបញ្ជូនសេចក្តីព្រាងទៅគណៈរដ្ឋមន្ត្រី។"
    ),
}

# Why an input did not make it into the joint position.
ELSEWHERE = {
    "reason_en": (
        "The joint position concentrates on the provisions that threaten rights most; this point is kept for "
        "the coalition's follow-up."
    ),
    "reason_km": (
        "ជំហររួមផ្តោតលើបទប្បញ្ញត្តិដែលគំរាមកំហែងដល់សិទ្ធិខ្លាំងជាងគេ។ ចំណុចនេះនឹងត្រូវលើកយកមកពិភាក្សាក្នុងការងារតាមដានបន្តរបស់សម្ព័ន្ធភាព។"
    ),
}
BEYOND = {
    "reason_en": "This point goes beyond what the coalition members agreed to ask for together.",
    "reason_km": "ចំណុចនេះហួសពីអ្វីដែលសមាជិកសម្ព័ន្ធភាពបានព្រមព្រៀងគ្នាស្នើសុំរួមគ្នា។",
}


@transaction.atomic
def load_positions(meeting: Meeting, organiser) -> None:
    """Group the inputs, write the position, decide on every input, publish; once only.

    A consultation that already has a finding is left as it is (the organisers' work stays),
    as is one without a draft or inputs (the demo's inputs load first).
    """
    consultation = meeting.consultation
    inputs = Input.objects.filter(consultation=consultation)
    if consultation.draft_id is None or not inputs.exists() or consultation.findings.exists():
        return
    group_inputs(consultation=consultation, actor=organiser)
    articles = list(Article.objects.filter(draft_id=consultation.draft_id).order_by("position"))
    positioned: set[int | None] = {None}
    save_finding(consultation=consultation, article=None, actor=organiser, **WHOLE_TEXT)
    for headings, texts in PROVISIONS:
        article = find_article(articles, headings)
        if article is not None:
            number = {"en": article.number, "km": khmer_digits(article.number)}
            filled = {name: text.format(number=number[name[-2:]]) for name, text in texts.items()}
            save_finding(consultation=consultation, article=article, actor=organiser, **filled)
            positioned.add(article.pk)
    decide_every_input(consultation, organiser, positioned)
    publish_position(consultation=consultation, actor=organiser)
    # The coalition published its position a fortnight after the meeting, in June 2014.
    type(consultation).objects.filter(pk=consultation.pk).update(
        position_published_at=meeting.ends_at + timedelta(days=14)
    )


def find_article(articles: list[Article], headings: list[tuple[str, ...]]) -> Article | None:
    """The first article whose heading has every word of one of the ways it may read."""
    for article in articles:
        heading = article.heading.casefold()
        if any(all(word in heading for word in words) for words in headings):
            return article
    return None


def decide_every_input(consultation, organiser, positioned: set[int | None]) -> None:
    """Integrated where the coalition took a position (merged, for near-copies after the first),
    not integrated with a reason elsewhere or for points beyond the position."""
    decided: set[tuple[int, int | None]] = set()
    for input in Input.objects.filter(consultation=consultation, disposition=None).order_by("pk"):
        if input.group is not None:
            if (input.group, input.article_id) in decided:
                continue
            decided.add((input.group, input.article_id))
        decide_inputs(input=input, actor=organiser, **verdict(input, positioned))
        copies = Input.objects.filter(group=input.group, article_id=input.article_id).exclude(pk=input.pk)
        if input.group is not None and copies.exists():
            decide_inputs(
                input=input, actor=organiser, status="merged", merged_into=input.pk, whole_group=True
            )


def verdict(input: Input, positioned: set[int | None]) -> dict[str, str]:
    if input.article_id not in positioned:
        return {"status": Disposition.Status.NOT_INTEGRATED, **ELSEWHERE}
    if input.concern == Concern.OTHER:
        return {"status": Disposition.Status.NOT_INTEGRATED, **BEYOND}
    return {"status": Disposition.Status.INTEGRATED}
