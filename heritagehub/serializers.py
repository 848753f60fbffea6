"""Serializers the page models' ``api_fields`` share (the JSON API, heritagehub.api)."""

from rest_framework import serializers


class VocabularyTermSerializer(serializers.Serializer):
    """A vocabulary term (object type, institution type, sector): its slug and its URI in
    Getty AAT or Wikidata ("" when it has none), the same in every language, and its name
    in the language of the page that uses it."""

    slug = serializers.SlugField(read_only=True)
    name = serializers.CharField(read_only=True)
    uri = serializers.CharField(read_only=True)


class TagNamesField(serializers.Field):
    """Tag names in alphabetical order, from the tags prefetched with a listing's objects
    (Wagtail's TagsField queries the tags of each object again)."""

    def to_representation(self, value):
        return sorted(tag.name for tag in value.all())
