"""clean: publication date, outlet and its country, truncation, content hash."""

from __future__ import annotations

import json

import pytest

from newsevents.clean import CorpusProfile, clean
from newsevents.cleaning import pubdate
from newsevents.ingest import iter_inputs
from newsevents.options import Options
from newsevents.records import Article, Metadata, RawArticle


def _text(corpus_dir, set_name: str, doc_id: str) -> RawArticle:
    """The article as bare text: no manifest, no URL, so only the text can tell."""
    path = corpus_dir / set_name / f"{doc_id}.txt"
    return RawArticle(doc_id, str(path), "txt", path.read_text(encoding="utf-8"))


def _clean(raw: RawArticle, knowledge) -> Article:
    article = clean(raw, knowledge, CorpusProfile(), Options())
    assert isinstance(article, Article), article
    return article


@pytest.mark.parametrize(("set_name", "doc_id", "expected"), [
    ("seeds", "kyodo_2019-09-27_motegi-kang-nyc", "2019-09-27"),  # "27, Sep. 2019"
    ("dev", "ap_2018-10-31_nippon-steel-ruling", "2018-10-31"),  # leading "date 2018-10-31"
    ("dev", "dailypakistan_2023-05-09_imran-khan-arrested", "2023-05-09"),  # "9 May, 2023"
    ("dev2", "caribmagplus-wapo_2021-06-04_nicaragua-chamorro-arrest", "2021-06-04"),
    ("dev2", "lfwp-dw_2020-11-18_uganda-bobi-wine-arrest-protests", "2020-11-18"),
])
def test_publication_date_written_in_the_text(corpus_dir, knowledge, set_name, doc_id, expected):
    article = _clean(_text(corpus_dir, set_name, doc_id), knowledge)
    assert (article.pub_date, article.pub_date_source) == (expected, "text")


@pytest.mark.parametrize("doc_id", ["yonhap_2020-11-12_vice-fm-phone",
                                    "kyodo_2020-10-27_takizaki-visit-plan"])
def test_no_date_is_invented(corpus_dir, knowledge, doc_id):
    """A dateline "Nov. 12" without a year elsewhere, weekday words, years of background events:
    none of these is a publication date."""
    article = _clean(_text(corpus_dir, "seeds", doc_id), knowledge)
    assert article.pub_date is None and article.pub_date_source is None


