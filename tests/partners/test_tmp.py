import pytest
from tests.partners.admin_client import edit_form_data, PAGE_EDIT
pytestmark = pytest.mark.django_db
def test_x(client, hub):
    client.force_login(hub.archivio.editor)
    data = edit_form_data(client, hub.archivio.page, title="X")
    print(data)
    data["action-submit"] = "1"
    r = client.post(PAGE_EDIT.format(hub.archivio.page.pk), data)
    print(r.status_code, r.context["form"].errors if r.context else None)
    for fs in r.context["form"].formsets.values(): print(fs.errors, fs.non_form_errors())
