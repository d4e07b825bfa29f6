"""Loading a corpus: documents, units, sentences, rejects (congress_lib.corpus)."""

from __future__ import annotations

import codecs
import subprocess
import sys

import pandas as pd
import pytest

import congress_lib as cl
from congress_lib.corpus import _concat, _frame
from congress_lib.schema import TABLES

REPORT = "县人大常委会组织部分县人大代表视察县人民医院建设情况。\n全县共建成代表联络站36个。\n"
OTHER = "镇人大主席团组织代表开展集中视察活动。\n收集群众意见建议120条。\n"


def test_bundled_corpus_counts(corpus):
    assert len(corpus.documents) == 5
    assert corpus.rejected.empty
    assert len(corpus.units) == 11  # 4 single-district reports + round-up (intro + 6 districts)
    assert len(corpus.sentences) > 250


def test_documents_columns_follow_the_contract(corpus):
    contract = ["doc_id", "title", "date", "province", "city", "district", "genre", "source", "url",
                "encoding", "n_chars", "text"]
    assert all(c in corpus.documents.columns for c in contract)
    assert list(corpus.units.columns[:6]) == ["unit_id", "doc_id", "ordinal", "jurisdiction",
                                              "jurisdiction_level", "jurisdiction_source"]
    assert list(corpus.sentences.columns) == list(TABLES["sentences"].columns)


def test_sentence_offsets_index_the_cleaned_text(corpus):
    texts = dict(zip(corpus.documents["doc_id"], corpus.documents["text"]))
    for row in corpus.sentences.itertuples(index=False):
        assert texts[row.doc_id][row.start:row.end] == row.text
        assert row.text == row.text.strip() and row.text
    # sentences never cross a unit boundary
    units = corpus.units.set_index("unit_id")
    for row in corpus.sentences.itertuples(index=False):
        assert units.at[row.unit_id, "start"] <= row.start < row.end <= units.at[row.unit_id, "end"]


def test_units_tile_each_document(corpus):
    for doc_id, group in corpus.units.groupby("doc_id"):
        n = corpus.documents.set_index("doc_id").at[doc_id, "n_chars"]
        spans = sorted(zip(group["start"], group["end"]))
        assert spans[0][0] == 0 and spans[-1][1] == n
        assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))


def test_roundup_is_split_per_district(corpus):
    units = corpus.units[corpus.units["doc_id"] == "xiamen_2024_roundup"]
    assert units["jurisdiction"].tolist() == ["厦门市", "思明区", "湖里区", "集美区", "海沧区", "同安区", "翔安区"]
    assert units["jurisdiction_source"].tolist() == ["metadata"] + ["heading"] * 6
    text = corpus.text("xiamen_2024_roundup")
    jimei = units[units["jurisdiction"] == "集美区"].iloc[0]
    assert text[jimei.start:jimei.end].startswith("集美区人大常委会")
    assert "集美法院" in text[jimei.start:jimei.end]


def test_speech_without_district_is_flagged_not_guessed(corpus):
    unit = corpus.units[corpus.units["doc_id"] == "zhengzhou_2019_speech"].iloc[0]
    assert unit.jurisdiction == "郑州市某区"
    assert unit.jurisdiction_source == "inferred"
    assert unit.district == ""


def test_jurisdiction_inferred_without_metadata(make_corpus):
    folder = make_corpus({"a.txt": "望江县人大常委会召开会议。\n望江县人大常委会组织代表视察。\n"})
    corpus = cl.load_corpus(folder)
    unit = corpus.units.iloc[0]
    assert (unit.jurisdiction, unit.jurisdiction_source, unit.jurisdiction_level) == ("望江县", "inferred", "district")


def test_every_file_is_a_document_or_a_reject(make_corpus):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    folder = make_corpus(
        {
            "good.txt": REPORT,
            "gbk.txt": OTHER.encode("gb18030"),
            "utf16.txt": ("县人大代表联络站 report 2024\n" * 3).encode("utf-16"),
            "bom.txt": codecs.BOM_UTF8 + "区人大常委会听取专题报告。".encode("utf-8"),
            "copy of good.txt": REPORT,
            "empty.txt": b"",
            "image.txt": png,
            "furniture.txt": "版权所有：某县人大\n浏览次数：12\n",
            "traditional.txt": "縣人大常委會組織代表視察。全縣建成聯絡站12個。",
        },
        metadata="doc_id,date,city,colour\ngood,2024-13-40,某市,red\nghost,2024-01-01,,\ngood,2024-01-01,,\n",
    )
    corpus = cl.load_corpus(folder)
    files = sorted(p.name for p in folder.iterdir() if p.name != "metadata.csv")
    file_rejects = corpus.rejected[corpus.rejected["kind"] == "file"]
    assert len(files) == len(corpus.documents) + len(file_rejects)
    reasons = dict(zip(file_rejects["path"], file_rejects["reason"]))
    assert reasons["empty.txt"].startswith("empty file")
    assert reasons["image.txt"].startswith("binary file")
    assert reasons["furniture.txt"].startswith("no report text")
    assert reasons["good.txt"] == "duplicate content of document 'copy of good'"
    encodings = dict(zip(corpus.documents["doc_id"], corpus.documents["encoding"]))
    assert encodings == {"bom": "utf-8-sig", "copy of good": "utf-8", "gbk": "gb18030",
                         "traditional": "utf-8", "utf16": "utf-16"}
    assert corpus.documents.set_index("doc_id").at["traditional", "script"] == "traditional"
    meta_rejects = corpus.rejected[corpus.rejected["kind"] == "metadata"]["reason"].tolist()
    assert any("unknown column 'colour'" in r for r in meta_rejects)
    assert any(r.startswith("bad date '2024-13-40'") for r in meta_rejects)
    assert any("duplicate doc_id 'good'" in r for r in meta_rejects)
    assert any("'ghost' has no file" in r for r in meta_rejects)


