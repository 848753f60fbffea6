"""Onboarding a partner: the service, `manage.py onboard_partner` and the admin form."""

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.http import HttpRequest
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    PageLogEntry,
    Revision,
    Workflow,
    WorkflowPage,
)
from wagtail.users.models import UserProfile

from partners.models import PartnerPage, PartnerSpace
from partners.onboarding import MODERATOR_TASK, REVIEW_WORKFLOW, onboard_partner
from partners.roles import HUB_EDITORS, MODERATORS, TRANSLATORS
from tests.factories import PartnerIndexPageFactory, PartnerPageFactory, UserFactory
from tests.partners.admin_client import login

pytestmark = pytest.mark.django_db


def page_permissions(group, page):
    return set(
        GroupPagePermission.objects.filter(group=group, page=page).values_list(
            "permission__codename", flat=True
        )
    )


def collection_permissions(group):
    return set(
        GroupCollectionPermission.objects.filter(group=group).values_list(
            "collection__name", "permission__codename"
        )
    )


def state():
    """What onboarding may create, counted."""
    return {
        model.__name__: model.objects.count()
        for model in (
            Page,
            Revision,
            PageLogEntry,
            Group,
            GroupPagePermission,
            GroupCollectionPermission,
            Collection,
            Workflow,
            WorkflowPage,
            GroupApprovalTask,
            PartnerSpace,
            get_user_model(),
        )
    } | {"mails": len(mail.outbox)}


@pytest.fixture
def partner_index(home):
    return PartnerIndexPageFactory(parent=home)


# --- the service ---------------------------------------------------------------------------


def test_onboarding_creates_a_draft_partner_page_under_the_italian_directory(partner_index):
    result = onboard_partner("Museo Civico", "museo-civico", "museum")

    page = PartnerPage.objects.get(slug="museo-civico")
    assert page == result.page
    assert page.get_parent().pk == partner_index.pk
    assert page.locale.language_code == "it"
    assert page.title == "Museo Civico"
    assert page.institution_type.slug == "museum"
    assert page.institution_type.locale.language_code == "it"
    assert not page.live
    assert page.latest_revision is not None


def test_the_partner_group_may_add_change_and_lock_its_subtree_but_not_publish(partner_index):
    result = onboard_partner("Museo Civico", "museo-civico", "museum")

    editors = Group.objects.get(name="Museo Civico editors")
    assert result.space.editors == editors
    assert page_permissions(editors, result.page) == {"add_page", "change_page", "lock_page"}
    assert not GroupPagePermission.objects.filter(
        group=editors, permission__codename="publish_page"
    ).exists()
    assert GroupPagePermission.objects.filter(group=editors).exclude(page=result.page).count() == 0
    assert set(editors.permissions.values_list("codename", flat=True)) == {"access_admin"}


def test_the_partner_gets_a_media_collection_of_its_own(partner_index):
    result = onboard_partner("Museo Civico", "museo-civico", "museum")

    collection = result.space.collection
    assert collection.name == "Museo Civico"
    assert collection.get_parent() == Collection.get_first_root_node()
    assert collection_permissions(result.space.editors) == {
        ("Museo Civico", codename)
        for codename in (
            "add_image",
            "change_image",
            "choose_image",
            "add_document",
            "change_document",
            "choose_document",
        )
    }


def test_the_partner_page_gets_the_review_workflow_with_the_moderators_step(partner_index):
    result = onboard_partner("Museo Civico", "museo-civico", "museum")

    workflow = result.page.get_workflow()
    assert workflow.name == REVIEW_WORKFLOW
    assert result.space.workflow == workflow
    tasks = [task.specific for task in workflow.tasks]
    assert [task.name for task in tasks] == [MODERATOR_TASK]
    assert list(tasks[0].groups.values_list("name", flat=True)) == [MODERATORS]


def test_every_partner_shares_the_review_workflow(partner_index):
    first = onboard_partner("Museo Civico", "museo-civico", "museum")
    second = onboard_partner("Archivio Storico", "archivio-storico", "archive")

    assert first.space.workflow == second.space.workflow
    assert Workflow.objects.filter(name=REVIEW_WORKFLOW).count() == 1


