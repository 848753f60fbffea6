"""The media collections of stories shared by the public.

"Community submissions" is private: images of stories waiting for review, usable in the
admin only by hub moderators and editors ("Moderators", "Hub editors", Wagtail's "Editors";
partner groups have rights on their own collections only). "Community stories" holds the
images of published community stories. Both are children of the root collection.
"""

from django.db import migrations

PRIVATE = "Community submissions"
PUBLIC = "Community stories"
# Groups that inherit rights from the root collection have them here too; these get them
# explicitly, so that the collection keeps them if root rights are narrowed later.
STAFF_GROUPS = ["Moderators", "Hub editors", "Editors"]
IMAGE_PERMISSIONS = ["add_image", "change_image", "delete_image", "choose_image"]
STEPLEN = 4
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _next_child_path(root, children):
    last = children.order_by("-path").values_list("path", flat=True).first()
    number = int(last[-STEPLEN:], 36) + 1 if last else 1
    step = ""
    while number:
        number, digit = divmod(number, 36)
        step = ALPHABET[digit] + step
    return root.path + step.rjust(STEPLEN, "0")


def _collection(Collection, root, name):
    children = Collection.objects.filter(path__startswith=root.path, depth=root.depth + 1)
    existing = children.filter(name=name).first()
    if existing:
        return existing
    collection = Collection.objects.create(
        name=name, path=_next_child_path(root, children), depth=root.depth + 1, numchild=0
    )
    root.numchild = Collection.objects.filter(
        path__startswith=root.path, depth=root.depth + 1
    ).count()
    root.save(update_fields=["numchild"])
    return collection


def create_collections(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Permission = apps.get_model("auth", "Permission")

    root = Collection.objects.filter(depth=1).order_by("path").first()
    if root is None:
        return
    private = _collection(Collection, root, PRIVATE)
    _collection(Collection, root, PUBLIC)

    image_type, _created = ContentType.objects.get_or_create(
        app_label="wagtailimages", model="image"
    )
    for codename in IMAGE_PERMISSIONS:
        permission, _created = Permission.objects.get_or_create(
            content_type=image_type,
            codename=codename,
            defaults={"name": f"Can {codename.replace('_image', '')} image"},
        )
        for group in Group.objects.filter(name__in=STAFF_GROUPS):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=private, permission=permission
            )


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0003_communitysubmission"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(create_collections, migrations.RunPython.noop)]
