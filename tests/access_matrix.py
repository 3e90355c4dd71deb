"""The access-control matrix: for every URL of the portal's own that shows or changes a
record, which roles may use it. tests/test_access_matrix.py checks each row for each
role, and fails when a URL of ours has no row."""

from datetime import timedelta
from types import SimpleNamespace

from django.utils import timezone

DEMO = "demo.wyvernshire.example"
ROLES = {
    "anonymous": None,
    "school_a": f"attendance.lead@{DEMO}",  # acts for Alderbrook Primary
    "school_b": f"dsl@{DEMO}",  # acts for Hollins Lane Primary
    "governor_a": f"governor@{DEMO}",  # reads Alderbrook Primary's records
    "editor": f"editor@{DEMO}",
    "attendance_officer": f"attendance.officer@{DEMO}",
    "ehe_officer": f"ehe.officer@{DEMO}",
    "licensing_officer": f"licensing.officer@{DEMO}",
    "training_admin": f"training.admin@{DEMO}",
    "pupil_tracking": f"pupil.tracking@{DEMO}",
    "information_governance": f"information.governance@{DEMO}",
}
SCHOOL_A_STAFF = {"school_a"}
OFFICERS = {
    "attendance_officer", "ehe_officer", "licensing_officer", "training_admin", "pupil_tracking",
}  # fmt: skip


def _register_printout(referral):
    from django.core.files.base import ContentFile

    from forms_app.models import Attachment

    attachment = Attachment(
        submission=referral, question="register.printout", original_name="register.txt",
        kind="txt", size=9,
    )  # fmt: skip
    attachment.file.save("register", ContentFile(b"AM /  PM\n"), save=True)
    return attachment


def _figures_import(school_a):
    """An import of school A's figures refused for counts that are not numbers, each a
    text that a spreadsheet would run as a formula (the demo makes no imports)."""
    import csv
    import io

    from attendance.models import FiguresImport
    from tests.spreadsheets import HOSTILE

    content = io.StringIO()
    writer = csv.writer(content)
    writer.writerow(["urn", "school_year", "half_term", "pupils_on_roll", "possible_sessions"])
    for half, value in enumerate(HOSTILE[:6], start=1):
        writer.writerow([school_a.urn, "2025/26", half, value, 1])
    return FiguresImport.objects.create(
        file_name="figures.csv", content=content.getvalue(), status=FiguresImport.Status.REFUSED,
        errors=[{"row": 2, "column": "pupils_on_roll", "reason": "not a number"}], error_count=6,
    )  # fmt: skip


def records():
    """One record of each kind, of school A where it belongs to a school (demo content)."""
    from attendance.models import (
        AreaFigures,
        MeetingAction,
        SchoolFigures,
        SchoolStage,
        SupportMeeting,
    )
    from forms_app.models import Submission
    from missing_education.models import Case
    from penalty_notices.models import PenaltyNotice
    from portal.models import School
    from returns.models import SchoolReturn
    from self_assessment.models import Action, Assessment, FrameworkVersion
    from training.links import manage_token
    from training.models import Booking, Session

    school_a = School.objects.get(urn="190001")
    referral = Submission.objects.filter(journey="attendance_referral", school=school_a).first()
    school_return = (
        SchoolReturn.objects.filter(school=school_a, pupils__isnull=False)
        .order_by("-period__opens_on")
        .first()
    )
    session = Session.objects.filter(starts_at__gt=timezone.now()).order_by("starts_at").first()
    later = Booking.objects.filter(session__starts_at__gt=timezone.now() + timedelta(days=14))
    past = Session.objects.filter(ends_at__lt=timezone.now()).order_by("-starts_at").first()
    return SimpleNamespace(
        school_a=school_a,
        referral=referral,
        # The demo's roll-change notices of school A (forms_app/demo/roll_changes.yaml).
        roll_change=Submission.objects.filter(journey="roll_change", school=school_a).first(),
        ehe=Submission.objects.filter(journey="ehe_registration").first(),
        permit=Submission.objects.filter(journey="employment_permit", status="approved").first(),
        school_return=school_return,
        pupil=school_return.pupils.first(),
        assessment=Assessment.objects.filter(school=school_a, status="in_progress").first(),
        action=Action.objects.filter(school=school_a).first(),
        session=session,
        past_session=past,
        booking_token=manage_token(Booking.objects.filter(session=past).first()),
        future_token=manage_token(later.filter(status="confirmed").first()),
        referral_file=_register_printout(referral).pk,
        framework=FrameworkVersion.objects.order_by("-pk").first(),
        # The demo's targeting support meetings of school A (attendance's demo content).
        meeting=SupportMeeting.objects.filter(school=school_a).order_by("-starts_at").first(),
        meeting_action=MeetingAction.objects.filter(meeting__school=school_a).first(),
        figures_import=_figures_import(school_a),
        school_figures=SchoolFigures.objects.filter(school=school_a).first(),
        area_figures=AreaFigures.objects.first(),
        # The demo's stages (attendance demo content): Alderbrook's latest year.
        stage=SchoolStage.objects.filter(school=school_a).order_by("-year").first(),
        # The demo's penalty notice register (penalty_notices demo content).
        penalty_notice=PenaltyNotice.objects.filter(school=school_a).first(),
        # The demo's children missing education cases: an open one of school A.
        cme_case=Case.objects.filter(last_school=school_a, status="open").first(),
    )


