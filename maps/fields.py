"""Where a record is on the maps: its latitude and longitude in decimal degrees (WGS 84), the
same fields on every model the maps draw (partners, items, events, places)."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

LATITUDE_HELP = _("Decimal degrees, −90 (south) to 90 (north).")
LONGITUDE_HELP = _("Decimal degrees, −180 (west) to 180 (east).")


def latitude_field(**options):
    return models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        **options,
    )


def longitude_field(**options):
    return models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        **options,
    )
