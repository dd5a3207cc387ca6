"""Domain errors: an exception carries a code; this module maps every code to a message.

Services raise `DomainError("agenda.overlap", item=..., other=...)`; views show
`error.message`, rendered in the user's language at the time it is shown.
"""

from django.utils.translation import gettext_lazy as _

MESSAGES = {
    "agenda.end_before_start": _("“%(item)s” must end after it starts."),
    "agenda.outside_window": _(
        "“%(item)s” (%(start)s–%(end)s) is outside the meeting’s time, %(window_start)s–%(window_end)s."
    ),
    "agenda.overlap": _(
        "“%(item)s” (%(start)s–%(end)s) overlaps “%(other)s” (%(other_start)s–%(other_end)s)."
    ),
    "agenda.cannot_move": _("This item is already at that end of the agenda."),
    "meeting.end_before_start": _("The meeting must end after it starts."),
    "meeting.agenda_outside_window": _(
        "The new time leaves agenda items outside the meeting. Move those items first."
    ),
    "meeting.slug_taken": _("Another meeting already uses this web address."),
    "facilitator.bad_status": _("This answer is not possible."),
    "person.no_name": _("Give a name, in Khmer or Latin script."),
    "invitation.bad_category": _("Choose a category from the list."),
    "registration.closed": _("Registration for this meeting is not open."),
    "checkin.unknown_code": _("This code belongs to no one invited to this meeting."),
    "walk_in.possible_duplicate": _(
        "Someone like “%(name)s” is already known. Choose them below, or confirm this is someone new."
    ),
    "upload.missing": _("Choose a file to upload."),
    "upload.expired": _("This upload has expired. Please upload the file again."),
    "organisation.no_name": _("Give the organisation’s name."),
    "list.cannot_move": _("This entry is already at that end of the list."),
    "meeting.no_date_or_time": _("Give the meeting’s first day, and the times it starts and ends."),
    "meeting.bad_date_or_time": _("“%(value)s” is not a date and time Sala can read."),
    # importers: documents in general
    "document.empty": _("The file is empty."),
    "document.too_large": _("The file is too large to import."),
    "document.unreadable": _(
        "The file could not be read. It may be damaged, or not the type of file its name says."
    ),
    "document.encrypted": _("The file is protected by a password. Remove the password and upload it again."),
    "document.no_text": _(
        "No text was found in the file. A scanned PDF holds only pictures of text: upload the original "
        "document or paste the text."
    ),
    "document.unsupported_type": _("This type of file cannot be imported here."),
    "document.too_many_pages": _("The PDF has %(pages)s pages; at most %(max_pages)s can be imported."),
    # importers: participant lists
    "people.old_excel": _(
        "Old Excel files (.xls) cannot be read. Open the file in Excel, save it as .xlsx or CSV, "
        "and upload it again."
    ),
    "people.no_header": _(
        "No header row was found near the top of the list: one row must name the columns, such as "
        "“Name”, “Gender” and “Organisation”."
    ),
    "people.too_many_rows": _("The list has more than %(max)s rows. Split it into smaller files."),
    "people.no_name": _("Row %(row)s has no name, in Khmer or in Latin script, and cannot be imported."),
    "people.invalid_email": _("Row %(row)s: “%(value)s” is not an email address; the email is left empty."),
    "people.invalid_phone": _("Row %(row)s: “%(value)s” is not a phone number; the phone is left empty."),
    "people.several_values": _("Row %(row)s: “%(value)s” holds several values; only “%(kept)s” is kept."),
    "people.type_mapped": _(
        "Row %(row)s: “%(value)s” is not one of the organisation types; the closest type was chosen. "
        "Check it."
    ),
    "people.unknown_type": _("Row %(row)s: the organisation type “%(value)s” is unknown and is left empty."),
    "people.unknown_gender": _("Row %(row)s: the gender “%(value)s” is unknown and is left as not given."),
    "people.unknown_title": _("Row %(row)s: the title “%(value)s” is unknown and is left empty."),
    # importers: concept notes
    "concept_note.title_missing": _("No title was found. Write the meeting’s title."),
    "concept_note.date_missing": _("No date was found for the meeting. Set its date."),
    "concept_note.date_unreadable": _("Line %(line)s: the date “%(text)s” could not be read."),
    "concept_note.date_ambiguous": _(
        "Line %(line)s: the date “%(text)s” could be day/month or month/day; it was read as day/month. "
        "Check it."
    ),
    "concept_note.time_unreadable": _("Line %(line)s: the time “%(text)s” could not be read."),
    "concept_note.time_reversed": _(
        "Line %(line)s: the time “%(text)s” ends before it starts, so it was not imported."
    ),
    "concept_note.time_afternoon_assumed": _(
        "Line %(line)s: “%(text)s” was read as an afternoon time. Check it."
    ),
    "concept_note.end_time_inferred": _(
        "Line %(line)s: “%(text)s” gives no end time; the item ends when the next one starts. Check it."
    ),
    "concept_note.end_time_missing": _(
        "Line %(line)s: “%(text)s” gives no end time and none could be found, so the item was not imported."
    ),
    "concept_note.day_unknown": _(
        "Line %(line)s: the date of “%(text)s” is not given. Set the date of the items under it."
    ),
    "concept_note.agenda_missing": _(
        "No agenda was found: no line starts with a time such as “08:00 – 08:30”."
    ),
    "concept_note.facilitator_unnamed": _(
        "Line %(line)s: a facilitator is marked (“%(text)s”) but not named."
    ),
    # importers: draft laws
    "draft.numbering_gap": _(
        "Line %(line)s: number %(number)s skips numbers (expected %(expected)s). Is something missing?"
    ),
    "draft.numbering_back": _(
        "Line %(line)s: number %(number)s goes back (expected %(expected)s). Check for a repeated heading."
    ),
    "draft.no_articles": _(
        "No article headings were found, such as “Article 1” or “មាត្រា ១”. Check the text before publishing."
    ),
    # laws: tracker
    "law.no_title": _("Give the law a title in English or in Khmer."),
    "law.slug_taken": _("Another law already uses this web address."),
    "link.bad_url": _("“%(value)s” is not a web address. Give the full address, starting with https://."),
    "stage.date_in_future": _("A stage cannot be dated in the future: record only what has happened."),
    "analysis.no_title": _("Give the analysis a title in English or in Khmer."),
    "analysis.file_or_link": _("Upload a file or give a link to the analysis: one of the two, not both."),
    "analysis.bad_type": _(
        "Only PDF and Word (.docx) files can be attached. This file is not one, whatever its name says."
    ),
    "analysis.too_large": _("The file is larger than %(max)s MB. Attach a smaller file, or give a link."),
    # laws: drafts
    "draft.no_label": _("Give this version a name, such as “Draft of April 2014”."),
    "draft.previous_other_law": _("A version can only replace another version of the same law."),
    "draft.not_editable": _(
        "This version is published or discarded, so it can no longer change. To change the text, "
        "import a new version."
    ),
    "draft.no_articles_to_publish": _("This version has no article. Add at least one before publishing it."),
    "draft.not_discarded": _("Only a discarded version can be deleted. Discard it first."),
    "article.no_number": _("Give the article its number, as the draft writes it (such as “12” or “១២”)."),
    # participation: inputs
    "input.window_closed": _("Inputs on this draft are not open now."),
    "input.window_reversed": _("Inputs must close after they open."),
    "input.no_draft": _("No version of the draft is open for inputs yet."),
    "input.article_not_in_draft": _(
        "This article is not in the version under consultation. Reload the page and choose again."
    ),
    "input.meeting_not_in_consultation": _("This meeting is not part of this consultation."),
    "input.no_comment": _("Write your comment."),
    "input.too_long": _("A comment or a proposed wording may be at most %(max)s characters long."),
    "input.too_many": _(
        "You have sent many inputs in a short time (at most %(count)s in %(minutes)s minutes). Wait a few "
        "minutes, then send this one again: your text is kept below."
    ),
    "input.no_author": _("Choose who gave the input, or make it anonymous."),
    "input.bad_choice": _("Choose a concern and a channel from the lists."),
    "input.not_yours": _("Only the person who gave this input may withdraw it."),
    "input.draft_not_published": _("Only a published version can be consulted on."),
    "input.draft_other_law": _("This version is a text of another law."),
    "input.draft_unchanged": _("Inputs are already given on this version."),
    # participation: live Q&A
    "question.empty": _("Write your question."),
    "question.too_long": _("A question may be at most %(max)s characters long."),
    "question.closed": _("Questions on this session are closed."),
    "question.too_many": _(
        "You have asked many questions in a short time (at most %(count)s a minute). Wait a minute, then "
        "send this one again: your text is kept below."
    ),
    "question.too_many_from_address": _(
        "Many questions are coming from your network at the moment. Wait a minute, then send yours again: "
        "your text is kept below."
    ),
    "question.not_open_for_votes": _("Only the open questions everyone sees can be upvoted."),
    "question.changed_meanwhile": _(
        "Someone changed this question meanwhile, so this is no longer possible. The list is up to date now."
    ),
    "question.bad_merge": _(
        "Choose another question of the same session, shown to everyone, to merge this one into."
    ),
    # participation: breakout groups
    "group.no_topic": _("Give the group a topic, in English or in Khmer."),
    "group.topic_too_long": _("A topic may be at most %(max)s characters long."),
    "group.none": _("There is no group yet: create the groups first, then assign people to them."),
    "group.not_checked_in": _(
        "%(name)s is not checked in at this meeting, so they cannot be put in a group."
    ),
    "group.other_meeting": _("This group belongs to another meeting."),
    "group_report.stale": _(
        "Someone else saved this report after you started. Their text is shown; yours is kept in the "
        "form. Put the two together, then save again."
    ),
    "group_report.too_long": _("Each part of the report may be at most %(max)s characters long."),
    # advocacy: consolidation
    "finding.not_in_draft": _("This article is not in the version of the draft under consultation."),
    "disposition.reason_required": _("Say why this input is not integrated, in English or in Khmer."),
    "disposition.merged_into_required": _("Give the number of the input this one is merged into."),
    "disposition.merged_into_unknown": _("There is no input no. %(number)s in this consultation."),
    "disposition.merged_into_itself": _("An input cannot be merged into itself."),
    "position.no_finding": _("Write the position on at least one article before publishing it."),
    # advocacy: expected outcomes
    "outcome.bad_rule": _("Choose a rule from the list."),
    "outcome.bad_shares": _(
        "The shares are percentages from 0 to 100, and “partly met from” cannot be above “met from”."
    ),
    "outcome.item_required": _("Choose the agenda item where the findings are shared."),
    "outcome.item_other_meeting": _("This agenda item belongs to another meeting."),
    "outcome.decision_other_consultation": _("This decision belongs to another consultation."),
    # advocacy: road map
    "strategy.no_activity": _("Say what the activity is, in English or in Khmer."),
    "strategy.article_not_in_draft": _(
        "This article is not in the version of the draft under consultation. Reload the page and choose "
        "again."
    ),
    "strategy.finding_not_in_consultation": _("This finding belongs to another consultation."),
    "strategy.voted_on": _(
        "This strategy was put to a vote: its activity and target can no longer change, and it cannot be "
        "removed. Add a new strategy instead."
    ),
    "strategy.no_recommendations": _("This group’s report has no recommendations yet."),
    # decisions
    "decision.no_title": _("Give the decision a title, in English or in Khmer."),
    "decision.bad_quorum": _("The quorum is a share of the eligible voters, from 0 to 100%."),
    "decision.bad_choice": _("Choose one of the options."),
    "decision.no_meeting": _("Choose the meeting whose checked-in participants vote."),
    "decision.meeting_not_in_consultation": _("This meeting is not part of this consultation."),
    "decision.strategy_not_in_consultation": _("This strategy belongs to another consultation."),
    "decision.no_strategy": _("Choose at least one strategy to vote on."),
    "decision.no_voters": _("Choose at least one person who may vote."),
    "decision.not_draft": _("This decision is already open or closed: its rules can no longer change."),
    "decision.not_open": _("Voting on this decision has not opened yet."),
    "decision.closed": _("Voting on this decision is closed."),
    "decision.not_eligible": _("You are not among the people who may vote on this decision."),
    "decision.reason_required": _("Say why you object: the organisers need your reason to answer it."),
    "decision.reason_too_long": _("A reason may be at most %(max)s characters long."),
    "decision.already_voted": _(
        "You have already voted. Votes on this decision are anonymous, so they cannot be changed."
    ),
    # materials
    "material.empty": _("The file is empty. Choose the file again, or another one."),
    "material.too_large": _("The file is larger than %(max)s MB. Upload a smaller file."),
    "material.bad_type": _(
        "Only PDF, Word, PowerPoint, Excel, OpenDocument, PNG, JPEG and text files can be uploaded. "
        "This file is none of them, whatever its name says."
    ),
    "material.macros": _(
        "The file contains macros, which could harm the computers of those who open it. Save it "
        "without macros (for example as PDF) and upload it again."
    ),
    "material.unreadable": _("The file could not be read. It may be damaged: save it again and upload it."),
    "material.wrong_extension": _(
        "“%(name)s” holds a file of the type “%(kind)s”, so its name must end in .%(expected)s. Rename "
        "it and upload it again."
    ),
    "material.not_your_item": _("You can add materials only to the agenda item you facilitate."),
    "material.not_yours": _("You can remove only the materials you uploaded."),
    "material.too_many": _(
        "You have added many files in a short time (at most %(count)s an hour). Try again later."
    ),
    "material.declined": _(
        "You declined to facilitate this item, so you cannot add materials to it. "
        "If you will facilitate it after all, say so above first."
    ),
    # endorsements and actions
    "endorsement.not_published": _(
        "The joint position is not published yet. It can be endorsed once it is public."
    ),
    "endorsement.no_organisation": _(
        "Only an organisation can endorse the joint position, and no organisation is recorded for you. "
        "Ask the organisers to add yours."
    ),
    "endorsement.not_a_representative": _("%(person)s is not recorded as a member of %(organisation)s."),
    "action.no_title": _("Give the action a title in English or in Khmer."),
    "action.bad_status": _("Choose a status from the list."),
    "action.strategy_elsewhere": _("Link only strategies of this consultation."),
}


class DomainError(Exception):
    """A rule of the domain was broken; `code` says which, `params` fill the message."""

    def __init__(self, code: str, **params):
        if code not in MESSAGES:
            raise KeyError(f"No message for domain error code {code!r}")
        self.code = code
        self.params = params
        super().__init__(code)

    @property
    def message(self) -> str:
        return str(MESSAGES[self.code]) % {k: str(v) for k, v in self.params.items()}

    def __str__(self) -> str:
        return self.message


class DomainErrors(DomainError):
    """Several rule violations found at once (an agenda check reports them all)."""

    def __init__(self, errors: list[DomainError]):
        self.errors = errors
        first = errors[0]
        super().__init__(first.code, **first.params)

    @property
    def messages(self) -> list[str]:
        return [e.message for e in self.errors]
