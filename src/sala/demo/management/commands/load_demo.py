from django.conf import settings
from django.core.management.base import BaseCommand
from django.urls import reverse
from django.utils import translation

from sala.attendance.models import Invitation
from sala.demo import data
from sala.demo.loader import load_demo


class Command(BaseCommand):
    help = "Load the 2014 Cybercrime Law meeting (idempotent) and print where to start."

    def handle(self, *args, **options):
        meeting = load_demo()
        facilitator = meeting.agenda_items.filter(facilitators__status="tbc").first().facilitators.first()
        site = settings.SITE_URL.rstrip("/")
        with translation.override("en"):
            public = reverse("meetings:public", args=[meeting.slug])
            link = reverse("meetings:facilitator_answer", args=[facilitator.token])
            login = reverse("account_login")
            people = reverse("attendance_manage:people", args=[meeting.slug])
            checkin = reverse("attendance_manage:checkin", args=[meeting.slug])
            figures = reverse("attendance_manage:figures", args=[meeting.slug])
            invitation = Invitation.objects.filter(meeting=meeting, answer="pending").first()
            invite = reverse("attendance:invitation", args=[invitation.token]) if invitation else ""
            slug = meeting.consultation.slug
            law = reverse("laws:law", args=[meeting.consultation.law.slug])
            consolidation = reverse("advocacy_manage:matrix", args=[slug])
            position = reverse("advocacy:position", args=[slug])
            session = meeting.agenda_items.filter(kind="session").order_by("starts_at").first()
            phone = reverse("participation:phone", args=[invitation.token]) if invitation else ""
            questions = reverse("participation_manage:questions_queue", args=[meeting.slug, session.pk])
            projector = reverse("participation_manage:questions_projector", args=[meeting.slug, session.pk])
            groups = reverse("participation_manage:groups", args=[meeting.slug])
            plenary = reverse("participation_manage:plenary", args=[meeting.slug])
            roadmap = reverse("advocacy_manage:roadmap", args=[slug])
            decisions = reverse("advocacy_manage:decisions", args=[slug])
            outcomes = reverse("advocacy_manage:outcomes", args=[meeting.slug])
            report = reverse("reports_manage:report", args=[meeting.slug])
        account = data.ORGANISER_ACCOUNT
        self.stdout.write(
            "\n".join(
                [
                    "",
                    "Sala demo: the Consultative Meeting on the draft Cybercrime Law (5 June 2014)",
                    f"  Public page (English): {site}{public}",
                    f"  Public page (Khmer):   {site}{public.replace('/en/', '/km/', 1)}",
                    f"  Organiser login:       {site}{login}",
                    f"      email {account['email']}  password {account['password']}",
                    f"  Facilitator link ({facilitator.person}): {site}{link}",
                    f"  Invitation link ({invitation.person if invitation else '-'}): {site}{invite}",
                    f"      and their phone view of the day: {site}{phone}",
                    f"  People, check-in, attendance (organisers): {site}{people}",
                    f"      {site}{checkin}",
                    f"      {site}{figures}",
                    f"  Law tracker: {site}{law}",
                    f"  Consolidation of inputs (organisers): {site}{consolidation}",
                    f"  Joint position, public: {site}{position}",
                    f"  Q&A of Session 1 (organisers): {site}{questions}",
                    f"      projector: {site}{projector}",
                    f"  Breakout groups: {site}{groups}",
                    f"      plenary: {site}{plenary}",
                    f"  Road map and decisions: {site}{roadmap}",
                    f"      {site}{decisions}",
                    f"  Expected outcomes: {site}{outcomes}",
                    f"  Meeting report (PDF, Word; English, Khmer): {site}{report}",
                    "",
                ]
            )
        )
