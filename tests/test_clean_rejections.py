"""clean: texts that are not an English article are rejected with a one-line reason."""

from __future__ import annotations

import json

from newsevents.clean import CorpusProfile, clean
from newsevents.options import Options
from newsevents.records import RawArticle, Rejection

BENCH = "refdata/article-extraction-benchmark"


def _page_text(corpus_dir, starts: str) -> str:
    data = json.loads((corpus_dir.parent / BENCH / "output" / "html-text.json").read_text("utf-8"))
    return next(v["articleBody"] for k, v in data["output"].items() if k.startswith(starts))


def test_portuguese_page_is_rejected_as_not_english(corpus_dir, knowledge):
    text = _page_text(corpus_dir, "11ea381ad92b5448")  # a Brazilian NASCAR standings page
    result = clean(RawArticle("pt", "pt.txt", "txt", text), knowledge, CorpusProfile(), Options())
    assert isinstance(result, Rejection)
    assert result.stage == "clean" and "English" in result.reason and "pt.txt" in result.reason


def test_page_of_navigation_only_has_no_body(knowledge, corpus_dir):
    text = "\n".join(["Home", "World", "Politics", "Share", "Subscribe to our newsletter",
                      "© 2020 Yonhap News Agency. All rights reserved."])
    result = clean(RawArticle("nav", "nav.txt", "txt", text), knowledge, CorpusProfile(),
                   Options())
    assert isinstance(result, Rejection) and "no article body" in result.reason
