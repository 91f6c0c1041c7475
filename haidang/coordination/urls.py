from django.urls import path

from . import views

app_name = "coordination"
urlpatterns = [
    path("", views.my_work, name="my_work"),
    path("load/", views.load, name="load"),
    path("cases/<int:case_id>/meetings/new/", views.meeting_new, name="meeting_new"),
    path("meetings/<int:meeting_id>/", views.meeting, name="meeting"),
    path("meetings/<int:meeting_id>/invitation.ics", views.meeting_ics, name="meeting_ics"),
    path("meetings/<int:meeting_id>/attendance/", views.meeting_attendance, name="meeting_attendance"),
    path("meetings/<int:meeting_id>/minutes/", views.meeting_minutes, name="meeting_minutes"),
    path("meetings/<int:meeting_id>/minutes/export/", views.meeting_minutes_export, name="meeting_minutes_export"),
    path("meetings/<int:meeting_id>/conclude/", views.meeting_conclude, name="meeting_conclude"),
    path("meetings/<int:meeting_id>/cancel/", views.meeting_cancel, name="meeting_cancel"),
    path("meetings/<int:meeting_id>/reschedule/", views.meeting_reschedule, name="meeting_reschedule"),
    path("cases/<int:case_id>/consultations/new/", views.consultation_new, name="consultation_new"),
    path("consultations/<int:consultation_id>/", views.consultation, name="consultation"),
    path("consultations/<int:consultation_id>/close/", views.consultation_close, name="consultation_close"),
    path("consultations/<int:consultation_id>/attachments/<int:attachment_id>/", views.answer_attachment,
         name="answer_attachment"),
    path("consultations/<int:consultation_id>/summary.txt", views.consultation_summary, name="consultation_summary"),
]
