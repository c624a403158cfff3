"""knowledge/outlets.py: outlets by name, alias, free outlet strings and URL domains."""

from __future__ import annotations

import pytest

from newsevents.knowledge.outlets import load_outlets


@pytest.fixture(scope="module")
def outlets(knowledge):
    return knowledge.outlets


@pytest.mark.parametrize(("name", "outlet", "country"), [
    ("Yonhap", "Yonhap", "KOR"),
    ("yonhap news agency", "Yonhap", "KOR"),
    ("Kyodo News", "Kyodo", "JPN"),
    ("Xinhua", "Xinhua", "CHN"),
    ("TASS", "TASS", "RUS"),
    ("Agence France-Presse", "AFP", "FRA"),
    ("Reuters", "Reuters", "GBR"),
    ("The Associated Press", "AP", "USA"),
    ("Anadolu Agency", "Anadolu Agency", "TUR"),
    ("Press Trust of India", "PTI", "IND"),
])
def test_agencies_by_name_and_alias(outlets, name, outlet, country):
    found = outlets.lookup(name)
    assert found is not None and (found.name, found.country) == (outlet, country)


@pytest.mark.parametrize(("text", "country"), [
    ("Reuters (via Japan Daily Sun)", "GBR"),  # the agency wrote it; the site re-published it
    ("The New York Sun (AP)", "USA"),
    ("BreakingNews.ie (Press Association)", "GBR"),
    ("Chosun Ilbo (English edition)", "KOR"),
    ("DW (via lfwp.net)", "DEU"),
])
def test_free_outlet_strings_from_manifests(outlets, text, country):
    found = outlets.resolve(text)
    assert found is not None and found.country == country


@pytest.mark.parametrize(("url", "name"), [
    ("https://en.yna.co.kr/view/AEN20201112011100325", "Yonhap"),
    ("https://www.trtworld.com/article/12728122", "TRT World"),
    ("www.taipeitimes.com/News/front/archives", "Taipei Times"),
])
def test_url_domains(outlets, url, name):
    found = outlets.lookup_url(url)
    assert found is not None and found.name == name


def test_unknown_names_and_hosts(outlets):
    assert outlets.lookup("Daily Planet") is None
    assert outlets.lookup_url("https://example.org/x") is None
    assert outlets.resolve(None) is None


def test_user_folder_adds_and_overrides_outlets(tmp_path):
    from newsevents.knowledge import bundled_data_dir

    (tmp_path / "outlets.tsv").write_text(
        "# test outlets\nname\taliases\tdomains\tcountry\n"
        "Daily Planet\tPlanet\tdailyplanet.example\tUSA\n"
        "Yonhap\t\tyna.co.kr\tKOR\n", encoding="utf-8")
    table = load_outlets((bundled_data_dir(), tmp_path))
    assert table.lookup("planet").country == "USA"
    assert table.lookup_url("http://dailyplanet.example/a").name == "Daily Planet"
    assert table.lookup("Yonhap News Agency").name == "Yonhap"
