"""Training courses (pages), their sessions, and the bookings people make for them."""

import secrets

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import BaseTranslatableField, SynchronizedField, TranslatableField

from home import page_cache
from home.localize import in_default_language, in_default_language_only, show_in_active_language
from home.models import CachedPageMixin
from shared import times

from .. import rules


class Audience(TranslatableMixin, models.Model):
    """Who a course is for: governors, headteachers, attendance leads and so on. Made by a
    migration; editors choose from them. Courses point at the default language's; a
    translation gives only the name shown."""

    slug = models.SlugField()
    name = models.CharField(_("name"), max_length=100)
    order = models.PositiveSmallIntegerField(default=0)

    # The slug (the filters' value) and the order stay those of the English audience.
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug"),
        SynchronizedField("order"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["order", "name"]
        verbose_name = _("training audience")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name


def page_cache_name(course):
    """What a course's pages (in every language) are stored under in the page cache: a
    change to its sessions or bookings moves it (training/cached_pages.py)."""
    return f"training-course:{course.translation_key}"


class CoursePage(CachedPageMixin, Page):
    """One course, with its sessions. Page-cached for anonymous visitors; the places left
    stay true because every change to its sessions or bookings empties its copies."""

    class Format(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")

    summary = models.CharField(
        _("summary"), max_length=300, help_text=_("One or two sentences for the course list.")
    )
    description = RichTextField(_("description"), features=["h2", "h3", "bold", "ol", "ul", "link"])
    outcomes = RichTextField(
        _("what you will learn"), features=["bold", "ol", "ul", "link"], blank=True
    )
    format = models.CharField(_("format"), max_length=16, choices=Format.choices)
    duration = models.CharField(_("duration"), max_length=100, help_text=_("For example: 2 hours"))
    cost = models.CharField(
        _("cost"), max_length=100, blank=True, help_text=_("Leave blank if the course is free.")
    )
    # The English audiences, whatever the course's language (a translation of an audience
    # only changes the name shown).
    audiences = ParentalManyToManyField(
        Audience,
        related_name="courses",
        verbose_name=_("for"),
        limit_choices_to=in_default_language_only,
    )
    assessment_areas = ParentalManyToManyField(
        "self_assessment.AssessmentArea",
        blank=True,
        related_name="courses",
        verbose_name=_("self-assessment areas"),
        help_text=_("Schools rating themselves low in these areas are pointed to this course."),
    )
    change_deadline_days = models.PositiveSmallIntegerField(
        _("changes allowed until (days before)"),
        default=rules.DEFAULT_CHANGE_DEADLINE_DAYS,
        help_text=_("Bookers can cancel or move to another date until this many days before."),
    )
    contact_email = models.EmailField(
        _("contact email"),
        blank=True,
        help_text=_("Who bookers contact after the deadline. Blank: the service's email."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("outcomes"),
        MultiFieldPanel(
            [
                FieldPanel("format"),
                FieldPanel("duration"),
                FieldPanel("cost"),
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("About the course"),
        ),
        FieldPanel("assessment_areas"),
        MultiFieldPanel(
            [FieldPanel("change_deadline_days"), FieldPanel("contact_email")],
            heading=_("Cancelling and changing"),
        ),
        InlinePanel("sessions", heading=_("Sessions"), label=_("Session")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("description"),
    ]
    parent_page_types = ["training.TrainingIndexPage"]
    subpage_types = []
    # One set of sessions, places and bookings per course, whatever the language of the
    # page a person books from: a translated course shows and books the sessions of its
    # source page (booking_course). So wagtail-localize neither copies the sessions into a
    # translation (copy_for_translation) nor syncs them (a field neither translated nor
    # synchronised: the base class says no to both).
    override_translatable_fields = [BaseTranslatableField("sessions")]

    class Meta:
        verbose_name = _("training course")

    def copy_for_translation(self, locale, copy_parents=False, alias=False, exclude_fields=None):
        return super().copy_for_translation(
            locale,
            copy_parents=copy_parents,
            alias=alias,
            exclude_fields=[*(exclude_fields or []), "sessions"],
        )

    def booking_course(self):
        """The course whose sessions this page shows and books: its source page in the
        default language (itself, unless it is a translation)."""
        return in_default_language(self)

    @property
    def is_online(self):
        return self.format == self.Format.ONLINE

    def page_cache_names(self):
        return (page_cache_name(self),)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["upcoming_sessions"] = list(
            Session.objects.with_places_taken()
            .filter(course=self.booking_course(), starts_at__gt=timezone.now())
            .order_by("starts_at")
        )
        # A session's booking closes, or it starts and leaves the list, with no change
        # to any record: no stored copy outlives that.
        page_cache.changes_at(
            request, *(moment for s in context["upcoming_sessions"] for moment in s.changes_at)
        )
        context["audience_list"] = show_in_active_language(self.audiences.all())
        return context


class SessionQuerySet(models.QuerySet):
    def with_places_taken(self):
        """Each session with `places_taken` (confirmed and offered bookings), in the same
        query."""
        return self.annotate(
            places_taken=Count("bookings", filter=Q(bookings__status__in=Booking.HOLDING_PLACE))
        )

    def upcoming(self):
        return self.filter(starts_at__gt=timezone.now())


class Session(Orderable):
    course = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="sessions")
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    venue = models.TextField(_("venue"), blank=True, help_text=_("For sessions in person."))
    joining_details = models.TextField(
        _("online joining details"),
        blank=True,
        help_text=_("The meeting link and any code. Sent only to people with a booked place."),
    )
    capacity = models.PositiveIntegerField(_("places"), default=20)
    booking_closes_at = models.DateTimeField(
        _("booking closes"), null=True, blank=True, help_text=_("Blank: when the session starts.")
    )

    objects = SessionQuerySet.as_manager()

    panels = [
        FieldPanel("starts_at"),
        FieldPanel("ends_at"),
        FieldPanel("venue"),
        FieldPanel("joining_details"),
        FieldPanel("capacity"),
        FieldPanel("booking_closes_at"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("session")
        indexes = [models.Index(fields=["starts_at"])]

    def __str__(self):
        local = timezone.localtime(self.starts_at)
        return f"{self.course.title}, {times.day(local)}, {times.clock(local)}"

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The session must end after it starts.")})

    @property
    def closes_at(self):
        return rules.booking_closes_at(self.starts_at, self.booking_closes_at)

    def why_not_bookable(self, now=None):
        return rules.why_not_bookable(now or timezone.now(), self.starts_at, self.booking_closes_at)

    @property
    def changes_at(self):
        """When what a page shows of this session changes by itself."""
        return (self.closes_at, self.starts_at)

    @property
    def has_ended(self):
        return self.ends_at <= timezone.now()

    @property
    def places_left(self):
        """Needs `places_taken` from SessionQuerySet.with_places_taken()."""
        return rules.places_left(self.places_taken, self.capacity)


REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread


def new_reference():
    return "TRN-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))


class BookingQuerySet(models.QuerySet):
    def active(self):
        """Bookings that still stand: booked, offered or waiting."""
        return self.filter(status__in=Booking.ACTIVE)

    def holding_place(self):
        return self.filter(status__in=Booking.HOLDING_PLACE)


class Booking(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Booked")
        WAITING = "waiting", _("On the waiting list")
        OFFERED = "offered", _("Place offered")
        CANCELLED = "cancelled", _("Cancelled")
        LAPSED = "lapsed", _("Offer not taken up")

    class Role(models.TextChoices):
        GOVERNOR = "governor", _("Governor")
        HEADTEACHER = "headteacher", _("Headteacher")
        ATTENDANCE_LEAD = "attendance_lead", _("Attendance lead")
        DSL = "dsl", _("Designated safeguarding lead")
        OFFICE = "office", _("Office or admin staff")
        TEACHER = "teacher", _("Teacher or other school staff")
        PARTNER = "partner", _("Partner agency")
        OTHER = "other", _("Other")

    class Attendance(models.TextChoices):
        UNKNOWN = "", _("Not marked")
        ATTENDED = "attended", _("Attended")
        NO_SHOW = "no_show", _("Did not attend")

    # A place is held by a booked person, and by a waiting person while it is offered.
    HOLDING_PLACE = (Status.CONFIRMED, Status.OFFERED)
    ACTIVE = (Status.CONFIRMED, Status.OFFERED, Status.WAITING)

    session = models.ForeignKey(Session, on_delete=models.PROTECT, related_name="bookings")
    reference = models.CharField(max_length=12, unique=True, default=new_reference, editable=False)
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email address"))
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    school = models.ForeignKey(
        "portal.School",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="training_bookings",
        verbose_name=_("school"),
    )
    needs = models.TextField(_("access or dietary needs"), blank=True)
    user = models.ForeignKey(
        "portal.User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="training_bookings",
    )
    # The language the place was booked in: every email about it is written in it.
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, blank=True, default=""
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices)
    offer_expires_at = models.DateTimeField(null=True, blank=True)
    attendance = models.CharField(
        _("attendance"), max_length=16, choices=Attendance.choices, blank=True, default=""
    )
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    feedback_requested_at = models.DateTimeField(null=True, blank=True)
    # The "check your answers" page that made it (a random key in the visitor's session):
    # the same page confirmed again, twice at once or later, shows this booking again.
    request_key = models.CharField(max_length=32, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = BookingQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("booking")
        constraints = [
            # One standing booking per email address for a session.
            models.UniqueConstraint(
                fields=["session", "email"],
                condition=Q(status__in=["confirmed", "offered", "waiting"]),
                name="training_one_active_booking_per_email",
            )
        ]
        indexes = [models.Index(fields=["status", "offer_expires_at"])]

    def __str__(self):
        return f"{self.reference} {self.name}"

    def save(self, *args, **kwargs):
        self.email = (self.email or "").strip().lower()
        super().save(*args, **kwargs)

    @property
    def holds_place(self):
        return self.status in self.HOLDING_PLACE

    @property
    def attended(self):
        return self.attendance == self.Attendance.ATTENDED


class Feedback(models.Model):
    """What an attendee thought of a session: one per booking."""

    booking = models.OneToOneField(Booking, on_delete=models.CASCADE, related_name="feedback")
    rating = models.PositiveSmallIntegerField(_("rating"))
    comments = models.TextField(_("comments"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("course feedback")
        verbose_name_plural = _("course feedback")
        constraints = [
            models.CheckConstraint(
                condition=Q(rating__gte=1, rating__lte=5), name="training_rating_1_to_5"
            )
        ]

    def __str__(self):
        return f"{self.booking.reference}: {self.rating}"