def test_lead_approval_adds_the_partners_leads_before_the_moderators(partner_index):
    result = onboard_partner("Museo Civico", "museo-civico", "museum", lead_approval=True)

    leads = Group.objects.get(name="Museo Civico leads")
    assert result.space.leads == leads
    workflow = result.page.get_workflow()
    tasks = [task.specific for task in workflow.tasks]
    assert [task.name for task in tasks] == ["Museo Civico lead approval", MODERATOR_TASK]
    assert list(tasks[0].groups.all()) == [leads]
    assert page_permissions(leads, result.page) == {"add_page", "change_page", "lock_page"}
    assert ("Museo Civico", "add_image") in collection_permissions(leads)


def test_lead_approval_can_be_added_later(partner_index):
    onboard_partner("Museo Civico", "museo-civico", "museum")
    result = onboard_partner("Museo Civico", "museo-civico", "museum", lead_approval=True)

    assert result.changed
    assert result.page.get_workflow().name == "Partner contribution review (Museo Civico)"
    again = onboard_partner("Museo Civico", "museo-civico", "museum", lead_approval=True)
    assert not again.changed


def test_onboarding_twice_changes_nothing(partner_index):
    onboard_partner(
        "Museo Civico",
        "museo-civico",
        "museum",
        editor_email="ada@example.org",
        lead_approval=True,
    )
    before = state()

    result = onboard_partner(
        "Museo Civico",
        "museo-civico",
        "museum",
        editor_email="ada@example.org",
        lead_approval=True,
    )

    assert result.changes == []
    assert not result.invitation_sent
    assert state() == before


def test_an_existing_partner_page_and_its_translations_are_adopted(tree, translate):
    english = translate(tree.partner, "en", title="National Archive")

    result = onboard_partner("Archivio Nazionale", "archivio", "archive")

    assert result.page == tree.partner
    assert result.space.translation_key == tree.partner.translation_key
    assert PartnerPage.objects.filter(slug="archivio").count() == 2
    for page in (tree.partner, english):
        assert page_permissions(result.space.editors, page) == {
            "add_page",
            "change_page",
            "lock_page",
        }
        assert page.get_workflow() == result.space.workflow
    assert tree.partner.specific.live  # adopted as it is: not unpublished


def test_a_later_translation_of_the_partner_page_joins_the_partner_space(tree, translate):
    result = onboard_partner("Archivio Nazionale", "archivio", "archive")

    french = translate(tree.partner, "fr", publish=False)

    assert page_permissions(result.space.editors, french) == {
        "add_page",
        "change_page",
        "lock_page",
    }
    assert WorkflowPage.objects.get(page=french).workflow == result.space.workflow


@pytest.mark.parametrize(
    ("arguments", "field", "message"),
    [
        (("Museo", "museo", "castle"), "institution_type", "Unknown institution type “castle”"),
        (("Museo", "Museo Civico", "museum"), "slug", "is not a valid slug"),
        (("Museo", "museo_civico", "museum"), "slug", "is not a valid slug"),
        (("Museo", "-museo", "museum"), "slug", "is not a valid slug"),
        (("Museo", "", "museum"), "slug", "Give the partner's slug"),
        (("", "museo", "museum"), "name", "Give the partner's name"),
        (("Museo", "museo", None), "institution_type", "Give the institution type"),
    ],
)
def test_bad_arguments_are_refused_with_a_clear_message(partner_index, arguments, field, message):
    before = state()
    with pytest.raises(ValidationError) as error:
        onboard_partner(*arguments)
    assert field in error.value.message_dict
    assert message in " ".join(error.value.message_dict[field])
    assert state() == before


def test_the_unknown_type_message_lists_the_known_types(partner_index):
    with pytest.raises(ValidationError) as error:
        onboard_partner("Museo", "museo", "castle")
    assert "museum" in error.value.message_dict["institution_type"][0]
    assert "archive" in error.value.message_dict["institution_type"][0]


