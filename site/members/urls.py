"""URLs of the members' area under /intern/; every answer is private and never indexed (see access.private)."""

from django.urls import path

from members import views
from members.access import private

app_name = "members"

_patterns = [
    # Open to everyone (each shows nothing of the area without a valid token or login)
    ("anmelden/", views.LoginView.as_view(), "login"),
    ("abmelden/", views.LogoutView.as_view(), "logout"),
    ("passwort/", views.PasswordResetView.as_view(), "password_reset"),
    ("passwort/gesendet/", views.PasswordResetDoneView.as_view(), "password_reset_done"),
    ("passwort/<uidb64>/<token>/", views.PasswordResetConfirmView.as_view(), "password_reset_confirm"),
    ("passwort/fertig/", views.PasswordResetCompleteView.as_view(), "password_reset_complete"),
    ("einladung/<uidb64>/<token>/", views.invitation_accept, "invitation_accept"),
    ("umfrage/<str:token>/", views.poll_answer_signed, "poll_answer_signed"),
    ("kalender/termine.ics", views.calendar_public, "calendar_public"),
    ("kalender/<str:token>.ics", views.calendar_member, "calendar_member"),
    ("zusammenfassung/abbestellen/<str:token>/", views.digest_off, "digest_off"),
    # Members only
    ("", views.home, "home"),
    ("bereich/<slug:slug>/", views.workspace, "workspace"),
    ("bereich/<slug:slug>/beitrag/neu/", views.post_create, "post_create"),
    ("bereich/<slug:slug>/beitrag/<int:post_id>/", views.post_detail, "post_detail"),
    ("bereich/<slug:slug>/dokument/neu/", views.document_upload, "document_upload"),
    ("bereich/<slug:slug>/sitzung/neu/", views.meeting_create, "meeting_create"),
    ("dokumente/<int:document_id>/", views.document_download, "document_download"),
    ("sitzungen/<int:meeting_id>.ics", views.meeting_ics, "meeting_ics"),
    ("fahrplan/", views.roadmap, "roadmap"),
    ("fahrplan/neu/", views.task_edit, "task_create"),
    ("fahrplan/<int:task_id>/", views.task_edit, "task_edit"),
    ("umfragen/", views.poll_list, "poll_list"),
    ("umfragen/neu/", views.poll_create, "poll_create"),
    ("umfragen/<int:poll_id>/", views.poll_detail, "poll_detail"),
    ("umfragen/<int:poll_id>/festlegen/", views.poll_fix, "poll_fix"),
    ("profil/", views.profile, "profile"),
    ("profil/kalender-erneuern/", views.calendar_renew, "calendar_renew"),
    # Office (Geschäftsstelle)
    ("geschaeftsstelle/", views.office_members, "office_members"),
    ("geschaeftsstelle/einladen/", views.office_invite, "office_invite"),
    ("geschaeftsstelle/<int:user_id>/", views.office_member_edit, "office_member_edit"),
    ("geschaeftsstelle/<int:user_id>/aktiv/", views.office_member_active, "office_member_active"),
    ("geschaeftsstelle/<int:user_id>/erneut-einladen/", views.office_member_reinvite, "office_member_reinvite"),
]

PUBLIC_URL_NAMES = {
    "login",
    "logout",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
    "invitation_accept",
    "poll_answer_signed",
    "calendar_public",
    "calendar_member",
    "digest_off",
}

urlpatterns = [path(route, private(view), name=name) for route, view, name in _patterns]
