from django.urls import path

from config.urls import urlpatterns as product_patterns

from . import floor

urlpatterns = [path("floor/rows/", floor.rows), *product_patterns]