def test_a_slug_taken_by_another_partner_page_is_refused(tree):
    before = state()
    with pytest.raises(ValidationError) as error:
        onboard_partner("Museo Civico", "archivio", "museum")
    assert (
        "already used by another partner page, “Archivio Nazionale”"
        in (error.value.message_dict["slug"][0])
    )
    assert state() == before


def test_a_slug_taken_by_another_onboarded_partner_is_refused(partner_index):
    onboard_partner("Museo Civico", "museo-civico", "museum")
    with pytest.raises(ValidationError) as error:
        onboard_partner("Museo Diocesano", "museo-civico", "museum")
    assert "already used by the partner “Museo Civico”" in error.value.message_dict["slug"][0]


def test_the_same_partner_under_another_slug_is_refused(partner_index):
    onboard_partner("Museo Civico", "museo-civico", "museum")
    with pytest.raises(ValidationError) as error:
        onboard_partner("Museo Civico", "civico", "museum")
    assert "already onboarded, with the slug “museo-civico”" in error.value.message_dict["name"][0]


def test_onboarding_needs_the_partner_directory(home):
    with pytest.raises(ValidationError, match="no partner directory"):
        onboard_partner("Museo Civico", "museo-civico", "museum")


def test_a_partner_page_in_another_locale_tree_with_the_slug_is_not_mistaken(tree, translate):
    english_home = translate(tree.home, "en")
    english_index = translate(tree.partner_index, "en")
    assert english_home.live
    PartnerPageFactory(parent=english_index, title="Tate", slug="tate")

    with pytest.raises(ValidationError, match="already used by another partner page"):
        onboard_partner("Tate Modern", "tate", "museum")
    result = onboard_partner("Tate", "tate", "museum")
    assert result.page.locale.language_code == "en"


# --- the first editor and the invitation ---------------------------------------------------


def invitation_link(message):
    return re.search(r"http://testserver(/admin/password_reset/confirm/\S+/)", message.body)


