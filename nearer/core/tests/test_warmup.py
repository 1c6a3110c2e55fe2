"""A web process reads its files before serving (nearer/wsgi.py calls warm_up)."""

import logging

from django.conf import settings
from django.template import engines

from nearer.core import warmup
from nearer.plans.definitions import plans_in
from nearer.progress.measure import csi4


def test_warm_up_reads_files_only_and_fills_the_caches(caplog):
    plans_in.cache_clear()
    csi4.cache_clear()
    with caplog.at_level(logging.ERROR, logger="nearer.core.warmup"):
        seconds = warmup.warm_up()  # no database in this test: a query would be logged
    assert not caplog.records
    assert seconds > 0
    assert plans_in.cache_info().currsize == len(settings.LANGUAGES)
    assert csi4.cache_info().currsize == 1


def test_our_templates_are_compiled_up_front():
    names = warmup.our_templates()
    assert "core/today.html" in names
    assert "account/login.html" in names
    assert "reminders/whats_new.html" in names  # the apps' folders too, not only nearer/templates
    assert not [n for n in names if "site-packages" in n or n.startswith("admin/")]
    engine = engines["django"].engine
    warmup.warm_up()
    loader = engine.template_loaders[0]
    if hasattr(loader, "get_template_cache"):  # the cached loader (settings without DEBUG)
        assert "core/today.html" in loader.get_template_cache


def test_a_file_that_fails_to_load_is_logged_not_raised(monkeypatch, caplog):
    def broken():
        raise ValueError("bad file")

    monkeypatch.setattr("nearer.progress.measure.csi4", broken)
    with caplog.at_level(logging.ERROR, logger="nearer.core.warmup"):
        warmup.warm_up()
    assert "could not load broken" in caplog.text
