"""An extra extractor, given through the public interface, gets its table everywhere a table goes:
the corpus, the build's files (CSV, gzip, Parquet; serial and processes), the cache, the manifest."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

import congress_lib as cl
from congress_lib import engines
from congress_lib.output import build
from congress_lib.extract import SentenceExtractor

from conftest import CORPUS

_PLATFORM = re.compile(r"(代表|人大代表)(联络站|之家|活动站)")


def find_platform_words(sentence, lexicon):
    """Each name of a contact platform, split into who it is for and what it is."""
    for m in _PLATFORM.finditer(sentence):
        yield (m.group(1), m.group(2), m.start(), m.end())


PLATFORMS = SentenceExtractor("platform_words", ("for_whom", "kind"), find_platform_words, categorical=("kind",))


def test_the_extractor_table_is_in_the_corpus_with_offsets_into_the_text():
    corpus = cl.load_corpus(CORPUS, extractors=[PLATFORMS])
    table = corpus.table("platform_words")
    assert list(table.columns) == ["doc_id", "unit_id", "jurisdiction", "for_whom", "kind", "start", "end", "sent_id"]
    assert len(table) > 10 and set(table["kind"]) <= {"联络站", "之家", "活动站"}
    texts = dict(zip(corpus.documents["doc_id"], corpus.documents["text"]))
    sentences = corpus.sentences.set_index("sent_id")
    for row in table.itertuples(index=False):
        assert texts[row.doc_id][row.start:row.end] == row.for_whom + row.kind
        assert sentences.loc[row.sent_id, "start"] <= row.start < row.end <= sentences.loc[row.sent_id, "end"]
    # the built-in tables do not change
    plain = cl.load_corpus(CORPUS)
    for name in ("mentions", "indicators", "practices"):
        pd.testing.assert_frame_equal(corpus.table(name), plain.table(name))


@pytest.mark.parametrize("options", [{}, {"engine": "processes", "workers": 2}, {"compress": True},
                                     {"fmt": "parquet"}])
def test_the_build_writes_the_extractor_table(tmp_path, options):
    manifest = build(CORPUS, tmp_path / "out", extractors=[PLATFORMS], progress=False, **options)
    suffix = {"compress": "csv.gz", "fmt": "parquet"}.get(next(iter(options), ""), "csv")
    path = tmp_path / "out" / f"platform_words.{suffix}"
    got = pd.read_parquet(path) if suffix == "parquet" else pd.read_csv(path)
    expected = cl.load_corpus(CORPUS, extractors=[PLATFORMS]).table("platform_words")
    assert got["sent_id"].tolist() == expected["sent_id"].tolist() and len(got) == manifest["rows"]["platform_words"]
    assert got["start"].tolist() == expected["start"].tolist()


def test_the_extractor_rows_come_from_the_cache(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    build(CORPUS, tmp_path / "cold", extractors=[PLATFORMS], cache=cache, progress=False)
    with monkeypatch.context() as m:
        m.setattr(engines, "process_document", lambda *a, **k: (_ for _ in ()).throw(AssertionError("extracted")))
        build(CORPUS, tmp_path / "warm", extractors=[PLATFORMS], cache=cache, progress=False)
        corpus = cl.load_corpus(CORPUS, extractors=[PLATFORMS], cache=cache)
    cold, warm = (tmp_path / d / "platform_words.csv" for d in ("cold", "warm"))
    assert cold.read_bytes() == warm.read_bytes()
    assert len(corpus.table("platform_words")) == json.loads((tmp_path / "cold" / "manifest.json").read_text())[
        "rows"]["platform_words"]
    # without the extractor, the cache holds other entries: the table is gone, nothing is reused wrongly
    build(CORPUS, tmp_path / "plain", cache=cache, progress=False)
    assert not (tmp_path / "plain" / "platform_words.csv").exists()


def test_an_extractor_changed_gives_other_cache_keys_and_bad_ones_are_refused():
    lex = cl.load_lexicon()
    a = lex.with_extractors([PLATFORMS])
    b = lex.with_extractors([SentenceExtractor("platform_words", ("for_whom", "kind"), find_platform_words,
                                               version="2")])
    assert len({lex.version, a.version, b.version}) == 3 and a.extractors == (PLATFORMS,)
    with pytest.raises(cl.InvalidArgumentError, match="built-in table"):
        SentenceExtractor("mentions", ("x",), find_platform_words)
    with pytest.raises(cl.InvalidArgumentError, match="fields must be distinct"):
        SentenceExtractor("extra", ("start",), find_platform_words)
    with pytest.raises(cl.InvalidArgumentError, match="same name"):
        a.with_extractors([PLATFORMS])
