"""The organisers' attendance screens, under /manage/meetings/<slug>/."""

from django.urls import path

from .views import checkin, figures, people, people_import
from .views import exports as export

app_name = "attendance_manage"
m = "meetings/<slug:slug>/"
urlpatterns = [
    # people, invitations, import, places, agenda notices (lead)
    path(m + "people/", people.PeopleView.as_view(), name="people"),
    path(m + "people/add/", people.PersonAddView.as_view(), name="person_add"),
    path(m + "people/<int:pk>/edit/", people.PersonEditView.as_view(), name="person_edit"),
    path(m + "people/<int:pk>/erase/", people.PersonEraseView.as_view(), name="person_erase"),
    path(m + "people/import/", people_import.UploadView.as_view(), name="import"),
    path(m + "people/import/<int:upload>/", people_import.PreviewView.as_view(), name="import_preview"),
    path(m + "invitations/send/", people.SendInvitationsView.as_view(), name="send_invitations"),
    path(m + "invitations/<int:pk>/resend/", people.ResendView.as_view(), name="resend"),
    path(m + "invitations/<int:pk>/withdraw/", people.WithdrawView.as_view(), name="withdraw"),
    path(m + "places/", people.PlacesView.as_view(), name="places"),
    path(m + "agenda-notice/", people.AgendaNoticeView.as_view(), name="agenda_notice"),
    # check-in and walk-ins
    path(m + "check-in/", checkin.CheckInView.as_view(), name="checkin"),
    path(m + "check-in/count/", checkin.CountView.as_view(), name="checkin_count"),
    path(m + "check-in/code/", checkin.CodeView.as_view(), name="checkin_code"),
    path(m + "check-in/walk-in/", checkin.WalkInView.as_view(), name="checkin_walk_in"),
    path(m + "check-in/<int:person>/", checkin.CheckInPersonView.as_view(), name="checkin_person"),
    path(m + "check-in/<int:person>/undo/", checkin.UndoCheckInView.as_view(), name="checkin_undo"),
    # attendance figures
    path(m + "attendance/", figures.FiguresView.as_view(), name="figures"),
    path(m + "attendance/counts/", figures.CountsView.as_view(), name="figures_counts"),
    path(m + "attendance/sign-in-sheet.pdf", export.SignInSheetView.as_view(), name="sign_in_sheet"),
    path(m + "attendance/attendance-list.pdf", export.AttendanceListView.as_view(), name="attendance_list"),
    path(m + "attendance/attendance.xlsx", export.WorkbookView.as_view(), name="attendance_xlsx"),
    # exports of personal data (each written to the audit log)
]
