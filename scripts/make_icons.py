"""Draw Nearer's PNG icons and favicon from the SVG sources with the browser we test with.

    .venv/bin/python scripts/make_icons.py

Reads nearer/core/static/nearer/icons/icon.svg and icon-maskable.svg and writes the PNGs next
to them (home-screen icons, Apple touch icon, favicon.ico). Uses Playwright's Chromium
(/usr/bin/chromium), so no image library is needed; favicon.ico holds the 16 and 32 px PNGs
as they are (the ICO format allows PNG images). The PNGs are committed: run this again only
after changing an SVG.
"""

import struct
from pathlib import Path

from playwright.sync_api import sync_playwright

ICONS = Path(__file__).resolve().parent.parent / "nearer" / "core" / "static" / "nearer" / "icons"
SIZES = [
    ("icon.svg", "icon-192.png", 192),
    ("icon.svg", "icon-512.png", 512),
    ("icon-maskable.svg", "maskable-512.png", 512),
    ("icon-maskable.svg", "apple-touch-icon.png", 180),
    ("icon.svg", "favicon-32.png", 32),
    ("icon.svg", "favicon-16.png", 16),
]


def main():
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium")
        for source, target, size in SIZES:
            page = browser.new_page(viewport={"width": size, "height": size})
            svg = (ICONS / source).read_text()
            page.set_content(
                "<style>html,body{margin:0;background:transparent}svg{display:block;"
                f"width:{size}px;height:{size}px}}</style>{svg}"
            )
            page.screenshot(path=ICONS / target, omit_background=True)
            page.close()
            print("wrote", target)
        browser.close()
    write_ico(ICONS / "favicon.ico", [(n, ICONS / f"favicon-{n}.png") for n in (16, 32)])
    print("wrote favicon.ico")


def write_ico(path, images):
    """An ICO file: a 6-byte header, a 16-byte entry per image, then the PNGs themselves."""
    blobs = [(size, png.read_bytes()) for size, png in images]
    header = struct.pack("<HHH", 0, 1, len(blobs))
    offset = len(header) + 16 * len(blobs)
    entries, data = b"", b""
    for size, blob in blobs:
        entries += struct.pack("<BBBBHHII", size, size, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
        data += blob
    path.write_bytes(header + entries + data)


if __name__ == "__main__":
    main()