ACTING_A = {"school_a"}
READING_A = {"school_a", "governor_a"}
SIGNED_IN = set(ROLES) - {"anonymous"}
SUBMISSION_OFFICERS = {"attendance_officer", "ehe_officer", "licensing_officer", "pupil_tracking"}
PUPIL_TRACKING = {"pupil_tracking"}
ATTENDANCE = {"attendance_officer"}
TRAINING = {"training_admin"}
IG = {"information_governance"}
SUB = "/admin/forms_app_submission"
RET = "/portal/returns"
SA = "/portal/self-assessment"
TRACKER = "/admin/returns/tracker"
MEET = "/portal/attendance/school/190001/meetings"
MEET_ADMIN = "/admin/attendance_meeting"
ATT_IMPORTS = "/admin/attendance/imports"
ATT = "/portal/attendance"
PN = "/admin/penalty_notices_notice"
CME = "/admin/missing_education"

# name: (method, url built from records(), the roles allowed). Everyone else is refused.
MATRIX = {
    # Referrals and the public forms' submissions
    "forms_app:referral": ("GET", lambda r: f"/forms/referrals/{r.referral.reference}/", ACTING_A),
    "forms_app:permit": ("GET", lambda r: f"/forms/permit/{r.permit.reference}/", {"licensing_officer"}),
    "forms_app:roll-change": ("GET", lambda r: f"/forms/roll-changes/{r.roll_change.reference}/", ACTING_A),
    "forms_app_roll_changes": ("GET", lambda r: "/admin/roll-changes/", PUPIL_TRACKING),
    "forms_app_roll_changes_csv": ("GET", lambda r: "/admin/roll-changes/notices.csv", PUPIL_TRACKING),
    "forms_app_submission:index": ("GET", lambda r: f"{SUB}/", SUBMISSION_OFFICERS),
    "forms_app_submission:index_results": ("GET", lambda r: f"{SUB}/results/", SUBMISSION_OFFICERS),
    "forms_app_submission:inspect": ("GET", lambda r: f"{SUB}/inspect/{r.referral.pk}/", ATTENDANCE),
    "forms_app_submission:status": ("POST", lambda r: f"{SUB}/inspect/{r.ehe.pk}/status/", {"ehe_officer"}),
    "forms_app_submission:assign": ("POST", lambda r: f"{SUB}/inspect/{r.ehe.pk}/assign/", {"ehe_officer"}),
    "forms_app_submission:outcome": ("POST", lambda r: f"{SUB}/inspect/{r.referral.pk}/outcome/", ATTENDANCE),
    "forms_app_submission:download": ("GET", lambda r: f"{SUB}/inspect/{r.referral.pk}/files/{r.referral_file}/", ATTENDANCE),
    # Reduced-timetable returns
    # Lists of the viewer's own schools' records: anyone signed in (empty for staff)
    "returns:list": ("GET", lambda r: f"{RET}/", SIGNED_IN),
    "returns:detail": ("GET", lambda r: f"{RET}/{r.school_return.pk}/", READING_A),
    "returns:pupil-add": ("GET", lambda r: f"{RET}/{r.school_return.pk}/pupils/add/", ACTING_A),
    "returns:pupil-change": ("GET", lambda r: f"{RET}/{r.school_return.pk}/pupils/{r.pupil.pk}/", ACTING_A),
    "returns:pupil-remove": ("GET", lambda r: f"{RET}/{r.school_return.pk}/pupils/{r.pupil.pk}/remove/", ACTING_A),
    "returns:nil": ("GET", lambda r: f"{RET}/{r.school_return.pk}/nil/", ACTING_A),
    "returns:send": ("POST", lambda r: f"{RET}/{r.school_return.pk}/send/", ACTING_A),
    "returns:done": ("GET", lambda r: f"{RET}/{r.school_return.pk}/done/", READING_A),
    "returns_tracker": ("GET", lambda r: f"{TRACKER}/", ATTENDANCE),
    "returns_schools_csv": ("GET", lambda r: f"{TRACKER}/{r.school_return.period_id}/schools.csv", ATTENDANCE),
    "returns_pupils_csv": ("GET", lambda r: f"{TRACKER}/{r.school_return.period_id}/pupils.csv", ATTENDANCE),
    "returns_overdue_csv": ("GET", lambda r: f"{TRACKER}/{r.school_return.period_id}/overdue-reviews.csv", ATTENDANCE),
    "returns_schoolreturn:edit": ("GET", lambda r: f"/admin/returns_schoolreturn/edit/{r.school_return.pk}/", ATTENDANCE),
    # Targeting support meetings: the school's side, and the officers' in the admin
    "attendance:meetings": ("GET", lambda r: f"{MEET}/", READING_A),
    "attendance:meeting": ("GET", lambda r: f"{MEET}/{r.meeting.pk}/", READING_A),
    "attendance:meeting-calendar": ("GET", lambda r: f"{MEET}/{r.meeting.pk}/calendar.ics", READING_A),
    "attendance:action-update": ("GET", lambda r: f"{MEET}/{r.meeting_action.meeting_id}/actions/{r.meeting_action.pk}/", ACTING_A),
    "attendance_meeting:index": ("GET", lambda r: f"{MEET_ADMIN}/", ATTENDANCE),
    "attendance_meeting:index_results": ("GET", lambda r: f"{MEET_ADMIN}/results/", ATTENDANCE),
    "attendance_meeting:add": ("GET", lambda r: f"{MEET_ADMIN}/new/", ATTENDANCE),
    "attendance_meeting:edit": ("GET", lambda r: f"{MEET_ADMIN}/edit/{r.meeting.pk}/", ATTENDANCE),
    "attendance_meeting:record": ("GET", lambda r: f"{MEET_ADMIN}/record/{r.meeting.pk}/", ATTENDANCE),
    "attendance_meeting:action-add": ("GET", lambda r: f"{MEET_ADMIN}/record/{r.meeting.pk}/actions/add/", ATTENDANCE),
    "attendance_meeting:action-edit": ("GET", lambda r: f"{MEET_ADMIN}/record/{r.meeting_action.meeting_id}/actions/{r.meeting_action.pk}/", ATTENDANCE),
    # Attendance data: a school's page and its governors' report (the list of the
    # viewer's schools is for anyone signed in; it says who can see figures)
    "attendance:index": ("GET", lambda r: f"{ATT}/", SIGNED_IN),
    "attendance:school": ("GET", lambda r: f"{ATT}/school/{r.school_a.urn}/", READING_A),
    "attendance:report": ("GET", lambda r: f"{ATT}/school/{r.school_a.urn}/report/?term=1", READING_A),
    # Attendance: the coverage tracker of targeting support meetings
    "attendance_coverage": ("GET", lambda r: "/admin/attendance/coverage/", ATTENDANCE),
    "attendance_coverage_csv": ("GET", lambda r: "/admin/attendance/coverage.csv", ATTENDANCE),
    # Attendance: the council's picture and the schools' stages (officers)
    "attendance_council": ("GET", lambda r: "/admin/attendance/council/", ATTENDANCE),
    "attendance_council_csv": ("GET", lambda r: "/admin/attendance/council/schools.csv", ATTENDANCE),
    "attendance_schoolstage:index": ("GET", lambda r: "/admin/attendance_schoolstage/", ATTENDANCE),
    "attendance_schoolstage:index_results": ("GET", lambda r: "/admin/attendance_schoolstage/results/", ATTENDANCE),
    "attendance_schoolstage:edit": ("GET", lambda r: f"/admin/attendance_schoolstage/edit/{r.stage.pk}/", ATTENDANCE),
    # Self-assessment
    "self_assessment:index": ("GET", lambda r: f"{SA}/", SIGNED_IN),
    "self_assessment:start": ("POST", lambda r: f"{SA}/school/{r.school_a.pk}/start/", ACTING_A),
    "self_assessment:action-plan": ("GET", lambda r: f"{SA}/school/{r.school_a.pk}/actions/", READING_A),
    "self_assessment:action-add": ("GET", lambda r: f"{SA}/school/{r.school_a.pk}/actions/add/", ACTING_A),
    "self_assessment:action-edit": ("GET", lambda r: f"{SA}/school/{r.school_a.pk}/actions/{r.action.pk}/", ACTING_A),
    "self_assessment:task-list": ("GET", lambda r: f"{SA}/{r.assessment.pk}/", READING_A),
    "self_assessment:area": ("GET", lambda r: f"{SA}/{r.assessment.pk}/areas/expect/", READING_A),
    "self_assessment:submit": ("POST", lambda r: f"{SA}/{r.assessment.pk}/submit/", ACTING_A),
    "self_assessment:report": ("GET", lambda r: f"{SA}/{r.assessment.pk}/report/", READING_A),
    "self_assessment:report-print": ("GET", lambda r: f"{SA}/{r.assessment.pk}/report/print/", READING_A),
    "self_assessment_council": ("GET", lambda r: "/admin/self-assessment/council/", ATTENDANCE),
    # Officers read the framework their schools answer; editors change it
    "self_assessment_framework:index": ("GET", lambda r: "/admin/self_assessment_framework/", {"editor"} | ATTENDANCE),
    "self_assessment_framework:index_results": ("GET", lambda r: "/admin/self_assessment_framework/results/", {"editor"} | ATTENDANCE),
    "self_assessment_framework:edit": ("GET", lambda r: f"/admin/self_assessment_framework/edit/{r.framework.pk}/", {"editor"}),
    "self_assessment_framework:publish": ("GET", lambda r: f"/admin/self_assessment_framework/{r.framework.pk}/publish/", {"editor"}),
    "self_assessment_framework:copy": ("GET", lambda r: f"/admin/self_assessment_framework/{r.framework.pk}/copy/", {"editor"}),
    # Training: booking links work for whoever holds them (the token is the key)
    "training:manage": ("GET", lambda r: f"/training/bookings/{r.booking_token}/", set(ROLES)),
    "training:certificate": ("GET", lambda r: f"/training/bookings/{r.booking_token}/certificate.pdf", set(ROLES)),
    "training:feedback": ("GET", lambda r: f"/training/bookings/{r.booking_token}/feedback/", set(ROLES)),
    "training:cancel": ("GET", lambda r: f"/training/bookings/{r.future_token}/cancel/", set(ROLES)),
    "training:move": ("GET", lambda r: f"/training/bookings/{r.future_token}/change-date/", set(ROLES)),
    "training:accept": ("GET", lambda r: f"/training/bookings/{r.booking_token}/accept/", set(ROLES)),
    "training:book": ("GET", lambda r: f"/training/bookings/session/{r.session.pk}/", set(ROLES)),
    "training:check": ("GET", lambda r: f"/training/bookings/session/{r.session.pk}/check/", set(ROLES)),
    "training_sessions": ("GET", lambda r: "/admin/training/sessions/", TRAINING),
    "training_register": ("GET", lambda r: f"/admin/training/sessions/{r.past_session.pk}/", TRAINING),
    "training_email": ("GET", lambda r: f"/admin/training/sessions/{r.past_session.pk}/email/", TRAINING),
    "training_export": ("GET", lambda r: f"/admin/training/sessions/{r.past_session.pk}/export/", TRAINING),
    "training_feedback": ("GET", lambda r: "/admin/training/feedback/", TRAINING),
    # Accounts and CASO
    "portal:dashboard": ("GET", lambda r: "/portal/", SIGNED_IN),
    "portal_invite": ("GET", lambda r: "/admin/portal/invite/", ATTENDANCE),
    "portal_locked_accounts": ("GET", lambda r: "/admin/portal/locked/", ATTENDANCE),
    "caso_import": ("GET", lambda r: "/admin/caso/import/", {"editor"}),
    "caso_export": ("GET", lambda r: "/admin/caso/export/", {"editor"}),
    "wagtailsnippets_guidance_agencycontact:list": ("GET", lambda r: "/admin/snippets/guidance/agencycontact/", {"editor"}),
    "wagtailsnippets_guidance_agencycontact:list_results": ("GET", lambda r: "/admin/snippets/guidance/agencycontact/results/", {"editor"}),
    # The audit log, subject access and erasure: information governance alone
    "audit_log:index": ("GET", lambda r: "/admin/audit_log/", IG),
    "audit_log:index_results": ("GET", lambda r: "/admin/audit_log/results/", IG),
    "privacy_subject_access": ("GET", lambda r: "/admin/privacy/subject-access/?email=sara%40example.com", IG),
    "privacy_subject_access_download": ("POST", lambda r: "/admin/privacy/subject-access/download/", IG),
    "privacy_erase": ("GET", lambda r: "/admin/privacy/subject-access/erase/", IG),
    # Attendance figures: imports and officers' corrections
    "attendance_imports": ("GET", lambda r: f"{ATT_IMPORTS}/", ATTENDANCE),
    "attendance_import": ("GET", lambda r: f"{ATT_IMPORTS}/{r.figures_import.pk}/", ATTENDANCE),
    "attendance_import_progress": ("GET", lambda r: f"{ATT_IMPORTS}/{r.figures_import.pk}/progress/", ATTENDANCE),
    "attendance_import_errors": ("GET", lambda r: f"{ATT_IMPORTS}/{r.figures_import.pk}/errors.csv", ATTENDANCE),
    # POSTs that change nothing unless the import is waiting (a new one, just checked)
    "attendance_import_confirm": ("POST", lambda r: f"{ATT_IMPORTS}/{r.figures_import.pk}/import/", ATTENDANCE),
    "attendance_import_cancel": ("POST", lambda r: f"{ATT_IMPORTS}/{r.figures_import.pk}/cancel/", ATTENDANCE),
    "attendance_schoolfigures:index": ("GET", lambda r: "/admin/attendance_schoolfigures/", ATTENDANCE),
    "attendance_schoolfigures:index_results": ("GET", lambda r: "/admin/attendance_schoolfigures/results/", ATTENDANCE),
    "attendance_schoolfigures:add": ("GET", lambda r: "/admin/attendance_schoolfigures/new/", ATTENDANCE),
    "attendance_schoolfigures:edit": ("GET", lambda r: f"/admin/attendance_schoolfigures/edit/{r.school_figures.pk}/", ATTENDANCE),
    "attendance_schoolfigures:delete": ("GET", lambda r: f"/admin/attendance_schoolfigures/delete/{r.school_figures.pk}/", ATTENDANCE),
    "attendance_areafigures:add": ("GET", lambda r: "/admin/attendance_areafigures/new/", ATTENDANCE),
    "attendance_areafigures:edit": ("GET", lambda r: f"/admin/attendance_areafigures/edit/{r.area_figures.pk}/", ATTENDANCE),
    "attendance_areafigures:delete": ("GET", lambda r: f"/admin/attendance_areafigures/delete/{r.area_figures.pk}/", ATTENDANCE),
    # The penalty notice register: attendance officers (Wagtail's delete view refuses all)
    "penalty_notices_notice:index": ("GET", lambda r: f"{PN}/", ATTENDANCE),
    "penalty_notices_notice:index_results": ("GET", lambda r: f"{PN}/results/", ATTENDANCE),
    "penalty_notices_notice:add": ("GET", lambda r: f"{PN}/new/?referral={r.referral.reference}", ATTENDANCE),
    "penalty_notices_notice:edit": ("GET", lambda r: f"{PN}/edit/{r.penalty_notice.pk}/", ATTENDANCE),
    "penalty_notices_notice:notice": ("GET", lambda r: f"{PN}/notice/{r.penalty_notice.pk}/", ATTENDANCE),
    # Children missing education: the school's side, any officer's referral, the queue
    "missing_education:case": ("GET", lambda r: f"/portal/missing-education/cases/{r.cme_case.pk}/", ACTING_A),
    "missing_education_refer": ("GET", lambda r: f"{CME}/refer/", OFFICERS),
    "missing_education_referred": ("GET", lambda r: f"{CME}/refer/sent/", OFFICERS),
    "missing_education_cases": ("GET", lambda r: f"{CME}/", PUPIL_TRACKING),
    "missing_education_csv": ("GET", lambda r: f"{CME}/cases.csv", PUPIL_TRACKING),
    "missing_education_case": ("GET", lambda r: f"{CME}/{r.cme_case.pk}/", PUPIL_TRACKING),
    "missing_education_enquiry": ("GET", lambda r: f"{CME}/{r.cme_case.pk}/enquiry/", PUPIL_TRACKING),
    "missing_education_next_step": ("GET", lambda r: f"{CME}/{r.cme_case.pk}/next-step/", PUPIL_TRACKING),
    "missing_education_assign": ("GET", lambda r: f"{CME}/{r.cme_case.pk}/assign/", PUPIL_TRACKING),
    "missing_education_removal": ("GET", lambda r: f"{CME}/{r.cme_case.pk}/removal/", PUPIL_TRACKING),
    "missing_education_outcome": ("GET", lambda r: f"{CME}/{r.cme_case.pk}/outcome/", PUPIL_TRACKING),
}  # fmt: skip

