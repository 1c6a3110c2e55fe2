"""Log lines: one per event, JSON when NEARER_LOG_FORMAT=json, start-up without secrets."""

import json
import logging

from nearer.core.logs import JsonLineFormatter, PlainFormatter, event, startup, where


def record_of(caplog, fn):
    with caplog.at_level(logging.INFO):
        fn()
    return caplog.records[-1]


def test_json_lines_carry_each_field(caplog):
    record = record_of(caplog, lambda: event(logging.getLogger("t"), "x.happened", n=3, id="a"))
    line = JsonLineFormatter().format(record)
    assert "\n" not in line
    data = json.loads(line)
    assert data["event"] == "x.happened" and data["n"] == 3 and data["id"] == "a"
    assert data["level"] == "INFO" and data["logger"] == "t" and data["time"].endswith("+00:00")
    assert "fields" not in data


def test_plain_lines_are_key_value_pairs(caplog):
    record = record_of(caplog, lambda: event(logging.getLogger("t"), "x.happened", n=3, none=None))
    assert PlainFormatter().format(record).endswith("INFO t x.happened n=3")


def test_errors_are_named_by_kind_and_place_never_their_message():
    try:
        raise ValueError("the words someone wrote")
    except ValueError as error:
        described = where(error)
    assert described.startswith("ValueError at ")
    assert "someone" not in described


def test_startup_logs_the_configuration_without_secrets(caplog, settings):
    settings.SECRET_KEY = "super-secret-key-value"
    with caplog.at_level(logging.INFO, logger="nearer.startup"):
        startup("web")
    line = JsonLineFormatter().format(caplog.records[-1])
    data = json.loads(line)
    assert data["role"] == "web" and data["tasks"] and data["database"]
    assert "super-secret" not in line
