"""Search: the Indonesian stemmer (Python reference and the browser's port), the data in data/search/,
what the build writes (docs/search.md). The browser side is in tests/test_search_browser.py."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from jalur.core.errors import BuildError
from jalur.core.project import ROOT
from jalur.core.stemmer_id import IndonesianStemmer, cut_dictionary, full_stemmer
from jalur.models.search_data import load_evaluation, load_search_lists, load_synonyms
from jalur.outputs.search import PLUGIN_DIR, site_words

RUNNER = ROOT / "jalur" / "devtools" / "search_run.js"
HARD_PAIRS = {
    "menahan": "tahan",
    "ditahan": "tahan",
    "penahanan": "tahan",
    "penipuan": "tipu",
    "menipu": "tipu",
    "ditipu": "tipu",
    "perekrut": "rekrut",
    "merekrut": "rekrut",
    "pengaduan": "adu",
    "mengadu": "adu",
    "diberangkatkan": "berangkat",
    "keberangkatan": "berangkat",
    "melaporkan": "lapor",
    "pelaporan": "lapor",
    "dibayar": "bayar",
    "pembayaran": "bayar",
    "pekerja": "kerja",
    "pelindungan": "lindung",
    "perlindungan": "lindung",
    "penempatan": "tempat",
    "pendaftaran": "daftar",
    "disekap": "sekap",
    "dikurung": "kurung",
    "memeriksa": "periksa",
    "menyampaikan": "sampai",
    "mengirim": "kirim",
    "perdagangan": "dagang",
    "kepulangan": "pulang",
    "calo": "calo",
    "calon": "calon",
}


def node() -> str:
    path = shutil.which("node")
    if not path:
        pytest.skip("node not found (Debian package nodejs)")
    return path


def run_search(site_lang: Path, request: dict) -> dict:
    proc = subprocess.run(
        [node(), str(RUNNER), str(site_lang)], input=json.dumps(request), capture_output=True, text=True, check=True
    )
    return json.loads(proc.stdout)


def shipped_roots(site: Path, lang: str = "id") -> list[str]:
    text = (site / lang / PLUGIN_DIR / "lunr.id.min.js").read_text(encoding="utf-8")
    start = text.index("self.jalurSearch=") + len("self.jalurSearch=")
    data, _ = json.JSONDecoder().raw_decode(text, start)  # the plugin is minified: no line of its own
    return data["roots"]


def test_hard_pairs_in_the_python_reference():
    stemmer = full_stemmer()
    assert {w: stemmer.stem(w) for w in HARD_PAIRS} == HARD_PAIRS


def test_words_with_anything_but_letters_and_digits_are_left_alone():
    stemmer = full_stemmer()
    assert [stemmer.stem(w) for w in ("wa.me", "c++", "", "p3mi")] == ["wa.me", "c++", "", "p3mi"]


def test_the_cut_dictionary_stems_every_word_as_sastrawis_full_dictionary_does():
    words = ["menahan", "penahanan", "diberangkatkan", "pengaduan", "perekrut", "mempekerjakan", "ketahui"]
    roots = cut_dictionary(words)
    assert len(roots) < 40
    cut = IndonesianStemmer(roots)
    assert [cut.stem(w) for w in words] == [full_stemmer().stem(w) for w in words]


def test_the_browser_stemmer_gives_the_python_stems_for_every_word_of_the_site(real_site):
    index = json.loads((real_site.site_dir / "id" / "search" / "search_index.json").read_text(encoding="utf-8"))
    words = sorted(site_words(index["docs"], index["config"]["separator"]) | set(HARD_PAIRS))
    assert len(words) > 2000
    reference = IndonesianStemmer(shipped_roots(real_site.site_dir))
    browser = run_search(real_site.site_dir / "id", {"words": words})["stems"]
    assert {w: s for w, s in zip(words, browser, strict=True) if s != reference.stem(w)} == {}
    # The hard pairs, in the browser, with the dictionary the site ships.
    assert {w: s for w, s in zip(words, browser, strict=True) if w in HARD_PAIRS} == HARD_PAIRS
    # And the shipped, cut dictionary stems every word (stop words aside: never stemmed) as
    # Sastrawi's full dictionary does.
    stop = set(load_search_lists(ROOT / "data", ROOT, "id", []).stop_words)
    full = full_stemmer()
    assert {w: reference.stem(w) for w in words if w not in stop and reference.stem(w) != full.stem(w)} == {}


def test_the_index_selects_our_plugins_and_keeps_the_pipeline(real_site):
    for lang, tag in (("id", "id"), ("en", "en-x-jr")):
        index = json.loads((real_site.site_dir / lang / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert index["config"]["lang"] == [tag]
        assert sorted(index["config"]["pipeline"]) == ["stemmer", "stopWordFilter", "trimmer"]
        assert (real_site.site_dir / lang / PLUGIN_DIR / f"lunr.{tag}.min.js").is_file()
        # The plugin sources are not published on their own.
        assert not list((real_site.site_dir / lang / "assets" / "javascripts").glob("search-*.js"))


def test_the_offline_copy_carries_its_plugin_and_no_other_language(real_site):
    for lang, tag in (("id", "id"), ("en", "en-x-jr")):
        with zipfile.ZipFile(real_site.site_dir / lang / "unduh" / f"jalur-resmi-offline-{lang}.zip") as zf:
            names = zf.namelist()
            lunr = sorted(n.split("/", 1)[1] for n in names if "/assets/javascripts/lunr/" in n)
            assert lunr == sorted([f"{PLUGIN_DIR}/lunr.stemmer.support.min.js", f"{PLUGIN_DIR}/lunr.{tag}.min.js"])
            script = zf.read(f"jalur-resmi-{lang}/search/search_index.js").decode()
            assert f'"lang":["{tag}"]' in script


def test_the_no_results_help_is_in_every_page_hidden_with_links_in_its_language(real_site):
    for lang, title in (("id", "Butuh bantuan sekarang?"), ("en", "Need help now?")):
        page = (real_site.site_dir / lang / "kenali-tppo" / "tanda" / "index.html").read_text(encoding="utf-8")
        help_html = re.search(r'<div class="jr-search-help" hidden>(.*?)</div>', page, re.S).group(1)
        assert title in help_html
        assert 'href="../../kontak/"' in help_html and 'href="../../cek-perekrut/"' in help_html


def test_search_data_loads_and_bad_input_names_file_and_field(tmp_path):
    lists = load_search_lists(ROOT / "data", ROOT, "id", [])
    assert "yang" in lists.stop_words and "di" in lists.stop_words and "tidak" in lists.stop_words
    assert any("calo" in g and "perekrut" in g for g in lists.synonyms)
    evaluation = load_evaluation(ROOT / "data" / "search" / "evaluation.yml", ROOT, ["id", "en"])
    assert len(evaluation["id"]) >= 30 and len(evaluation["en"]) >= 10
    bad = tmp_path / "synonyms.id.yml"
    for text, message in (
        ("groups:\n  - [gaji, upah]\n  - [upah, bayaran]\n", "groups[1][0]: 'upah' is already in groups[0]"),
        ("groups:\n  - [gaji]\n", "groups[0]: must be a list of at least two words"),
        ("groups:\n  - [gaji, Upah]\n", "groups[0][1]: 'Upah': only lowercase"),
        ("groups:\n  - [gaji, false]\n", "groups[0][1]: must be a word"),
        ("groups:\n  - [gaji, yang]\n", "groups[0][1]: 'yang' is a stop word"),
        ("words: [a]\n", "groups: must be a list"),
    ):
        bad.write_text(text, encoding="utf-8")
        with pytest.raises(BuildError) as caught:
            load_synonyms(bad, tmp_path, ("yang",))
        assert str(caught.value).startswith(f"synonyms.id.yml: {message}"), str(caught.value)
        assert "\n" not in str(caught.value)