# The URLs above that show, export or hand over a record: each use by someone allowed
# adds a row to the audit log.
AUDITED = {
    "forms_app:referral", "forms_app:permit", "forms_app_submission:inspect",
    "forms_app_submission:download", "returns:detail", "returns:done", "returns_schools_csv",
    "returns_pupils_csv", "returns_overdue_csv", "returns_schoolreturn:edit",
    "self_assessment:task-list", "self_assessment:area", "self_assessment:report",
    "self_assessment:report-print", "privacy_subject_access", "training_register",
    "attendance_council_csv",
    "training_export", "training:manage", "training:certificate", "training:feedback",
    "attendance:meeting", "attendance:meeting-calendar", "attendance_meeting:edit",
    "attendance_meeting:record",
    "attendance_coverage_csv",
    "penalty_notices_notice:edit", "penalty_notices_notice:notice",
    "missing_education:case", "missing_education_csv", "missing_education_case",
    "forms_app:roll-change", "forms_app_roll_changes_csv",
}  # fmt: skip

# The URLs above that hand over a spreadsheet, each with the query asking for one (a
# Wagtail listing's ?export=). tests/test_spreadsheet_exports.py fetches each, as a role
# allowed to, over records whose text would run as a formula, and fails when a URL of
# ours that exports is not listed here (exporting_url_names below, and each URL of the
# matrix that answers with a spreadsheet).
EXPORTS = (
    ("training_export", ""),
    ("caso_export", ""),
    ("returns_schools_csv", ""),
    ("returns_pupils_csv", ""),
    ("returns_overdue_csv", ""),
    ("attendance_coverage_csv", ""),
    ("attendance_council_csv", ""),
    ("self_assessment_council", "?format=csv"),
    ("self_assessment_council", "?format=csv&list=not-assessed"),
    ("forms_app_submission:index", "?export=csv"),
    ("forms_app_submission:index", "?export=xlsx"),
    ("forms_app_submission:index_results", "?export=csv"),
    ("audit_log:index", "?export=csv"),
    ("audit_log:index", "?export=xlsx"),
    ("audit_log:index_results", "?export=csv"),
    ("attendance_import_errors", ""),
    ("penalty_notices_notice:index", "?export=csv"),
    ("penalty_notices_notice:index", "?export=xlsx"),
    ("penalty_notices_notice:index_results", "?export=csv"),
    ("missing_education_csv", "?status=all"),
    ("forms_app_roll_changes_csv", ""),
)
SPREADSHEET_TYPES = ("text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml")

