"""Folding: the spellings an analyst types fold to the same key as the record's text.

The table is also what ``bench/fold_compare.py`` runs ``cyrtranslit`` against (the
verdict: our own table, see that script)."""

from __future__ import annotations

import pytest

from briefing.fold import fold, fold_key

# (language, spellings that must fold alike, the folded form)
SAME = [
    ("Serbian", ["Vučić", "Vucic", "VUČIĆ", "vučić", "Вучић", "ВУЧИЋ"], "vucic"),
    ("Serbian", ["Niš", "Nis", "Ниш"], "nis"),
    ("Serbian", ["Đoković", "Dokovic", "Ђоковић"], "dokovic"),
    ("Serbian", ["Džaja", "Dzaja", "Џаја"], "dzaja"),
    ("Serbian", ["Ljubljana", "Љубљана"], "ljubljana"),
    ("Serbian", ["Njegoš", "Његош"], "njegos"),
    ("Serbian", ["Čačak", "Чачак"], "cacak"),
    ("Serbian", ["Šabac", "Шабац"], "sabac"),
    ("Serbian", ["Žarko", "Жарко"], "zarko"),
    ("Russian", ["Токаев", "Tokaev"], "tokaev"),
    ("Russian", ["Алиев", "Aliev"], "aliev"),
    ("Russian", ["Лавров", "Lavrov"], "lavrov"),
    ("Russian", ["Щёлково"], "shchelkovo"),
    ("Russian", ["Юрий", "Yuriy"], "yuriy"),
    ("Kazakh", ["Тоқаев", "Tokaev"], "tokaev"),
    ("Kazakh", ["Қазақстан", "Kazakstan"], "kazakstan"),
    ("Kazakh", ["Өскемен", "Oskemen"], "oskemen"),
    ("Kazakh", ["Ұлы", "Үлы", "Uly"], "uly"),
    ("Kazakh", ["Ғани", "Gani"], "gani"),
    ("Kazakh", ["Аңғар", "Angar"], "angar"),
    ("Kazakh", ["Іле", "Ile"], "ile"),
    ("Kazakh", ["Һ"], "h"),
    ("Azerbaijani", ["Əliyev", "Aliyev", "ƏLIYEV"], "aliyev"),
    ("Azerbaijani", ["Şəki", "Saki"], "saki"),
    ("Azerbaijani", ["Gəncə", "Ganca"], "ganca"),
    ("Turkish", ["Işık", "Isik", "IŞIK"], "isik"),
    ("Turkish", ["İstanbul", "Istanbul", "ISTANBUL"], "istanbul"),
    ("Turkish", ["Erdoğan", "Erdogan"], "erdogan"),
    ("Turkish", ["Gül", "Gul"], "gul"),
]


@pytest.mark.parametrize(("language", "spellings", "folded"), SAME,
                         ids=[f"{lang}:{words[0]}" for lang, words, _ in SAME])
def test_spellings_fold_alike(language, spellings, folded):
    assert {w: fold(w) for w in spellings} == {w: folded for w in spellings}


def test_other_scripts_are_kept_lowercased():
    assert fold("Ελλάδα") == "ελλαδα"
    assert fold("北京") == "北京"
    assert fold("مرحبا") == "مرحبا"


def test_fold_key_joins_words_with_single_spaces():
    assert fold_key("  Kassym-Jomart   Tokayev ") == "kassym jomart tokayev"
    assert fold_key("Касым-Жомарт Токаев") == "kasym zomart tokaev"
    assert fold_key("O’Neil") == "o neil"


def test_fold_never_fails_on_odd_text():
    for text in ["", "\x00", "\ud800", "🙂", "ǅ", "ﬁ", "Ⅻ", "\u0301", "a\u0301"]:
        assert isinstance(fold(text), str)
