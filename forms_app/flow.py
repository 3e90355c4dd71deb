"""The pages of a journey: each step, "add another" lists, check your answers, submit,
confirmation, and save and come back later. FormPage's routes call in here."""

from datetime import date

from django import forms
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core import signing
from django.core.cache import cache
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.datastructures import MultiValueDict
from django.utils.translation import (
    get_language,
    get_supported_language_variant,
    gettext_lazy,
    override,
)
from django.utils.translation import gettext as _

from home import page_cache
from portal import access
from portal.emails import send_email
from shared.client_address import client_address

from .engine import plain_text
from .models.records import Attachment, Draft, Submission, new_draft_token
from .services import OverLimit, submit
from .uploads import judge

RESUME_SALT = "forms.resume"
HONEYPOT = "website_url"


class AddAnotherForm(forms.Form):
    add_another = forms.TypedChoiceField(
        choices=[("yes", gettext_lazy("Yes")), ("no", gettext_lazy("No"))],
        widget=forms.RadioSelect,
        error_messages={
            "required": gettext_lazy("Select yes if you need to add another"),
            "invalid_choice": gettext_lazy("Select yes if you need to add another"),
        },
    )


class SaveForm(forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("Email address"),
        help_text=gettext_lazy("We will send you a link to continue. It works for 28 days."),
        error_messages={
            "required": gettext_lazy("Enter your email address"),
            "invalid": gettext_lazy(
                "Enter an email address in the correct format, like name@example.com"
            ),
        },
    )


def _raw(post):
    """What was typed, as lists per field name (what a form is bound with), without the
    page's own controls."""
    skip = {"csrfmiddlewaretoken", "save", "continue", HONEYPOT}
    return {
        plain_text(key): [plain_text(value) for value in values]
        for key, values in post.lists()
        if key not in skip
    }


