"""A corpus built from everything a scrape produces: every good file loads, every bad one is
reported with a specific reason, nothing escapes, and the counts add up."""

from __future__ import annotations

import codecs
import os

import pytest

import congress_lib as cl

GOOD = "县人大常委会组织部分县人大代表视察县人民医院建设情况。全县共建成代表联络站36个。\n"


@pytest.fixture
def hostile(tmp_path):
    root = tmp_path / "scrape"
    root.mkdir()
    files = {
        "good.txt": GOOD.encode("utf-8"),
        "empty.txt": b"",
        "blank.txt": b"\n\n   \n",
        "binary.txt": b"%PDF-1.7\n\x00\x01\x02" + bytes(range(256)) * 8,
        "truncated.txt": GOOD.encode("utf-8")[:-2],
        "gb.txt": "镇人大主席团组织代表开展集中视察,收集意见建议120条。\n".encode("gb18030"),
        "utf16.txt": "区人大代表之家 opened in 2024, serving 15 deputies.\n".encode("utf-16"),
        "mixed.txt": "區人大常委會召開會議。区人大代表联络站建成12个。\n".encode("utf-8"),
        "huge line.txt": ("代表联络站接待选民12人次," * 140_000 + "完。").encode("utf-8"),
        "page.txt": ("<html><head><script>alert(1)</script></head><body><p>首页 &gt; 正文</p>"
                     "<p>市人大常委会开展执法检查。</p><p>浏览次数：99</p></body></html>").encode("utf-8"),
        "only furniture.txt": "您当前的位置：首页 > 新闻\n浏览次数：12\n版权所有：某某县人大\n".encode("utf-8"),
        "dup-a.txt": "乡人大主席团听取政府工作报告。\n".encode("utf-8"),
        "dup b copy.txt": "乡人大主席团听取政府工作报告。\n".encode("utf-8"),
        "人大报告 2023.txt": "街道人大工委组织代表视察老旧小区改造。\n".encode("utf-8"),
        "bom.txt": codecs.BOM_UTF8 + "县人大常委会召开第十次会议。\n".encode("utf-8"),
    }
    for name, data in files.items():
        (root / name).write_bytes(data)
    sub = root / "nested"
    sub.mkdir()
    (sub / "inner.txt").write_bytes("县政府向县人大常委会报告工作。\n".encode("utf-8"))
    os.symlink(root, sub / "loop")  # a symlink loop back to the root
    (root / "metadata.csv").write_text(
        "doc_id,date,district,shoe_size\n"
        "good,2024-02-30,某县,42\n"
        "good,2024-01-01,某县,41\n"
        "ghost,2024-01-01,,\n"
        "gb,not-a-date,,\n",
        encoding="utf-8",
    )
    return root


def test_hostile_corpus_loads_what_can_be_loaded_and_explains_the_rest(hostile):
    corpus = cl.load_corpus(hostile)
    docs = set(corpus.documents["doc_id"])
    assert {"good", "gb", "utf16", "mixed", "huge line", "page", "人大报告 2023", "bom", "inner"} <= docs
    rej = corpus.rejected
    files = rej[rej["kind"] == "file"].set_index("path")["reason"]
    assert files["empty.txt"].startswith("empty file")
    assert files["blank.txt"].startswith("empty file")
    assert files["binary.txt"].startswith("corrupt PDF")  # (a PDF by its bytes, whatever its name)
    assert files["truncated.txt"].startswith("truncated UTF-8")
    assert files["only furniture.txt"].startswith("no report text")
    dup = [p for p in ("dup-a.txt", "dup b copy.txt") if p in files.index]
    assert len(dup) == 1 and files[dup[0]].startswith("duplicate content of document")
    assert any("symbolic link loop" in r for r in files)
    meta = rej[rej["kind"] == "metadata"]["reason"].tolist()
    assert any("unknown column 'shoe_size'" in r for r in meta)
    assert any("bad date '2024-02-30'" in r for r in meta)
    assert any("bad date 'not-a-date'" in r for r in meta)
    assert any("duplicate doc_id 'good'" in r for r in meta)
    assert any("'ghost' has no file" in r for r in meta)
    # the counts add up: every regular file found is a document or a file reject
    regular = [p for p in hostile.rglob("*") if p.is_file() and not p.is_symlink() and p.name != "metadata.csv"
               and "loop" not in p.relative_to(hostile).parts]
    loop_rejects = sum("symbolic link loop" in r for r in files)
    assert len(regular) == len(corpus.documents) + len(files) - loop_rejects
    # the good documents carry what they should
    d = corpus.documents.set_index("doc_id")
    assert d.at["gb", "encoding"] == "gb18030"
    assert d.at["utf16", "encoding"] == "utf-16"
    assert d.at["mixed", "script"] in {"mixed", "traditional"}
    assert "区人大常委会召开会议" in d.at["mixed", "text"]
    assert d.at["page", "was_html"] and "alert" not in d.at["page", "text"]
    # the first metadata row of `good` had an impossible date: kept, date emptied
    assert (d.at["good", "date"], d.at["good", "district"]) == ("", "某县")
    # offsets hold for every sentence, even in the 5 MB single-line file
    texts = d["text"]
    for row in corpus.sentences.itertuples(index=False):
        assert texts[row.doc_id][row.start:row.end] == row.text
