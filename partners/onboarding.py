"""Onboarding a partner institution: its page, editors, media collection and review workflow.

``onboard_partner()`` is the one entry point; ``manage.py onboard_partner``, the admin's
"Partners → Onboard a partner" form and the demo loader all call it. In one transaction it
makes (or finds, when it exists already):

- the partner's **PartnerPage** under the default-language partner directory, as a draft
  (it goes live when a moderator approves it), or adopts an existing page with the same
  slug and title (the demo's partners);
- the group **"<Name> editors"** with add, change and lock rights — and no publish right —
  on the PartnerPage and on each of its translations (the partner's space exists in every
  language tree it is translated into), plus admin access;
- optionally the group **"<Name> leads"**, whose members approve first
  (``lead_approval``);
- a Wagtail **media collection** named after the partner, where both groups may add, change
  and choose images and documents (and nowhere else);
- the **"Partner contribution review"** workflow on each of the partner's pages: hub
  moderators approve (with a lead approval step first for partners that have leads);
- optionally a first **editor account** with an e-mailed invitation whose link lets the
  invitee set their own password (Wagtail's password-reset confirmation view).

Running it again with the same arguments changes nothing. Bad arguments raise
``django.core.exceptions.ValidationError`` keyed by argument (``name``, ``slug``,
``institution_type``, ``editor_email``, ``editor_username``, ``language``).

When a partner page is later translated (wagtail-localize creates a new PartnerPage in the
target tree), ``sync_partner_space`` gives the new page the same permissions and workflow
(connected in ``partners.apps``).
"""

import re
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.users.models import UserProfile

from partners.models import InstitutionType, PartnerIndexPage, PartnerPage, PartnerSpace
from partners.roles import MODERATORS

REVIEW_WORKFLOW = "Partner contribution review"
MODERATOR_TASK = "Hub moderator approval"
PARTNER_PAGE_PERMISSIONS = ["add_page", "change_page", "lock_page"]
PARTNER_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
NAME_MAX_LENGTH = PartnerSpace._meta.get_field("name").max_length
SLUG_MAX_LENGTH = PartnerSpace._meta.get_field("slug").max_length


def editors_group_name(name):
    return _group_name(name, "editors")


def leads_group_name(name):
    return _group_name(name, "leads")


def _group_name(name, role):
    # Group names are data, shared by every language: they stay in English.
    return f"{name} {role}"


def lead_task_name(name):
    return f"{name} lead approval"


def lead_workflow_name(name):
    return f"{REVIEW_WORKFLOW} ({name})"


@dataclass
class OnboardingResult:
    space: PartnerSpace
    page: PartnerPage
    editor: object = None
    editor_created: bool = False
    invitation_sent: bool = False
    changes: list = field(default_factory=list)

    @property
    def changed(self):
        return bool(self.changes)


def default_editor_username(slug):
    return f"{slug}-editor"


def institution_type_choices():
    """(slug, name) of the institution types, in the default language."""
    return list(
        InstitutionType.objects.filter(locale=Locale.get_default()).values_list("slug", "name")
    )


