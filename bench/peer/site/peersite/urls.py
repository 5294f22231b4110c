from django.urls import include, path
from floor import views as floor_views

urlpatterns = [
    path("floor/rows/", floor_views.rows, name="floor_rows"),
    path("helpdesk/", include("helpdesk.urls", namespace="helpdesk")),
]
