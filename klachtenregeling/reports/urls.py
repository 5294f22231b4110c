from django.urls import path

from . import views

staff_patterns = (
    [
        path("", views.index, name="index"),
        path("vaststellen/", views.finalise, name="finalise"),
        path("pdf/", views.live_export, {"kind": "pdf"}, name="pdf"),
        path("csv/", views.live_export, {"kind": "csv"}, name="csv"),
        path("naleving.pdf", views.compliance_statement, name="compliance-pdf"),
        path("grafiek/<slug:chart>.svg", views.live_chart, name="chart"),
        path("vastgesteld/", views.finalised_list, name="list"),
        path("vastgesteld/<int:report_id>/", views.finalised_detail, name="detail"),
        path(
            "vastgesteld/<int:report_id>/pdf/",
            views.finalised_export,
            {"kind": "pdf"},
            name="finalised-pdf",
        ),
        path(
            "vastgesteld/<int:report_id>/csv/",
            views.finalised_export,
            {"kind": "csv"},
            name="finalised-csv",
        ),
        path(
            "vastgesteld/<int:report_id>/grafiek/<slug:chart>.svg",
            views.finalised_chart,
            name="finalised-chart",
        ),
    ],
    "reports",
)
