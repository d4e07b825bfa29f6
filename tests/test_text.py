"""Tests for congress_lib.text: sentences, and the cut of over-long ones.

The sentences are written for these tests (flattened tables and endless lists of
the kind scraped pages hold); none is taken from a third-party page.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from congress_lib.text import MAX_SENTENCE_CHARS, split_sentences

CLAUSES = ["开展视察12次", "满意率达95.5%", "收集意见建议300条", "接待选民1,082人次", "建成代表之家6个"]


def pieces(text: str, limit: int = MAX_SENTENCE_CHARS) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text, limit)]


def test_ordinary_sentences_are_not_cut():
    text = "区人大常委会组织代表视察12次，收集意见建议300余条。代表联络站接待选民1082人次！\n全区建成代表之家6个"
    assert pieces(text) == ["区人大常委会组织代表视察12次，收集意见建议300余条。", "代表联络站接待选民1082人次！",
                            "全区建成代表之家6个"]


def test_a_flattened_table_is_cut_after_its_last_clause_mark_within_the_limit():
    table = "，".join(CLAUSES * 100) + "。"  # one "sentence" of 500 clauses
    got = list(split_sentences(table))
    assert len(got) > 1
    assert all(b - a <= MAX_SENTENCE_CHARS for a, b in got)
    texts = [table[a:b] for a, b in got]
    assert all(t.endswith("，") for t in texts[:-1]) and texts[-1].endswith("。")
    assert "".join(texts) == table  # nothing lost, nothing added
    # each piece holds whole clauses: no number is split (1,082 keeps its comma)
    assert all(c in CLAUSES for t in texts for c in t.rstrip("，。").split("，"))


def test_without_clause_marks_the_cut_falls_back_to_enumeration_marks_then_anywhere():
    items = "、".join(["人大代表", "代表联络站", "区人民政府"] * 200)
    got = pieces(items, limit=100)
    assert all(len(p) <= 100 for p in got) and all(p.endswith("、") for p in got[:-1])
    assert "".join(got) == items
    # no mark at all: pieces of the limit, but a run of digits or Latin letters is not split
    run = "代表" * 40 + "12345678" + "代表" * 40
    got = pieces(run, limit=85)
    assert [len(p) for p in got] == [80, 85, 3]
    assert got[1].startswith("12345678")


def test_a_clause_mark_is_preferred_to_an_enumeration_mark():
    text = "甲" * 50 + "，" + "乙、" * 40 + "丙" * 30
    got = pieces(text, limit=100)
    assert got[0] == "甲" * 50 + "，"


def test_cut_pieces_exclude_whitespace_and_respect_the_limit_exactly():
    text = "  " + ("代表，" + " " * 3) * 50 + "  "
    got = list(split_sentences(text, limit=20))
    for a, b in got:
        assert 0 < b - a <= 20 and text[a:b] == text[a:b].strip()


def test_limit_must_be_positive():
    with pytest.raises(ValueError, match="positive"):
        list(split_sentences("代表。", limit=0))


LONG = st.lists(
    st.one_of(
        st.sampled_from(CLAUSES + ["人大代表", "、", "，", "：", " ", "1", "12345", "abc", "。", "\n", "；"]),
        st.text(alphabet=st.sampled_from(list("代表区政府联络站0123456789，、 ")), max_size=30),
    ),
    min_size=1, max_size=400,
)


@settings(max_examples=150, deadline=None)
@given(LONG, st.integers(min_value=1, max_value=120))
def test_cut_sentences_keep_every_character_and_every_offset(parts, limit):
    """Over thousands of characters: pieces never exceed the limit, never start or end with
    whitespace, come in order, and the pieces of a sentence are that sentence minus whitespace."""
    text = "".join(parts)
    whole = list(split_sentences(text, limit=10 ** 9))  # the sentences, uncut
    got = list(split_sentences(text, limit))
    last = 0
    for a, b in got:
        assert last <= a < b <= len(text) and b - a <= limit
        assert text[a:b] == text[a:b].strip()
        last = b
    for a, b in whole:  # every sentence is covered by its pieces, but for whitespace at the cuts
        inside = [(x, y) for x, y in got if a <= x and y <= b]
        covered = {i for x, y in inside for i in range(x, y)}
        assert all(text[i].isspace() for i in range(a, b) if i not in covered)
        assert all(y <= a or x >= b or (a <= x and y <= b) for x, y in got)  # no piece crosses a sentence
    assert sum(1 for a, b in whole for x, y in got if a <= x and y <= b) == len(got)
