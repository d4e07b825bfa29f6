"""Safe outputs: spreadsheet formula injection, HTML escaping, YAML safe loading, path escapes."""

from __future__ import annotations

import pandas as pd
import pytest

import congress_lib as cl
from congress_lib.output import safe_for_spreadsheet, write_tables


def test_csv_cells_that_look_like_formulas_are_neutralised():
    df = pd.DataFrame({"text": ["=HYPERLINK(\"http://x\")", "+1", "-cmd", "@SUM(A1)", "人大代表", None],
                       "value": [-5.0, 1.0, 2.0, 3.0, 4.0, 5.0]})
    safe = safe_for_spreadsheet(df)
    assert safe["text"].tolist()[:5] == ["'=HYPERLINK(\"http://x\")", "'+1", "'-cmd", "'@SUM(A1)", "人大代表"]
    assert safe["value"].tolist() == df["value"].tolist()  # numbers untouched


def test_build_output_neutralises_injected_report_text(make_corpus, tmp_path):
    folder = make_corpus({"evil.txt": "=cmd|' /C calc'!A0\n县人大常委会组织代表视察。\n"})
    corpus = cl.load_corpus(folder)
    write_tables(corpus, tmp_path / "out")
    sentences = (tmp_path / "out" / "sentences.csv").read_text(encoding="utf-8")
    assert ",=cmd" not in sentences and ",'=cmd" in sentences


def test_report_html_renders_as_text(make_corpus):
    folder = make_corpus({"x.txt": "县人大常委会<script>alert('x')</script>组织代表视察联络站。\n"})
    corpus = cl.load_corpus(folder)
    html = corpus.kwic("联络站", window=40).to_html()
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<script>" not in corpus.sentences._repr_html_()


def test_lexicon_yaml_is_loaded_safely(tmp_path):
    (tmp_path / "furniture.yaml").write_text("!!python/object/apply:os.system ['echo pwned']\n", encoding="utf-8")
    with pytest.raises(cl.LexiconError):
        cl.load_lexicon(tmp_path)


def test_user_lexicon_extends_the_shipped_one(tmp_path):
    (tmp_path / "furniture.yaml").write_text("line_patterns:\n  - '^本站声明'\n", encoding="utf-8")
    lex = cl.load_lexicon(tmp_path)
    assert "^本站声明" in lex["furniture"]["line_patterns"]
    assert len(lex["furniture"]["line_patterns"]) == len(cl.load_lexicon()["furniture"]["line_patterns"]) + 1
    assert lex.version != cl.load_lexicon().version


def test_figure_names_cannot_escape_the_figures_folder(tmp_path):
    plotting = pytest.importorskip("congress_lib.plotting")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    ax.plot([0, 1], [0, 1])
    try:
        paths = plotting.save_figure(fig, "../../escape", folder=tmp_path / "figs", formats=("png",))
    except cl.CongressLibError:
        paths = []
    finally:
        plt.close(fig)
    for p in paths:
        assert (tmp_path / "figs").resolve() in p.resolve().parents
    assert not (tmp_path / "escape.png").exists()


def test_lexicon_yaml_is_read_with_a_safe_loader_equal_to_safe_load(tmp_path):
    """The C loader gives exactly what yaml.safe_load gives, and refuses Python objects."""
    import glob

    import yaml

    from congress_lib import resources
    from congress_lib.errors import LexiconError

    assert resources._SAFE_LOADER in (yaml.SafeLoader, getattr(yaml, "CSafeLoader", None))
    for file in glob.glob(str(resources.Path(resources.__file__).parent / "lexicon" / "*.yaml")):
        text = resources.Path(file).read_text(encoding="utf-8")
        assert resources._read_yaml(text, file) == yaml.safe_load(text)
    with pytest.raises(LexiconError, match="not valid YAML"):
        resources._read_yaml("!!python/object/apply:os.system ['echo hacked']", "evil.yaml")


def test_a_lexicon_key_written_twice_is_refused_with_its_name(tmp_path):
    """YAML keeps the last of two equal keys silently; a lexicon file that holds a word twice
    (two edits of one file) is refused, naming the key and the line, in the bundled lexicon's
    loader and for a user's override folder alike."""
    from congress_lib import load_lexicon, resources
    from congress_lib.errors import LexiconError

    text = "heads:\n  联络站: {bare: true}\n  活动站: {bare: true}\n  联络站: {bare: false}\n"
    with pytest.raises(LexiconError, match=r"'联络站' appears twice(.|\n)*line 4"):
        resources._read_yaml(text, "mention_stations.yaml")
    # the same key in two different mappings is fine
    assert resources._read_yaml("a: {x: 1}\nb: {x: 2}\n", "f.yaml") == {"a": {"x": 1}, "b": {"x": 2}}
    (tmp_path / "units.yaml").write_text("extra:\n  场: 1\n  场: 2\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="units.yaml is not valid YAML"):
        load_lexicon(tmp_path)
