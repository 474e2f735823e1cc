"""Main text and metadata from an HTML page, with trafilatura.

Scripts, styles, navigation, share bars and comments are dropped by the
extractor; what remains is plain text, so markup in a page can never reach a
reader as markup.
"""
from __future__ import annotations

import logging
import warnings
from dataclasses import dataclass

from rasid.errors import InputError

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


@dataclass(frozen=True, slots=True)
class ExtractedPage:
    text: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    lang: str | None


def extract_page(html: str, source: str = "", line: int | None = None,
                 url: str | None = None) -> ExtractedPage:
    import trafilatura

    if "<" not in html:
        raise InputError("html", "not HTML: no markup found", source, line)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            doc = trafilatura.bare_extraction(
                html, url=url, with_metadata=True, include_comments=False,
                include_tables=False, include_images=False, deduplicate=False,
            )
        except Exception as e:  # lxml raises many types on broken markup
            raise InputError("html", f"cannot parse HTML: {e}", source, line) from e
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        raise InputError("html", "no main text found in the HTML page", source, line)
    return ExtractedPage(
        text=text,
        title=getattr(doc, "title", None) or None,
        outlet=getattr(doc, "sitename", None) or None,
        published=getattr(doc, "date", None) or None,
        url=getattr(doc, "url", None) or url,
        lang=getattr(doc, "language", None) or None,
    )


def html_fragment_text(fragment: str) -> str:
    """Plain text of a small HTML fragment (a feed entry), one paragraph per line."""
    import lxml.html

    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:
        return fragment.strip()
    for bad in root.xpath("//script|//style|//iframe|//noscript"):
        bad.drop_tree()
    for br in root.xpath("//br"):
        br.tail = "\n" + (br.tail or "")
    for block in root.xpath("//p|//div|//li|//h1|//h2|//h3|//h4|//blockquote"):
        block.tail = "\n" + (block.tail or "")
    return "\n".join(line.strip() for line in root.text_content().splitlines() if line.strip())
