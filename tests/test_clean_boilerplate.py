"""clean: which lines of real articles are body and which go, and why."""

from __future__ import annotations

import pytest

from newsevents.clean import CorpusProfile, build_profile, clean
from newsevents.ingest import iter_inputs
from newsevents.options import Options
from newsevents.records import Article, RawArticle


def _raw(corpus_dir, set_name: str, doc_id: str, with_meta: bool = True) -> RawArticle:
    folder = corpus_dir / set_name
    [raw] = [r for r in iter_inputs([folder / f"{doc_id}.txt"], folder / "manifest.jsonl",
                                    Options())]
    return raw if with_meta else RawArticle(raw.doc_id, raw.source_path, raw.fmt, raw.text)


def _clean(raw: RawArticle, knowledge, profile: CorpusProfile | None = None) -> Article:
    article = clean(raw, knowledge, profile or CorpusProfile(), Options())
    assert isinstance(article, Article), article
    return article


def _reasons(article: Article) -> dict[str, str]:
    return {r.text: r.reason for r in article.removed_lines}


def test_yonhap_sign_off_and_headline_sidebar_go(corpus_dir, knowledge):
    article = _clean(_raw(corpus_dir, "seeds", "yonhap_2020-11-12_vice-fm-phone"), knowledge)
    reasons = _reasons(article)
    assert reasons["elly@yna.co.kr"] == "email"
    assert reasons["(END)"] == "end-marker"
    assert reasons["BTS to meet Biden at White House to discuss anti-Asian hate crimes"] == (
        "related-headlines")
    assert article.body_lines[-1].text.startswith("Seoul has said it honors the 2018")


def test_dateline_line_is_body_and_gives_place_and_outlet(corpus_dir, knowledge):
    article = _clean(_raw(corpus_dir, "seeds", "yonhap_2020-11-12_vice-fm-phone", False),
                     knowledge)
    assert article.body_lines[0].text.startswith("SEOUL, Nov. 12 (Yonhap) -- The vice foreign")
    assert article.dateline_place == "SEOUL"
    assert article.outlet == "Yonhap"
    assert article.outlet_country == "KOR"


def test_leading_headline_becomes_the_title(corpus_dir, knowledge):
    article = _clean(_raw(corpus_dir, "seeds", "yonhap_2020-11-12_vice-fm-phone"), knowledge)
    assert article.title == ("Vice FMs of S. Korea, Japan agree on need for close "
                             "communication: ministry")
    assert _reasons(article)[article.title] == "title"


def test_subscription_blurb_and_outlet_byline(corpus_dir, knowledge):
    article = _clean(_raw(corpus_dir, "seeds", "kyodo_2020-11-12_vice-fm-phone", False),
                     knowledge)
    reasons = _reasons(article)
    assert reasons["By subscribing, you can help us get the story right."] == "subscription"
    assert reasons["In a time of both misinformation and too much information, quality "
                   "journalism is more crucial than ever."] == "subscription"
    assert reasons["• Kyodo"] == "byline"
    assert article.outlet == "Kyodo" and article.outlet_country == "JPN"


def test_navigation_line_above_the_title(corpus_dir, knowledge):
    article = _clean(_raw(corpus_dir, "seeds", "yonhap_2019-10-24_lee-abe-talks"), knowledge)
    assert _reasons(article)["Back To Top"] == "nav"
    assert article.body_lines[-1].text.endswith("wrapping up a three-day trip. (Yonhap)")
    assert not article.truncated


def test_sidebar_of_captioned_stories_above_the_article(corpus_dir, knowledge):
    article = _clean(_raw(corpus_dir, "dev", "ap_2018-10-31_nippon-steel-ruling"), knowledge)
    assert article.body_lines[0].text.startswith("SEOUL, South Korea (AP) — In a potentially")
    assert article.title == "Court orders Japan company to pay 4 Koreans for forced labor"
    assert _reasons(article)["By KIM TONG-HYUNG"] == "byline"
    assert all("Ohtani" not in line.text for line in article.body_lines)


