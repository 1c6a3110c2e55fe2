# Django's Spanish formats, except a day this year with its time ("26 de noviembre, 20:00").
SHORT_DATETIME_FORMAT = r"j \d\e F, H:i"