# Ours but holding no record: open to all, the steps of signing in, or the editors' page
# tools (sending a translation to moderation: Wagtail's page permissions decide, tested in
# tests/home/test_translation_moderation.py).
NOT_RECORDS = {
    "home_submit_translation", "home_sync_translations", "choose-language",
    "healthz", "robots", "sitemap", "sitemap-section", "favicon", "guidance:search",
    "portal:sign-in", "portal:sign-out",
    "portal:password-reset", "portal:password-reset-sent", "portal:password-reset-confirm",
    "portal:invite-accept", "portal:password-set", "portal:two-factor",
    "portal:two-factor-set-up", "portal:two-factor-verify", "portal:two-factor-recovery-codes",
    "portal:two-factor-off",
    # The idle warning's addresses and the offer of what this browser's own person typed
    # before the idle sign-out (tests/portal/test_idle_timeout.py: only that person).
    "portal:session-status", "portal:session-keep-alive", "portal:session-end",
    "portal:session-warning", "portal:unsaved-changes",
}  # fmt: skip


REFUSAL_TARGETS = ("/portal/sign-in/", "/admin/login/", "/portal/two-factor/")


def outcome(response):
    """'allowed', or 'refused': a 403 or 404, or sent to sign in, or sent back to the
    admin's home (how Wagtail refuses a signed-in user a screen)."""
    status = response.status_code
    if status in (403, 404):
        return "refused"
    if status in (301, 302):
        target = response["Location"].split("?")[0]
        if target.startswith(REFUSAL_TARGETS) or target in ("/admin/", "/"):
            return "refused"
        return "allowed"
    if status in (200, 400):  # 400: allowed in, and told what is wrong with an empty form
        return "allowed"
    return f"status {status}"


