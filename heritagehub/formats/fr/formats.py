# French dates: "6 décembre 2026" (Django's DATE_FORMAT).
DATE_FORMAT = "j F Y"
WEEKDAY_DATE_FORMAT = "l j F Y"  # dimanche 6 décembre 2026
SHORT_WEEKDAY_DATE_FORMAT = "D. j N"  # dim. 6 déc.
