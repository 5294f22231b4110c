"""Forgotten password (issue 17): Django's password-reset views, for every staff user.

The request is throttled (per address and per e-mail address) and says the same whether or
not the address is known; the link goes out through the outbox like every message, and is
also the link of an invitation (a new user sets their first password with it). Setting the
password is in the organisation log."""

from django.contrib.auth import forms as auth_forms
from django.contrib.auth import views as auth_views
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django_ratelimit.decorators import ratelimit

from klachtenregeling.notifications import account_messages

from . import services
from .models import User

FORGOT_RATE_IP = "10/h"
FORGOT_RATE_EMAIL = "3/h"


class PasswordForgottenForm(auth_forms.PasswordResetForm):
    """Also for a user who never set a password (an invitation that expired)."""

    def get_users(self, email):
        return User.objects.filter(email__iexact=email, is_active=True).exclude(email="")

    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        user = context["user"]
        if user.organisation_id:
            account_messages.password_link(user)
        else:  # the platform's own administrator: no organisation, no outbox
            super().send_mail(subject_template_name, email_template_name, context, *args, **kwargs)


@method_decorator(ratelimit(key="ip", rate=FORGOT_RATE_IP, method="POST", block=True), name="post")
@method_decorator(
    ratelimit(key="post:email", rate=FORGOT_RATE_EMAIL, method="POST", block=True), name="post"
)
class PasswordForgottenView(auth_views.PasswordResetView):
    form_class = PasswordForgottenForm
    template_name = "accounts/password/forgotten.html"
    email_template_name = "accounts/password/platform_mail.txt"
    subject_template_name = "accounts/password/platform_subject.txt"
    success_url = reverse_lazy("password-forgotten-sent")


class PasswordForgottenSentView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password/forgotten_sent.html"


class PasswordSetView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password/set.html"
    success_url = reverse_lazy("password-set-done")

    def form_valid(self, form):
        response = super().form_valid(form)
        services.user_password_set_with_link(user=form.user)
        return response


class PasswordSetDoneView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password/set_done.html"
