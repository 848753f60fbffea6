# German dates: the day is an ordinal, written with a full stop: "6. Dezember 2026".
DATE_FORMAT = "j. F Y"
WEEKDAY_DATE_FORMAT = "l, j. F Y"  # Sonntag, 6. Dezember 2026
SHORT_WEEKDAY_DATE_FORMAT = "D., j. N"  # So., 6. Dez.