def onboard_partner(
    name,
    slug,
    institution_type=None,
    *,
    editor_email=None,
    editor_username=None,
    lead_approval=False,
    language=None,
    invite=True,
    resend_invitation=False,
    user=None,
):
    """Onboard a partner (see the module docstring); returns an ``OnboardingResult``.

    ``institution_type`` is the slug of an InstitutionType (required when the page is
    created). ``language`` is the invitee's language (the invitation e-mail and their admin
    interface; the hub's default language when not given). ``user`` is who onboards (the
    page's owner and the revision's author). ``invite=False`` creates the editor account
    without an invitation (the demo sets its own password); ``resend_invitation`` sends a
    fresh invitation to an existing editor who has never logged in.
    """
    name = " ".join((name or "").split())
    slug = (slug or "").strip()
    editor_email = (editor_email or "").strip() or None
    editor_username = (editor_username or "").strip() or None
    language = language or settings.LANGUAGE_CODE
    _validate_arguments(name, slug, editor_email, editor_username, language)

    with transaction.atomic():
        type_term = _institution_type(institution_type)
        changes = []
        space = _existing_space(name, slug)
        page = _partner_page(space, name, slug, type_term, user, changes)

        editors = space.editors if space else _group(editors_group_name(name), changes)
        leads = space.leads if space else None
        if lead_approval and leads is None:
            leads = _group(leads_group_name(name), changes)
        collection = space.collection if space else _collection(name, changes)
        for group in filter(None, [editors, leads]):
            _collection_permissions(group, collection, changes)
        workflow = _workflow(name, leads, changes)

        if space is None:
            space = PartnerSpace.objects.create(
                name=name,
                slug=slug,
                translation_key=page.translation_key,
                editors=editors,
                leads=leads,
                collection=collection,
                workflow=workflow,
                onboarded_by=user if user and user.pk else None,
            )
            changes.append(_("partner space"))
        elif (space.leads_id, space.workflow_id) != (getattr(leads, "pk", None), workflow.pk):
            space.leads = leads
            space.workflow = workflow
            space.save(update_fields=["leads", "workflow"])
            changes.append(_("lead approval step"))

        changes += sync_partner_space(space)
        result = OnboardingResult(space=space, page=page, changes=changes)
        if editor_email or editor_username:
            _editor(
                result,
                editor_username or default_editor_username(slug),
                editor_email,
                language,
                invite,
                resend_invitation,
            )
    return result


def sync_partner_space(space):
    """Give every PartnerPage of ``space`` (each language tree) the groups' page permissions
    and the review workflow. Returns a description of what it added."""
    changes = []
    permissions = list(
        Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=PARTNER_PAGE_PERMISSIONS
        )
    )
    groups = space.groups()
    for page in space.pages():
        for group in groups:
            for permission in permissions:
                _obj, created = GroupPagePermission.objects.get_or_create(
                    group=group, page=page, permission=permission
                )
                if created:
                    changes.append(
                        f"{group.name}: {permission.codename} ({page.locale.language_code})"
                    )
        workflow_page = WorkflowPage.objects.filter(page=page).first()
        if workflow_page is None:
            WorkflowPage.objects.create(page=page, workflow=space.workflow)
            changes.append(f"{space.workflow.name} ({page.locale.language_code})")
        elif workflow_page.workflow_id != space.workflow_id:
            workflow_page.workflow = space.workflow
            workflow_page.save()
            changes.append(f"{space.workflow.name} ({page.locale.language_code})")
    return changes


def sync_new_partner_page(sender, instance, created, raw=False, **kwargs):
    """post_save of PartnerPage: a new translation of an onboarded partner joins its space."""
    if not created or raw:
        return
    space = PartnerSpace.objects.filter(translation_key=instance.translation_key).first()
    if space is not None:
        sync_partner_space(space)


# --- validation ----------------------------------------------------------------------------


def _validate_arguments(name, slug, editor_email, editor_username, language):
    errors = {}
    if not name:
        errors["name"] = _("Give the partner's name.")
    elif len(name) > NAME_MAX_LENGTH:
        errors["name"] = _("The name is too long (at most %(max)d characters).") % {
            "max": NAME_MAX_LENGTH
        }
    if not slug:
        errors["slug"] = _("Give the partner's slug (the last part of its web address).")
    elif len(slug) > SLUG_MAX_LENGTH or not SLUG_PATTERN.match(slug):
        errors["slug"] = _(
            "“%(slug)s” is not a valid slug: use lowercase letters a–z, digits and single "
            "hyphens, e.g. “museo-civico” (at most %(max)d characters)."
        ) % {"slug": slug, "max": SLUG_MAX_LENGTH}
    if editor_email:
        try:
            validate_email(editor_email)
        except ValidationError:
            errors["editor_email"] = _("“%(email)s” is not a valid e-mail address.") % {
                "email": editor_email
            }
    if editor_username:
        username_field = get_user_model()._meta.get_field(get_user_model().USERNAME_FIELD)
        try:
            username_field.run_validators(editor_username)
        except ValidationError as error:
            errors["editor_username"] = error.messages
    if language not in dict(settings.LANGUAGES):
        errors["language"] = _("Unknown language “%(language)s”: use one of %(choices)s.") % {
            "language": language,
            "choices": ", ".join(dict(settings.LANGUAGES)),
        }
    if errors:
        raise ValidationError(errors)


