from django.urls import path

from .views import order_text, public, staff

public_patterns = (
    [
        path("", public.page, name="page"),
        path("download/", public.pdf, name="pdf"),
        path("versies/", public.versions, name="versions"),
        path("versies/<int:number>/", public.version_page, name="version"),
        path("versies/<int:number>/download/", public.version_pdf, name="version-pdf"),
    ],
    "regulation",
)

staff_patterns = (
    [
        path("", staff.overview, name="overview"),
        path("publiceren/", staff.publish, name="publish"),
        path("artikel/<slug:article>/", staff.article_edit, name="article"),
        path("opdrachtbevestiging/", order_text.order_text, name="order-text"),
        path(
            "opdrachtbevestiging/<slug:language>.pdf",
            order_text.order_text_pdf,
            name="order-text-pdf",
        ),
    ],
    "regulation_staff",
)
