from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("", views.index, name="index"),
    path("periodic/new/", views.periodic_edit, name="periodic_new"),
    path("periodic/<int:report_id>/", views.periodic_edit, name="periodic_edit"),
    path("jobs/<int:job_id>/", views.job_page, name="job"),
    path("jobs/<int:job_id>/download/", views.job_download, name="job_download"),
    path("export/<slug:dataset>.<slug:fmt>", views.export, name="export"),
    path("transparency/", views.transparency_page, name="transparency"),
    path("cases/<int:case_id>/", views.case_documents, name="case_documents"),
    path("cases/<int:case_id>/dossier/", views.dossier, name="dossier"),
    path("cases/<int:case_id>/<slug:doc>.<slug:fmt>", views.case_document, name="case_document"),
    path("cases/<int:case_id>/<slug:doc>/<int:obj_id>.<slug:fmt>", views.case_document, name="case_object_document"),
]
