"""Production static files: hashed names, precompressed, cached for ever (whitenoise)."""

import json

from tests.test_production import run

FETCH = """
import json, django
django.setup()
from django.templatetags.static import static
from django.test import Client
url = static("nearer/app.js")
client = Client()
r = client.get(url, headers={"Accept-Encoding": "br, gzip"}, secure=True)
plain = client.get(url, secure=True)
print(json.dumps({"url": url, "status": r.status_code, "encoding": r.get("Content-Encoding"),
                  "cache": r.get("Cache-Control"), "compressed": len(b"".join(r.streaming_content)),
                  "plain": len(b"".join(plain.streaming_content))}))
"""


def test_static_files_are_hashed_compressed_and_immutable(tmp_path):
    # The admin's and ninja's large bundles are left out to keep this quick (same storage).
    collected = run(
        ["manage.py", "collectstatic", "--noinput", "-i", "admin", "-i", "ninja"], tmp_path
    )
    assert collected.returncode == 0, collected.stderr
    static = tmp_path / "static" / "nearer"
    hashed = [p.name for p in static.glob("app.*.js")]
    assert len(hashed) == 1, hashed  # app.<12 hex>.js
    assert (static / f"{hashed[0]}.br").exists() and (static / f"{hashed[0]}.gz").exists()
    result = run(["-c", FETCH], tmp_path)
    assert result.returncode == 0, result.stderr
    got = json.loads(result.stdout.strip().splitlines()[-1])
    assert got["url"].endswith(hashed[0])
    assert got["status"] == 200 and got["encoding"] == "br"
    assert "immutable" in got["cache"] and "max-age=315360000" in got["cache"]
    assert got["compressed"] < got["plain"]
