"""Date formats by language (settings.FORMAT_MODULE_PATH): templates name a format
("DATE_FORMAT", "MONTH_DAY_FORMAT"...) and each language writes it its own way. English is
day first ("26 November 2026"); Spanish keeps Django's own ("26 de noviembre de 2026")."""
