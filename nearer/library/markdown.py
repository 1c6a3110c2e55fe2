"""Content text (FAQ answers, summaries, steps) is Markdown written by us: render it with
markdown-it-py (CommonMark, raw HTML off) and pass the result through nh3 (the Rust
``ammonia`` sanitiser) so that only a short list of harmless tags ever reaches a page.

Line breaks inside a paragraph are soft, as in any Markdown: the YAML files wrap long
lines, and those wraps must not become ``<br>``.
"""

from functools import lru_cache

import nh3
from markdown_it import MarkdownIt

# "js-default" = CommonMark with raw HTML disabled and links limited to safe schemes.
_md = MarkdownIt("js-default", {"breaks": False, "typographer": False})

ALLOWED_TAGS = {"p", "em", "strong", "ul", "ol", "li", "a", "br", "code", "blockquote"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}


@lru_cache(maxsize=4096)
def render(text: str) -> str:
    """Sanitised HTML for a block of content Markdown (paragraphs, lists, emphasis)."""
    html = _md.render(text or "")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"https", "mailto"},
        link_rel="noopener noreferrer",
    )


@lru_cache(maxsize=4096)
def render_inline(text: str) -> str:
    """The same for one line (a step, a summary) without a wrapping paragraph."""
    html = _md.renderInline(text or "")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS - {"p", "ul", "ol", "li", "blockquote"},
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"https", "mailto"},
        link_rel="noopener noreferrer",
    )