def test_the_first_editor_is_invited_by_email_and_sets_a_password(
    partner_index, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        result = onboard_partner(
            "Museo Civico", "museo-civico", "museum", editor_email="ada@example.org", language="en"
        )

    editor = result.editor
    assert editor.username == "museo-civico-editor"
    assert editor.email == "ada@example.org"
    assert not editor.has_usable_password()
    assert list(editor.groups.all()) == [result.space.editors]
    assert UserProfile.get_for_user(editor).preferred_language == "en"

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ada@example.org"]
    assert message.subject == "You are invited to edit Museo Civico on Heritage Hub"
    assert "museo-civico-editor" in message.body
    link = invitation_link(message)
    assert link, message.body

    # The link leads to Wagtail's set-password form, which sets the password.
    response = client.get(link.group(1), follow=True)
    assert response.status_code == 200
    set_password_url = response.redirect_chain[-1][0]
    response = client.post(
        set_password_url,
        {"new_password1": "a-new-Pa55word!", "new_password2": "a-new-Pa55word!"},
    )
    assert response.status_code == 302
    editor.refresh_from_db()
    assert editor.check_password("a-new-Pa55word!")
    # django-axes throttles log-ins per request: authenticate() needs one.
    assert client.login(
        request=HttpRequest(), username="museo-civico-editor", password="a-new-Pa55word!"
    )
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize("language", ["it", "en", "de"])
def test_the_invitation_is_written_in_the_editors_language(
    partner_index, django_capture_on_commit_callbacks, monkeypatch, language
):
    from django.utils import translation

    import partners.onboarding as onboarding

    rendered_in = []
    original = onboarding.render_to_string

    def render(template, context):
        rendered_in.append(translation.get_language())
        return original(template, context)

    monkeypatch.setattr(onboarding, "render_to_string", render)
    with django_capture_on_commit_callbacks(execute=True):
        onboard_partner(
            "Museo Civico",
            "museo-civico",
            "museum",
            editor_email="ada@example.org",
            language=language,
        )
    assert rendered_in == [language, language]
    assert len(mail.outbox) == 1


def test_the_editor_username_can_be_given(partner_index, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        result = onboard_partner(
            "Museo Civico",
            "museo-civico",
            "museum",
            editor_email="ada@example.org",
            editor_username="ada",
        )
    assert result.editor.username == "ada"


def test_an_existing_user_joins_the_group_without_a_new_invitation(
    partner_index, django_capture_on_commit_callbacks
):
    user = UserFactory(username="museo-civico-editor")
    with django_capture_on_commit_callbacks(execute=True):
        result = onboard_partner(
            "Museo Civico", "museo-civico", "museum", editor_email="other@example.org"
        )
    assert result.editor == user
    assert not result.editor_created
    assert user.groups.filter(pk=result.space.editors.pk).exists()
    assert mail.outbox == []


def test_an_invitation_can_be_sent_again_to_an_editor_who_never_signed_in(
    partner_index, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        onboard_partner("Museo Civico", "museo-civico", "museum", editor_email="ada@example.org")
        onboard_partner("Museo Civico", "museo-civico", "museum", editor_email="ada@example.org")
    assert len(mail.outbox) == 1
    with django_capture_on_commit_callbacks(execute=True):
        result = onboard_partner(
            "Museo Civico",
            "museo-civico",
            "museum",
            editor_email="ada@example.org",
            resend_invitation=True,
        )
    assert result.invitation_sent
    assert len(mail.outbox) == 2


def test_a_bad_editor_email_is_refused(partner_index):
    with pytest.raises(ValidationError) as error:
        onboard_partner("Museo Civico", "museo-civico", "museum", editor_email="not-an-address")
    assert "not a valid e-mail address" in error.value.message_dict["editor_email"][0]
    assert not PartnerPage.objects.filter(slug="museo-civico").exists()


def test_nothing_is_left_behind_when_onboarding_fails_half_way(partner_index, monkeypatch):
    import partners.onboarding as onboarding

    def broken(*args, **kwargs):
        raise RuntimeError("mail server on fire")

    before = state()
    monkeypatch.setattr(onboarding, "sync_partner_space", broken)
    with pytest.raises(RuntimeError):
        onboard_partner("Museo Civico", "museo-civico", "museum", editor_email="ada@example.org")
    assert state() == before


# --- the management command ----------------------------------------------------------------


def test_the_command_onboards_a_partner(partner_index, django_capture_on_commit_callbacks):
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command(
            "onboard_partner",
            "Museo Civico",
            "--slug",
            "museo-civico",
            "--type",
            "museum",
            "--editor-email",
            "ada@example.org",
            "--lead-approval",
            stdout=out,
        )
    output = out.getvalue()
    assert "Onboarded Museo Civico (museo-civico)" in output
    assert "draft, waiting for review" in output
    assert "invitation e-mailed" in output
    space = PartnerSpace.objects.get(slug="museo-civico")
    assert space.leads is not None
    assert len(mail.outbox) == 1

    out = StringIO()
    call_command(
        "onboard_partner", "Museo Civico", "--slug", "museo-civico", "--type", "museum", stdout=out
    )
    assert "already onboarded: nothing changed" in out.getvalue()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["Museo", "--slug", "museo", "--type", "castle"], "--type: Unknown institution type"),
        (["Museo", "--slug", "Museo!", "--type", "museum"], "--slug: “Museo!” is not a valid slug"),
        (
            ["Museo", "--slug", "museo", "--type", "museum", "--editor-email", "x"],
            "--editor-email:",
        ),
    ],
)
def test_the_command_explains_bad_arguments(partner_index, arguments, message):
    with pytest.raises(CommandError, match=re.escape(message)):
        call_command("onboard_partner", *arguments)


def test_the_command_refuses_a_slug_taken_by_another_partner(tree):
    with pytest.raises(CommandError, match="already used by another partner page"):
        call_command("onboard_partner", "Museo", "--slug", "archivio", "--type", "museum")


# --- the roles -----------------------------------------------------------------------------