def test_metadata_fills_document_fields(corpus):
    doc = corpus.documents.set_index("doc_id").loc["xiangshan_2023_news"]
    assert (doc.date, doc.province, doc.city, doc.district) == ("2023-06-27", "安徽省", "淮北市", "相山区")


def test_list_of_paths_is_accepted(tmp_path):
    a = tmp_path / "a.txt"
    a.write_text(REPORT, encoding="utf-8")
    corpus = cl.load_corpus([a])
    assert corpus.documents["doc_id"].tolist() == ["a"]


def test_bad_arguments_say_what_to_do(tmp_path):
    with pytest.raises(cl.CorpusNotFoundError, match="does not exist"):
        cl.load_corpus(tmp_path / "nowhere")
    with pytest.raises(cl.InvalidArgumentError, match="folder path or a list"):
        cl.load_corpus(42)
    with pytest.raises(cl.InvalidArgumentError, match="file paths"):
        cl.load_corpus([3.5])
    (tmp_path / "x.txt").write_text(REPORT, encoding="utf-8")
    with pytest.raises(cl.InvalidArgumentError, match="engine must be one of"):
        cl.load_corpus(tmp_path, engine="gpu")
    with pytest.raises(cl.CongressLibError):
        cl.load_corpus(tmp_path, lexicon=tmp_path / "no-lexicon")


def test_kwic_rows_point_at_the_term(corpus):
    hits = corpus.kwic("联络站", window=10)
    assert len(hits) >= 10
    texts = dict(zip(corpus.documents["doc_id"], corpus.documents["text"]))
    for row in hits.itertuples(index=False):
        assert texts[row.doc_id][row.start:row.end] == "联络站"
        assert len(row.left) <= 10 and len(row.right) <= 10
        assert row.sent_id.startswith(row.doc_id + ":") and row.unit_id.startswith(row.doc_id + "#")
    # traditional query finds simplified text
    assert len(corpus.kwic("聯絡站")) == len(corpus.kwic("联络站"))
    with pytest.raises(cl.InvalidArgumentError):
        corpus.kwic("")


def test_tokens_keep_domain_terms_and_jieba_is_silent(corpus, capfd):
    tokens = corpus.tokens(doc_ids=["xiangshan_2023_news"])
    assert {"人大代表", "代表小组", "社情民意", "办结率"} <= set(tokens["token"])
    assert list(tokens.columns) == ["doc_id", "unit_id", "sent_id", "position", "token"]
    captured = capfd.readouterr()
    assert "Building prefix dict" not in captured.err and "Loading model" not in captured.err


def test_a_file_over_the_size_limit_is_rejected_unread_with_its_size(make_corpus):
    folder = make_corpus({"small.txt": "区人大代表视察联络站12个。\n",
                          "dump.txt": "代表联络站接待选民。" * 40_000})  # 1.2 MB of text
    corpus = cl.load_corpus(folder, max_file_mb=1)
    assert list(corpus.documents["doc_id"]) == ["small"]
    (reason,) = corpus.rejected.loc[corpus.rejected["path"] == "dump.txt", "reason"]
    assert reason.startswith("too large (1.2 MB > 1 MB limit)") and "--max-file-mb" in reason
    assert len(cl.load_corpus(folder).documents) == 2  # under the default limit of 20 MB
    for bad in (0, -1, "20", True, float("nan")):
        with pytest.raises(cl.InvalidArgumentError, match="max_file_mb must be a positive number"):
            cl.load_corpus(folder, max_file_mb=bad)


def test_lazy_verbs_stay_functions_whatever_is_used_first():
    """Using load_annotations first must not leave cl.evaluate bound to the submodule."""

    code = ("import congress_lib as cl; cl.load_annotations; cl.network_nodes; "
            "assert callable(cl.evaluate) and callable(cl.build_network) and callable(cl.save_figure)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).returncode == 0


def test_tables_are_held_compactly_but_handed_out_as_strings(corpus):
    held = corpus._tables["mentions"]
    for col in ("doc_id", "unit_id", "jurisdiction", "type", "level", "branch", "sent_id"):
        assert isinstance(held[col].dtype, pd.CategoricalDtype), col
    out = corpus.mentions()
    assert not any(isinstance(out[c].dtype, pd.CategoricalDtype) for c in out.columns)
    assert out["type"].map({"deputy": "代表"}).fillna("").tolist()  # user code on plain strings works
    expanded = held.memory_usage(deep=True).sum()
    assert expanded < out.memory_usage(deep=True).sum()
    assert list(corpus.indicators()["indicator"].dropna().unique())  # values are plain str
    assert isinstance(corpus.indicators()["indicator"].dropna().iloc[0], str)


def test_batches_concatenate_to_the_frame_of_all_rows():
    cols = ("doc_id", "unit_id", "jurisdiction", "sent_id", "surface", "value", "value_high", "unit", "approx",
            "approx_kind", "kind", "start", "end", "indicator", "coded_by")
    a = [("d", "d#1", "某区", "d:1", "3个", 3.0, None, "个", False, None, "count", 0, 2, None, "rules")]
    b = [("e", "e#1", "某区", "e:1", "3—5名", 3.0, 5.0, "名", True, "about", "count", 0, 4, "deputies", "model 0.93")]
    assert cols == tuple(_frame("quantities", a).columns)
    whole = _frame("quantities", a + b)
    pd.testing.assert_frame_equal(_concat("quantities", [_frame("quantities", a), _frame("quantities", b)]), whole)