def test_photo_caption_and_credit_above_a_dateline(corpus_dir, knowledge):
    article = _clean(_raw(corpus_dir, "dev", "nysun_2022-07-09_sri-lanka-protesters-storm"),
                     knowledge)
    assert article.body_lines[0].text.startswith("COLOMBO, Sri Lanka — Sri Lankan protesters")
    assert article.dateline_place == "COLOMBO, Sri Lanka"
    reasons = _reasons(article)
    assert reasons["AP/Amitha Thennakoon"] == "photo-credit"
    assert reasons["© 2025 The New York Sun Company, LLC. All rights reserved."] == "copyright"


@pytest.mark.parametrize(("doc_id", "line", "reason"), [
    ("businessstandard-ians_2014-09-07_kashmir-flood-aid", "Also Read", "nav"),
    ("dnaindia_2018-04_modi-xi-wuhan-summit", "SCROLL TO CONTINUE READING", "nav"),
    ("lfwp-dw_2020-11-18_uganda-bobi-wine-arrest-protests", "tj/dj (AFP, Reuters)", "end-marker"),
    ("cna-afp_2019-09-11_china-summons-german-envoy-wong",
     "READ: My town is the new Cold War's Berlin: Hong Kong activist Joshua Wong",
     "related-headlines"),
    ("vanguardngr_2018-03_russia-expels-23-uk-diplomats",
     "Comments expressed here do not reflect the opinions of Vanguard newspapers or any "
     "employee thereof.", "disclaimer"),
    ("caribmagplus-wapo_2021-06-04_nicaragua-chamorro-arrest",
     "Spies, harassment and death threats: Catholic Church in Nicaragua says it’s targeted by "
     "government", "related-headlines"),
])
def test_boilerplate_inside_and_after_the_body(corpus_dir, knowledge, doc_id, line, reason):
    article = _clean(_raw(corpus_dir, "dev2", doc_id), knowledge)
    assert _reasons(article)[line] == reason


def test_foreign_language_embeds_inside_an_english_article(corpus_dir, knowledge):
    article = _clean(_raw(corpus_dir, "dev2",
                          "europediplomatic_2019-02-23_venezuela-breaks-colombia-ties"), knowledge)
    removed = [r for r in article.removed_lines if r.reason == "non-english"]
    assert len(removed) == 2 and all("#Cúcuta" in r.text or "Venezuela anuncia" in r.text
                                     for r in removed)


def test_subheads_and_fact_boxes_inside_the_body_stay(corpus_dir, knowledge):
    uganda = _clean(_raw(corpus_dir, "dev2", "lfwp-dw_2020-11-18_uganda-bobi-wine-arrest-protests"),
                    knowledge)
    assert "Strong contender" in [line.text for line in uganda.body_lines]
    straits = _clean(_raw(corpus_dir, "dev2", "straitstimes_2019-02_india-strikes-balakot-camp"),
                     knowledge)
    assert "Number of Mirage 2000 single-engine fighter jets deployed." in [
        line.text for line in straits.body_lines]


def test_repeated_blurb_across_a_corpus_is_learnt(corpus_dir):
    folder = corpus_dir / "seeds"
    kyodo = [r for r in iter_inputs([folder], None, Options()) if r.doc_id.startswith("kyodo")]
    blurb = "By subscribing, you can help us get the story right."
    options = Options.build(repeated_line_min_docs=2, repeated_line_min_share=0.5)
    assert build_profile(kyodo, options).is_repeated(blurb)
    assert not build_profile(kyodo, Options()).is_repeated(blurb)  # 2 documents are too few


def test_syndicated_copies_do_not_make_their_story_boilerplate(corpus_dir):
    raw = next(iter(iter_inputs([corpus_dir / "dev" / "reuters_2018-10-30_nippon-steel-ruling.txt"],
                                None, Options())))
    copies = [RawArticle(f"copy{i}", raw.source_path, "txt", raw.text) for i in range(4)]
    options = Options.build(repeated_line_min_docs=3, repeated_line_min_share=0.5)
    profile = build_profile(copies, options)
    assert profile.repeated_lines == frozenset()


def _benchmark_page(corpus_dir, starts: str) -> str:
    import json

    path = corpus_dir.parent / "refdata/article-extraction-benchmark/output/html-text.json"
    pages = json.loads(path.read_text(encoding="utf-8"))["output"]
    return next(v["articleBody"] for k, v in pages.items() if k.startswith(starts))


