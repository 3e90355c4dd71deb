from urllib.parse import urlsplit

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import DatabaseError, connection
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache

from home.localize import in_language, is_language, remember_language

from . import dashboard
from .addresses import same_site_path
from .forms import PasswordResetForm, SetPasswordForm, SignInForm
from .tokens import invite_tokens


@never_cache
def healthz(request):
    """Up, and can the database answer? Load balancers stop sending traffic on a 503."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def favicon(request):
    """/favicon.ico, which browsers and feed readers ask for without reading the page's
    <link rel="icon">: the portal's icon, from the static files (which cache it)."""
    return HttpResponseRedirect(static("portal/icons/favicon.ico"))


@never_cache
def choose_language(request, code):
    """The language switcher's links: keep the choice (the language cookie, and a signed-in
    user's preference), then go on to the page in that language (`next`, an address on
    this site only). A code that is not one of the portal's languages changes nothing."""
    target = same_site_path(request, request.GET.get("next")) or "/"
    if not is_language(code):
        return HttpResponseRedirect(target)
    user = request.user
    if user.is_authenticated and user.language != code and _from_this_site(request):
        user.language = code
        user.save(update_fields=["language"])
    return remember_language(HttpResponseRedirect(in_language(target, code)), code)


def _from_this_site(request):
    """Whether the switcher's link was followed from one of our own pages: the browser's
    Sec-Fetch-Site header says so, or, from an older browser, the Referer. A link on
    another site still switches the language shown, but does not change the account."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site == "same-origin"
    referer = request.headers.get("Referer", "")
    return url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ) and bool(urlsplit(referer).netloc)


class SignInView(auth_views.LoginView):
    template_name = "portal/account/sign_in.html"
    form_class = SignInForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        """A user who chose a language before goes on in it, on this device too."""
        response = super().form_valid(form)
        code = self.request.user.language
        if not is_language(code):
            return response
        response["Location"] = in_language(response["Location"], code)
        return remember_language(response, code)


class SignOutView(auth_views.LogoutView):
    pass


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "portal/account/password_reset.html"
    form_class = PasswordResetForm
    email_template_name = "portal/email/password_reset.txt"
    subject_template_name = "portal/email/password_reset_subject.txt"
    success_url = reverse_lazy("portal:password-reset-sent")


class PasswordResetSentView(auth_views.PasswordResetDoneView):
    template_name = "portal/account/password_reset_sent.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "portal/account/set_password.html"
    form_class = SetPasswordForm
    success_url = reverse_lazy("portal:password-set")


class InviteAcceptView(PasswordResetConfirmView):
    """The link in an invitation email: the new user chooses a password."""

    token_generator = invite_tokens
    reset_url_token = "set-password"
    extra_context = {"invitation": True}


class PasswordSetView(auth_views.PasswordResetCompleteView):
    template_name = "portal/account/password_set.html"


@login_required
def dashboard_view(request):
    return render(
        request,
        "portal/dashboard.html",
        {"panels": dashboard.panels_for(request)},
    )
