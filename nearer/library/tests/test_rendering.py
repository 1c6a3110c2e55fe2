"""Every item page shows content text as formatted HTML: no raw Markdown, no hard line
breaks from the YAML's wrapped lines, and nothing unsafe gets through."""

import re
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from nearer.library import markdown
from nearer.library.loader import load_library
from nearer.library.models import Item

pytestmark = pytest.mark.django_db


class MainText(HTMLParser):
    """The visible text inside <main>, and every tag seen there."""

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.text: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "main":
            self.depth += 1
        elif self.depth:
            self.tags.append(tag)

    def handle_endtag(self, tag):
        if tag == "main":
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.text.append(data)


RAW_MARKDOWN = [
    (re.compile(r"\*\*|__"), "bold markers"),
    (re.compile(r"(^|\n)\s*[-*+] \S"), "a list item left as text"),
    (re.compile(r"(^|\n)\s*#{1,6} "), "a heading left as text"),
    (re.compile(r"(?<![\w*])\*[^*\s][^*]*\*(?![\w*])"), "emphasis markers"),
    (re.compile(r"\[[^\]]+\]\([^)]+\)"), "a link left as text"),
]


def test_every_item_page_shows_formatted_text_without_raw_markdown():
    load_library(settings.NEARER_CONTENT_DIR)
    client = Client()
    items = list(Item.objects.current().only("key"))
    assert len(items) > 500
    problems = []
    for item in items:
        response = client.get(reverse("library:detail", args=[item.key]))
        assert response.status_code == 200, item.key
        page = MainText()
        page.feed(response.content.decode())
        # Each text node on its own line, so a list item left as text starts a line.
        text = "\n".join(page.text)
        for pattern, what in RAW_MARKDOWN:
            if pattern.search(text):
                problems.append(f"{item.key}: {what}")
        if "br" in page.tags:
            problems.append(f"{item.key}: a hard line break")
    assert not problems, "\n".join(problems[:30])


def test_faq_lists_and_emphasis_become_html():
    load_library(settings.NEARER_CONTENT_DIR)
    listed = [i for i in Item.objects.filter(kind="faq") if re.search(r"\n- ", i.data["answer"])]
    assert listed, "the FAQ has answers with lists"
    response = Client().get(reverse("library:detail", args=[listed[0].key]))
    html = response.content.decode()
    assert "<ul>" in html and "<li>" in html


def test_wrapped_lines_join_into_one_paragraph():
    html = markdown.render("one line\nwrapped here\n\nsecond paragraph")
    assert html.count("<p>") == 2 and "<br" not in html


def test_html_and_scripts_in_content_never_reach_the_page():
    html = markdown.render(
        "<script>alert(1)</script> **bold** [x](javascript:alert(1)) <img src=x onerror=y>"
        "\n\n[ok](https://example.org)"
    )
    assert "<script" not in html and "<img" not in html and 'href="javascript' not in html
    assert "<strong>bold</strong>" in html
    assert 'href="https://example.org"' in html
