"""What a faceted listing shows, shared by the listings of every app (collections browse,
the partner directory, What's on): a facet's values with their counts and links, and the
active filters with the link that removes each one."""

from dataclasses import dataclass


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool
    url: str
    lang: str = ""


@dataclass
class FacetGroup:
    param: str
    label: str
    values: list

    @property
    def selected(self):
        return any(value.selected for value in self.values)


@dataclass(frozen=True)
class ActiveFilter:
    label: str
    value: str
    remove_url: str
