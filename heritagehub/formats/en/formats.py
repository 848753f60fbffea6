# English dates as British English writes them: "6 December 2026" (Django: "Dec. 6, 2026").
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, P"
MONTH_DAY_FORMAT = "j F"
WEEKDAY_DATE_FORMAT = "l j F Y"  # Sunday 6 December 2026
SHORT_WEEKDAY_DATE_FORMAT = "D j M"  # Sun 6 Dec