def test_full_page_teaser_list_after_the_article(corpus_dir, knowledge):
    """A Washington Examiner page as plain text: menus, the op-ed, then teasers of other
    stories (headline, author, date, one-paragraph summary)."""
    text = _benchmark_page(corpus_dir, "e4c6a3b482403a8f")
    article = _clean(RawArticle("examiner", "examiner.txt", "txt", text), knowledge)
    body = [line.text for line in article.body_lines]
    assert body[-1] == "In short, slaughter is likely coming to Hong Kong."
    assert body[0].startswith("With Hong Kong protests exploding to new levels")
    assert "Carlos Ghosn and the dark side of Japanese justice" in _reasons(article)


def test_full_page_comments_after_the_article(corpus_dir, knowledge):
    """A ProFootballTalk page: the post, share widgets, then dated reader comments."""
    text = _benchmark_page(corpus_dir, "8e3efab59f48fd29")
    article = _clean(RawArticle("pft", "pft.txt", "txt", text), knowledge)
    body = " ".join(line.text for line in article.body_lines)
    assert "Chargers coach Anthony Lynn recognizes" in body
    assert "dumpster fire" not in body  # a reader's comment


def test_standfirst_under_the_title_but_never_a_short_lead(corpus_dir, knowledge):
    raw = _raw(corpus_dir, "dev2", "wantedinafrica_2017-09_kenya-result-annulled")
    dek = "Surprise cancellation of Kenyatta victory welcomed by Odinga supporters."
    assert _reasons(_clean(raw, knowledge))[dek] == "dek"
    lead = "Kenya's Supreme Court on Friday annulled the presidential election result."
    text = raw.text.replace(dek, lead)
    article = _clean(RawArticle(raw.doc_id, raw.source_path, "txt", text), knowledge)
    assert article.body_lines[0].text == lead


@pytest.mark.parametrize("label", ["UPDATE: ", "WASHINGTON (Reuters) - "])
@pytest.mark.parametrize("paragraph", ["Shigeki Takizaki, the head of the ministry",
                                       "It would be the first formal face-to-face"])
def test_a_dateline_like_paragraph_inside_the_article_never_cuts_its_lead(corpus_dir, knowledge,
                                                                          label, paragraph):
    raw = _raw(corpus_dir, "seeds", "kyodo_2020-10-27_takizaki-visit-plan", False)
    text = raw.text.replace(paragraph, label + paragraph)
    article = _clean(RawArticle(raw.doc_id, raw.source_path, "txt", text), knowledge)
    assert article.body_lines[0].text.startswith("A senior official at the Foreign Ministry")
    assert len(article.body_lines) == 9


WIRE_PAGE = """Kenyan police arrest dozens in Nairobi protests
Advertisement
By John Otieno
Published March 15, 2024 10:32 AM
Share this article
NAIROBI, Kenya (AP) — Kenyan police arrested dozens of protesters in Nairobi on Thursday as \
demonstrations against new taxes turned violent, witnesses said.
Image caption: Protesters in central Nairobi on Thursday. Photo: Reuters
Police fired tear gas to disperse crowds that gathered near parliament, according to a witness.
Read more: Kenya's finance bill explained
"We will not allow anarchy," Interior Minister Kithure Kindiki told reporters.
Sign up for our newsletter to get the latest news delivered to your inbox.
The opposition called for more protests next week.
Reporting by Jane Doe; Editing by Mark Smith
Copyright 2024 The Associated Press. All rights reserved.
Most Read
Related Articles
Ghana's president signs anti-LGBTQ bill into law
Floods kill 12 in Tanzania
"""


def test_a_photo_and_inserted_blurbs_inside_the_story_do_not_cut_it(knowledge) -> None:
    """A caption and a newsletter blurb between paragraphs are removed; the paragraphs after
    them (down to a short last one) stay body."""
    article = clean(RawArticle("t", "t.txt", "txt", WIRE_PAGE), knowledge, CorpusProfile(),
                    Options())
    body = [line.text for line in article.body_lines]
    assert body[0].startswith("NAIROBI, Kenya (AP)")
    assert body[-1] == "The opposition called for more protests next week."
    assert len(body) == 4
    assert {r.reason for r in article.removed_lines if "Image caption" in r.text} == {
        "photo-credit"}
