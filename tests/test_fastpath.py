"""congress_lib.fastpath: the fast paths give exactly what the plain definitions give (property tests)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

import congress_lib as cl
from congress_lib import mentions, practices
from congress_lib.text import CharMap

# --- the fast paths give exactly what the plain definitions give ---------------------------

TEXT = st.text(alphabet=st.sampled_from(list("人大代表常委会联络站区市县镇街道政府法院局厅小组第一二十三5“”、，。 面对督办询问测评党的二十届四个意识")),
               max_size=40)


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_gated_lookaheads_find_what_the_regex_finds(text):
    rules = mentions.MentionFinder.from_lexicon().rules
    for name in ("congress_re", "deputy_re", "role_re", "group_re", "bare_group_re", "station_re", "agency_re",
                 "dept_tail_re", "sector_re", "generic_re"):
        look = getattr(rules, name)
        got = [(m.start(), m.groups()) for m in look.finditer(text)]
        want = [(m.start(), m.groups()) for m in re.finditer(look.pattern, text)]
        assert got == want, name


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_dictionary_finds_what_trying_every_position_finds(text):
    lex = cl.load_lexicon()
    for kind in ("practices", "formulas"):
        fast = practices.CueFinder.from_lexicon(lex, kind)
        assert fast.find(text) == practices.CueFinder.from_lexicon(lex, kind, shortcuts=False).find(text)


@settings(max_examples=100, deadline=None)
@given(TEXT)
def test_mention_shortcuts_never_hide_a_mention(text):
    plain = mentions.MentionFinder.from_lexicon(shortcuts=False)
    j = cl.Jurisdiction("同安区", "district", "福建省", "厦门市", "同安区", "metadata")
    assert mentions.find_mentions(text, j) == plain.find(text, j)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60))
def test_charmap_translates_like_str_translate(text):
    table = {ord("０"): "0", ord("萬"): ord("万"), ord("\u200b"): None, ord("x"): "xx"}
    assert CharMap(table).translate(text) == text.translate(table)


FURNITURE_TEXT = st.text(alphabet=st.sampled_from(list("()（）【】[]图为：:资料片摄影供稿编辑责任完组两三12 。！？|｜"
                                                        "来源版权所有Copyright©首页ICP备案号人大代表")), max_size=40)


@settings(max_examples=300, deadline=None)
@given(FURNITURE_TEXT)
def test_char_gate_never_hides_a_match(text):
    """A text the gate finds nothing in matches none of the patterns; the inline furniture
    rules, gated, leave a line as trying each rule in turn leaves it."""
    from congress_lib import fastpath, ingest

    furniture = cl.load_lexicon()["furniture"]
    inline = furniture["inline_patterns"]
    gate = fastpath.char_gate(inline)
    assert gate is not None
    for p in inline:
        if re.search(p, text):
            assert gate.search(text) and fastpath.char_gate([p]).search(text), p
    for p in furniture["line_patterns"] + furniture["line_start_patterns"]:
        one = fastpath.char_gate([p], re.I)
        if one is not None and re.search(p, text, re.I):
            assert one.search(text), p
    rules = [re.compile(p) for p in inline]
    for line in (text, text.strip(), "会议召开。" + text, text + "（完）"):
        assert ingest._strip_inline_gated(line, rules, gate) == ingest._strip_inline(line, rules)


def test_required_chars_reads_only_what_every_match_needs():
    from congress_lib.fastpath import required_chars

    assert required_chars(["a(b|c)"]) == frozenset("a")
    assert required_chars([r"\s*[(（]x"]) == frozenset("(（")
    assert required_chars(["(?:x|y)z", "q"]) == frozenset("xyq")
    assert required_chars(["[上下]?图"]) == frozenset("图")
    assert required_chars(["(?<=a)b"]) == frozenset("b")  # (a lookbehind's characters are not counted)
    assert required_chars(["x|.y"]) == frozenset("xy") and required_chars(["x|.*"]) is None
    assert required_chars([r"\d+"]) is None and required_chars(["[^a]"]) is None
    assert required_chars(["Copyright"], re.I) is None  # (a letter under IGNORECASE matches other characters)
    assert required_chars(["版权|©"], re.I) == frozenset("版©")
