"""The codebook (docs/codebook.md) and the English labels of every code (congress_lib.codebook).

Every code the library can emit -- indicator codes, mention types, network
relations, practices, political formulas -- has an English label in its one home
(lexicon/codes.yaml, or `label_en` in practices.yaml / formulas.yaml), a row in the
generated tables of docs/codebook.md and a description in its prose; the tables
are exactly what the generator writes. These tests fail as soon as one of them is
missing or stale.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from congress_lib import codebook
from congress_lib.errors import InvalidArgumentError
from congress_lib.indicators import INDICATOR_CODES
from congress_lib.mentions import MENTION_TYPES
from congress_lib.practices import find_formulas
from congress_lib.resources import load_lexicon

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "codebook.md"
CJK = re.compile(r"[\u3400-\u9fff]")


def doc_text() -> str:
    return DOC.read_text(encoding="utf-8")


def section(number: str) -> str:
    """The text of `## <number>. …` up to the next `## ` heading."""
    text = doc_text()
    start = re.search(rf"^## {re.escape(number)}\. ", text, re.M)
    assert start, f"docs/codebook.md has no section {number}"
    end = re.search(r"^## ", text[start.end():], re.M)
    return text[start.start(): start.end() + end.start()] if end else text[start.start():]


def table_codes(name: str) -> list[str]:
    """First-column codes of the generated table `name` in docs/codebook.md."""
    m = re.search(rf"^<!-- begin: {re.escape(name)} -->$(.*?)^<!-- end: {re.escape(name)} -->$", doc_text(),
                  re.S | re.M)
    assert m, f"docs/codebook.md has no generated table {name!r}"
    return re.findall(r"^\| `([^`]+)` \|", m.group(1), re.M)


def lexicon_codes(kind: str) -> list[str]:
    lex = load_lexicon()
    if kind == "indicator":
        return list(INDICATOR_CODES)
    if kind == "mention":
        return list(lex["codes"]["mentions"])
    if kind == "relation":
        return list(lex["relation_triggers"]["relations"]) + ["co_mention"]
    if kind == "practice":
        return list(lex["practices"]["practices"])
    return list(lex["formulas"]["formulas"])


# --------------------------------------------------------------------------- one home for each label


def test_codes_yaml_labels_exactly_the_indicator_codes_and_mention_types():
    codes = load_lexicon()["codes"]
    assert list(codes["indicators"]) == list(INDICATOR_CODES)  # same codes, codebook order
    assert set(codes["mentions"]) == set(MENTION_TYPES)
    for section_name in ("indicators", "mentions", "relations"):
        for code, entry in codes[section_name].items():
            assert set(entry) == {"label", "definition"}, code
            assert entry["label"].strip() and entry["definition"].strip(), code
            assert not CJK.search(entry["label"]), f"label of {code} is not English: {entry['label']}"
            assert "\n" not in entry["definition"], f"definition of {code} is not one line"


def test_codes_yaml_labels_exactly_the_relations():
    from congress_lib.network import CO_MENTION

    relations = list(load_lexicon()["relation_triggers"]["relations"])
    assert list(load_lexicon()["codes"]["relations"]) == relations + [CO_MENTION]


@pytest.mark.parametrize("name, top", [("practices", "practices"), ("formulas", "formulas")])
def test_every_practice_and_formula_has_an_english_label(name, top):
    for code, entry in load_lexicon()[name][top].items():
        assert CJK.search(str(entry.get("label", ""))), f"{code}: the Chinese label stays"
        english = entry.get("label_en")
        assert isinstance(english, str) and english.strip(), f"{name}.yaml: {code} has no label_en"
        assert not CJK.search(english), f"{name}.yaml: label_en of {code} is not English: {english}"


@pytest.mark.parametrize("kind", codebook.KINDS)
def test_labels_cover_every_code_in_codebook_order(kind):
    got = codebook.labels(kind)
    assert list(got) == lexicon_codes(kind)
    assert all(label and not CJK.search(label) for label in got.values())


def test_label_of_one_code_and_errors():
    assert codebook.label("deputy_participation", "indicator") == "Deputy participation"
    assert codebook.label("admin_context", "indicator") == "Jurisdiction context"
    assert codebook.label("station", "mention") == "Contact stations"
    assert codebook.label("tripartite_consultation", "practice") == "Tripartite consultation"
    assert codebook.label("nineteenth_plenums_spirit", "formula") == "Spirit of the plenums of the 19th Central Committee"
    assert codebook.label("督办", "relation") == "supervises handling"
    with pytest.raises(InvalidArgumentError, match="kind must be one of"):
        codebook.labels("indicators")
    with pytest.raises(InvalidArgumentError, match="no practice code 'tea_party'"):
        codebook.label("tea_party", "practice")


def test_labels_honour_a_user_lexicon_folder(tmp_path):
    (tmp_path / "practices.yaml").write_text(
        "practices:\n"
        "  deputy_salon:\n    label: 代表沙龙\n    label_en: Deputies' salon\n    cues: [代表沙龙]\n"
        "  street_hearing:\n    label: 街头听证\n    cues: [街头听证]\n",
        encoding="utf-8",
    )
    (tmp_path / "codes.yaml").write_text("indicators:\n  stations:\n    label: Deputy stations\n", encoding="utf-8")
    practices = codebook.labels("practice", tmp_path)
    assert practices["deputy_salon"] == "Deputies' salon"
    assert practices["street_hearing"] == "街头听证"  # no English label: the Chinese one
    assert list(practices)[: len(lexicon_codes("practice"))] == lexicon_codes("practice")  # shipped first
    assert "deputy_salon" not in codebook.labels("practice")  # the shipped lexicon is unchanged
    assert codebook.label("stations", "indicator", tmp_path) == "Deputy stations"
    assert codebook.label("funding", "indicator", tmp_path) == "Funding"  # merged, not replaced
    assert codebook.label("deputy_salon", "practice", load_lexicon(tmp_path)) == "Deputies' salon"
    table = codebook.render_table("practices", tmp_path)
    assert "| `deputy_salon` | Deputies' salon | 代表沙龙 | 代表沙龙 |" in table


# --------------------------------------------------------------------------- docs/codebook.md


@pytest.mark.parametrize("name, kind", list(codebook.TABLES.items()))
def test_codebook_tables_list_exactly_the_codes(name, kind):
    assert table_codes(name) == lexicon_codes(kind)


def test_generated_tables_are_what_the_generator_writes():
    text = doc_text()
    assert codebook.update_text(text) == text, (
        "docs/codebook.md is stale: run `python -m congress_lib.codebook docs/codebook.md`"
    )


def test_sections_keep_the_numbers_that_references_use():
    text = doc_text()
    for heading in ("## 1. Units of analysis", "## 2. Quantities and indicators", "### 2.1 Conventions",
                    "## 3. Mentions", "### 3.1 Conventions", "## 4. Relations", "## 5. Practices",
                    "## 6. Political formulas"):
        assert re.search(rf"^{re.escape(heading)}", text, re.M), heading


def test_every_indicator_code_and_mention_type_is_described():
    assert re.findall(r"^#### `([a-z_]+)`$", section("2"), re.M) == list(INDICATOR_CODES)
    assert set(re.findall(r"^#### `([a-z_]+)`$", section("3"), re.M)) == set(MENTION_TYPES)


def test_every_practice_is_described():
    described = re.findall(r"^- `([a-z_]+)`: ", section("5"), re.M)
    assert described == lexicon_codes("practice")


def test_codebook_states_the_limits_the_library_applies():
    from congress_lib.network import MAX_SENTENCE_NODES
    from congress_lib.text import MAX_SENTENCE_CHARS

    units = section("1")
    assert f"{MAX_SENTENCE_CHARS:,} characters" in units
    assert "last clause mark" in units and "(，or ：)" in units and "(、)" in units
    assert f"more than {MAX_SENTENCE_NODES} distinct actors" in section("4")


def test_no_reference_to_files_outside_the_repository():
    files = [DOC, *sorted((ROOT / "congress_lib").glob("*.py")), *sorted((ROOT / "congress_lib" / "lexicon").glob("*.yaml")),
             ROOT / "corpus" / "README.md", ROOT / "corpus" / "annotations" / "README.md",
             ROOT / "corpus" / "annotations" / "GUIDELINES.md"]
    for path in files:
        text = path.read_text(encoding="utf-8")
        for outside in ("CODEBOOK.md", "DESIGN.md", "/work/shared", "shared/seeds"):
            assert outside not in text, f"{path.relative_to(ROOT)} refers to {outside}"


# --------------------------------------------------------------------------- the generator


def test_update_text_rewrites_only_between_markers():
    text = ("# My codebook\n\nProse with a quoted marker `<!-- begin: x -->`.\n\n"
            "<!-- begin: mention types -->\nold table\n<!-- end: mention types -->\n\nMore prose.\n")
    new = codebook.update_text(text)
    assert new.startswith("# My codebook\n\nProse with a quoted marker `<!-- begin: x -->`.\n\n"
                          "<!-- begin: mention types -->\n\n| type | label | definition |\n")
    assert new.endswith("\n\n<!-- end: mention types -->\n\nMore prose.\n")
    assert "old table" not in new
    assert codebook.update_text(new) == new  # idempotent


@pytest.mark.parametrize(
    "text, message",
    [
        ("<!-- begin: glossary -->\n<!-- end: glossary -->\n", "names no codebook table"),
        ("<!-- begin: practices -->\nrows\n", "has no matching <!-- end: practices -->"),
    ],
)
def test_update_text_refuses_bad_markers(text, message):
    with pytest.raises(InvalidArgumentError, match=re.escape(message)):
        codebook.update_text(text)


def test_command_line_checks_and_rewrites(tmp_path):
    def run(*args):
        return subprocess.run([sys.executable, "-m", "congress_lib.codebook", *map(str, args)],
                              check=False, capture_output=True, text=True, cwd=ROOT)

    ok = run("--check", DOC)
    assert ok.returncode == 0, ok.stderr
    stale = tmp_path / "codebook.md"
    stale.write_text(doc_text().replace("| Funding |", "| Money |"), encoding="utf-8")
    check = run("--check", stale)
    assert check.returncode == 1 and "out of date" in check.stderr
    assert "| Money |" in stale.read_text(encoding="utf-8")  # --check writes nothing
    fixed = run(stale)
    assert fixed.returncode == 0 and "tables rewritten" in fixed.stdout
    assert stale.read_text(encoding="utf-8") == doc_text()
    missing = run(tmp_path / "nope.md")
    assert missing.returncode == 1 and missing.stderr.startswith("error: ") and "Traceback" not in missing.stderr


# --------------------------------------------------------------------------- Party congress vs plenums


def formulas(text, lexicon=None):
    return [(h["formula"], h["surface"]) for h in find_formulas(text, lexicon)]


def test_a_sixth_plenum_sentence_is_the_plenum_formula():
    text = "街道人大工委召开专题会议,传达学习党的十九届六中全会精神,研究部署下半年代表工作。"
    assert formulas(text) == [("nineteenth_plenums_spirit", "党的十九届六中全会精神")]
    hit = find_formulas(text)[0]
    assert hit["label"] == "党的十九届历次全会精神"  # not 党的十九大精神, the label of the 19th Congress


@pytest.mark.parametrize(
    "text, expected",
    [
        ("组织代表深入学习党的十九大精神", [("nineteenth_congress_spirit", "党的十九大精神")]),
        ("把学习贯彻二十届三中全会精神作为首要任务", [("twentieth_plenums_spirit", "二十届三中全会精神")]),
        ("认真贯彻落实党的二十大和二十届二中全会精神",
         [("twentieth_congress_spirit", "党的二十大"), ("twentieth_plenums_spirit", "二十届二中全会精神")]),
        ("持续学习党的十九届历次全会精神", [("nineteenth_plenums_spirit", "党的十九届历次全会精神")]),
    ],
)
def test_congresses_and_plenums_are_told_apart(text, expected):
    assert formulas(text) == expected


# The two entries as they stood before the plenums had codes of their own.
_OLD_ENTRIES = """replace: true
formulas:
  twentieth_congress_spirit:
    label: 党的二十大精神
    variants: [党的二十大精神, 二十大精神, 党的二十大, 党的二十届]
    patterns: ['党的二十届[一二三四五六七八九]中全会(?:精神)?|二十届[一二三四五六七八九]中全会(?:精神)?']
  nineteenth_congress_spirit:
    label: 党的十九大精神
    variants: [党的十九大精神, 十九大精神, 党的十九大, 党的十九届]
    patterns: ['党的十九届[一二三四五六七八九]中全会(?:精神)?|十九届[一二三四五六七八九]中全会(?:精神)?']