def test_every_gold_date_the_text_states_is_found(corpus_dir, knowledge):
    for gold_path in sorted(corpus_dir.glob("*/*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if not gold["pub_date_in_text"]:
            continue
        raw = _text(corpus_dir, gold_path.parent.name, gold_path.stem)
        assert _clean(raw, knowledge).pub_date == gold["pub_date"], gold_path.stem


def test_caption_dates_of_a_sidebar_above_the_title_are_no_publication_date(corpus_dir,
                                                                            knowledge):
    raw = _text(corpus_dir, "dev", "ap_2018-10-31_nippon-steel-ruling")
    text = raw.text.replace(" date 2018-10-31 ", "", 1)  # the AP page without its date line
    article = _clean(RawArticle(raw.doc_id, raw.source_path, "txt", text), knowledge)
    assert article.pub_date is None  # "July 26, 2023" etc. belong to other stories


def test_metadata_date_wins_over_the_text(corpus_dir, knowledge):
    raw = _text(corpus_dir, "seeds", "kyodo_2019-09-27_motegi-kang-nyc")
    given = RawArticle(raw.doc_id, raw.source_path, "txt", raw.text,
                       Metadata(pub_date="2019-09-28T01:00:00Z", pub_date_source="sidecar"))
    article = _clean(given, knowledge)
    assert (article.pub_date, article.pub_date_source) == ("2019-09-28", "sidecar")


def test_year_less_dateline_takes_the_year_the_text_gives(corpus_dir, knowledge):
    raw = _text(corpus_dir, "seeds", "yonhap_2020-11-12_vice-fm-phone")
    lines = raw.text.splitlines()
    lines.insert(3, "The talks were the first since Nov. 12, 2020, officials said.")
    article = _clean(RawArticle(raw.doc_id, raw.source_path, "txt", "\n".join(lines)), knowledge)
    assert (article.pub_date, article.pub_date_source) == ("2020-11-12", "dateline")


@pytest.mark.parametrize(("text", "expected"), [
    ("27, Sep. 2019", "2019-09-27"),
    ("Updated 7:21 PM ET, Fri June 28, 2019", "2019-06-28"),
    ("2021/08/10 17:44", "2021-08-10"),
    ("Web Desk 02:28 PM | 9 May, 2023", "2023-05-09"),
    ("Feb. 30, 2020", None),
    ("Published 12.11.2020 10:00", "2020-11-12"),  # day.month.year
    ("25/11/2020", "2020-11-25"),
    ("11/12/2020", None),  # day and month cannot be told apart
])
def test_date_stamps(text, expected):
    found = pubdate.first_full_date(text)
    assert (found.value if found else None) == expected


def test_outlet_from_url_domain(corpus_dir, knowledge):
    raw = _text(corpus_dir, "dev", "reuters_2018-10-30_nippon-steel-ruling")
    given = RawArticle(raw.doc_id, raw.source_path, "txt", raw.text,
                       Metadata(url="https://www.japandailysun.com/2018/10/30/s-korean"))
    article = _clean(given, knowledge)
    assert (article.outlet, article.outlet_country) == ("Japan Daily Sun", "JPN")


@pytest.mark.parametrize(("doc_id", "outlet", "country"), [
    ("medicinehatnews-ap_2024-01-22_us-uk-strikes-houthis", "AP", "USA"),  # "WASHINGTON (AP) –"
    ("cnn_2019-06-28_eu-mercosur-trade-deal", "CNN", "USA"),  # "(CNN)After more than"
    ("breakingnews-ie-pa_2018-11_kerch-strait-ships-seized", "Press Association", "GBR"),
])
def test_outlet_from_dateline_and_sign_off(corpus_dir, knowledge, doc_id, outlet, country):
    article = _clean(_text(corpus_dir, "dev2", doc_id), knowledge)
    assert (article.outlet, article.outlet_country) == (outlet, country)


def test_manifest_outlet_is_kept_and_its_agency_gives_the_country(corpus_dir, knowledge):
    folder = corpus_dir / "dev2"
    [raw] = iter_inputs([folder / "thenews-pk-afp_2017-09-02_kenya-election-annulled.txt"],
                        folder / "manifest.jsonl", Options())
    article = _clean(raw, knowledge)
    assert article.outlet == "The News International (AFP)"
    assert article.outlet_country == "FRA"


@pytest.mark.parametrize(("set_name", "doc_id", "truncated"), [
    ("dev2", "dnaindia_2018-04_modi-xi-wuhan-summit", True),  # "... have been in discuss"
    ("dev2", "thedailyexclusives-aljazeera_2024-07-19_bangladesh-curfew-army", True),
    ("seeds", "yonhap_2019-10-24_lee-abe-talks", False),  # ends "... trip. (Yonhap)"
    ("seeds", "kyodo_2020-11-12_vice-fm-phone", False),  # ends '... "completely and finally."'
])
def test_truncation(corpus_dir, knowledge, set_name, doc_id, truncated):
    article = _clean(_text(corpus_dir, set_name, doc_id), knowledge)
    assert article.truncated is truncated


def test_cut_last_paragraph_stays_body(corpus_dir, knowledge):
    article = _clean(_text(corpus_dir, "dev2", "dnaindia_2018-04_modi-xi-wuhan-summit"), knowledge)
    assert article.body_lines[-1].text == "The four countries have been in discuss"


def test_content_hash_ignores_spacing_and_boilerplate(corpus_dir, knowledge):
    raw = _text(corpus_dir, "seeds", "kyodo_2020-11-12_vice-fm-phone")
    respaced = raw.text.replace("\n\n", "\n\n\n").replace(". ", ".  ")
    without_blurb = raw.text.split("In a time of both")[0]
    hashes = {_clean(RawArticle("x", "x", "txt", text), knowledge).content_hash
              for text in (raw.text, respaced, without_blurb)}
    assert len(hashes) == 1
    other = _clean(_text(corpus_dir, "seeds", "kyodo_2020-10-27_takizaki-visit-plan"), knowledge)
    assert other.content_hash not in hashes


@pytest.mark.parametrize(("dateline", "place", "outlet", "country"), [
    ("SEOUL, Nov. 12 (Yonhap) --", "SEOUL", "Yonhap", "KOR"),
    ("BEIJING, Nov. 12 (Xinhua) --", "BEIJING", "Xinhua", "CHN"),
    ("MOSCOW, November 12. /TASS/.", "MOSCOW", "TASS", "RUS"),
    ("New Delhi, Nov 12 (IANS)", "New Delhi", "IANS", "IND"),
    ("Paris (AFP) -", "Paris", "AFP", "FRA"),
    ("NEW YORK, Kyodo -", "NEW YORK", "Kyodo", "JPN"),
])
def test_agency_datelines(corpus_dir, knowledge, dateline, place, outlet, country):
    """The Yonhap seed's first body line under the dateline styles of other agencies."""
    raw = _text(corpus_dir, "seeds", "yonhap_2020-11-12_vice-fm-phone")
    text = raw.text.replace("SEOUL, Nov. 12 (Yonhap) --", dateline)
    article = _clean(RawArticle(raw.doc_id, raw.source_path, "txt", text), knowledge)
    assert article.body_lines[0].text.startswith(dateline)
    assert (article.dateline_place, article.outlet, article.outlet_country) == (
        place, outlet, country)


def test_a_sentence_opening_with_a_country_is_no_dateline(corpus_dir, knowledge):
    raw = _text(corpus_dir, "seeds", "kyodo_2019-09-27_motegi-kang-nyc")
    article = _clean(raw, knowledge)
    assert article.dateline_place == "NEW YORK"  # not "Japan" from "Japan -- which says ..."
    assert any(line.text.startswith("Japan -- which says") for line in article.body_lines)


@pytest.mark.parametrize(("url", "expected"), [
    ("https://www.taipeitimes.com/News/front/archives/2021/08/11/2003762268", "2021-08-11"),
    ("https://www.cnn.com/2019/06/28/world/mercosur-eu-trade-agreement-intl/index.html",
     "2019-06-28"),
    ("https://en.yna.co.kr/view/AEN20201112011100325", None),  # an id, not a date
    ("https://www.vanguardngr.com/2018/03/russia-expel-23-british-diplomats/", None),  # no day
])
def test_date_in_the_url_comes_after_the_text(corpus_dir, knowledge, url, expected):
    raw = _text(corpus_dir, "seeds", "kyodo_2020-11-12_vice-fm-phone")  # no date in its text
    article = _clean(RawArticle(raw.doc_id, raw.source_path, "txt", raw.text, Metadata(url=url)),
                     knowledge)
    assert article.pub_date == expected
    assert article.pub_date_source == ("url" if expected else None)


def test_dateline_alone_on_its_line(corpus_dir, knowledge):
    raw = _text(corpus_dir, "seeds", "yonhap_2020-11-12_vice-fm-phone")
    text = raw.text.replace("SEOUL, Nov. 12 (Yonhap) -- ", "SEOUL, Nov. 12 (Yonhap) --\n")
    article = _clean(RawArticle(raw.doc_id, raw.source_path, "txt", text), knowledge)
    assert {r.text: r.reason for r in article.removed_lines}["SEOUL, Nov. 12 (Yonhap) --"] == (
        "dateline-only")
    assert (article.dateline_place, article.outlet) == ("SEOUL", "Yonhap")
    assert article.body_lines[0].text.startswith("The vice foreign ministers")


@pytest.mark.parametrize(("opening", "outlet", "country"), [
    ("(Reuters) — ", "Reuters", "GBR"),
    ("By Kim Tong-hyung, Associated Press\n", "AP", "USA"),
])
def test_outlet_from_bare_agency_opener_and_byline(corpus_dir, knowledge, opening, outlet,
                                                   country):
    raw = _text(corpus_dir, "seeds", "yonhap_2020-11-12_vice-fm-phone")
    text = raw.text.replace("SEOUL, Nov. 12 (Yonhap) -- ", opening)
    article = _clean(RawArticle(raw.doc_id, raw.source_path, "txt", text), knowledge)
    assert (article.outlet, article.outlet_country) == (outlet, country)


def test_a_dateline_with_a_year_dates_the_article(knowledge) -> None:
    text = ("Opposition figures detained\n\nKYIV, Ukraine, March 15, 2024 (AP) - Police arrested "
            "dozens of opposition supporters on Thursday, witnesses said.\n")
    article = _clean(RawArticle("t", "t.txt", "txt", text), knowledge)
    assert (article.pub_date, article.pub_date_source) == ("2024-03-15", "dateline")
    assert article.dateline_place == "KYIV, Ukraine"
    assert article.outlet == "AP"


PAGE_WITH_PHOTO = """Skip to content
Home
News
Senegal election: Opposition candidate Faye wins presidency
Published
25 March 2024
Share
Image source, Getty Images
Image caption,
Bassirou Diomaye Faye was released from prison only 10 days before the vote
By Mamadou Faye
BBC News, Dakar
Senegal's opposition candidate Bassirou Diomaye Faye has won the presidential election, \
according to provisional results.
The ruling coalition's candidate, Amadou Ba, conceded defeat on Monday and congratulated Mr Faye.
Mr Faye, who was freed from jail just over a week ago, campaigned on a promise to fight corruption.
Related Topics
Copyright 2024 BBC. All rights reserved.
"""


def test_a_photo_caption_is_not_the_title_and_the_date_under_the_title_counts(knowledge) -> None:
    article = _clean(RawArticle("t", "t.txt", "txt", PAGE_WITH_PHOTO), knowledge)
    assert article.title == "Senegal election: Opposition candidate Faye wins presidency"
    assert (article.pub_date, article.pub_date_source) == ("2024-03-25", "text")


@pytest.mark.parametrize(("closing", "outlet"), [
    ("Copyright 2024 BBC. All rights reserved.", "BBC"),
    ("Source: Al Jazeera and news agencies", "Al Jazeera"),
])
def test_a_credit_line_names_the_outlet_when_nothing_else_does(knowledge, closing, outlet) -> None:
    text = ("News|Protests\nGeorgian police disperse protesters outside parliament in Tbilisi\n"
            "Georgian police have used tear gas and water cannon to disperse thousands of "
            "protesters outside parliament in the capital, Tbilisi.\nInterior Ministry spokesman "
            "Alexander Darakhvelidze said 63 people were detained.\n" + closing + "\n")
    article = _clean(RawArticle("t", "t.txt", "txt", text), knowledge)
    assert article.outlet == outlet
    assert article.title == "Georgian police disperse protesters outside parliament in Tbilisi"


@pytest.mark.parametrize(("value", "expected"), [
    ("2020-11-12T09:00:00+09:00", "2020-11-12"),
    ("Thu, 12 Nov 2020 09:00:00 GMT", "2020-11-12"),
    ("20201112T090000Z", "2020-11-12"),  # GDELT
    ("20201112", "2020-11-12"),
    ("1605171600", "2020-11-12"),  # Unix seconds
    ("1605171600000", "2020-11-12"),  # milliseconds
    ("2020", None),
    ("12345", None),
])
def test_metadata_dates_in_the_forms_scrapers_write(value, expected):
    assert pubdate.normalise_date(value) == expected