def client_for(role):
    from portal.models import User
    from tests.clients import PortalClient

    client = PortalClient(HTTP_HOST="localhost")
    if ROLES[role]:
        client.force_login(User.objects.get(email=ROLES[role]))
    return client


def mismatches():
    """Every (route, role) whose outcome differs from the matrix."""
    found = []
    targets = records()
    clients = {role: client_for(role) for role in ROLES}
    for name, (method, url, allowed) in MATRIX.items():
        address = url(targets)
        for role, client in clients.items():
            response = client.post(address, {}) if method == "POST" else client.get(address)
            expected = "allowed" if role in allowed else "refused"
            got = outcome(response)
            if got != expected:
                found.append(
                    f"{name} {address} as {role}: {got} ({response.status_code}), expected {expected}"
                )
    return found


def unaudited():
    """The AUDITED URLs that an allowed role used without a row reaching the audit log."""
    from audit.models import AuditEvent

    targets = records()
    found = []
    for name in sorted(AUDITED):
        method, url, allowed = MATRIX[name]
        client = client_for(sorted(allowed)[0])
        before = AuditEvent.objects.count()
        address = url(targets)
        response = client.post(address, {}) if method == "POST" else client.get(address)
        if outcome(response) != "allowed" or AuditEvent.objects.count() == before:
            found.append(f"{name} {address}: {response.status_code}, nothing in the audit log")
    return found