"""

_PAIRS = {"twentieth_congress_spirit": "twentieth_plenums_spirit", "nineteenth_congress_spirit": "nineteenth_plenums_spirit"}


@pytest.fixture(scope="module")
def old_lexicon(tmp_path_factory):
    folder = tmp_path_factory.mktemp("old_formulas")
    (folder / "formulas.yaml").write_text(_OLD_ENTRIES, encoding="utf-8")
    return load_lexicon(folder)


def _congress_spans(text, lexicon):
    """(congress code, start, end) of every congress or plenum hit, plenum codes folded into their congress code."""
    fold = {plenum: congress for congress, plenum in _PAIRS.items()}
    return {(fold.get(h["formula"], h["formula"]), h["start"], h["end"])
            for h in find_formulas(text, lexicon) if h["formula"] in _PAIRS or h["formula"] in fold}


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(list("党的十九二大届六三中全会精神历次学习、，") + ["“", "”", " "]), max_size=30))
def test_splitting_off_the_plenums_only_moves_hits(old_lexicon, chars):
    """The old congress codes found exactly what the new congress and plenum codes find together."""
    text = "".join(chars)
    if "历次全会精神" in re.sub(r"[“”‘’「」『』\"' ]", "", text):
        return  # the plenum label is a variant now: its surface reaches further than 党的十九届 did
    assert _congress_spans(text, None) == _congress_spans(text, old_lexicon)


def test_splitting_off_the_plenums_on_report_sentences(old_lexicon):
    for text in ("持续深化对党的十九届六中全会精神、党的二十大及习近平总书记坚持和完善人民代表大会制度重要思想的认识",  # seed
                 "深入学习贯彻党的二十大精神和习近平总书记重要讲话重要指示批示精神",  # seed
                 "学习党的十九大和十九届二中、三中全会精神", "党的二十届中央委员会"):
        assert _congress_spans(text, None) == _congress_spans(text, old_lexicon)
