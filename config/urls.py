from django.urls import include, path, register_converter

from klachtenregeling.accounts import password_views, security_views, two_factor_views
from klachtenregeling.accounts import views as account_views
from klachtenregeling.api.api import api
from klachtenregeling.audit.urls import patterns as audit_patterns
from klachtenregeling.branding import urls as branding_urls
from klachtenregeling.complaints.urls import public_patterns, staff_patterns
from klachtenregeling.compliance.urls import patterns as compliance_patterns
from klachtenregeling.core.admin_site import beheer_site
from klachtenregeling.handling.urls import patterns as handling_patterns
from klachtenregeling.improvements import urls as improvement_urls
from klachtenregeling.inbound import urls as inbound_urls
from klachtenregeling.notifications import urls as post_urls
from klachtenregeling.oral import urls as oral_urls
from klachtenregeling.oral import views as oral_views
from klachtenregeling.organisations import settings_urls
from klachtenregeling.organisations import urls as registration_urls
from klachtenregeling.portal import views as portal_views
from klachtenregeling.portal.converters import ShortCodeConverter
from klachtenregeling.portal.urls import patterns as portal_patterns
from klachtenregeling.questions import urls as question_urls
from klachtenregeling.regulation import urls as regulation_urls
from klachtenregeling.reminders import views as reminder_views
from klachtenregeling.reports import urls as report_urls
from klachtenregeling.retention import urls as retention_urls
from klachtenregeling.reviews import urls as review_urls
from klachtenregeling.website import views as website_views

register_converter(ShortCodeConverter, "shortcode")

urlpatterns = [
    path("beheer/", beheer_site.urls),
    path("api/v1/", api.urls),
    path("i18n/setlang/", account_views.set_language, name="set_language"),
    path("inloggen/", account_views.LoginView.as_view(), name="login"),
    path("inloggen/code/", two_factor_views.verify, name="two-factor-verify"),
    path("inloggen/tweestaps/", two_factor_views.setup, name="two-factor-setup"),
    path("uitloggen/", account_views.auth_views.LogoutView.as_view(), name="logout"),
    # Issue 17: a forgotten password, and the link of an invitation (Django's reset views).
    path(
        "wachtwoord-vergeten/",
        password_views.PasswordForgottenView.as_view(),
        name="password-forgotten",
    ),
    path(
        "wachtwoord-vergeten/verstuurd/",
        password_views.PasswordForgottenSentView.as_view(),
        name="password-forgotten-sent",
    ),
    path(
        "wachtwoord-instellen/<uidb64>/<token>/",
        password_views.PasswordSetView.as_view(),
        name="password-set",
    ),
    path(
        "wachtwoord-instellen/klaar/",
        password_views.PasswordSetDoneView.as_view(),
        name="password-set-done",
    ),
    path("werk/", account_views.home, name="staff-home"),
    path("werk/account/", security_views.account, name="account"),
    path(
        "werk/account/herstelcodes/",
        security_views.recovery_codes,
        name="account-recovery-codes",
    ),
    path(
        "werk/account/overal-uitloggen/",
        security_views.logout_everywhere,
        name="account-logout-everywhere",
    ),
    path("werk/klachten/", include(staff_patterns)),
    # oral complaints awaiting their written confirmation.
    path("werk/mondeling/", include(oral_urls.staff_patterns)),
    # Issue 16: letters to complainants without e-mail, to print and post.
    path("werk/per-post/", include(post_urls.staff_patterns)),
    path("werk/agenda/", reminder_views.calendar_settings, name="calendar-settings"),
    path("agenda/<str:token>.ics", reminder_views.calendar_feed, name="calendar-feed"),
    path("werk/klachtenregeling/", include(regulation_urls.staff_patterns)),
    path("werk/vragen/", include(question_urls.staff_patterns)),
    # Issue 18: incoming e-mail (the officers' triage inbox; the admin's mailbox settings).
    path("werk/post/", include(inbound_urls.staff_patterns)),
    path("werk/huisstijl/", include(branding_urls.staff_patterns)),
    path("werk/instellingen/", include(settings_urls.staff_patterns)),
    # Article 8: registration lists, reports, recommendations, the yearly review, the board.
    path("werk/registratie/", include(registration_urls.staff_patterns)),
    path("werk/verslagen/", include(report_urls.staff_patterns)),
    path("werk/aanbevelingen/", include(improvement_urls.staff_patterns)),
    path("werk/besprekingen/", include(review_urls.staff_patterns)),
    path("werk/bestuur/", include(review_urls.board_patterns)),
    # holds on destruction.
    path("werk/bewaring/", include(retention_urls.staff_patterns)),
    path("werk/vernietigen/", include(retention_urls.destruction_patterns)),
    path("werk/", include(handling_patterns)),
    path("werk/", include(audit_patterns)),
    path("werk/", include(compliance_patterns)),
    # Issue 16: the personal link on a letter (portal/tokens.py: SHORT_ALPHABET); no slash,
    # so that it never takes an organisation's page.
    path("k/<shortcode:code>", portal_views.short_link, name="short-link"),
    path("", website_views.root, name="root"),
    path("<slug:org>/", website_views.organisation_home, name="organisation-home"),
    path("<slug:org>/klacht/", include(public_patterns)),
    path("<slug:org>/mijn-klacht/", include(portal_patterns)),
    path("<slug:org>/bevestigen/", oral_views.confirm, name="oral-confirm"),
    path("<slug:org>/klachtenregeling/", include(regulation_urls.public_patterns)),
    path("<slug:org>/vraag/", include(question_urls.public_patterns)),
    path("<slug:org>/", include(branding_urls.public_patterns)),
]

handler404 = "klachtenregeling.website.views.not_found"