class JourneyFlow:
    def __init__(self, page, request):
        self.page = page
        self.request = request
        self.definition = page.definition
        self.session_key = f"forms:{page.journey}:draft"
        self.last_key = f"forms:{page.journey}:submitted"
        self.school_only = self.definition.for_school_users
        self.user = request.user if self.school_only else None
        # The language of this page (its prefix): the draft remembers the latest.
        self.language = get_supported_language_variant(get_language())

    def open(self, name, *args):
        """A page of the journey, once we know this person may use it: a journey only
        school users make needs a signed-in user who acts for a school."""
        if self.school_only:
            if not self.request.user.is_authenticated:
                return redirect_to_login(self.request.get_full_path())
            if not access.school_ids_acting_for(self.request.user):
                return self.not_for_you()
        return getattr(self, name)(*args)

    def not_for_you(self):
        return self.render("forms_app/not_for_you.html", status=403)

    # --- helpers -------------------------------------------------------------------------

    def url(self, name, *args):
        return self.page.url + self.page.reverse_subpage(name, args=args)

    def step_url(self, step, change=False):
        url = self.url("step", step.slug)
        return url + "?change=1" if change else url

    def render(self, template, context=None, status=200):
        context = {"page": self.page, "self": self.page, "flow": self, **(context or {})}
        return TemplateResponse(self.request, template, context, status=status)

    def draft(self, create=False, include_submitted=False):
        token = self.request.session.get(self.session_key)
        draft = None
        if token:
            drafts = Draft.objects.filter(token=token, journey=self.page.journey)
            if self.school_only:  # a school journey's draft opens only for its own user
                drafts = drafts.filter(user=self.user)
            draft = drafts.first()
        if draft is not None and (draft.expired or (draft.submission_id and not include_submitted)):
            draft = None
        if draft is None and create:
            draft = Draft.objects.create(
                journey=self.page.journey, user=self.user, language=self.language
            )
            self.request.session[self.session_key] = draft.token
        return draft

    def keep(self, draft):
        """Save the draft, with the language the person is answering in now."""
        draft.language = self.language
        draft.save()

    def attachments(self, draft):
        return {str(a.pk): a for a in draft.attachments.all()} if draft else {}

    def state(self, draft):
        attachments = self.attachments(draft)
        values = self.definition.values(draft, attachments) if draft else {}
        return attachments, values

    def next_url(self, step, values):
        if self.request.GET.get("change") and not self.definition.first_incomplete(values):
            return self.url("check")
        following = self.definition.next_step(step, values)
        return self.step_url(following) if following else self.url("check")

    def back_url(self, step, values):
        previous = self.definition.previous_step(step, values)
        return self.step_url(previous) if previous else self.page.url

    # --- a step ------------------------------------------------------------------------------

    def step(self, slug):
        step = self.definition.step(slug)
        if step is None:
            raise Http404
        draft = self.draft(create=self.request.method == "POST")
        attachments, values = self.state(draft)
        if not step.visible(values):
            return redirect(self._resume_url(values))
        if step.repeating:
            return self.item_list(step, draft, values)
        if self.request.method == "POST":
            raw = _raw(self.request.POST)
            upload_errors = self._store_uploads(step, draft, raw, attachments)
            if "save" in self.request.POST:
                draft.answers[step.slug] = raw
                self.keep(draft)
                return redirect(self.url("save_for_later"))
            form = self.definition.bind(step, MultiValueDict(raw), values, attachments, self.user)
            for name, message in upload_errors:
                form.add_error(name, message)
            if form.is_valid():
                draft.answers[step.slug] = raw
                self.keep(draft)
                attachments, values = self.state(draft)
                if step.exit_if and step.exit_if(values):
                    return self.render(
                        step.exit_template,
                        {"step": step, "values": values, "back_url": self.step_url(step)},
                    )
                return redirect(self.next_url(step, values))
        else:
            form = self._revisit(step, draft, values, attachments)
        response = self.render(
            step.template,
            {
                "step": step,
                "form": form,
                "back_url": self.back_url(step, values),
                "multipart": bool(step.upload_fields()),
                "attachments": attachments,
            },
        )
        if draft is None and self.request.method in ("GET", "HEAD") and not self.school_only:
            # A step before any answer (the first, for a new visitor) is the same for every
            # visitor with no session: stored once, with each visitor's own CSRF token.
            page_cache.share_form_with_new_visitors(self.request, response)
        return response

    def _revisit(self, step, draft, values, attachments):
        raw = draft.answers.get(step.slug) if draft else None
        if not raw:
            return step.form_class(values=values, attachments=attachments, user=self.user)
        form = step.form_class(
            data=MultiValueDict(raw), values=values, attachments=attachments, user=self.user
        )
        form.hide_errors()
        return form

    def _store_uploads(self, step, draft, raw, attachments):
        """Check each new file (its size, then uploads.judge: its content is one of the
        question's kinds, safe, and free of viruses); keep the good ones at once (so a
        mistake elsewhere on the page does not mean choosing the file again)."""
        errors = []
        for name in step.upload_fields():
            upload = self.request.FILES.get(name)
            if upload is None:
                continue
            if upload.size > settings.PORTAL_UPLOAD_MAX_BYTES:
                errors.append((name, _("The selected file must be smaller than 7MB")))
                continue
            verdict = judge(upload, step.form_class.base_fields[name].kinds)
            if verdict.error:
                errors.append((name, verdict.error))
                continue
            kind = verdict.kind
            question = f"{step.slug}.{name}"
            for replaced in draft.attachments.filter(question=question, submission__isnull=True):
                replaced.file.delete(save=False)  # the file too: nothing else would remove it
                replaced.delete()
            attachment = Attachment.objects.create(
                draft=draft,
                question=question,
                file=upload,
                original_name=upload.name[:255],
                kind=kind,
                size=upload.size,
            )
            attachments[str(attachment.pk)] = attachment
            raw[name] = [str(attachment.pk)]
        return errors

    # --- "add another" -------------------------------------------------------------------

    def item_list(self, step, draft, values):
        items = draft.answers.get(step.slug, []) if draft else []
        if not items:
            return redirect(self.url("add_item", step.slug))
        form = AddAnotherForm(self.request.POST if self.request.method == "POST" else None)
        can_add = len(items) < step.max_items
        if self.request.method == "POST":
            if not can_add or (form.is_valid() and form.cleaned_data["add_another"] == "no"):
                problem = step.check_items(values) if step.check_items else None
                if problem:  # the list does not add up: say why, and stay here
                    form.add_error("add_another" if can_add else None, problem)
                elif len(values.get(step.slug, [])) >= step.min_items:
                    return redirect(self.next_url(step, values))
                elif can_add:  # too few to go on: say so, rather than show the page again
                    form.add_error(
                        "add_another",
                        _("You need to add at least %(count)s %(items)s. Select yes to add another")
                        % {"count": step.min_items, "items": step.items_name},
                    )
            elif form.is_valid():
                return redirect(self.url("add_item", step.slug))
        summaries = [
            step.item_summary(cleaned) if step.item_summary else str(index + 1)
            for index, cleaned in enumerate(values.get(step.slug, []))
        ]
        return self.render(
            "forms_app/repeating_list.html",
            {
                "step": step,
                "form": form,
                "summaries": summaries,
                "can_add": can_add,
                # On first view, a list that does not add up says so before anyone asks.
                "list_problem": (
                    step.check_items(values)
                    if step.check_items and self.request.method == "GET"
                    else None
                ),
                "back_url": self.back_url(step, values),
            },
        )

    def item(self, slug, index):
        step = self.definition.step(slug)
        if step is None or not step.repeating:
            raise Http404
        draft = self.draft(create=self.request.method == "POST")
        attachments, values = self.state(draft)
        items = list(draft.answers.get(slug, [])) if draft else []
        if index is not None and index >= len(items):
            raise Http404
        if index is None and len(items) >= step.max_items:
            return redirect(self.step_url(step))
        if self.request.method == "POST":
            raw = _raw(self.request.POST)
            form = self.definition.bind(step, MultiValueDict(raw), values, attachments, self.user)
            if "save" in self.request.POST or form.is_valid():
                if index is None:
                    items.append(raw)
                else:
                    items[index] = raw
                draft.answers[slug] = items
                self.keep(draft)
                if "save" in self.request.POST:
                    return redirect(self.url("save_for_later"))
                return redirect(self.step_url(step))
        elif index is not None:
            form = step.form_class(
                data=MultiValueDict(items[index]),
                values=values,
                attachments=attachments,
                user=self.user,
            )
            form.hide_errors()
        else:
            form = step.form_class(values=values, attachments=attachments, user=self.user)
        return self.render(
            step.template,
            {
                "step": step,
                "form": form,
                "back_url": self.step_url(step) if items else self.back_url(step, values),
                "multipart": False,
            },
        )

    def remove_item(self, slug, index):
        step = self.definition.step(slug)
        draft = self.draft()
        if step is None or not step.repeating or draft is None:
            raise Http404
        items = list(draft.answers.get(slug, []))
        if index >= len(items):
            raise Http404
        if self.request.method == "POST":
            del items[index]
            draft.answers[slug] = items
            self.keep(draft)
            return redirect(self.step_url(step))
        _attachments, values = self.state(draft)
        cleaned = values.get(slug, [])
        summary = (
            step.item_summary(cleaned[index]) if step.item_summary and index < len(cleaned) else ""
        )
        return self.render(
            "forms_app/remove_item.html",
            {
                "step": step,
                "summary": summary,
                "back_url": self.step_url(step),
            },
        )

    # --- check, submit, confirmation ----------------------------------------------------

    def _resume_url(self, values):
        incomplete = self.definition.first_incomplete(values)
        return self.step_url(incomplete) if incomplete else self.url("check")

    def check(self):
        draft = self.draft(include_submitted=True)
        if draft is None:
            return redirect(self.page.url)
        if draft.submission_id:  # sent already: back and submit again makes nothing new
            return redirect(self.url("confirmation"))
        attachments, values = self.state(draft)
        exit_step = self.definition.exit_for(values)  # an answer that ends the journey comes first
        if exit_step:
            return redirect(self.step_url(exit_step))
        if self.definition.first_incomplete(values):
            return redirect(self._resume_url(values))
        if self.request.method == "POST":
            if self.request.POST.get(HONEYPOT):
                return self.render("forms_app/not_sent.html", status=400)
            try:
                submission, _created = submit(
                    self.definition,
                    draft.pk,
                    values,
                    self.request.build_absolute_uri(self.page.url),
                    over_limit=self._over_rate_limit,
                )
            except OverLimit:
                return self.render("forms_app/too_many.html", status=429)
            self.request.session[self.last_key] = submission.reference
            return redirect(self.url("confirmation"))
        return self.render(
            "forms_app/check_answers.html",
            {
                "sections": self.definition.summary(values, attachments, self.user),
                "back_url": self.step_url(self.definition.visible_steps(values)[-1]),
                "honeypot": HONEYPOT,
                "notes": self.definition.check_notes(values, date.today()),
            },
        )

    def _over_rate_limit(self):
        key = f"forms:rate:{client_address(self.request)}"
        cache.add(key, 0, 60 * 60)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, 60 * 60)
            count = 1
        return count > settings.PORTAL_SUBMISSIONS_PER_HOUR

    def confirmation(self):
        reference = self.request.session.get(self.last_key)
        submission = (
            Submission.objects.filter(reference=reference, journey=self.page.journey).first()
            if reference
            else None
        )
        if submission is None:
            return redirect(self.page.url)
        draft = Draft.objects.filter(submission=submission).first()
        if self.school_only and (draft is None or draft.user_id != self.user.pk):
            return redirect(self.page.url)
        attachments, values = self.state(draft)
        return self.render(
            "forms_app/confirmation.html",
            {
                "submission": submission,
                "sections": self.definition.summary(values, attachments, self.user),
            },
        )

    # --- save and come back later ------------------------------------------------------------

    def save_for_later(self):
        draft = self.draft()
        if draft is None:
            return redirect(self.page.url)
        _attachments, values = self.state(draft)
        given = draft.email or self.definition.own_email(values)
        form = SaveForm(
            self.request.POST if self.request.method == "POST" else None,
            initial={"email": given or (self.user.email if self.user else "")},
        )
        if self.request.method == "POST" and form.is_valid():
            draft.email = form.cleaned_data["email"]
            self.keep(draft)
            signed = signing.TimestampSigner(salt=RESUME_SALT).sign(draft.token)
            link = self.request.build_absolute_uri(self.url("resume", *signed.split(":")))
            with override(draft.language):  # the link opens the journey in it too
                send_email(
                    draft.email,
                    _("Continue your %(form)s") % {"form": self.page.title},
                    "forms_app/email/continue.txt",
                    {"link": link, "page": self.page, "expires_at": draft.expires_at},
                )
            return self.render("forms_app/saved.html", {"email": draft.email, "draft": draft})
        return self.render("forms_app/save.html", {"form": form})

    def resume(self, signed):
        max_age = settings.PORTAL_DRAFT_DAYS * 24 * 60 * 60
        try:
            token = signing.TimestampSigner(salt=RESUME_SALT).unsign(signed, max_age=max_age)
        except signing.BadSignature:
            return self.render("forms_app/link_expired.html", status=410)
        # A link for another journey's draft finds nothing here.
        draft = Draft.objects.filter(token=token, journey=self.page.journey).first()
        if draft is None or draft.expired or draft.submission_id:
            return self.render("forms_app/link_expired.html", status=410)
        if self.school_only and draft.user_id != self.user.pk:  # someone else's referral
            raise Http404
        # The link works once: the draft takes a new token, which only this session holds,
        # so the emailed link (or a copy of it) opens nothing again. The update is
        # conditional, so of two uses at the same moment only one wins.
        fresh = new_draft_token()
        if not Draft.objects.filter(pk=draft.pk, token=token).update(token=fresh):
            return self.render("forms_app/link_expired.html", status=410)
        draft.token = fresh
        self.request.session[self.session_key] = draft.token
        _attachments, values = self.state(draft)
        return redirect(self._resume_url(values))