OUR_APPS = (
    "portal", "forms_app", "returns", "self_assessment", "training", "guidance", "home", "audit",
    "privacy", "attendance", "penalty_notices",
    "privacy", "attendance", "missing_education",
)  # fmt: skip


def _our_urls():
    """(name, view) for every URL whose view is one of the portal's own."""
    from django.urls import URLPattern, URLResolver, get_resolver

    def walk(patterns, namespace=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = namespace + (f"{pattern.namespace}:" if pattern.namespace else "")
                yield from walk(pattern.url_patterns, inner)
            elif isinstance(pattern, URLPattern):
                view = pattern.callback
                module = getattr(getattr(view, "view_class", view), "__module__", "")
                if module.split(".")[0] in OUR_APPS:
                    yield namespace + (pattern.name or f"<unnamed {pattern.pattern}>"), view

    return list(walk(get_resolver().url_patterns))


def exporting_url_names():
    """The names of our URLs that say they export: named so, or a Wagtail listing with
    list_export (given to the view by its viewset, or on its class)."""
    found = set()
    for name, view in _our_urls():
        initkwargs = getattr(view, "view_initkwargs", {})
        listed = initkwargs.get("list_export") or getattr(
            getattr(view, "view_class", None), "list_export", None
        )
        if "export" in name or "csv" in name or listed:
            found.add(name)
    return found


def our_url_names():
    """The names of every URL whose view is one of the portal's own."""
    return {name for name, _view in _our_urls()}
