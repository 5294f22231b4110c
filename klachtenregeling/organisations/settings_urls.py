from django.urls import path

from klachtenregeling.accounts import staff_views
from klachtenregeling.engagements import views as engagement_views

from . import api_key_views, settings_views

# The administrator's own pages (issue 17): settings, users and roles, API keys, the log.
staff_patterns = (
    [
        path("", settings_views.index, name="index"),
        path("organisatie/", settings_views.organisation_settings, name="organisation"),
        path("logboek/", settings_views.organisation_log, name="log"),
        path("gebruikers/", staff_views.users, name="users"),
        path("gebruikers/uitnodigen/", staff_views.invite, name="invite"),
        path("gebruikers/<int:user_id>/", staff_views.edit, name="user"),
        path(
            "gebruikers/<int:user_id>/wachtwoordlink/",
            staff_views.password_link,
            name="user-password",
        ),
        path(
            "gebruikers/<int:user_id>/tweestaps/",
            staff_views.two_factor_reset,
            name="user-two-factor",
        ),
        path("opdrachten/", engagement_views.engagements, name="engagements"),
        path("opdrachten/nieuw/", engagement_views.engagement_new, name="engagement-new"),
        path(
            "opdrachten/<int:engagement_id>/",
            engagement_views.engagement,
            name="engagement",
        ),
        path("api-sleutels/", api_key_views.api_keys, name="api-keys"),
        path("api-sleutels/nieuw/", api_key_views.api_key_new, name="api-key-new"),
        path(
            "api-sleutels/<int:key_id>/intrekken/",
            api_key_views.api_key_revoke,
            name="api-key-revoke",
        ),
    ],
    "settings",
)