def _institution_type(slug):
    if not slug:
        return None
    term = InstitutionType.objects.filter(slug=slug, locale=Locale.get_default()).first()
    if term is None:
        known = ", ".join(choice for choice, _name in institution_type_choices())
        raise ValidationError(
            {
                "institution_type": _("Unknown institution type “%(type)s”. Use one of: %(known)s.")
                % {"type": slug, "known": known}
            }
        )
    return term


def _existing_space(name, slug):
    by_slug = PartnerSpace.objects.filter(slug=slug).first()
    if by_slug is not None and by_slug.name != name:
        raise ValidationError(
            {
                "slug": _("The slug “%(slug)s” is already used by the partner “%(partner)s”.")
                % {"slug": slug, "partner": by_slug.name}
            }
        )
    by_name = PartnerSpace.objects.filter(name=name).first()
    if by_name is not None and by_name.slug != slug:
        raise ValidationError(
            {
                "name": _("“%(name)s” is already onboarded, with the slug “%(slug)s”.")
                % {"name": name, "slug": by_name.slug}
            }
        )
    return by_slug


# --- what onboarding creates ----------------------------------------------------------------


def _partner_page(space, name, slug, type_term, user, changes):
    """The partner's source PartnerPage: the space's, an adopted one, or a new draft."""
    same_slug = PartnerPage.objects.filter(slug=slug).select_related("locale")
    if space is not None:
        pages = list(space.pages().select_related("locale"))
        others = same_slug.exclude(translation_key=space.translation_key)
        if not pages:
            raise ValidationError(
                {"slug": _("The partner page of “%(name)s” was deleted.") % {"name": name}}
            )
    else:
        pages = list(same_slug)
        keys = {page.translation_key for page in pages}
        if pages and (len(keys) > 1 or not any(page.title == name for page in pages)):
            raise ValidationError(
                {
                    "slug": _(
                        "The slug “%(slug)s” is already used by another partner page, “%(title)s”."
                    )
                    % {"slug": slug, "title": pages[0].title}
                }
            )
        others = PartnerPage.objects.none()
    if others.exists():
        raise ValidationError(
            {
                "slug": _(
                    "The slug “%(slug)s” is already used by another partner page, “%(title)s”."
                )
                % {"slug": slug, "title": others.first().title}
            }
        )
    if pages:
        default = Locale.get_default()
        pages.sort(key=lambda page: (page.locale_id != default.pk, page.pk))
        return pages[0]

    if type_term is None:
        known = ", ".join(choice for choice, _name in institution_type_choices())
        raise ValidationError(
            {
                "institution_type": _(
                    "Give the institution type of the new partner, one of: %(known)s."
                )
                % {"known": known}
            }
        )
    index = PartnerIndexPage.objects.filter(locale=Locale.get_default()).first()
    if index is None:
        raise ValidationError(
            {
                "slug": _(
                    "There is no partner directory in the default language (%(language)s) "
                    "to add the partner page to: create it first."
                )
                % {"language": Locale.get_default().get_display_name()}
            }
        )
    page = PartnerPage(
        title=name,
        slug=slug,
        institution_type=type_term,
        live=False,
        locale=index.locale,
        owner=user if user and user.pk else None,
    )
    index.add_child(instance=page)
    page.save_revision(user=user if user and user.pk else None, log_action=True)
    changes.append(_("partner page (draft)"))
    return page


