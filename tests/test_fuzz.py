"""Property tests: the splitter, the quantity parser and the loader never raise and keep
their invariants on arbitrary input."""

from __future__ import annotations

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import congress_lib as cl
from congress_lib.ingest import RejectReason, clean_text, decode_bytes
from congress_lib.quantities import find_quantities
from congress_lib.text import split_sentences

REPORTISH = st.text(
    alphabet=st.sampled_from(list("人大代表联络站建议件个名次条%。！？；;!?\n ,，：:“”()（）0123456789一二三四五六七八九十百千万亿两余近约第年月日")
                             + list(string.ascii_letters)),
    max_size=300,
)


@given(st.one_of(st.text(max_size=400), REPORTISH))
@settings(max_examples=300, deadline=None)
def test_sentence_offsets_hold_for_any_text(text):
    spans = list(split_sentences(text))
    last = 0
    for start, end in spans:
        assert last <= start < end <= len(text)
        piece = text[start:end]
        assert piece == piece.strip() and piece
        last = end
    # nothing but whitespace and separators is left out
    covered = set()
    for start, end in spans:
        covered.update(range(start, end))
    assert all(text[i].isspace() or text[i] in "。！？；!?;\n" for i in range(len(text)) if i not in covered)


@given(st.one_of(st.text(max_size=300), REPORTISH))
@settings(max_examples=300, deadline=None)
def test_quantities_never_raise_and_point_at_their_surface(text):
    for q in find_quantities(text):
        assert text[q.start:q.end] == q.surface


@given(st.binary(max_size=600))
@settings(max_examples=200, deadline=None)
def test_decoder_either_decodes_or_gives_a_reason(data):
    try:
        decoded = decode_bytes(data)
    except RejectReason as reason:
        assert str(reason)
    else:
        assert isinstance(decoded.text, str) and decoded.encoding
        clean_text(decoded.text)  # never raises on what the decoder accepts


@given(st.lists(st.binary(max_size=300), min_size=1, max_size=4))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_loader_accounts_for_every_random_file(tmp_path_factory, blobs):
    folder = tmp_path_factory.mktemp("fuzz")
    for i, blob in enumerate(blobs):
        (folder / f"f{i}.txt").write_bytes(blob)
    corpus = cl.load_corpus(folder)
    file_rejects = corpus.rejected[corpus.rejected["kind"] == "file"]
    assert len(corpus.documents) + len(file_rejects) == len(blobs)
    texts = dict(zip(corpus.documents["doc_id"], corpus.documents["text"]))
    for row in corpus.sentences.itertuples(index=False):
        assert texts[row.doc_id][row.start:row.end] == row.text
