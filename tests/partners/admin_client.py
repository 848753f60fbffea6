"""Driving the Wagtail admin as its users do: the page editor's form, workflow actions.

``edit_form_data`` reads the editor form as the browser would send it back (inputs,
checked boxes, selected options, textareas), so a test changes only what a user would
change. Page types with StreamFields need their JSON given explicitly, but for an empty
StreamField (an item's care labels, mostly): its ``<name>-count`` of 0 is given here.
"""

from html.parser import HTMLParser

from wagtail.fields import StreamField
from wagtail.models import Page

PAGE_EDIT = "/admin/pages/{}/edit/"


def login(client, user, language="en"):
    """Sign ``user`` in on ``client``, leaving nothing of the previous user behind (the
    session, and the flash messages Django keeps in a cookie).

    The browser asks for ``language`` (the admin's language for users with no preference
    of their own), so tests can read the interface's English source strings whatever
    translations are compiled; ``language=None`` sends no preference (the hub's default).
    """
    client.cookies.clear()
    client.defaults.pop("HTTP_ACCEPT_LANGUAGE", None)
    if language:
        client.defaults["HTTP_ACCEPT_LANGUAGE"] = language
    client.force_login(user)
    return client


class _FormParser(HTMLParser):
    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.in_form = False
        self.depth = 0
        self.data = []
        self._textarea = None
        self._select = None
        self._select_multiple = False
        self._selected_any = False

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        if tag == "form" and attrs.get("id") == self.form_id:
            self.in_form = True
            return
        if not self.in_form:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in {"submit", "button", "file", "image", "reset"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in attrs:
                return
            self.data.append((name, attrs.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "textarea" and name:
            self._textarea = [name, ""]
        elif tag == "select" and name:
            self._select = name
            self._select_multiple = "multiple" in attrs
            self._first_option = None
            self._selected_any = False
        elif tag == "option" and self._select:
            value = attrs.get("value", "")
            if self._first_option is None:
                self._first_option = value
            if "selected" in attrs:
                self.data.append((self._select, value))
                self._selected_any = True

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form" and self.in_form:
            self.in_form = False
        elif tag == "textarea" and self._textarea is not None:
            self.data.append(tuple(self._textarea))
            self._textarea = None
        elif tag == "select" and self._select:
            if not self._selected_any and not self._select_multiple:
                self.data.append((self._select, self._first_option or ""))
            self._select = None


def form_data(html, form_id="page-edit-form"):
    """The fields of the form ``form_id`` as a dict (lists for repeated names)."""
    parser = _FormParser(form_id)
    parser.feed(html)
    data = {}
    for name, value in parser.data:
        if name in data:
            existing = data[name]
            data[name] = existing + [value] if isinstance(existing, list) else [existing, value]
        else:
            data[name] = value
    return data


def edit_form_data(client, page, **changes):
    response = client.get(PAGE_EDIT.format(page.pk))
    assert response.status_code == 200, response
    data = form_data(response.content.decode())
    data.update(empty_streamfields(page, data))
    data.update(changes)
    return data


def empty_streamfields(page, data):
    """What the browser sends for the page's empty StreamFields: their widgets build their
    inputs with JavaScript, so the HTML the test reads has none."""
    specific = Page.objects.get(pk=page.pk).get_latest_revision_as_object()
    return {
        f"{field.name}-count": "0"
        for field in specific._meta.get_fields()
        if isinstance(field, StreamField)
        and f"{field.name}-count" not in data
        and not getattr(specific, field.name)
    }


def save_draft(client, page, **changes):
    return client.post(PAGE_EDIT.format(page.pk), edit_form_data(client, page, **changes))


def submit_for_review(client, page, **changes):
    data = edit_form_data(client, page, **changes)
    data["action-submit"] = "1"
    return client.post(PAGE_EDIT.format(page.pk), data)


def try_to_publish(client, page, **changes):
    data = edit_form_data(client, page, **changes)
    data["action-publish"] = "1"
    return client.post(PAGE_EDIT.format(page.pk), data)


def workflow_action_url(page, action, task_state=None):
    page = Page.objects.get(pk=page.pk)
    task_state = task_state or page.current_workflow_state.current_task_state
    return f"/admin/pages/workflow/action/{page.pk}/{action}/{task_state.pk}/"


def approve(client, page, comment=""):
    return client.post(workflow_action_url(page, "approve"), {"comment": comment})


def request_changes(client, page, comment):
    return client.post(workflow_action_url(page, "reject"), {"comment": comment})
