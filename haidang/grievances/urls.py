from django.urls import path

from . import views

app_name = "grievances"
urlpatterns = [
    path("", views.grievance_list, name="list"),
    path("new/", views.grievance_new, name="new"),
    path("figures/", views.figures, name="figures"),
    path("<int:grievance_id>/", views.grievance_detail, name="detail"),
    path("<int:grievance_id>/take/", views.take, name="take"),
    path("<int:grievance_id>/assign/", views.assign, name="assign"),
    path("<int:grievance_id>/answer/", views.answer, name="answer"),
    path("<int:grievance_id>/approve/", views.approve, name="approve"),
    path("<int:grievance_id>/return/", views.return_answer, name="return"),
    path("<int:grievance_id>/reassign/", views.reassign, name="reassign"),
    path("<int:grievance_id>/deadline/", views.deadline, name="deadline"),
    path("<int:grievance_id>/case/", views.open_case, name="open_case"),
    path("<int:grievance_id>/resume/", views.resume, name="resume"),
]
