from django.urls import path

from klachtenregeling.complaints import urls as _complaint_urls  # noqa: F401 - the converter

from . import list_views, views

staff_patterns = (
    [
        path("", views.complaint_list, name="list"),
        path("<reference:reference>/", views.complaint, name="complaint"),
        path("<reference:reference>/zetten/", views.hold_set, name="set"),
        path("<reference:reference>/<int:hold_id>/opheffen/", views.hold_lift, name="lift"),
    ],
    "retention",
)

destruction_patterns = (
    [
        path("", list_views.index, name="index"),
        path("nieuw/", list_views.create, name="create"),
        path("<int:list_id>/", list_views.detail, name="detail"),
        path("<int:list_id>/uitsluiten/<int:item_id>/", list_views.exclude, name="exclude"),
        path("<int:list_id>/bevestigen/", list_views.confirm, name="confirm"),
        path("<int:list_id>/annuleren/", list_views.cancel, name="cancel"),
        path("<int:list_id>/verklaring/", list_views.statement, name="statement"),
    ],
    "destruction",
)
