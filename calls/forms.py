"""The call editor's form and the public alert subscription form."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from heritagehub.spam import honeypot_field, honeypot_filled

from .schedule import zone

SCHEDULE_FIELDS = ("opens_at", "deadline")


class CallPageForm(WagtailAdminPageForm):
    """Opening date and deadline are typed as wall-clock times of the call's time zone.

    Django reads a typed date-time in the editor's active time zone; here it is re-read in
    the zone chosen on the call (an office in San Sebastián closing at 14:00 Madrid time,
    whoever types it), and shown again in that zone when the call is edited.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        tz = zone(self.instance.time_zone)
        for name in SCHEDULE_FIELDS:
            value = getattr(self.instance, name, None)
            if value is not None and name in self.fields:
                self.initial[name] = value.astimezone(tz).replace(tzinfo=None)

    def clean(self):
        cleaned = super().clean()
        tz = zone(cleaned.get("time_zone") or self.instance.time_zone)
        current = timezone.get_current_timezone()
        for name in SCHEDULE_FIELDS:
            value = cleaned.get(name)
            if value is not None:
                wall_clock = value.astimezone(current).replace(tzinfo=None)
                cleaned[name] = timezone.make_aware(wall_clock, tz)
                setattr(self.instance, name, cleaned[name])
        opens_at, deadline = cleaned.get("opens_at"), cleaned.get("deadline")
        if opens_at and deadline and deadline <= opens_at:
            pass  # the model's own rule (CallPage.clean) names it on the deadline
        elif deadline and self.instance.pk is None and deadline <= timezone.now():
            self.add_error(
                "deadline",
                _("This deadline has already passed: a new call needs a deadline in the future."),
            )
        return cleaned


class AlertSubscriptionForm(forms.Form):
    """What a visitor wants to hear about: sectors and/or kinds of call, and where."""

    HONEYPOT = "website"

    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=_(
            "We send you a link to confirm it. Nothing is kept until you do, and every "
            "e-mail has a link to unsubscribe at once."
        ),
    )
    sectors = forms.MultipleChoiceField(
        label=_("Sectors"), required=False, widget=forms.CheckboxSelectMultiple
    )
    kinds = forms.MultipleChoiceField(
        label=_("Kinds of call"), required=False, widget=forms.CheckboxSelectMultiple
    )
    website = honeypot_field()

    def __init__(self, *args, sector_choices=(), kind_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sectors"].choices = sector_choices
        self.fields["kinds"].choices = kind_choices

    def is_spam(self):
        return honeypot_filled(self.data, self.HONEYPOT)

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("sectors") and not cleaned.get("kinds"):
            raise forms.ValidationError(
                _("Choose at least one sector or one kind of call."), code="required"
            )
        return cleaned
