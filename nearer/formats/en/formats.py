# Day first, as in the rest of Nearer's English ("Thursday 26 November").
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
# A day this year with its time: a note's arrival, a link's expiry.
SHORT_DATETIME_FORMAT = "j F, H:i"
