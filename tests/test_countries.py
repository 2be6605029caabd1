"""Country reference data: the spellings people and data files use resolve to one country."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.metadata import version

import pycountry
import pytest

from briefing.countries import (
    CountryIndex, UnknownCountry, countries_file, country_index, load_countries)
from briefing.fold import fold_key
from briefing.paths import db_dir


@pytest.fixture(scope="module")
def idx() -> CountryIndex:
    return country_index()


@pytest.mark.parametrize("text, code", [
    ("RS", "RS"), ("rs", "RS"), ("SRB", "RS"), ("Serbia", "RS"), ("Srbija", "RS"),
    ("Србија", "RS"), ("serbia ", "RS"), ("SERBIA", "RS"), ("Republika Srbija", "RS"),
    ("Korea, South", "KR"), ("South Korea", "KR"), ("Korea, North", "KP"),
    ("Burma (Myanmar)", "MM"), ("Burma", "MM"), ("Myanmar", "MM"),
    ("Türkiye", "TR"), ("Turkey", "TR"), ("Turkiye", "TR"),
    ("Czechia", "CZ"), ("Czech Republic", "CZ"),
    ("Cote d’Ivoire", "CI"), ("Côte d'Ivoire", "CI"), ("Ivory Coast", "CI"),
    ("Казахстан", "KZ"), ("Қазақстан", "KZ"), ("KAZ", "KZ"), ("Qazaqstan", "KZ"),
    ("Azərbaycan", "AZ"), ("Азербайджан", "AZ"),
    ("XK", "XK"), ("Kosovo", "XK"), ("Косово", "XK"), ("Kosovë", "XK"), ("Kosova", "XK"),
    ("Yugoslavia", "YUCS"), ("Југославија", "YUCS"), ("YUG", "YUCS"),
    ("Serbia and Montenegro", "CSXX"), ("Србија и Црна Гора", "CSXX"),
    ("USSR", "SUHH"), ("СССР", "SUHH"), ("Soviet Union", "SUHH"),
    ("Czechoslovakia", "CSHH"), ("East Germany", "DDDE"), ("GDR", "DDDE"),
    ("Russia", "RU"), ("Россия", "RU"), ("Iran", "IR"), ("Syria", "SY"), ("Vietnam", "VN"),
    ("UK", "GB"), ("Great Britain", "GB"), ("USA", "US"), ("United States of America", "US"),
    ("UAE", "AE"), ("DRC", "CD"), ("Congo-Brazzaville", "CG"), ("Swaziland", "SZ"),
    ("Cape Verde", "CV"), ("East Timor", "TL"), ("Vatican", "VA"), ("Holy See", "VA"),
    ("Palestine", "PS"), ("Taiwan", "TW"), ("Macedonia", "MK"), ("North Macedonia", "MK"),
    ("Zaire", "CD"), ("Deutschland", "DE"), ("Allemagne", "DE"), ("德国", "DE"),
])
def test_spellings_resolve(idx, text, code):
    found = idx.resolve(text)
    assert found is not None, text
    assert found.code == code


def test_resolved_country_carries_display_fields(idx):
    rs = idx.resolve("Србија")
    assert (rs.code, rs.alpha3, rs.name, rs.former) == ("RS", "SRB", "Serbia", False)
    yu = idx.resolve("Yugoslavia")
    assert yu.former and yu.name == "Yugoslavia"


def test_unknown_country_gives_none_and_suggestions(idx):
    assert idx.resolve("Atlantis") is None
    assert idx.resolve("") is None and idx.resolve("   ") is None and idx.resolve(None) is None
    suggestions = idx.suggest("Atlantis")
    assert 1 <= len(suggestions) <= 3
    assert [c.code for c in idx.suggest("Serbai")][0] == "RS"
    assert [c.code for c in idx.suggest("Kazakstn")][0] == "KZ"
    assert {"KR", "KP"} <= {c.code for c in idx.suggest("Korea")}


def test_require_names_the_country_and_suggestions(idx):
    assert idx.require("srbija").code == "RS"
    with pytest.raises(UnknownCountry) as err:
        idx.require("Atlantis")
    assert str(err.value).startswith("unknown country 'Atlantis' (did you mean ")


def test_old_code_shared_by_two_former_countries_is_not_guessed(idx):
    # CS was both Czechoslovakia and Serbia and Montenegro
    assert idx.resolve("CS") is None


def test_every_iso_3166_1_code_is_present(idx):
    codes = {c.code for c in load_countries()}
    for c in pycountry.countries:
        assert c.alpha_2 in codes
        assert idx.resolve(c.alpha_2).code == c.alpha_2
        assert idx.resolve(c.alpha_3).code == c.alpha_2
        assert idx.get(c.alpha_2.lower()).code == c.alpha_2
    assert len(pycountry.countries) == 249 and {"XK", "YUCS", "CSXX", "SUHH", "CSHH", "DDDE"} <= codes


def test_no_folded_alias_names_two_countries():
    owner: dict[str, str] = {}
    for c in load_countries():
        for name in (c.code, c.alpha3, c.name, c.official_name, *c.aliases):
            key = fold_key(name)
            assert owner.setdefault(key, c.code) == c.code, (name, owner[key], c.code)


def test_file_is_readable_and_stable():
    text = countries_file().read_text(encoding="utf-8")
    assert "\\u" not in text and "Србија" in text
    rows = json.loads(text)
    assert [r["code"] for r in rows] == sorted(r["code"] for r in rows)
    assert text == json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    for r in rows:
        assert len(r["aliases"]) == len(set(r["aliases"])), r["code"]
        assert r["name"] and r["alpha3"]


def test_load_is_cached_and_copies(idx):
    a, b = load_countries(), load_countries()
    assert a == b and a is not b and a[0] is b[0]


def test_index_over_a_custom_list():
    rows = [c for c in load_countries() if c.code in ("RS", "KZ")]
    small = CountryIndex(rows)
    assert len(small) == 2 and small.resolve("Србија").code == "RS"
    assert small.resolve("Germany") is None


@pytest.mark.slow
def test_build_script_reproduces_the_shipped_file(tmp_path):
    script = db_dir() / "tools" / "build_countries.py"
    if not script.exists():
        pytest.skip("no build script next to countries.json")
    if f'BUILT_WITH = "{version("pycountry")}"' not in script.read_text(encoding="utf-8"):
        pytest.skip("countries.json was built with another pycountry release")
    code = ("import json, runpy, sys; rows, _ = runpy.run_path(sys.argv[1])['build'](); "
            "sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + '\\n')")
    out = subprocess.run([sys.executable, "-c", code, str(script)], capture_output=True,
                         check=True, encoding="utf-8").stdout
    assert out == countries_file().read_text(encoding="utf-8")
