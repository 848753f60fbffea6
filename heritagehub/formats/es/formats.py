# Spanish dates: "6 de diciembre de 2026" (Django's DATE_FORMAT).
DATE_FORMAT = r"j \d\e F \d\e Y"
WEEKDAY_DATE_FORMAT = r"l, j \d\e F \d\e Y"  # domingo, 6 de diciembre de 2026
SHORT_WEEKDAY_DATE_FORMAT = "D. j N"  # dom. 6 dic.
