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