def _group(name, changes):
    group, created = Group.objects.get_or_create(name=name)
    if created:
        changes.append(_("group “%(name)s”") % {"name": name})
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    if not group.permissions.filter(pk=access_admin.pk).exists():
        group.permissions.add(access_admin)
        changes.append(f"{name}: access_admin")
    return group


def _collection(name, changes):
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=name).first()
    if existing is not None:
        return existing
    changes.append(_("media collection “%(name)s”") % {"name": name})
    return root.add_child(instance=Collection(name=name))


def _collection_permissions(group, collection, changes):
    for app_label, codename in PARTNER_COLLECTION_PERMISSIONS:
        permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
        _obj, created = GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission
        )
        if created:
            changes.append(f"{group.name}: {codename} ({collection.name})")


def moderator_task():
    """The hub moderators' approval step, shared by every partner's workflow."""
    task = GroupApprovalTask.objects.filter(name=MODERATOR_TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=MODERATOR_TASK)
    moderators, _created = Group.objects.get_or_create(name=MODERATORS)
    if not task.groups.filter(pk=moderators.pk).exists():
        task.groups.add(moderators)
    return task


def _workflow(name, leads, changes):
    """The shared review workflow, or the partner's own one with its leads' step first."""
    tasks = [moderator_task()]
    workflow_name = REVIEW_WORKFLOW
    if leads is not None:
        lead_task = GroupApprovalTask.objects.filter(name=lead_task_name(name)).first()
        if lead_task is None:
            lead_task = GroupApprovalTask.objects.create(name=lead_task_name(name))
            changes.append(_("task “%(name)s”") % {"name": lead_task.name})
        if not lead_task.groups.filter(pk=leads.pk).exists():
            lead_task.groups.add(leads)
        tasks.insert(0, lead_task)
        workflow_name = lead_workflow_name(name)
    workflow = Workflow.objects.filter(name=workflow_name).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=workflow_name, active=True)
        changes.append(_("workflow “%(name)s”") % {"name": workflow_name})
    for order, task in enumerate(tasks):
        WorkflowTask.objects.get_or_create(
            workflow=workflow, task=task, defaults={"sort_order": order}
        )
    return workflow


def _editor(result, username, email, language, invite, resend_invitation):
    user_model = get_user_model()
    user = user_model.objects.filter(**{user_model.USERNAME_FIELD: username}).first()
    if user is None:
        if not email:
            raise ValidationError(
                {"editor_email": _("Give the new editor's e-mail address for the invitation.")}
            )
        user = user_model.objects.create_user(username, email=email)  # no usable password
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save(update_fields=["preferred_language"])
        result.editor_created = True
        result.changes.append(_("editor account “%(username)s”") % {"username": username})
    if not user.groups.filter(pk=result.space.editors_id).exists():
        user.groups.add(result.space.editors)
        result.changes.append(
            _("%(username)s in “%(group)s”")
            % {"username": username, "group": result.space.editors.name}
        )
    result.editor = user
    never_logged_in = user.last_login is None and not user.has_usable_password()
    if invite and user.email and (result.editor_created or (resend_invitation and never_logged_in)):
        space = result.space
        transaction.on_commit(lambda: send_invitation(user, space, language))
        result.invitation_sent = True


def invitation_url(user):
    """An absolute link to Wagtail's set-password view for ``user`` (one use, expires)."""
    path = reverse(
        "wagtailadmin_password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send_invitation(user, space, language=None):
    """E-mail ``user`` an invitation to edit ``space``'s pages, in ``language``."""
    language = language or UserProfile.get_for_user(user).get_preferred_language()
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    context = {
        "user": user,
        "username": user.get_username(),
        "partner": space.name,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "url": invitation_url(user),
        "login_url": base_url + reverse("wagtailadmin_login"),
        "days": max(1, settings.PASSWORD_RESET_TIMEOUT // 86400),
    }
    with translation.override(language):
        subject = " ".join(
            render_to_string("partners/admin/invitation_subject.txt", context).split()
        )
        body = render_to_string("partners/admin/invitation.txt", context)
    EmailMessage(subject, body, to=[user.email]).send()
