from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from guidance import views as guidance_views

from . import idle, kept_input, two_factor, views

# Partner pages: sign in and out, password reset, invitations, the dashboard.
partner_patterns = [
    path("sign-in/", views.SignInView.as_view(), name="sign-in"),
    path("sign-out/", views.SignOutView.as_view(), name="sign-out"),
    path("password-reset/", views.PasswordResetView.as_view(), name="password-reset"),
    path("password-reset/sent/", views.PasswordResetSentView.as_view(), name="password-reset-sent"),
    path(
        "password-reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password-reset-confirm",
    ),
    path("invitation/<uidb64>/<token>/", views.InviteAcceptView.as_view(), name="invite-accept"),
    path("password-set/", views.PasswordSetView.as_view(), name="password-set"),
    path("two-factor/", two_factor.overview, name="two-factor"),
    path("two-factor/set-up/", two_factor.set_up, name="two-factor-set-up"),
    path("two-factor/verify/", two_factor.verify, name="two-factor-verify"),
    path("two-factor/recovery-codes/", two_factor.recovery_codes, name="two-factor-recovery-codes"),
    path("two-factor/turn-off/", two_factor.turn_off, name="two-factor-off"),
    # Time limits: the idle warning's addresses (idle.py), and what was typed before a
    # sign-out, offered back (kept_input.py).
    path("session/", idle.status, name="session-status"),
    path("session/keep-alive/", idle.keep_alive, name="session-keep-alive"),
    path("session/end/", idle.end, name="session-end"),
    path("session/warning/", idle.warning, name="session-warning"),
    path("unsaved-changes/", kept_input.unsaved_changes, name="unsaved-changes"),
    path("", views.dashboard_view, name="dashboard"),
]

urlpatterns = [
    path("healthz/", views.healthz, name="healthz"),
    path("language/<str:code>/", views.choose_language, name="choose-language"),
    path("robots.txt", guidance_views.robots_txt, name="robots"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("sitemap.xml", guidance_views.sitemap_index, name="sitemap"),
    path("sitemap-<str:section>.xml", guidance_views.sitemap_section, name="sitemap-section"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

# Everything a visitor reads is served in their language: /cy/..., /ur/...; English
# (the default) has no prefix.
urlpatterns += i18n_patterns(
    # A school's referrals and roll-change notices, and a permit: read in the reader's
    # language like the dashboard that links to them.
    path("forms/", include("forms_app.urls")),
    path("portal/returns/", include("returns.urls")),
    path("portal/attendance/", include("attendance.urls")),
    path("portal/missing-education/", include("missing_education.urls")),
    path("portal/self-assessment/", include("self_assessment.urls")),
    path("training/bookings/", include("training.urls")),
    path("portal/", include((partner_patterns, "portal"))),
    path("", include("guidance.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler400 = "home.views.bad_request"
handler403 = "home.views.permission_denied"
handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns
