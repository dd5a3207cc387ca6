"""Two materials for Session 1 of the 2014 meeting, made here and added through the service.

The slides are a tiny hand-made PDF (no renderer to start, so loading the demo stays quick);
the background note is a Word file with Khmer, written as the joint submission is.
"""

from django.core.files.uploadedfile import SimpleUploadedFile

from sala.core.docx import add_heading, add_paragraphs, document_bytes, new_document
from sala.meetings.models import AgendaItem, Meeting
from sala.meetings.services.materials import add_material

from .data import CYBERCRIME_KM

SLIDES_TITLE = "Key findings and concerns on the draft Cybercrime Law"
SLIDES = [
    "Consultative meeting, Phnom Penh, 5 June 2014 - Session 1",
    "",
    "- Drafting began in 2012; civil society was refused access to the text.",
    "- An unofficial English copy of draft V.1 (16 pages) leaked in April 2014.",
    "- Article 28 (contents and websites): vague and undefined terms such as",
    '  "hinder the sovereignty and integrity" and "generate insecurity".',
    "- One to three years in prison, also for reposting or forwarding.",
    "- Online speech punished more harshly than the same speech offline.",
    "- A 14-member National Anti-Cybercrime Committee with broad powers.",
    "",
    "Recommendation: delete the Article 28 clauses and consult openly.",
]
NOTE_TITLE = "Background note on the draft Cybercrime Law"
NOTE = [
    (
        "Why this meeting",
        "The government announced a cybercrime law in 2012 and has not published the draft. Legal "
        "experts, human-rights activists and ICT experts who read the leaked draft judged it broad and "
        "vague: more a restriction on freedom of expression than a law against cybercrime.",
    ),
    (
        "ហេតុអ្វីកិច្ចប្រជុំនេះ",
        f"រាជរដ្ឋាភិបាលបានប្រកាសអំពី{CYBERCRIME_KM}កាលពីឆ្នាំ២០១២ ប៉ុន្តែមិនទាន់បានផ្សព្វផ្សាយសេចក្តីព្រាងនៅឡើយទេ។ "
        "អ្នកជំនាញច្បាប់ សកម្មជនសិទ្ធិមនុស្ស និងអ្នកជំនាញបច្ចេកវិទ្យាព័ត៌មាន យល់ឃើញថាសេចក្តីព្រាងនេះទូលាយ និងមិនច្បាស់លាស់។",
    ),
    (
        "What we ask of participants",
        "Read the findings before Session 1, bring your organisation's concerns article by article, and "
        "give your inputs during the meeting or through your personal link.",
    ),
]


def load_materials(meeting: Meeting) -> None:
    """Add the slides and the note to the first session; once only (a session with materials
    is left as it is, so organisers' changes stay)."""
    item = meeting.agenda_items.filter(kind=AgendaItem.Kind.SESSION).order_by("starts_at").first()
    if item is None or item.materials.exists():
        return
    organiser = meeting.consultation.organisers.order_by("pk").first()
    for name, data, title in [
        ("key-concerns-draft-cybercrime-law.pdf", slides_pdf(SLIDES_TITLE, SLIDES), SLIDES_TITLE),
        ("background-note-cybercrime-law-2014.docx", background_docx(), NOTE_TITLE),
    ]:
        add_material(item=item, upload=SimpleUploadedFile(name, data), title=title, actor=organiser)


def background_docx() -> bytes:
    document = new_document()
    add_heading(document, NOTE_TITLE, 0)
    for heading, text in NOTE:
        add_heading(document, heading, 1)
        add_paragraphs(document, text)
    return document_bytes(document)


def slides_pdf(title: str, lines: list[str]) -> bytes:
    """A one-page landscape PDF in the standard Helvetica fonts (ASCII text only)."""

    def literal(text: str) -> str:
        return "(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"

    text = [f"BT /F1 24 Tf 50 530 Td {literal(title)} Tj /F2 14 Tf 0 -40 Td"]
    text += [f"{literal(line)} Tj 0 -24 Td" for line in lines]
    stream = " ".join([*text, "ET"]).encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Contents 6 0 R"
        b" /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    pdf, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(pdf)
