# Italian dates: "6 dicembre 2026" (Django's "d F Y" writes "06"), lowercase names.
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
MONTH_DAY_FORMAT = "j F"
WEEKDAY_DATE_FORMAT = "l j F Y"  # domenica 6 dicembre 2026
SHORT_WEEKDAY_DATE_FORMAT = "D j N"  # dom 6 dic. ("M" would capitalise the month)