def root_page_permissions(group):
    return set(
        GroupPagePermission.objects.filter(group=group, page__depth=1).values_list(
            "permission__codename", flat=True
        )
    )


def test_the_roles_exist_after_migrating(db):
    hub_editors = Group.objects.get(name=HUB_EDITORS)
    moderators = Group.objects.get(name=MODERATORS)
    translators = Group.objects.get(name=TRANSLATORS)

    assert "publish_page" in root_page_permissions(hub_editors)
    assert hub_editors.permissions.filter(codename="onboard_partner").exists()
    assert hub_editors.permissions.filter(codename="access_admin").exists()
    assert "publish_page" in root_page_permissions(moderators)
    assert moderators.permissions.filter(codename="access_admin").exists()
    assert not moderators.permissions.filter(codename="onboard_partner").exists()
    assert root_page_permissions(translators) == {"change_page"}
    assert translators.permissions.filter(codename="submit_translation").exists()
    assert translators.permissions.filter(codename="change_objecttype").exists()
    assert not Permission.objects.filter(
        group__name=TRANSLATORS, codename__in=["publish_page", "onboard_partner"]
    ).exists()


# --- the admin form ------------------------------------------------------------------------


FORM = {
    "name": "Museo Civico",
    "slug": "museo-civico",
    "institution_type": "museum",
    "editor_email": "ada@example.org",
    "editor_username": "",
    "language": "it",
}


def test_a_hub_editor_onboards_a_partner_from_the_admin(
    partner_index, client, hub_editor, django_capture_on_commit_callbacks
):
    login(client, hub_editor)
    dashboard = client.get("/admin/")
    assert '"url": "/admin/partners/"' in dashboard.content.decode()
    assert client.get("/admin/partners/").status_code == 200
    assert client.get("/admin/partners/onboard/").status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/admin/partners/onboard/", FORM)

    assert response.status_code == 302
    assert response["Location"] == "/admin/partners/"
    space = PartnerSpace.objects.get(slug="museo-civico")
    assert space.onboarded_by == hub_editor
    page = space.pages().get()
    assert not page.live
    assert page.owner == hub_editor
    assert len(mail.outbox) == 1
    listing = client.get("/admin/partners/").content.decode()
    assert "Museo Civico" in listing
    assert f"/admin/pages/{page.pk}/edit/" in listing


def test_the_admin_form_shows_errors_on_their_fields(client, hub_editor, tree):
    login(client, hub_editor)
    response = client.post(
        "/admin/partners/onboard/", FORM | {"slug": "archivio", "name": "Museo Civico"}
    )
    assert response.status_code == 200
    assert "already used by another partner page" in str(response.context["form"].errors["slug"])
    assert not PartnerSpace.objects.exists()


def test_the_admin_form_refuses_an_unknown_type(partner_index, client, hub_editor):
    login(client, hub_editor)
    response = client.post("/admin/partners/onboard/", FORM | {"institution_type": "castle"})
    assert response.status_code == 200
    assert "institution_type" in response.context["form"].errors


@pytest.mark.parametrize("role", [MODERATORS, TRANSLATORS])
def test_only_hub_editors_may_onboard(partner_index, client, roles, role):
    user = UserFactory(groups=[roles[role]])
    login(client, user)
    assert '"url": "/admin/partners/"' not in client.get("/admin/").content.decode()
    for url in ("/admin/partners/", "/admin/partners/onboard/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == "/admin/"
    response = client.post("/admin/partners/onboard/", FORM)
    assert response.status_code == 302
    assert not PartnerSpace.objects.exists()


def test_a_partner_editor_may_not_onboard(partner_index, client):
    result = onboard_partner("Museo Civico", "museo-civico", "museum")
    editor = UserFactory(groups=[result.space.editors])
    login(client, editor)
    response = client.post("/admin/partners/onboard/", FORM | {"slug": "altro", "name": "Altro"})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert PartnerSpace.objects.count() == 1


def test_anonymous_visitors_are_sent_to_the_login(partner_index, client):
    response = client.get("/admin/partners/onboard/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
