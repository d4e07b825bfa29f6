"""Mentions of deputies, stations, agencies and congress bodies (docs/codebook.md §3).

A report names four kinds of actors. This module finds each occurrence with its
span, a canonical name resolved in the unit's jurisdiction, and two attributes
(``level``, ``branch``):

========== ==================================================== =======================
type       what                                                 example → canonical
========== ==================================================== =======================
deputy     people's deputies, by level, role, group or name     区人大代表 → 同安区人大代表
station    places where deputies meet constituents             青礁村活动站 → 青礁村活动站
agency     state organs, departments, the party committee      集美法院 → 集美区人民法院
congress   congress bodies                                      常委会 → 同安区人大常委会
========== ==================================================== =======================

How a mention is found
----------------------
Every mention ends in a *head* noun from the lexicon (人大常委会, 人大代表, 活动站,
法院, 局 …). From each head the finder reads *leftwards* the prefix that belongs
to the span; the longest reading wins:

* a multi-level prefix (市、区 / 省市区三级 / 驻区各级 / 驻区) — level ``multi``;
* an "each" prefix (各区, 各镇(街));
* a level word (区, 市级, 镇(街), 街道), optionally preceded by a place name
  (同安 + 区, 福建 + 省), itself optionally preceded by the place it lies in
  (相山区 + 相南街道);
* a short place name known from the jurisdiction or the text (集美 + 法院);
* a session number (十八届) between the place and the head.

Place names are never listed in the lexicon. A name is either *known* (the
unit's jurisdiction, or a name the text writes at a clause boundary) or two to
four characters that start at a clause boundary or right after a *stop word*
(a verb, preposition or counter of ``mention_places.yaml``), contain no
character that never occurs in names, and are not a verb or adverb in jieba's
dictionary (used as a word list only). ``督促区政府`` therefore reads as 督促 +
区政府, and ``今年来同安区人大常委会`` as 今年来 + 同安区人大常委会.

Stations are read the same way, with a chain of qualifiers between the place and
the head (琅岐菜篮子基地 + 人大代表联系群众 + 活动站), named brands (lexicon list,
quoted names set up by a verb: 打造“百姓说事点”) and enumerations closed by a
station head (健康大讲堂、青少年心理疏导室等履职微平台).

Within one text mentions never overlap, across types either: all candidates are
collected, then the longest (then leftmost) ones are kept. 代表联络站 is one
station, not a deputy 代表 inside; 市人大常委会选任联工委 is one congress body.
Some spans hold no mention at all: the system (人民代表大会制度, 人大制度), a
candidate (代表候选人), and anything inside a cited title 《…》.

Canonical names
---------------
A level word resolves in the :class:`~congress_lib.jurisdiction.Jurisdiction` of
the unit: 区 → its district (also in a township's unit: the district it lies in),
市 → its city (the county-level city itself when the unit is one or lies in one),
省 → its province, 镇/街道 → the unit only when it is a township (otherwise
the level word is kept: 镇人大代表). Bare heads resolve as the lexicon says
(常委会 → the unit's standing committee; 政府 → the unit's government; 人大 →
人大). Several levels at once give 各级人大代表 / 各级人大 / 各级党委. Roles map
to their role noun, a named deputy to the name, numbered deputy groups to
``<place>人大第<N>代表小组``, a named station keeps its name.

All domain words live in ``lexicon/mention_*.yaml`` and the punctuation in
``lexicon/characters.yaml``; this module holds the rules. :class:`MentionFinder`
is their compiled form, made once per lexicon version
(``MentionFinder.from_lexicon(lex)``), so the finder is cheap to call once per
sentence on 10^5 reports. Shortcuts keep it cheap without changing an answer: a
text holding no head is rejected by one regex; every prefix ends with one of a
few characters (of a level word, a multi-level item, a short place name), so
most heads are settled by one character test; a multi-level prefix or a
qualifier chain is searched for only within the run of its characters; the
answer of ``prefix`` at a position is kept for the text. Their machinery, which
knows nothing of the domain, lives in :mod:`~congress_lib.fastpath`;
``MentionFinder.from_lexicon(lex, shortcuts=False)`` runs without any of it,
and the tests compare the two.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import os
import re
from functools import lru_cache
from operator import itemgetter

from .errors import InvalidArgumentError, LexiconError
from .fastpath import (
    ANY_CHAR,
    EndRegex,
    EndWords,
    Lookahead,
    WordSet,
    alternation,
    by_length,
    cached_end_words,
    end_words,
    first_chars,
    last_chars,
    lookahead,
    norm_paren,
    word_chars,
    word_gate,
)
from .jurisdiction import Jurisdiction
from .resources import Lexicon, compiled, load_lexicon
from .text import CJK, char_class, characters, closers, openers, pair_chars

__all__ = ["find_mentions", "MentionFinder", "MENTION_TYPES"]

#: The four mention types, in the order used to break ties between equal spans.
MENTION_TYPES = ("station", "deputy", "agency", "congress")
_TYPE_ORDER = {t: i for i, t in enumerate(MENTION_TYPES)}

_CJK_RE = re.compile(f"[{CJK}]")
_LATEST = ""  # the key of ``earlier`` that holds the latest station named in the unit
_ITEM_REACH = 6  # characters of a list's first item read before its first 、 (代表微信群、…)
_WINDOW = 24  # characters read leftwards for a prefix
_LONG_NAME = (3, 6)  # lengths of a name written without a Han surname (敖日格勒, 扎西顿珠)
# a name in parts joined by a middle dot (a Uyghur or Kazakh name: 阿依古丽·买买提), each part
# one to six characters; the dots a page may use for it
_NAME_DOTS = "·•・‧"
_DOTTED_RE = re.compile(f"[{CJK}]{{1,6}}(?:[{_NAME_DOTS}][{CJK}]{{1,6}})+")
_DOTTED_END_RE = re.compile(f"(?:[{CJK}]{{1,6}}[{_NAME_DOTS}])+[{CJK}]{{1,6}}$")
_MEMO_MAX = 200_000  # entries of a memo table before it is emptied
_RANK = {"national": 0, "provincial": 1, "municipal": 2, "district": 3, "township": 4, "community": 5,
         "village": 5}


@lru_cache(maxsize=1)
def _jieba_dictionary() -> bytes | None:
    """jieba's dictionary file (word, frequency, part of speech per line), read once per
    process for every word list taken from it; None without jieba."""
    # The file is jieba's package resource dict.txt: read where the package lies, without
    # importing jieba (its import, through pkg_resources, costs a tenth of a second a process)
    spec = importlib.util.find_spec("jieba")
    if spec is not None and spec.origin and isinstance(spec.loader, importlib.machinery.SourceFileLoader):
        path = os.path.join(os.path.dirname(spec.origin), "dict.txt")
        if os.path.isfile(path):
            with open(path, "rb") as fh:
                return fh.read()
    try:
        import jieba
    except ImportError:  # pragma: no cover - jieba is a dependency
        return None
    with jieba.Tokenizer().get_dict_file() as fh:  # a fresh, uninitialised tokenizer: the global one is not touched
        return fh.read()


@lru_cache(maxsize=4)
def _non_name_words(tags: tuple[str, ...], min_len: int = 2) -> frozenset:
    """Two- (``min_len``-) to four-character words that jieba's dictionary tags with one of ``tags``.

    jieba's dictionary (word, frequency, part of speech) is used as a word list
    only, never to segment: a candidate place name that is a verb or an adverb
    (督促, 回应, 积极) is no name. Without jieba the check is skipped.
    """
    if not tags:
        return frozenset()
    data = _jieba_dictionary()
    if data is None:  # pragma: no cover - jieba is a dependency
        return frozenset()
    # Reading the words out of the 5 MB dictionary costs a fifth of a second; the result
    # is kept in the cache folder under a hash of the dictionary and the tags.
    from .text import read_cached, write_cached

    key = hashlib.sha256(data + "\0".join(sorted(set(tags))).encode("utf-8")
                         + (f"\0{min_len}".encode() if min_len != 2 else b"")).hexdigest()[:32]
    name = f"non-name-words-{key}.txt"
    cached = read_cached(name)
    if cached is not None:
        return frozenset(cached.decode("utf-8").split("\n")) - {""}
    # A line "word frequency tag" (three whitespace-separated fields) whose word
    # has two to four characters and whose tag is wanted; one regex pass in C.
    ws = r"[^\S\n]"
    tag = "|".join(re.escape(t) for t in sorted(set(tags), key=lambda t: (-len(t), t)))
    line = re.compile(rf"^{ws}*(\S{{{min_len},4}}){ws}+\S+{ws}+(?:{tag}){ws}*$", re.M)
    words = frozenset(line.findall(data.decode("utf-8")))
    write_cached(name, "\n".join(sorted(words)).encode("utf-8"))
    return words


class _Prefix:
    """What stands before a head and belongs to the span.

    ``kind`` is none | named | short | level | multi | each | session (a bare
    session number such as 十届, meaning the unit's own body). Treated as
    immutable (a finder shares one object between the heads that ask for the
    same prefix); a plain slotted class because one is made per head.
    """

    __slots__ = ("start", "kind", "word", "place", "level")

    def __init__(self, start: int, kind: str = "none", word: str = "", place: str = "", level: str = ""):
        self.start = start
        self.kind = kind
        self.word = word  # the prefix as written
        self.place = place  # resolved full place name, "" when unresolved
        self.level = level

    def __repr__(self) -> str:
        return f"_Prefix({self.start!r}, {self.kind!r}, {self.word!r}, {self.place!r}, {self.level!r})"


class _Rules:
    """Everything compiled from one lexicon: the rules of :class:`MentionFinder`.

    With ``shortcuts`` (the default) the fast paths of :mod:`~congress_lib.fastpath`
    are built: gates in front of the head lookaheads, dictionary look-ups for the
    words a window ends with, the characters every prefix or qualifier chain ends
    with, one regex rejecting a text that holds no head, and two memo tables
    (:meth:`bad_name`, :meth:`shorts_for`). With ``shortcuts=False`` none of them is
    built and every rule runs as its plain definition (a regex search, a scan of a
    word list); the answers are the same, and the tests compare the two.

    Shared by every thread that finds mentions with the lexicon: nothing changes
    after construction but the two memo tables, caches of answers that depend on
    their arguments and the lexicon only (bounded, emptied when full).
    """

    def __init__(self, lex: Lexicon, shortcuts: bool = True):
        places = lex["mention_places"]
        congress = lex["mention_congress"]
        deputies = lex["mention_deputies"]
        stations = lex["mention_stations"]
        agencies = lex["mention_agencies"]
        try:
            jur_not_places = list(lex["jurisdiction"].get("not_places", []))
            provinces = lex["jurisdiction"].get("provinces") or {}
        except LexiconError:
            jur_not_places, provinces = [], {}
        # provinces by short and full name: a delegation named by its province (辽宁代表团)
        self.province_re = end_words({*provinces, *provinces.values()}, shortcuts) if provinces else None

        self.shortcuts = shortcuts

        # --- punctuation (lexicon/characters.yaml) --------------------------------
        chars = characters(lex)
        # a bare place or organisation name starts after one of these or a space, and a
        # person's name ends before one; not after a corner bracket (see characters.yaml)
        self.punct = frozenset(
            chars.sentence_ends + chars.clause_marks + pair_chars(chars.double_quotes + chars.single_quotes)
            + chars.apostrophes + pair_chars(chars.brackets + chars.title_marks) + chars.other_marks + " \t\n")
        self.enumeration_commas = frozenset(chars.enumeration_commas)
        self.clause_commas = frozenset(chars.commas)
        # what joins two numbered deputy groups (市人大第十三小组、十五小组)
        self.group_joiners = frozenset(chars.enumeration_commas) | frozenset(chars.conjunctions)
        # the quotes around words that name a station head (“社情民意”示范点)
        self.open_quotes, self.close_quotes = openers(chars.quotes), closers(chars.quotes)
        # a quoted brand name stands between double quotes, not corner brackets
        brand_open, brand_close = char_class(openers(chars.double_quotes)), char_class(closers(chars.double_quotes))
        self.brand_open_re = re.compile(brand_open)
        # a cited title (no mention inside one is coded)
        self.title_open_re = re.compile(char_class(openers(chars.title_marks)))
        self.title_re = re.compile("|".join(
            f"{re.escape(o)}{char_class(o + c, negate=True)}{{0,80}}{re.escape(c)}" for o, c in chars.title_marks)) \
            if chars.title_marks else None
        # memo of bad_name (a cache; None without shortcuts)
        self._bad_names: dict[tuple[str, bool], bool] | None = {} if shortcuts else None

        # --- places and levels -------------------------------------------------
        self.suffixes = {norm_paren(k): v for k, v in places["suffixes"].items()}
        self.suffix_list = by_length(self.suffixes)
        self.suffix_by_last: dict[str, tuple[str, ...]] | None = None  # (None: an empty suffix)
        if shortcuts and all(self.suffix_list):
            self.suffix_by_last = {c: tuple(w for w in self.suffix_list if w[-1] == c)
                                   for c in {w[-1] for w in self.suffix_list}}
        self.scan_suffixes = [w for w in self.suffix_list if self.suffixes[w] in ("municipal", "district", "township")]
        self.scan_by_first: dict[str, list[str]] = {}
        for w in self.scan_suffixes:
            if w:
                self.scan_by_first.setdefault(w[0], []).append(w)
        self.scan_gate = re.compile("[" + "".join(map(re.escape, sorted(self.scan_by_first))) + "]") \
            if shortcuts and self.scan_by_first and all(self.scan_suffixes) else None
        self.level_words = {norm_paren(k): v for k, v in places["level_words"].items()}
        self.breakers = set(places["name_breakers"])
        # characters no name holds (bad_name: breakers, ASCII; and whitespace, tested apart)
        self.unnameable = frozenset(self.breakers) | frozenset(map(chr, range(128)))
        self.stops = set(places["left_stops"])
        self.stop_max = max(map(len, self.stops))
        self.not_names = set(places.get("not_names", [])) | set(jur_not_places)
        self.level_blockers = set(places.get("level_blockers", []))
        self.blocker_pairs = {w[i:i + 2] for w in self.level_blockers for i in range(len(w) - 1)}
        self.name_not_contain = tuple(places.get("name_not_contain", []))
        # (a place name never ends with a level suffix nor with a verb of handing over: 72件交 + 市政府)
        self.name_suffix_chars = set(places.get("name_suffix_chars", "")) | set(places.get("name_not_last", ""))
        self.non_name_words = _non_name_words(tuple(places.get("non_name_pos", [])))
        # words jieba tags as names (张贴 among them): a two-character name before 代表 is none of them
        self.dictionary_names = _non_name_words(("nr",))
        # of these, the words a name may start with right after a known place (鼓楼街道 + 新兴社区)
        self.after_place_words = self.non_name_words & _non_name_words(tuple(places.get("after_place_pos", [])))
        # (and characters a place name never ends with)
        self.unnameable_last = self.unnameable | self.name_suffix_chars | {w for w in self.stops if len(w) == 1}
        self.org_suffixes = by_length(places["org_suffixes"])
        self.numerals = frozenset(places["numerals"])
        numeral = char_class(places["numerals"])
        ordinal = f"(?:{re.escape(places['ordinal_prefix'])})?"
        self.ordinal_prefix = places["ordinal_prefix"]
        self.session_suffix = places["session_suffix"]
        self.level_suffix = places["level_suffix"]
        self.each_marker = places["each_marker"]
        self.national = places["national"]
        self.county_level_city_suffix = places["county_level_city_suffix"]
        self.num_level_re = re.compile(numeral + re.escape(self.level_suffix))  # 三级
        self.numbered_end_re = re.compile(f"{ordinal}{numeral}{{1,3}}\\Z")  # a number closing a place name (艾博第六 + 村)
        self.each_words = {norm_paren(k): v for k, v in places["each_words"].items()}
        self.multi_words = set(places.get("multi_words", []))
        items = alternation(places["multi_items"])
        counters = alternation(places["multi_counters"])
        leaders = alternation(places["multi_leaders"])
        compact = alternation(w for w in places["multi_items"] if len(w) == 1 or "(" in w)
        # between the items of a list of levels (市、区, 市区和镇)
        sep = f"(?:{char_class(chars.enumeration_commas + chars.commas)}" + (
            f"|{alternation(chars.conjunctions)})" if chars.conjunctions else ")")
        self.multi_re = re.compile(
            f"(?:(?:{leaders}))?(?:"
            f"(?:(?:{items}){sep}?){{1,5}}(?:{counters})"  # 省市区三级, 全国、省、市、区四级
            f"|(?:{items})(?:{sep}(?:{items})){{1,5}}"  # 市、区, 省、市、区
            f"|(?:{compact}){{2,6}}"  # 市区, 市县乡, 区镇(街)
            f"|(?:{counters})"  # 各级, 驻区各级
            f")\\Z"
        )
        self.item_re = re.compile(f"(?:{items})")
        self.multi_word_re = end_words(self.multi_words, shortcuts) if self.multi_words else None
        self.each_re = end_words(self.each_words, shortcuts)
        self.level_re = end_words(self.level_words, shortcuts)
        self.level_start_re = re.compile(f"(?:{alternation(self.level_words)})")
        self.ordinal_re = re.compile(f"{ordinal}{numeral}{{1,4}}{re.escape(self.session_suffix)}\\Z")
        # Every multi, each or level prefix ends with one of these characters
        # (multi_re ends with an item or a counter): after any other character
        # ``prefix`` knows at once that there is none (None: no such shortcut).
        self.prefix_ends = last_chars([*places["multi_items"], *places["multi_counters"], *self.multi_words,
                                       *self.each_words, *self.level_words]) if shortcuts else None
        # memo of shorts_for (a cache; None without shortcuts)
        self._shorts_memo: dict[frozenset, tuple] | None = {} if shortcuts else None

        # --- congress ------------------------------------------------------------
        self.congress_heads = {norm_paren(k): v for k, v in congress["heads"].items()}
        # the congress heads longer than one character: a loose place name never opens inside one
        self.congress_head_words = tuple(h for h in self.congress_heads if len(h) > 1)
        self.congress_re = lookahead(self.congress_heads, shortcuts)
        self.congress_multi = congress.get("multi_place", "")
        self.inherit_after = tuple(congress.get("inherit_after", []))
        units = congress.get("committee_units") or {}
        self.unit_endings = tuple(by_length(units.get("endings", [])))
        self.unit_name_max = int(units.get("name_max", 6))
        self.unit_not_start = tuple(units.get("not_start", []))
        self.unit_station_endings = tuple(units.get("station_endings", []))
        self.unit_joiners = frozenset(units.get("joiners", []))
        self.unit_offices = tuple(by_length(units.get("offices", [])))
        # a sitting of the congress (五次会议) between the congress and an organ of that sitting
        sitting = congress.get("sitting_word", "")
        self.sitting_re = re.compile(f"{ordinal}{numeral}{{1,3}}{re.escape(sitting)}\\Z") if sitting else None
        # a sitting named (某县第N届人民代表大会第M次会议, 县十八届人大三次会议): from then on in
        # the document a bare head followed by one of its `in_session_before` words is that sitting
        # (大会议程, 完成大会的各项议程, 决定大会的表决方式)
        bodies = congress.get("sitting_bodies") or []
        self.sitting_named_re = re.compile(f"(?:{alternation(bodies)}){ordinal}?{numeral}{{1,3}}{re.escape(sitting)}") \
            if sitting and bodies else None
        self.in_session_before = {head: tuple(by_length(o.get("in_session_before", []) or []))
                                  for head, o in self.congress_heads.items() if o.get("in_session_before")}
        self.in_session_after = {head: tuple(by_length(o.get("in_session_after", []) or []))
                                 for head, o in self.congress_heads.items() if o.get("in_session_after")}
        # a party body of a sitting (某县第N届人民代表大会第M次会议临时委员会, 临时党委): the
        # congress before it is no span of its own, the whole is a party organ
        party = congress.get("sitting_party_organs") or []
        self.sitting_party_re = re.compile(f"{ordinal}?{numeral}{{1,3}}{re.escape(sitting)}(?:{alternation(party)})") \
            if sitting and party else None
        joined = congress.get("joined_township") or {}
        self.joined_bodies = tuple(joined.get("bodies", []))
        self.joined_name_endings = tuple(by_length(joined.get("name_endings", [])))
        self.joined_name_max = int(joined.get("name_max", 6))
        # 市人大 + 各 + 专门委员会: the committees of a congress named together with it (see each_unit)
        each_units = congress.get("each_units") or {}
        self.each_unit_words = tuple(by_length(each_units.get("words", [])))
        self.each_unit_heads = frozenset(norm_paren(h) for h in each_units.get("heads", []))
        # the chain <name><ending> after a standing committee (选任联 + 工委), read by committee_unit()
        self.unit_re = re.compile(f"([{CJK}]{{0,{self.unit_name_max}}}?)(?:{alternation(self.unit_endings)})") \
            if self.unit_endings else None

        # --- deputies ------------------------------------------------------------
        self.deputy_heads = deputies["heads"]
        self.deputy_not_before = {head: tuple(o.get("not_before", []) or []) for head, o in self.deputy_heads.items()}
        self.deputy_re = lookahead(self.deputy_heads, shortcuts)
        self.multi_canonical = deputies["multi_canonical"]
        self.roles = deputies["roles"]
        self.role_re = lookahead(self.roles, shortcuts)
        self.groups = deputies["groups"]
        self.congress_word = deputies["congress_word"]
        self.deputy_word = deputies["deputy_word"]
        self.group_noun = deputies["group_noun"]
        self.named_head = self.congress_word + self.deputy_word  # 人大代表 (+ a person's name)
        # the roles whose field line lists deputies by name (领衔代表：王小明), and the colons of a field
        self.field_roles = tuple(deputies.get("field_roles", []) or [])
        self.field_colons = frozenset(deputies.get("field_colons", []) or [])
        # the delegation word a deputy's name may follow (平谷团代表王小明), and the bodies it is not
        self.delegation_leads = tuple(deputies.get("delegation_leads", []) or [])
        self.delegation_not_after = tuple(deputies.get("delegation_not_after", []) or []) or ("\0",)
        # the full deputy nouns a person's name may follow (人大代表王小明, 第十八届人民代表大会代表王小明)
        self.name_heads = tuple(sorted({self.named_head}
                                       | {h for h, o in self.deputy_heads.items() if o.get("names")}))
        self.deputy_group = self.deputy_word + self.group_noun  # 代表小组
        self.numbered_group = deputies["numbered_group"]
        congress_word, group_noun = re.escape(self.congress_word), re.escape(self.group_noun)
        group_alt = alternation(self.groups)
        group_firsts = first_chars(self.groups)
        group_opens = first_chars([self.congress_word, self.ordinal_prefix, self.group_noun])
        self.group_re = Lookahead(
            f"(?=((?:{congress_word})?(?:{ordinal}({numeral}{{1,4}})(?={re.escape(self.deputy_group)}|{group_noun}))?"
            f"(?:{group_alt}|(?<={numeral}){group_noun})))",
            None if group_firsts is None or group_opens is None or not shortcuts
            else group_firsts | group_opens | self.numerals,
        )
        self.bare_group_re = Lookahead(f"(?={group_noun}(?:{alternation(deputies['bare_group_before'])}))",
                                       first_chars([self.group_noun]) if shortcuts else None)
        self.bare_group_not_after = WordSet(deputies["bare_group_not_after"])
        self.bare_not_before = WordSet(deputies["bare_not_before"])
        self.group_not_after = WordSet(deputies.get("group_not_after", []))
        self.bare_not_after = WordSet(deputies["bare_not_after"])
        self.bare_after_ok = WordSet(deputies.get("bare_after_ok", []))
        self.bare_before_ok = WordSet(deputies.get("bare_before_ok", []))
        composition = deputies.get("composition") or {}
        self.composition_groups = WordSet(composition.get("groups", []))
        self.composition_shares = tuple(composition.get("shares", []))
        self.composition_bodies = tuple(composition.get("bodies", []))
        delegation = deputies.get("delegation_after_congress") or {}
        self.delegation_nouns = frozenset(delegation.get("nouns", []) or [])
        # <session>人大 + a name of 2..name_max characters ending right before the noun
        name_not = "".join(delegation.get("name_not", []) or [])
        self.delegation_name_re = re.compile(
            f"{re.escape(self.session_suffix)}{re.escape(self.congress_word)}"
            f"([{CJK}]{{2,{int(delegation.get('name_max', 5))}}})\\Z") if self.delegation_nouns else None
        self.delegation_name_not = frozenset(name_not)
        self.name_roles = set(deputies["name_roles"])
        self.name_end = WordSet(deputies["name_end_words"])
        self.straddled_before = WordSet(congress.get("straddled_before", []))
        self.straddled_after = WordSet(congress.get("straddled_after", []))
        self.name_not_last = frozenset(deputies.get("name_not_last", []))
        self.person_not_pos = tuple(deputies.get("person_not_pos", []))
        self.person_not_before = WordSet(deputies.get("person_not_before", []))
        self._common_words: frozenset | None = None  # (read from jieba's dictionary when first needed)
        self.transliteration_chars = frozenset(deputies.get("transliteration_chars", ""))
        self.surnames: dict[str, list[str]] = {}
        for name in by_length(deputies["surnames"]):
            self.surnames.setdefault(name[0], []).append(name)

        # --- stations --------------------------------------------------------------
        self.station_heads = {norm_paren(k): v for k, v in stations["heads"].items()}
        self.station_re = lookahead(self.station_heads, shortcuts)
        quals = list(stations["qualifiers"]) + list(self.level_words)
        # a sector word stands among the qualifiers only after a deputy word (人大代表 + 企业 +
        # 联系点, 代表 + 楼宇 + 联络点): alone before a head it names a firm's own unit (企业工作站)
        # (and so do a platform's medium, 代表 + 微信 + 平台, and a room's use, 人大代表 + 多功能 + 活动室:
        # see media_qualifiers and room_uses)
        sectors = [*stations.get("sector_qualifiers", []), *stations.get("media_qualifiers", []),
                   *stations.get("room_uses", [])]
        sector_part = (f"(?:{alternation([deputies['deputy_word']])}(?:{alternation(quals + sectors)})*)?"
                       if sectors else "")
        # a product or trade named before a sector word, after a deputy word (人大代表 + 新能源 + 产业 +
        # 联系点, 人大代表 + 茶叶 + 产业 + 联络点): the words between are the sector's name
        self.product_station_re = re.compile(
            f"(?:{re.escape(self.congress_word)})?{re.escape(deputies['deputy_word'])}([{CJK}]{{2,4}}?)"
            f"(?:{alternation(stations['sector_qualifiers'])})(?:{alternation(quals)})*"
            f"(?:{alternation(list(stations['heads']))})") if stations.get("sector_qualifiers") else None
        # a qualifier that is a verb as well (交流) opens no chain before a deputy word: it is
        # the verb and the station its object (到本县交流 + 代表联络站的做法)
        verb_quals = [q for q in stations.get("verb_qualifiers", []) if q in quals]
        deputy_opens = alternation([self.deputy_word, self.congress_word])
        qual_alt = "|".join([f"{re.escape(q)}(?!{deputy_opens})" for q in verb_quals]
                            + [alternation([q for q in quals if q not in verb_quals])])
        self.qual_re = re.compile(f"(?=.)(?:{qual_alt})*{sector_part}\\Z", re.S)
        # a qualifier written in quotes inside a station's name (人大代表“流动”联络站)
        self.quoted_qual_re = re.compile(f"(?:{alternation(quals)})+")
        # a parenthesised alternative: listed ((站), (点)) or a station head, with its qualifiers
        # (代表之家(联络站), 实践站(代表联络站): one station under two names)
        paren_open, paren_close = char_class(openers(chars.parentheses)), char_class(closers(chars.parentheses))
        self.alt_re = re.compile(f"(?:{alternation(stations['alternatives'])}"
                                 f"|{paren_open}(?:{alternation(quals)})*(?:{alternation(self.station_heads)})"
                                 f"{paren_close})")
        # a parenthesised alternative inside a generic station's qualifiers (村(居), 乡镇(街道)):
        # dropped from the canonical name as a trailing one is
        self.inner_alt_re = re.compile(f"{paren_open}[{CJK}、]{{1,8}}{paren_close}")
        self.right_re = re.compile(f"(?:{alternation(stations.get('right_extensions', []))})") \
            if stations.get("right_extensions") else None
        self.right_words = set(stations.get("right_extensions", []))
        self.dropped_extensions = set(stations.get("dropped_extensions", []))
        self.list_marker = stations.get("list_marker", "")
        self.checklist_marker = stations.get("checklist_marker", "")
        self.checklist_seps = frozenset(chars.enumeration_commas) | frozenset(chars.commas)
        # names listed before 等, a count and a deputy noun (王建国、李秀英等11名代表): see listed_deputies
        counters = deputies.get("list_counters", [])
        self.deputy_list_re = re.compile(
            f"{re.escape(self.list_marker)}(?:{char_class(''.join(sorted(self.numerals)))}{{1,6}}"
            f"(?:{alternation(deputies.get('list_count_hedges', []))})?(?:{alternation(counters)}))?") \
            if self.list_marker and counters else None
        self.list_not_before = WordSet(deputies.get("list_not_before", []))
        # names set in apposition to a count of deputies (代表1名，即某县选举的王小明): see apposed_deputies
        markers, elected = deputies.get("apposition_markers", []), deputies.get("elected_by", [])
        self.apposition_re = re.compile(
            f"{re.escape(self.deputy_word)}{char_class(''.join(sorted(self.numerals)))}{{1,6}}"
            f"(?:{alternation(counters)})[，,：:]?(?:{alternation(markers)})"
            f"(?:[{CJK}]{{1,12}}?(?:{alternation(elected)}))?") if markers and counters and elected else None
        # names in brackets after an election and a count (补选3名（王小明、李红）): see apposed_deputies
        elected_counts = deputies.get("elected_counts", [])
        self.elected_list_re = re.compile(
            f"(?:{alternation(elected_counts)}){char_class(''.join(sorted(self.numerals)))}{{1,6}}"
            f"(?:{alternation(counters)})(?:{re.escape(self.congress_word)})?(?:{re.escape(self.deputy_word)})?[（(]") \
            if elected_counts and counters else None
        # a name after a post or trade (镇党委书记王小明): see titled_deputies
        self.job_titles = WordSet(deputies.get("job_titles", []))
        self.job_title_re = re.compile(f"(?:{alternation(deputies['job_titles'])})") \
            if deputies.get("job_titles") else None
        self.elected_words = tuple(deputies.get("elected_words", []))
        # a profile that opens with the person (王小明，女，汉族，…，某县人大代表): see profiled_deputies
        sexes = deputies.get("profile_sex_words", [])
        self.profile_re = re.compile(f"[，,](?:{alternation(sexes)})[，,、（(]") if sexes else None
        self.elected_since = tuple(deputies.get("elected_since", []))
        self.name_max = int(stations.get("name_max", 10))
        self.brands = {str(k): str(v or "") for k, v in (stations.get("brands") or {}).items()}
        self.brand_re = lookahead(self.brands, shortcuts) if self.brands else None
        self.brand_endings = tuple(by_length(stations["brand_endings"]))
        self.brand_heads = frozenset(stations.get("brand_heads", []))
        self.brand_not_names = tuple(stations.get("brand_not_names", []))
        self.refer_back = tuple(stations.get("refer_back", []))
        # 该站, 此站: see demonstrative_stations
        demo = stations.get("demonstrative_station") or {}
        self.demonstrative_station_re = re.compile(
            f"(?:{alternation(demo['words'])})({re.escape(demo['head'])})(?!{alternation(demo.get('not_followed', []) or ['(?!)'])})") \
            if demo.get("words") and demo.get("head") else None
        self.station_parts = frozenset(stations.get("station_parts", []))
        # heads that are everyday nouns as well (之家, 服务站): alone, they refer back only to a
        # station of their own head
        self.everyday_heads = frozenset(stations.get("everyday_heads", []))
        # the uses of a room that is no deputies' place (多功能, 老年 + 活动室), unless a deputy
        # word stands before the use (人大代表 + 多功能活动室)
        self.room_uses = tuple(by_length(stations.get("room_uses", [])))
        # the bodies whose members' rooms are no deputies' stations (政协 + 委员之家)
        self.other_bodies = tuple(by_length(stations.get("other_bodies", [])))
        # the measure words of a count of stations (8个联络点, 联络点83个), see Finder.counted
        self.count_words = frozenset(stations.get("count_words", []))
        # what ends the clause a list of platforms stands in (X、Y等平台)
        self.sentence_stops = frozenset(chars.full_stops + chars.exclamation_and_question_marks)
        self.clause_stops = frozenset(chars.full_stops + chars.exclamation_and_question_marks + chars.semicolons
                                      + chars.commas + chars.colons)
        self.site_words = frozenset(stations.get("site_words", []))
        self.station_parts |= self.site_words
        setup = alternation(stations["setup_verbs"])
        # the verb may stand a few characters before the quote, but not across a clause
        between = char_class(pair_chars(chars.double_quotes) + chars.full_stops + chars.semicolons + chars.commas,
                             negate=True)
        self.quoted_re = re.compile(f"(?:{setup}){between}{{0,6}}{brand_open}([{CJK}·]{{2,10}}){brand_close}")
        self.not_brand_after = tuple(stations["not_brand_after"])
        # a station as the subject of the setup verb, a quote after 的: a role (联络站建成…的“服务站”),
        # not a brand the station creates (活动室创建“莲心室”品牌)
        self.station_head_tuple = tuple(by_length(stations["heads"]))
        self.brand_min_chars = int(stations.get("brand_min_chars", 0) or 0)
        self.quoted_name_max = int(stations.get("quoted_name_max", 0) or 0)
        self.not_venue_endings = tuple(stations.get("not_venue_endings", []))
        # a deputy qualifier before a quoted station (代表“家站”, 人大代表“连心驿站”示范点), and
        # the quoted single-character pieces that together name the platforms (“家”“站”)
        self.quote_pairs = {o: c for o, c in chars.double_quotes}
        self.quoted_qualifiers = tuple(by_length(stations.get("quoted_qualifiers", [])))
        pieces = stations.get("quoted_pieces", [])
        # two to six quoted pieces, written as one and one to five more: the pattern then opens
        # with a quote, to which the regex engine skips (a leading repeat makes it try every position)
        piece = f"{brand_open}(?:{alternation(pieces)}){brand_close}"
        self.pieces_re = re.compile(f"{piece}(?:{piece}){{1,5}}") if pieces else None
        # pieces that refer back to the stations named before (“家”, “家、站、点”, “两站”, 站(点))
        self.piece_names = {str(k): str(v) for k, v in (stations.get("piece_names") or {}).items()}
        self.piece_ref_re = self.piece_alt_re = None
        self.piece_joiner_chars: frozenset[str] = frozenset()
        self.piece_platform_re = None
        if self.piece_names:
            one = char_class("".join(self.piece_names))
            self.piece_joiner_chars = frozenset("".join(stations.get("piece_joiners", [])))
            joiner = char_class("".join(stations.get("piece_joiners", [])))
            numeral = char_class("".join(stations.get("piece_numerals", [])))
            # a count of kinds may close on a counted platform (“两室一平台”, “两站一网”)
            counted = alternation(list(self.piece_names) + list(stations.get("piece_platforms", [])))
            group = (f"{brand_open}(?:{one}(?:{joiner}?{one}){{0,3}}"
                     f"|{numeral}{one}(?:{numeral}(?:{counted}))?){brand_close}")
            # quoted pieces in a row, side by side or joined by a comma or a conjunction (“家”和“站”)
            between = alternation(list(chars.enumeration_commas) + list(chars.conjunctions))
            self.piece_ref_re = re.compile(f"{group}(?:\\s*(?:{between})?\\s*{group}){{0,5}}")
            self.piece_group_re = re.compile(group)
            self.piece_alt_re = re.compile(f"{one}[(（]{one}[)）]")
            # a platform right after a quoted list of the pieces it holds (“家、站、点”网络平台)
            self.piece_platform_re = re.compile(
                "\\s?(?:" + alternation(quals) + ")*(?:"
                + alternation([h for h, o in stations["heads"].items() if o.get("quote_needs")]) + ")")
        self.deputy_venue_re = re.compile(
            f"{brand_open}([{CJK}]{{0,4}}?((?:{congress_word})?{re.escape(self.deputy_word)})[{CJK}]{{0,6}}"
            f"(?:{alternation(stations['brand_endings'])})){brand_close}")
        # any quoted name with a station's ending: it refers back to a station named before
        # whose name ends with it (“王小明调解工作室” after the “全国人大代表王小明调解工作室”)
        self.quoted_end_re = re.compile(
            f"{brand_open}([{CJK}]{{3,{self.quoted_name_max or 14}}}){brand_close}")
        # a quoted deliberation venue needs no verb either: “议事厅”, “流动民生议事厅” among forms of contact
        venue_heads = stations.get("quoted_venue_heads", [])
        self.quoted_venue_re = re.compile(
            f"{brand_open}([{CJK}]{{0,8}}(?:{alternation(venue_heads)})){brand_close}") if venue_heads else None
        # the deputies' or the congress's app, named in quotes (“代表在线”App, “找代表”小程序)
        apps, app_needs = stations.get("app_words", []), stations.get("app_needs", [])
        self.quoted_app_re = re.compile(
            f"{brand_open}([{CJK}]{{0,8}}(?:{alternation(app_needs)})[{CJK}]{{0,8}}){brand_close}"
            f"\\s?(?:{alternation(apps)})") if apps and app_needs else None
        self.station_levels = {norm_paren(k): v for k, v in stations["levels"].items()}
        self.station_level_items = sorted(self.station_levels.items(), key=lambda kv: (-len(kv[0]), kv[0]))
        # the first of station_level_items that a (paren-normalised) chain holds: at each
        # position the longest word starting there; the earliest item among them wins
        self.station_level_rank = {w: i for i, (w, _) in enumerate(self.station_level_items)}
        self.station_level_re = re.compile(
            "(?=(" + "|".join(re.escape(w) for w, _ in self.station_level_items) + "))")
        # a platform named after a body (主席团活动平台): the body's mechanism, no station
        body = stations.get("body_platforms") or {}
        self.body_platform_heads = frozenset(body.get("heads", []))
        self.body_platform_ends = tuple(b + f for b in body.get("bodies", []) for f in ["", *body.get("fillers", [])])
        # a room owned by a congress organ (常委会代表联络室, 人大工作室): a congress body
        offices = stations.get("congress_offices") or {}
        self.office_heads = frozenset(offices.get("heads", []))
        self.office_owners = tuple(  # (owner as written, length of the organ word in it)
            (o, len(o.removesuffix(self.deputy_word))) for o in by_length(offices.get("owners", [])))
        # a bare room name that acts as an organ's office (代表联络室 + 工作人员 / 组织 …)
        self.office_acts = tuple(by_length(offices.get("acts", [])))
        self.office_act_window = int(offices.get("act_window", 0))
        self.office_joiners = frozenset(offices.get("joiners", []))
        organ = self.congress_heads.get(offices.get("organ", ""))
        self.office_organ = organ["canonical"] if organ else ""
        self.station_info = {  # head -> (needs, bare, proper: a bare proper name may stand before it)
            head: (o.get("needs"), o.get("bare"), bool(o.get("bare")) and head not in self.right_words)
            for head, o in self.station_heads.items()}
        # heads whose name may hold a short brand and be shortened (全过程人民民主 + 巴渝 + 实践站)
        self.brand_quote_max = int(stations.get("brand_quote_max", 0))
        self.short_name_heads = frozenset(head for head, o in self.station_heads.items() if o.get("short_name"))
        self.quote_needs_heads = frozenset(head for head, o in self.station_heads.items() if o.get("quote_needs"))
        # heads that, right before one of these words, are part of another word (行业站 + 位: 站位)
        self.head_not_followed = {head: tuple(o["not_followed"]) for head, o in self.station_heads.items()
                                  if o.get("not_followed")}
        # heads with `needs` whose bare form still names the station named before (在收集点: the 民意收集点)
        self.needs_refer_heads = frozenset(head for head, o in self.station_heads.items() if o.get("refer_back"))
        # heads whose `needs` hold after a name too (侨联服务点, a firm's 服务点: no deputies' place)
        self.strict_needs_heads = frozenset(head for head, o in self.station_heads.items() if o.get("strict_needs"))

        # --- agencies ------------------------------------------------------------
        national = agencies.get("national_organs") or {}
        # (the State Council's ministries and the supreme court: heads of their own, national, named in full)
        self.agency_heads = {**agencies["heads"], **{
            name: {"branch": (national.get("branches") or {}).get(name, "department"), "canonical": full,
                   "bare": full, "level": "national", "not_before": list(national.get("not_before") or [])}
            for name, full in (national.get("names") or {}).items()}}
        self.departments = agencies["departments"]
        self.standalone = set(agencies.get("standalone", []))
        abbreviations = agencies.get("abbreviations") or {}
        self.agency_re = lookahead(list(self.agency_heads) + list(self.departments) + list(abbreviations), shortcuts)
        self.dept_tail_re = lookahead(agencies["department_heads"], shortcuts)
        self.department_endings = tuple(agencies["department_heads"])
        self.department_body_max = int(agencies.get("department_body_max_chars", 8))
        self.conjunctions = tuple(chars.conjunctions)
        self.not_department = set(agencies.get("not_department_words", []))
        self.not_department_bodies = tuple(agencies.get("not_department_bodies", []))
        # 政协第十二届某市委员会: the committee of such an institution (and its term) is no Party committee
        self.foreign_committee_re = re.compile(
            f"(?:{alternation(self.not_department_bodies)})"
            f"(?:(?:{re.escape(self.ordinal_prefix)})?{char_class(''.join(sorted(self.numerals)))}{{1,4}}"
            f"{re.escape(self.session_suffix)})?\\Z") if self.not_department_bodies else None
        self.attach_heads = set(agencies.get("attach_to_bodies", []))
        self.sub_units = set(agencies.get("government_units", []))
        self.generic = agencies["generic"]
        self.generic_canonical = agencies.get("generic_canonical") or {}
        sector_head = self.sector_head = agencies["sector_head"]
        sector_pattern = f"(?=((?:{alternation(agencies['sector_words'])}){re.escape(sector_head)}))"
        self.sector_re = Lookahead(sector_pattern, first_chars(agencies["sector_words"]),
                                   word_gate(f"{w}{sector_head}" for w in agencies["sector_words"])) \
            if shortcuts else Lookahead(sector_pattern)
        # offices and service centres of a township named by their function (镇经济发展办公室,
        # 村镇建设服务中心, 综合行政执法队): `<function word><office head>`
        # and the sections of its office named by a short function word (党政办, 城建科); not
        # before a word that makes the head none (中心工作, 办理)
        offices = agencies.get("function_offices") or {}
        groups = [g for g in (offices, offices.get("sections") or {}) if g.get("words") and g.get("heads")]
        office_names = [w + h for g in groups for h in g["heads"] for w in g["words"]]
        self.function_office_re = None
        if office_names:
            names = "|".join(f"(?:{alternation(g['words'])})(?:{alternation(g['heads'])})" for g in groups)
            stop = f"(?!{alternation(offices['not_before'])})" if offices.get("not_before") else ""
            office_pattern = f"(?=({names}){stop})"
            self.function_office_re = Lookahead(office_pattern, first_chars(offices["words"]),
                                                word_gate(office_names)) \
                if shortcuts else Lookahead(office_pattern)
        self.generic_re = lookahead(self.generic, shortcuts)
        # sector words listed before one shared head (县发改、财政、住建等部门): each is a department
        sector_words = f"(?:{alternation(agencies['sector_words'])})"
        list_marker = stations.get("list_marker", "")
        self.sector_list_re = re.compile(
            f"({sector_words}(?:{char_class(chars.enumeration_commas)}{sector_words})+)"
            + (f"(?:{re.escape(list_marker)})?" if list_marker else "") + re.escape(sector_head))
        self.sector_item_re = re.compile(sector_words)
        self.congress_owned = frozenset(agencies.get("congress_owned", []))
        # the units handling a proposal, with their other roles in parentheses
        roles, nouns = agencies.get("handling_roles") or [], agencies.get("handling_nouns") or []
        self.role_split_re = self.role_note_re = None
        if roles and nouns:
            role, noun = f"(?:{alternation(roles)})", f"(?:{alternation(nouns)})"
            joiner = f"(?:{alternation(list(chars.enumeration_commas) + list(chars.conjunctions))})"
            lead = agencies.get("handling_including") or []
            item = f"{role}{noun}?"
            inner = (f"(?:{alternation(lead)})?" if lead else "") + f"{item}(?:{joiner}{item})*"
            # 承办(主办、协办)单位: one mention, canonical 承办单位
            self.role_split_re = re.compile(f"({role}){paren_open}{inner}{paren_close}({noun})")
            # 承办单位(含主办、协办单位): the parenthesis glosses the mention before it
            self.role_note_re = re.compile(f"{role}{noun}({paren_open}{inner}{paren_close})")
        self.paren_open_re = re.compile(paren_open)

        # --- per-head options as tuples, and gates of the finder's fast paths -------
        self.congress_info = {
            head: (head, o["canonical"], o.get("bare", "keep"), bool(o.get("ordinal")),
                   tuple(o.get("not_after", []) or []), o.get("prefix_levels"), o.get("sub_unit"),
                   tuple(o.get("not_before", []) or []), tuple(o.get("only_after", []) or []),
                   bool(o.get("units")), bool(o.get("joins_congress")), tuple(o.get("offices", []) or []),
                   bool(o.get("session_organ")))
            for head, o in self.congress_heads.items()}
        self.inherit_adjacent = self.inherit_after + ("",)
        self.agency_info: dict[str, tuple] = {  # (branch, template, bare, not_before, prefix_levels, multi, level)
            head: ("department", "{place}" + name, "self" if head in self.standalone else "never", (), None, None, "")
            for head, name in self.departments.items()}
        abbreviation_not_before = tuple(agencies.get("abbreviation_not_before", []) or [])
        for head, name in abbreviations.items():  # 市住建, 区交委: like a department, with a level prefix
            self.agency_info.setdefault(head, ("department", "{place}" + name, "never", abbreviation_not_before,
                                               None, None, ""))
        for head, o in self.agency_heads.items():
            self.agency_info[head] = (o["branch"], o["canonical"], o.get("bare", "keep"),
                                      tuple(o.get("not_before", []) or []), o.get("prefix_levels"), o.get("multi"),
                                      o.get("level", ""))
        # a bare head in the report of a township whose name ends with one of these words is that
        # township's own organ (办事处 in a 街道's report → 某某街道办事处)
        self.agency_own_township = {head: tuple(o["own_township"]) for head, o in self.agency_heads.items()
                                    if o.get("own_township")}
        # heads that may take a place name of their own without a level word (清河办事处: a sub-district
        # office named by its place); the name is read as in name_before, at a boundary or after a stop word
        # a named head followed by one of its `not_before` words is none (清河办事处人大工委: the congress's)
        self.agency_named_bare = {head: tuple(o["named_bare"].get("not_before", []))
                                  for head, o in self.agency_heads.items() if o.get("named_bare")}
        # a bare head right after one of these words means the institution in general (党和政府)
        self.agency_generic_after = {head: tuple(o["generic_after"]) for head, o in self.agency_heads.items()
                                     if o.get("generic_after")}
        # a head whose prefix follows one of these words names another body (人大某某街道工委: the congress's)
        self.agency_not_after = {head: tuple(o["not_after"]) for head, o in self.agency_heads.items()
                                 if o.get("not_after")}
        # with a township prefix these heads need one of the words right after them (街道工委书记)
        self.agency_township_needs = {head: tuple(o["township_needs"]) for head, o in self.agency_heads.items()
                                      if o.get("township_needs")}
        # an organ hosting a station, inside the station's name (人大代表驻某县法院调解工作室): no agency
        hosts = agencies.get("station_host_markers") or []
        self.station_host_re = re.compile(alternation(hosts)) if hosts else None
        self.station_after_re = re.compile(
            f".{{0,{int(agencies.get('station_host_reach', 0))}}}?(?:{alternation(self.station_heads)})") \
            if hosts else None
        # every group (group_re, bare_group_re) holds a group word or 小组
        group_gate = word_gate(list(self.groups) + [self.group_noun]) if shortcuts else None
        self.group_gate = re.compile(group_gate) if group_gate is not None else None
        self.attach_words = tuple(sorted(self.attach_heads))
        self.sub_unit_words = tuple(sorted(self.sub_units))
        # 区政府办: the government's office named short, after a named or levelled government only
        short_units = agencies.get("government_short_units") or {}
        self.short_unit_words = {w: o["name"] for w, o in short_units.items()}
        self.short_unit_not_before = {w: tuple(o.get("not_before", []) or []) for w, o in short_units.items()}
        self.attach_gate = re.compile(alternation(self.attach_words)) \
            if shortcuts and all(self.attach_words) else None
        self.sub_unit_gate = re.compile(alternation(self.sub_unit_words)) \
            if shortcuts and all(self.sub_unit_words) else None
        self.org_suffix_tuple = tuple(self.org_suffixes)
        # organisation nouns ending in a level character (小区, 园区): estates, not districts
        self.estate_words = tuple(w for w in self.org_suffixes if w in self.level_blockers and w not in self.suffixes)
        # A multi-level prefix or a qualifier chain is a run of characters of its
        # words: its regex is searched from the start of that run only. The
        # qualifier chain ends with the last character of a qualifier.
        multi_parts = [*places["multi_leaders"], *places["multi_items"], *places["multi_counters"],
                       chars.enumeration_commas + chars.commas + "".join(chars.conjunctions)]
        self.multi_chars = word_chars(multi_parts) if shortcuts and all(multi_parts) else None
        quals_all = quals + sectors
        self.qual_chars = word_chars(quals_all) if shortcuts and all(quals_all) else None
        self.qual_ends = last_chars(quals_all) if shortcuts else None

        # --- one test for "this text can hold no mention at all" ------------------
        # Every candidate of the finder starts at a match of one of these (the
        # heads' gates, named_head for named deputies, the quoted-brand patterns); a
        # group (group_re) always holds one of the group words or the group noun. A text none
        # of them matches yields [] without running the finder.
        parts = [self.congress_re, self.deputy_re, self.role_re, self.bare_group_re,
                 self.station_re, self.brand_re, self.agency_re, self.dept_tail_re, self.sector_re, self.generic_re,
                 self.function_office_re]
        gates = [x.gate.pattern if x.gate is not None else None for x in parts if x is not None]
        gates.append(group_gate)
        # The gates are joined flat (a|b|c, not (?:a)|(?:b)): when every alternative
        # opens with a literal, the regex engine skips to their first characters (in C).
        # One alternative that opens otherwise (a group, a character class) makes it try
        # every alternative at every position, so the role split (a group) and the
        # piece with an alternative (a class) are searched as patterns of their own:
        # each opens with a set of characters the engine skips to. The quoted-brand
        # patterns open with a quote and are tried only when the text holds one.
        self.any_re: re.Pattern | None = None  # (some gate is unknown, or no shortcuts: always run the finder)
        self.any_more: tuple[re.Pattern, ...] = ()  # (searched after any_re finds nothing)
        self.quotes_re: re.Pattern | None = None
        if shortcuts and all(g is not None for g in gates):
            self.any_re = re.compile("|".join(gates + [re.escape(self.named_head)]))
            self.any_more = tuple(x for x in (self.role_split_re, self.piece_alt_re, self.elected_list_re,
                                              self.demonstrative_station_re) if x is not None)
            self.quotes_re = re.compile("|".join(
                [self.quoted_re.pattern, self.deputy_venue_re.pattern]
                + ([self.pieces_re.pattern] if self.pieces_re is not None else [])
                + ([self.piece_ref_re.pattern] if self.piece_ref_re is not None else [])
                + ([self.quoted_venue_re.pattern] if self.quoted_venue_re is not None else [])
                + ([self.quoted_app_re.pattern] if self.quoted_app_re is not None else [])))

    def may_hold(self, text: str) -> bool:
        """False when ``text`` can hold no mention: no gate of a head matches (``any_re``,
        ``any_more``) and no quoted brand (``quotes_re``, after a quote). Shortcuts only."""
        if self.any_re.search(text) is not None or any(x.search(text) is not None for x in self.any_more):
            return True
        return self.brand_open_re.search(text) is not None and self.quotes_re.search(text) is not None

    # ------------------------------------------------------------------ places
    def common_word(self, name: str) -> bool:
        """True when ``name`` (two to four characters) is a word of jieba's dictionary tagged
        with one of ``person_not_pos`` (高质量, 农民工, 卫生): no person's name."""
        words = self._common_words
        if words is None:
            words = self._common_words = _non_name_words(self.person_not_pos) if self.person_not_pos \
                else frozenset()
        return name in words

    def person_name(self, name: str) -> str | None:
        """What ``name`` is as a person's name: "name", "word" (it has a name's shape but reads
        as a word: 卫生, 郑重, 部分), or None.

        A surname (or a double surname) and one or two characters, neither the surname nor
        the given name a stop word (向, 和), the name not ending like a group, a trade or a
        place (``name_not_last``: 张庄村); a word when it, its first or last two characters
        or its given name is a word that is no name (``non_name_pos``, ``person_not_pos``).
        """
        kind = None
        for surname in self.surnames.get(name[:1], ()):
            given = name[len(surname):]
            if not name.startswith(surname) or not 1 <= len(given) <= 2:
                continue
            if surname in self.stops or given in self.stops or given[-1] in self.stops \
                    or given[-1] in self.name_not_last:
                continue
            words = self.non_name_words
            if name in words or name[:2] in words or given in words or name[-2:] in words \
                    or self.common_word(name):
                kind = "word"
                continue
            return "name"
        return kind

    def long_name(self, name: str) -> bool:
        """Whether ``name`` has the form of a person's name written without a Han surname (敖日格勒,
        扎西顿珠): 3–6 Han characters, no deputy or congress word, not the form of a Han name
        (``person_name``), no word nor phrase (``bad_name``, strict: 高度重视), no word of two
        characters inside it (王某然获悉后: a Han name and a verb), not ending like a group or a
        trade (``name_not_last``: 专业小组)."""
        low, high = _LONG_NAME
        return low <= len(name) <= high and all(_CJK_RE.match(ch) for ch in name) \
            and self.deputy_word not in name and self.congress_word not in name \
            and name[-1] not in self.name_not_last and self.person_name(name) is None \
            and not self.bad_name(name) and not self.common_word(name) \
            and not any(name[i:i + 2] in self.non_name_words for i in range(1, len(name) - 2))

    def dotted_name(self, name: str) -> bool:
        """Whether ``name``, in parts joined by a middle dot, has the form of a person's name
        (阿依古丽·买买提): each part two to six characters without a deputy or congress word, spelled
        with ``transliteration_chars`` (a part of two or three characters with them only, a longer
        part with at most one other character), so a slogan in parts (有约·共绘同心圆) is none."""
        spelled = self.transliteration_chars
        return all(2 <= len(p) <= _LONG_NAME[1] and self.deputy_word not in p and self.congress_word not in p
                   and sum(c not in spelled for c in p) <= (len(p) > 3) for p in re.split(f"[{_NAME_DOTS}]", name))

    def level_of(self, name: str) -> str:
        """Level of a full place name from its suffix (同安区 → district)."""
        suffix = self.suffix_of(name)
        return self.suffixes[suffix] if suffix else ""

    def suffix_of(self, name: str) -> str:
        """The longest place suffix ``name`` ends with ("" if none)."""
        for suffix in self.suffixes_ending(name[-1:]):
            if name.endswith(suffix):
                return suffix
        return ""

    def suffixes_ending(self, char: str):
        """The place suffixes that can end with ``char``, longest first."""
        if self.suffix_by_last is None:
            return self.suffix_list
        return self.suffix_by_last.get(char, ())

    def shorts_for(self, known: frozenset) -> tuple[dict, EndWords | EndRegex | None, frozenset | None]:
        """Short names of the ``known`` places (同安 → 同安区), their end-word finder,
        and the characters a prefix can end with when short names count.

        The answer depends on the place names and the lexicon only, so with
        shortcuts it is memoised (a bounded table, emptied when full).
        """
        memo = self._shorts_memo
        got = memo.get(known) if memo is not None else None
        if got is None:
            shorts: dict[str, str] = {}
            for full in sorted(known, key=lambda n: (len(n), n)):
                suffix = self.suffix_of(full)
                short = full[: -len(suffix)] if suffix else ""
                if len(short) >= 2 and short not in shorts:
                    shorts[short] = full
            ends = self.prefix_ends
            if ends is not None and shorts:
                ends = ends | last_chars(shorts)
            if not shorts:
                got = (shorts, None, ends)
            elif self.shortcuts:
                got = (shorts, cached_end_words(tuple(sorted(shorts))), ends)
            else:
                got = (shorts, end_words(shorts, False), ends)
            if memo is not None:
                if len(memo) >= _MEMO_MAX:
                    memo.clear()
                memo[known] = got
        return got

    def is_stop_before(self, text: str, pos: int) -> bool:
        """True when ``pos`` is a clause boundary or right after a stop word."""
        if pos <= 0:
            return True
        if text[pos - 1] in self.breakers or text[pos - 1].isspace():
            return True
        for k in range(1, min(self.stop_max, pos) + 1):
            if text[pos - k:pos] in self.stops:
                return True
        return False

    def name_opens(self, text: str, pos: int) -> bool:
        """True when a person's name may open at ``pos``: at a clause boundary, after a stop word
        or after the number of an item (2.王小明), not inside a stop word. (A mark that is a letter
        to Python, the bar 丨 of 履职风采丨王小明代表, is a boundary too.)"""
        return (self.is_stop_before(text, pos) or not text[pos - 1].isalpha() or text[pos - 1] in self.punct) \
            and not self.inside_stop(text, pos)

    def inside_stop(self, text: str, pos: int) -> bool:
        """True when a stop word of two or more characters holds both ``text[pos - 1]`` and
        ``text[pos]``: a name cannot open inside it (来自 + 海东市, not 来 + 自海东市)."""
        for length in range(2, min(self.stop_max, len(text)) + 1):
            for k in range(max(1, pos + length - len(text)), min(length - 1, pos) + 1):
                if text[pos - k:pos - k + length] in self.stops:
                    return True
        return False

    def after_stop_word(self, text: str, pos: int) -> bool:
        """True when a stop word ends right before ``pos``."""
        return any(text[pos - k:pos] in self.stops for k in range(1, min(self.stop_max, pos) + 1))

    def crossing(self, text: str, pos: int, limit: int) -> int:
        """End of a ``level_blockers`` word that starts before ``pos`` and ends after it (else 0)."""
        if self.shortcuts and (pos < 1 or pos + 1 > limit or text[pos - 1:pos + 1] not in self.blocker_pairs):
            return 0  # (such a word holds the two characters around pos)
        for k in (1, 2, 3):
            for j in (1, 2, 3):
                if pos - k >= 0 and pos + j <= limit and text[pos - k:pos + j] in self.level_blockers:
                    return pos + j
        return 0

    def bad_name(self, name: str, strict: bool = True) -> bool:
        """True when ``name`` cannot be (the name part of) a place or organisation.

        ``strict`` (place names) also rejects a name that ends with a stop word, a
        verb-like word or a level suffix; organisation names may (企业服务 + 中心).
        The answer depends on the name and the lexicon only, so with shortcuts it
        is memoised (a bounded table, emptied when full).
        """
        memo = self._bad_names
        if memo is None:
            return self._bad_name(name, strict)
        key = (name, strict)
        got = memo.get(key)
        if got is None:
            if len(memo) >= _MEMO_MAX:
                memo.clear()
            got = memo[key] = self._bad_name(name, strict)
        return got

    def _bad_name(self, name: str, strict: bool, words: frozenset | None = None) -> bool:
        if any(c in self.breakers or c.isspace() or c.isascii() for c in name):
            return True
        if name in self.not_names or any(w in name for w in self.name_not_contain):
            return True
        if strict and name[-1] in self.name_suffix_chars:
            return True
        if words is None:
            words = self.non_name_words
        if words and (name in words or name[:2] in words or (strict and name[-2:] in words)):
            return True
        for k in range(1, min(self.stop_max, len(name)) + 1):
            if name[:k] in self.stops or (strict and name[-k:] in self.stops):
                return True
        return False

    def name_before(self, text: str, q: int, word: str, known: frozenset, loose: bool = False) -> int:
        """Start of a place name ending at ``q`` (the name of ``<name><word>``), or -1.

        A known full name wins; otherwise the longest 2–4 character name that
        starts at a clause boundary or after a stop word. With ``loose``, a
        two-character name that is not a stop word, verb or adverb is accepted
        without a boundary (实任圩街道人大 → 任圩街道人大).
        """
        # the longest known name <body><word> with a body of 1 to 8 characters ending at q
        # (a look-up per body length: the cost does not grow with the number of known names)
        for body in range(min(8, q), 0, -1):
            if text[q - body:q] + word in known:
                return q - body
        if q < 2:
            return -1
        if self.shortcuts:
            # Every candidate name below ends with the characters d, c: any of them
            # that no name may hold or end with makes all of them bad.
            c, d = text[q - 1], text[q - 2]
            if c in self.unnameable_last or d in self.unnameable or c.isspace() or d.isspace() \
                    or (d + c in self.non_name_words and d + c not in self.after_place_words) or d + c in self.stops:
                return -1
        bad_names = self._bad_names if self._bad_names is not None else {}
        for length in range(min(4, q), 1, -1):
            name = text[q - length:q]
            bad = bad_names.get((name, True))
            if bad is None:
                bad = self.bad_name(name)
            b = q - length
            after_place = any(text[b - n:b] in known for n in range(3, min(8, b) + 1))
            if bad and after_place and self.after_place_words:
                # right after a known place a name may open with an adjective or a numeral
                # that jieba lists (鼓楼街道 + 新兴社区, 龙江街道 + 三里店社区)
                bad = self._bad_name(name, True, self.non_name_words - self.after_place_words)
            if bad or name + word in self.not_names:
                continue
            if self.inside_stop(text, b):
                continue  # (来自海东市: no name 自海东 that opens inside the stop word 来自)
            if after_place or self.is_stop_before(text, b):
                return b  # (after a stop word, a boundary or a known place: 抚琴街道 + 西南街社区)
        if loose and q >= 2:
            name = text[q - 2:q]
            if not self.bad_name(name) and name + word not in self.not_names and _CJK_RE.match(name[0]) \
                    and not self.inside_stop(text, q - 2) \
                    and not text.endswith(self.congress_head_words, 0, q - 1):
                # (汇总至市: no name 总至 inside 汇总至; 向大会作常委会报告: no name 会作
                # opening inside the head 大会)
                return q - 2
        return -1

    # -------------------------------------------------------------- resolution
    def resolve_level(self, level: str, jur: Jurisdiction | None) -> str:
        """The full place name a bare level word stands for in ``jur`` ("" if unknown)."""
        if jur is None:
            return ""
        if level == "national":
            return self.national
        if level == "provincial":
            return jur.province or (jur.name if jur.level == "provincial" else "")
        if level == "municipal":
            if jur.level == "district" and jur.name.endswith(self.county_level_city_suffix):
                return jur.name  # a county-level city speaking of itself
            if jur.level == "township" and jur.district.endswith(self.county_level_city_suffix):
                return jur.district  # … and in a report on one of its townships
            return jur.city or (jur.name if jur.level == "municipal" else "")
        if level == "district":
            if jur.level == "township":
                return jur.district  # a township's report: 区 is the district it lies in
            return (jur.district or jur.name) if jur.level == "district" else ""
        if level == "township":
            return jur.name if jur.level == "township" else ""
        return ""

    def parent_of(self, level: str, jur: Jurisdiction | None) -> str:
        """The place one level above ``level`` in ``jur`` (the city of a set of districts)."""
        parent = {"district": "municipal", "municipal": "provincial", "provincial": "national"}.get(level, "")
        return self.resolve_level(parent, jur) if parent else ""

    def unresolved(self, word: str) -> str:
        """A level word kept as written in a canonical name (镇级 → 镇)."""
        word = norm_paren(word)
        suffix = self.level_suffix
        return word[:-len(suffix)] if suffix and word.endswith(suffix) and len(word) > len(suffix) else word


# ---------------------------------------------------------------------- the finder


_SPAN = itemgetter(0, 1)
_KIND_RANK = {"named": 0, "short": 1, "each": 2, "level": 3, "multi": 4}


# the branches of a state organ (no Party body) that open an enumeration of departments
_STATE_BRANCHES = frozenset({"department", "government", "public_security", "court", "procuratorate",
                             "supervision"})


def _prefix_order(p: _Prefix) -> tuple[int, int]:
    """Which of several prefixes wins: the longest, then by kind."""
    return p.start, _KIND_RANK[p.kind]


_JUR_NAMES: dict[int, tuple[Jurisdiction, frozenset]] = {}


def _fill(template: str, place: str) -> str:
    """``template`` with ``place`` put in, the seam written once when the place already ends with
    the words that follow it (某某街道 + 街道办事处 → 某某街道办事处)."""
    head = template.split("{place}", 1)[1] if "{place}" in template else ""
    for k in range(min(len(head), len(place)) - 1, 1, -1):
        if place.endswith(head[:k]):
            return template.replace("{place}" + head[:k], place, 1)
    return template.format(place=place)


def _jurisdiction_names(jur: Jurisdiction) -> frozenset:
    """The place names a jurisdiction knows (a name with 某, "郑州市某区", is a placeholder, not a name).

    Kept per jurisdiction object (a document's units share theirs; the table holds
    the object, so its id is not reused while the entry lives).
    """
    got = _JUR_NAMES.get(id(jur))
    if got is None or got[0] is not jur:
        if len(_JUR_NAMES) >= 1024:
            _JUR_NAMES.clear()
        names = frozenset(name for name in (jur.name, jur.province, jur.city, jur.district)
                          if name and "某" not in name)
        got = _JUR_NAMES[id(jur)] = (jur, names)
    return got[1]


class _Places:
    """The places of one text: the place names it knows and the prefixes before its heads.

    Known places are the unit's jurisdiction and the county and township names the
    text writes at a clause boundary; :meth:`prefix` reads what stands before a
    head and belongs to its span (a named place, a short name, a level word,
    several levels, "each"), :meth:`place_of` and :meth:`each_canonical` put it
    into a canonical name. The mention families of :class:`_Finder` build on it.
    """

    def __init__(self, text: str, jur: Jurisdiction | None, rules: _Rules):
        self.text = text
        self.jur = jur
        self.r = rules
        self.known = _jurisdiction_names(jur) if jur is not None else frozenset()
        found = self.scan_places()
        if found:
            self.known = self.known | found
        # short names (同安 → 同安区) and the characters any prefix asking for them can end with
        self.shorts, self.short_re, short_ends = rules.shorts_for(self.known)
        self.short_ends = ANY_CHAR if short_ends is None else short_ends
        self.plain_ends = ANY_CHAR if rules.prefix_ends is None else rules.prefix_ends
        # prefix() answers of this text, by arguments (None without shortcuts)
        self._prefixes: dict[tuple, _Prefix] | None = {} if rules.shortcuts else None
        if jur is None or not jur.name:
            self.own_place, self.own_level = "", ""
        else:
            self.own_place, self.own_level = jur.name, jur.level

    def scan_places(self) -> set:
        """County and township names the text writes at a clause boundary."""
        text, r = self.text, self.r
        found = set()
        if r.scan_gate is None:  # (an empty suffix in the lexicon: look everywhere)
            for suffix in r.scan_suffixes:
                pos = text.find(suffix)
                while pos != -1:
                    start = r.name_before(text, pos, suffix, self.known)
                    if start != -1 and "某" not in text[start:pos]:
                        found.add(text[start:pos + len(suffix)])
                    pos = text.find(suffix, pos + 1)
            return found
        for g in r.scan_gate.finditer(text):  # every position where some suffix starts
            pos = g.start()
            for suffix in r.scan_by_first[text[pos]]:
                if text.startswith(suffix, pos):
                    start = r.name_before(text, pos, suffix, self.known)
                    if start != -1 and "某" not in text[start:pos]:
                        found.add(text[start:pos + len(suffix)])
        return found

    # -- prefixes -------------------------------------------------------------------
    def prefix(self, pos: int, *, named: bool = True, short: bool = False, ordinal: bool = False) -> _Prefix:
        """The longest prefix ending at ``pos`` (kind ``none`` with ``start=pos`` if none).

        Every prefix ends with a character of ``short_ends`` / ``plain_ends`` (a
        session number with 届): after any other character there is none. Several
        heads ask for the prefix at one position (人大代表 is a congress and a
        deputy head): with shortcuts each answer is kept for the rest of this text.
        """
        if pos:
            last = self.text[pos - 1]
            if (ordinal and self.text.endswith(self.r.session_suffix, 0, pos)) or last in (self.short_ends if short else self.plain_ends):
                memo = self._prefixes
                if memo is None:
                    return self._prefix(pos, named, short, ordinal)
                key = (pos, named, short, ordinal)
                p = memo.get(key)
                if p is None:
                    p = memo[key] = self._prefix(pos, named, short, ordinal)
                return p
        return _Prefix(pos)

    def _prefix(self, pos: int, named: bool, short: bool, ordinal: bool) -> _Prefix:
        text, r = self.text, self.r
        if ordinal:
            window = text[max(0, pos - 6):pos]
            m = r.ordinal_re.search(window)
            if m:
                o_start = pos - (len(window) - m.start())
                p = self.prefix(o_start, named=named, short=short)
                return p if p.kind != "none" else _Prefix(o_start, "session", text[o_start:pos])
            if text[pos - 1] not in (self.short_ends if short else self.plain_ends):
                return _Prefix(pos)
        if short:
            # the prefix without short names, then a short name if it starts further left
            base = self.prefix(pos, named=named)
            if self.short_re is not None:
                lo = max(0, pos - _WINDOW)
                k = self.short_re.start(text[lo:pos])
                if k is not None:
                    start = lo + k
                    # (the longest prefix wins; at one start, named before short before the others)
                    if (base.kind == "none" or start < base.start or (start == base.start and base.kind != "named")) \
                            and r.is_stop_before(text, start):
                        full = self.shorts[text[start:pos]]
                        return _Prefix(start, "short", text[start:pos], full, r.level_of(full))
            return base
        lo = max(0, pos - _WINDOW)
        window = text[lo:pos]
        found: list[_Prefix] = []
        m = None
        chars = r.multi_chars
        if chars is None:
            m = r.multi_re.search(window)
        elif text[pos - 1] in chars:
            # the match is a run of characters of multi-level words ending at pos
            i = pos - 1
            while i > lo and text[i - 1] in chars:
                i -= 1
            if pos - i >= 2:
                m = r.multi_re.search(text, i, pos)
        if m and m.end() - m.start() >= 2:
            start = m.start() if chars is not None else lo + m.start()
            cut = r.crossing(text, start, pos)  # 全省市县乡人大, 全市各级人大: 全省, 全市 are no item
            if cut and pos - cut >= 2 and (r.item_re.match(text, cut) and r.multi_re.search(text[cut:pos])
                                           or r.multi_re.match(text[cut:pos])):
                start = cut  # (全区各级人大代表, 全省五级人大代表: the counter after 全区 alone)
            if not cut or start == cut:
                found.append(self.multi_prefix(start, pos, named))
        if r.multi_word_re is not None:
            k = r.multi_word_re.start(window)
            if k is not None:
                start = lo + k
                found.append(_Prefix(start, "multi", text[start:pos], "", "multi"))
        k = r.each_re.start(window)
        if k is not None:
            start = lo + k
            word = norm_paren(text[start:pos])
            found.append(_Prefix(start, "each", text[start:pos], "", r.each_words[word]))
        k = r.level_re.start(window)
        if k is not None:
            start = lo + k
            word = norm_paren(text[start:pos])
            level = r.level_words[word]
            s = -1
            if named and word in r.suffixes:
                s = r.name_before(text, start, word, self.known, loose=True)
            if s != -1:
                s = self.outer_places(s, r.suffixes[word])
                found.append(_Prefix(s, "named", text[s:pos], self.inner_place(s, pos), r.suffixes[word]))
            elif text[max(0, start - 1):pos] not in r.level_blockers \
                    and text[max(0, start - 2):pos] not in r.level_blockers:
                # (全区, 辖区, 小区 …: there the level word belongs to a word that is no place)
                found.append(_Prefix(start, "level", text[start:pos], r.resolve_level(level, self.jur), level))
        if not found:
            return _Prefix(pos)
        if len(found) == 1:
            return found[0]
        return min(found, key=_prefix_order)

    def multi_prefix(self, start: int, pos: int, named: bool) -> _Prefix:
        """A multi-level prefix; a place name before its first item joins it."""
        text, r = self.text, self.r
        first = r.item_re.match(text, start)
        if named and first and first.group(0) in r.suffixes:
            s = r.name_before(text, start, first.group(0), self.known)
            if s != -1:
                # 福建省三级 (one counted item) or 南黎街道市、区 (a place, then the list)
                return _Prefix(s, "multi", text[s:pos], "", "multi")
        return _Prefix(start, "multi", text[start:pos], "", "multi")

    def outer_places(self, s: int, level: str = "township", top: int = 0) -> int:
        """Extend a named place leftwards over the places it lies in (相山区 + 相南街道).

        Only places of a higher level than the one already read are taken, and none above
        the rank ``top`` (``_RANK``: 0 takes every level).
        """
        text, r = self.text, self.r
        for _ in range(2):
            for suffix in r.suffixes_ending(text[s - 1:s] if s else ""):
                outer = r.suffixes[suffix]
                if text.endswith(suffix, 0, s) and top <= _RANK.get(outer, 9) < _RANK.get(level, 9):
                    q = s - len(suffix)
                    t = r.name_before(text, q, suffix, self.known)
                    if t != -1:
                        s, level = t, outer
                        break
            else:
                break
        return s

    def inner_place(self, s: int, pos: int) -> str:
        """The innermost place of a chain of places ``text[s:pos]`` (相山区相南街道 → 相南街道;
        山东省枣庄市山亭区 → 山亭区)."""
        text, r = self.text, self.r
        chain = text[s:pos]
        best = chain
        k = 1
        while k < len(chain) - 1:
            head, tail = chain[:k], chain[k:]
            if r.suffix_of(head) and (head in self.known or r.level_of(head)) and r.suffix_of(tail) \
                    and len(tail) >= 3:
                best, chain, k = tail, tail, 1  # and look for a place inside the tail
                continue
            k += 1
        return best

    def place_of(self, p: _Prefix) -> str:
        """The place to put into a canonical template."""
        if p.kind in ("named", "short"):
            return p.place
        if p.kind == "level":
            return p.place or self.r.unresolved(p.word)
        return norm_paren(p.word)

    def each_canonical(self, p: _Prefix, template: str, surface: str) -> str:
        """各区人大常委会 → 厦门市各区人大常委会; 各镇(街)人大 → 镇(街)人大."""
        if p.level == "township":
            return template.format(place=norm_paren(p.word).removeprefix(self.r.each_marker))
        parent = self.r.parent_of(p.level, self.jur)
        surface = norm_paren(surface)
        each = self.r.each_marker
        return parent + (surface if surface.startswith(each) else each + surface)  # 县市区… → 咸宁市各县市区…


class _Finder(_Places):
    """One call of :meth:`MentionFinder.find`: the candidates of the four mention families
    in one text, read with the places and prefixes of :class:`_Places`, then the longest
    ones that do not overlap (:meth:`run`)."""

    def __init__(self, text: str, jur: Jurisdiction | None, rules: _Rules, earlier: dict | None = None,
                 in_session: bool = False):
        super().__init__(text, jur, rules)
        self.in_session = in_session  # a sitting of the congress has been named (see find)
        self.cands: list[tuple[int, int, str, str, str, str]] = []
        # where the congress candidates start (they are never moved nor dropped once added):
        # a look-up by position, not a scan of every candidate
        self.congress_starts: set[int] = set()
        self.earlier = earlier
        self._composition: bool | None = None  # see composition_sentence
        self.name_start = -1  # where the own name of the station station_left read starts (see there)
        self.titles = [(m.start(), m.end()) for m in rules.title_re.finditer(text)] \
            if rules.title_open_re.search(text) is not None else []

    def add(self, start: int, end: int, type_: str, canonical: str, level: str, branch: str) -> None:
        if end > start:
            self.cands.append((start, end, type_, canonical, level or "", branch or ""))
            if type_ == "congress":
                self.congress_starts.add(start)

    def in_title(self, start: int, end: int) -> bool:
        return any(a < start and end < b for a, b in self.titles)

    # -- congress ----------------------------------------------------------------------
    def congress(self) -> None:
        text, r = self.text, self.r
        found = r.congress_re.finditer(text)
        if not found:
            return
        infos, cands = r.congress_info, self.cands
        for m in found:
            h = m.start()
            g = m.group(1)
            (head, template, bare, ordinal, not_after, allowed, sub_unit, not_before, only_after, units,
             joins, offices, session_organ) = infos.get(g) or infos[norm_paren(g)]
            e = h + len(head)
            if offices and self.office_committee(h, e, template, offices):
                continue
            if not_after and text.endswith(not_after, max(0, h - 6), h):
                continue
            if not_before and text.startswith(not_before, e):
                continue  # 人民代表大会制度, 人大制度: the system, not a body
            if head == r.congress_word and self.straddles(h):
                continue  # 能人大户, 个人大力: 能人 + 大户, no congress
            if only_after and not (h == 0 or text[h - 1] in r.punct or text.endswith(only_after, 0, h)) \
                    and not (self.in_session and (text.startswith(r.in_session_before.get(head) or ("\0",), e)
                                                  or text.endswith(r.in_session_after.get(head) or ("\0",), 0, h))):
                continue  # a bare 大会 is the session only at a clause start or after 提请, 向 …
            if r.sitting_party_re is not None and r.sitting_party_re.match(text, e):
                continue  # 第N届人民代表大会第M次会议临时委员会: a party body, not the congress
            if session_organ and self.sitting_organ(h, e, template):
                continue
            n = len(cands)
            self.congress_head(h, e, head, template, bare, ordinal, allowed, sub_unit)
            if len(cands) > n:
                if head in r.each_unit_heads:
                    self.each_unit(cands[-1])
                if joins:
                    self.join_congress_before(cands[-1])
                if units:
                    self.committee_unit(cands[-1])

    def straddles(self, h: int) -> bool:
        """True when the 人大 at ``h`` is the end of a word ending in 人 and the start of a word
        beginning with 大 (能人 + 大户, 个人 + 大力, 老人 + 大学: ``straddled_before`` and
        ``straddled_after``); 县人大学习 and 全国人大多次 stay congress bodies."""
        r = self.r
        return r.straddled_after.starts_at(self.text, h + 1) and r.straddled_before.ends_at(self.text, h + 1)

    def sitting_organ(self, h: int, e: int, template: str) -> bool:
        """市三届人大 + 五次会议 + 议案审查委员会: an organ of one sitting of a congress, written right
        after the congress and the sitting, is one congress span (the longest string that names it);
        the sitting stays in the span, not in the name (安康市人大议案审查委员会). True when such a
        candidate was added."""
        r, text = self.r, self.text
        if r.sitting_re is None:
            return False
        m = r.sitting_re.search(text, max(0, h - 8), h)
        if m is None:
            return False
        word = r.congress_word
        for cand in self.cands:
            if cand[1] == m.start() and cand[2] == "congress" and cand[3].endswith(word):
                self.add(cand[0], e, "congress", template.format(place=cand[3][:-len(word)]), cand[4], "congress")
                return True
        return False

    def office_committee(self, h: int, e: int, template: str, offices: tuple) -> bool:
        """矿山集街道 + 办事处 + 人大工委: the township's office written between the township
        and its working committee belongs to the committee's span (one congress body,
        canonical the township's committee). True when such a candidate was added."""
        text = self.text
        for word in offices:
            if text.endswith(word, 0, h):
                p = self.prefix(h - len(word), short=True)
                if p.kind in ("named", "short", "level") and p.level == "township":
                    self.add(p.start, e, "congress", template.format(place=self.place_of(p)), p.level, "congress")
                    return True
        return False

    def congress_head(self, h: int, e: int, head: str, template: str, bare: str, ordinal: bool, allowed,
                      sub_unit) -> None:
        """The candidate of one congress head at ``h``: its prefix read, its canonical resolved."""
        text, r, cands = self.text, self.r, self.cands
        place, own_level = self.own_place, self.own_level
        p = self.prefix(h, short=True, ordinal=ordinal)
        kind = p.kind
        if allowed and kind in ("named", "short", "level") and p.level not in allowed:
            p = _Prefix(h)
            kind = "none"
        if kind == "none" or kind == "session":
            if kind == "session" and place:
                self.add(p.start, e, "congress", template.format(place=place), own_level or "", "congress")
                return
            if bare == "never":
                return
            inherited = self.inherited(h, adjacent=bool(sub_unit)) if cands else None
            if inherited is not None and sub_unit and inherited[1] == "multi":
                return  # (县市区人大常委会 + 主任会议: a meeting of their chairpersons, see committee_unit)
            if inherited is not None:
                self.add(p.start, e, "congress", inherited[0] + (sub_unit or head), inherited[1], "congress")
            elif bare == "self" and place:
                self.add(p.start, e, "congress", template.format(place=place), own_level or "", "congress")
            elif bare == "self" or bare == "keep":
                self.add(p.start, e, "congress", head, "", "congress")
            else:
                self.add(p.start, e, "congress", bare, "", "congress")
        elif kind == "multi":  # (市、县人大常委会 → 各级人大常委会)
            canonical = template.format(place=r.congress_multi) if r.congress_multi else norm_paren(text[p.start:e])
            self.add(p.start, e, "congress", canonical, "multi", "congress")
        elif kind == "each":
            self.add(p.start, e, "congress", self.each_canonical(p, template, text[p.start:e]), "multi",
                     "congress")
        else:
            self.add(p.start, e, "congress", template.format(place=self.place_of(p)), p.level, "congress")

    def join_congress_before(self, c: tuple) -> None:
        """区人大 + 城关街道工委: a congress name ending in 人大 right before a township's
        working committee joins its span (one body: the township's 人大工委).

        The township's name may stand between them unread by the prefix (区人大常委会 +
        某家湾街 + 工委, 人大 + 七里 + 街道工委): a name of 2 to ``joined_name_max``
        characters without a breaker, opening with no stop word and holding no verb, after
        one of ``joined_bodies``; it ends with a township word (街, 镇) or the committee's
        own surface opens with one (街道工委).
        """
        text, r = self.text, self.r
        for cand in self.cands:
            if cand[1] == c[0] and cand[2] == "congress" and text.endswith(r.congress_word, 0, cand[1]):
                self.add(cand[0], c[1], "congress", c[3], c[4], "congress")
                return
        if not r.joined_bodies:
            return
        own_word = c[1] - c[0] > 2 and text.startswith(r.joined_name_endings, c[0])
        for cand in self.cands:
            if cand[2] != "congress" or not c[0] - r.joined_name_max <= cand[1] <= c[0] - 2 \
                    or not text.endswith(r.joined_bodies, 0, cand[1]):
                continue
            name = text[cand[1]:c[0]]
            if any(ch in r.unnameable or not _CJK_RE.match(ch) for ch in name) \
                    or not (own_word or name.endswith(r.joined_name_endings)) \
                    or any(name.startswith(w) for w in r.stops) \
                    or any(name[i:i + k] in r.stops for k in (2, 3) for i in range(len(name) - k + 1)):
                continue
            self.add(cand[0], c[1], "congress", name + c[3], c[4], "congress")
            return

    def each_unit(self, c: tuple) -> None:
        """市人大 + 各 + 专门委员会, 人大 + 各 + 工委: the committees of a congress body, named together
        with it by an "each" word, are one congress span with it (canonical: the body's + the unit's
        surface, or the unit's own canonical when it already names the body)."""
        text, r = self.text, self.r
        word = next((w for w in r.each_unit_words if text.endswith(w, 0, c[0])), None)
        if word is None:
            return
        end = c[0] - len(word)
        for cand in self.cands:
            if cand[1] == end and cand[2] == "congress" and text.endswith(r.joined_bodies, 0, end):
                canonical = c[3] if c[3].startswith(cand[3]) else cand[3] + norm_paren(text[c[0]:c[1]])
                self.add(cand[0], c[1], "congress", canonical, cand[4], "congress")
                return

    def committee_unit(self, c: tuple) -> None:
        """市人大常委会 + 选任联工委: a working unit right after a standing committee joins its span.

        After a set of bodies only a unit with a name of its own (市县人大 + 人事代表选举工委), not
        a bare ending (县市区人大常委会 + 主任会议: a meeting of their chairpersons, no organ of
        one of them)."""
        text, r = self.text, self.r
        m = r.unit_re.match(text, c[1]) if r.unit_re is not None else None
        if m is None:
            return
        name = m.group(1)
        if c[4] == "multi" and not name:
            return  # (a named unit of a set of bodies is theirs: 市县人大 + 人事代表选举工委)
        if name and (any((ch in r.unnameable or ch.isspace() or ch in r.stops)
                         and not (ch in r.unit_joiners and 0 < i < len(name) - 1)
                         for i, ch in enumerate(name))
                     or name.startswith(r.unit_not_start) or r.suffix_of(name)
                     or any(name[:k] in r.stops for k in range(2, min(r.stop_max, len(name)) + 1))):
            return  # (区人大常委会组织召开…委员会: a verb; 区人大城关街道工委: a place, see join_congress_before)
        if name.startswith(self.r.deputy_word) and m.group(0).endswith(r.unit_station_endings):
            return  # (社区人大 + 代表工作室: a station)
        end = m.end()
        if r.unit_offices and not m.group(0).endswith(r.unit_offices) and text.startswith(r.unit_offices, end):
            end += next(len(w) for w in r.unit_offices if text.startswith(w, end))  # (法工委 + 办公室: the unit's office)
        self.add(c[0], end, "congress", c[3] + text[c[1]:end], c[4], "congress")

    def inherited(self, h: int, adjacent: bool = False) -> tuple[str, str] | None:
        """Canonical and level of the body named before ``及其`` (区人大及其常委会).

        With ``adjacent``, a body ending right at ``h`` counts too (市人大常委会 + 代表工委).
        """
        text, r = self.text, self.r
        if not adjacent and not text.endswith(r.inherit_after, 0, h):
            return None
        for word in r.inherit_adjacent if adjacent else r.inherit_after:
            if text.endswith(word, 0, h):
                end = h - len(word)
                for cand in self.cands:
                    if cand[1] == end and cand[2] == "congress":
                        return cand[3], cand[4]
        return None

    # -- deputies ------------------------------------------------------------------------
    def deputies(self) -> None:
        text, r = self.text, self.r
        heads, cands, ends = r.deputy_heads, self.cands, self.plain_ends
        for m in r.deputy_re.finditer(text):
            h = m.start()
            head = m.group(1)
            e = h + len(head)
            opts = heads[head]
            not_before = r.deputy_not_before[head]
            if not_before and text.startswith(not_before, e):
                continue  # 人大代表候选人: candidates are not deputies; 人民代表大会 is the congress
            bare_word = head == r.deputy_word
            if bare_word:
                if text.endswith(r.congress_word, 0, h):
                    continue  # the named_head occurrence (人大代表) covers it
                if r.bare_not_after.starts_at(text, e) and not r.bare_after_ok.starts_at(text, e):
                    continue
                n = self.person_before(h) if not r.person_not_before.starts_at(text, e) else -1
                if n != -1:  # 张小明代表领衔提出: the person's name and 代表, canonical the name
                    self.add(n, e, "deputy", text[n:h], "", "deputy")
                    self.names_listed_before(n)
                    continue
                if h == 0 or text[h - 1] in r.punct:  # 代表王小明表示: a name after a bare 代表 opening a clause
                    n_end = self.name_after(e, strict=True)
                    if n_end > e and text[e] not in r.stops:
                        self.add(h, n_end, "deputy", text[e:n_end], "", "deputy")
                        continue
                if h == 0 or text[h - 1] not in ends:  # (no prefix: see prefix())
                    if not self.other_representative(h):
                        cands.append((h, e, "deputy", opts["bare"], "", "deputy"))
                    continue
            # (a known place's short name joins a full head, as before a congress: 深圳 + 人大代表)
            p = self.prefix(h, named=not bare_word, short=not bare_word, ordinal=bool(opts.get("ordinal")))
            if bare_word and p.kind == "named":
                p = _Prefix(h)
            kind = p.kind
            if kind == "session":  # (十一届人大代表: the deputies of the unit's own congress)
                if self.own_place:
                    self.add(p.start, e, "deputy", opts["canonical"].format(place=self.own_place), self.own_level,
                             "deputy")
                else:
                    self.add(p.start, e, "deputy", opts["bare"], "", "deputy")
            elif kind == "none":
                if bare_word and self.other_representative(h):
                    continue
                self.add(h, e, "deputy", opts["bare"], "", "deputy")
            elif kind == "multi":
                self.add(p.start, e, "deputy", r.multi_canonical, "multi", "deputy")
            elif kind == "each":
                self.add(p.start, e, "deputy", self.each_canonical(p, opts["canonical"], text[p.start:e]),
                         "multi", "deputy")
            else:
                self.add(p.start, e, "deputy", opts["canonical"].format(place=self.place_of(p)), p.level, "deputy")
        self.roles()
        self.groups()
        self.named_deputies()
        self.apposed_deputies()
        self.titled_deputies()
        self.profiled_deputies()

    _TITLE_REACH = 30  # characters read after a deputy mention and its 、 for a post and a name
    _TITLE_POSTS = 2   # further posts chained by 、 read after the first

    def titled_deputies(self) -> None:
        """A person introduced by a post or trade (``job_titles``) is a named deputy, span and
        canonical the name (docs/codebook.md §3.1), when the post stands in apposition to a
        deputy mention (市人大代表、某镇党委书记王小明说; 述职代表、镇长李红提问; a few posts chained by
        、: 省人大代表、省人大常委会委员、某公司经理李红) or the name comes
        right before an election word and a deputy noun (村会计王小明当选代表以来; with no post the name
        must open the clause: 王小明当选某县人大代表), or the subject right after the clause of time that
        an election opens (当选某市人大代表以来，王小明说). The name
        must be closed like one after 人大代表 (``name_after``, strict). A deputy mention that
        opens a clause may also be followed by a comma (省人大代表，某商会会长、某集团党委书记王小明在).
        Each deputy mention
        reads a constant window after its 、; each election word one name before it."""
        text, r = self.text, self.r
        if r.job_title_re is None:
            return
        for s, e, t, canonical, *_ in list(self.cands):
            if t != "deputy" or e >= len(text) or not canonical.endswith(r.deputy_word):
                continue  # (a named deputy already ends with its name)
            if text[e] not in r.enumeration_commas and not (
                    text[e] in r.clause_commas and (s == 0 or text[s - 1] in r.punct)):
                continue  # (a comma after a deputy mention that opens the clause: 省人大代表，某商会会长王小明)
            stop, posts = e + 1, 0
            while stop < min(len(text), e + 1 + self._TITLE_REACH) and text[stop] not in r.punct:
                if text[stop] in r.enumeration_commas:
                    # (posts chained by 、 describe the same person: 市人大代表、市人大常委会委员、
                    # 某报社社长王小明; a deputy mention in the chain opens a list of people)
                    posts += 1
                    if posts > self._TITLE_POSTS or any(a == stop + 1 and tt == "deputy"
                                                        for a, _, tt, *_ in self.cands):
                        break
                stop += 1
            for m in r.job_title_re.finditer(text, e + 1, stop):
                n_end = self.name_after(m.end(), strict=True)
                if n_end == m.end():
                    n_end = self.long_name_after(m.end())
                if n_end > m.end():
                    self.add(m.end(), n_end, "deputy", text[m.end():n_end], "", "deputy")
                    break
        deputy_ends = {a: b for a, b, tt, cc, *_ in self.cands if tt == "deputy" and cc.endswith(r.deputy_word)}
        for word in r.elected_words:
            at = text.find(word)
            while at != -1:
                d_end = deputy_ends.get(at + len(word))
                if d_end is not None:
                    # a full name opening the clause before the election word (王小明当选某县人大代表), or
                    # the subject right after the clause of time it opens (当选某市人大代表以来，王小明把…)
                    n = self.person_before(at)
                    if n != -1 and not r.job_titles.ends_at(text, n):
                        self.add(n, at, "deputy", text[n:at], "", "deputy")
                    since = next((w for w in r.elected_since if text.startswith(w, d_end)), "")
                    pos = d_end + len(since)
                    if since and pos < len(text) and text[pos] in r.clause_commas:
                        n_end = self.name_after(pos + 1, strict=True)
                        if n_end > pos + 1 and r.person_name(text[pos + 1:n_end]) == "name":  # (…以来，时刻把: a word)
                            self.add(pos + 1, n_end, "deputy", text[pos + 1:n_end], "", "deputy")
                if text.startswith(r.deputy_word, at + len(word)) or \
                        text.startswith(r.congress_word + r.deputy_word, at + len(word)):
                    for length in (4, 3, 2):
                        start = at - length
                        if start < 2 or not r.job_titles.ends_at(text, start):
                            continue
                        if r.person_name(text[start:at]) == "name":
                            self.add(start, at, "deputy", text[start:at], "", "deputy")
                            break
                at = text.find(word, at + 1)

    def long_name_after(self, pos: int) -> int:
        """End of a name of 3–6 characters without a Han surname right after a post (a Mongolian,
        Tibetan or Uyghur name: 嘎查达 + 敖日格勒), or ``pos``. The name must be closed by
        punctuation or a name-end word (``name_end_words``) and have the form of such a name
        (``_Rules.long_name``); the shortest closed run is taken. A constant window is read."""
        text, r = self.text, self.r
        low, high = _LONG_NAME
        for end in range(pos + 1, min(len(text), pos + high) + 1):
            if not _CJK_RE.match(text[end - 1]) or text[end - 1] in r.breakers:
                return pos
            if end < len(text) and text[end] == "·":
                return pos  # (a name in parts, 某某·某某: not cut at the dot)
            if end - pos >= low and (end == len(text) or text[end] in r.punct or text[end] in r.enumeration_commas
                                     or (r.name_end.starts_at(text, end)
                                         and text[end - 1:end + 1] not in r.non_name_words)):
                # (a name-end character that closes a word begun inside the run, 作 + 为, closes no name)
                return end if r.long_name(text[pos:end]) else pos
        return pos

    def profiled_deputies(self) -> None:
        """A person set in apposition to a deputy mention (王小明，某县人大代表) or a profile that
        opens with the person, the sex in apposition, and calls the person a deputy in the same
        sentence (王小明，女，汉族，中共党员，某县人大代表) introduces a named deputy, span and canonical
        the name (docs/codebook.md §3.1). The name must open a clause (``person_before``) or the
        sentence or a line, and have the form of a person's name (``name_after``, strict). One
        regex search per sentence."""
        text, r = self.text, self.r
        deputies = [s for s, _, t, c, *_ in self.cands if t == "deputy" and c.endswith(r.deputy_word)]
        for s in deputies:
            # the name set before the deputy mention, a comma between (他就是王小明，某县人大代表)
            if s > 2 and text[s - 1] in r.clause_commas:
                n = self.person_before(s - 1)
                if n != -1:
                    self.add(n, s - 1, "deputy", text[n:s - 1], "", "deputy")
        m = r.profile_re.search(text) if r.profile_re is not None and deputies else None
        if m is None:
            return
        n = m.start()
        start = n
        while start > 0 and _CJK_RE.match(text[start - 1]) and n - start < 4:
            start -= 1
        if (start == 0 or text[start - 1] in r.punct or text[start - 1].isspace()) \
                and self.name_after(start, strict=True) == n and r.person_name(text[start:n]) == "name":
            self.add(start, n, "deputy", text[start:n], "", "deputy")

    def apposed_deputies(self) -> None:
        """Names set in apposition to a count of deputies after a marker (代表2名，即某县选举的
        王小明、李红): each name is a named deputy, span and canonical the name (docs/codebook.md
        §3.1). The names must be closed like a name after 人大代表 (``name_after``, strict)."""
        r, text = self.r, self.text
        matches = [m for rx in (r.apposition_re, r.elected_list_re) if rx is not None for m in rx.finditer(text)]
        for m in matches:
            pos = m.end()
            for _ in range(8):
                end = self.name_after(pos, strict=True)
                if end == pos:
                    break
                self.add(pos, end, "deputy", text[pos:end], "", "deputy")
                if end + 1 >= len(text) or text[end] not in r.enumeration_commas:
                    break
                pos = end + 1

    def names_listed_before(self, n: int) -> None:
        """张明、李红代表: the names listed before the one that 代表 follows are named deputies
        too, span and canonical the name (docs/codebook.md §3.1); each item must have the
        form of a person's name that is no word (:meth:`listed_name`), at most a few items."""
        text, commas = self.text, self.r.enumeration_commas
        for _ in range(8):
            if n < 3 or text[n - 1] not in commas:
                return
            start, word = self.listed_name(n - 1)
            if start == -1 or word:
                return
            self.add(start, n - 1, "deputy", text[start:n - 1], "", "deputy")
            n = start

    def person_before(self, h: int) -> int:
        """Start of a person's full name ending at ``h`` (before a bare 代表), or -1.

        A surname and two more characters (or a double surname and one or two), opening at
        a clause boundary, after a stop word or an item number (向张小明代表, 和李红代表,
        5.张小明代表提出); a surname and one character only right after a mark or at the
        start, and not a word jieba knows (1.王胜代表提出, not 张贴代表照片); a surname that is
        itself a stop word (向, 和), or a name that reads as a common word or holds one
        (关于向, 部分), is none: 向全体代表 and 和部分代表 name nobody.
        """
        text, r = self.text, self.r
        dotted = self.dotted_name_before(h)
        if dotted != -1:
            return dotted
        for length in (4, 3, 2):
            start = h - length
            if start < 0:
                continue
            name = text[start:h]
            if not all(_CJK_RE.match(c) and c not in r.breakers for c in name):
                continue
            if length == 2 and ((start > 0 and text[start - 1].isalpha()) or r.bare_not_before.ends_at(text, h)
                                or name in r.dictionary_names):
                continue  # (a two-character name opens a clause and is no word: 过程中代表, 张贴代表, 区党代表)
            if r.person_name(name) == "name" and r.name_opens(text, start):
                return start
        return -1

    def named_deputies(self) -> None:
        """人大代表王小明 (a name closed by punctuation or a name-end word) joins the span, also
        after a deputy of a congress named with its term (某县第十八届人民代表大会代表王小明)."""
        text = self.text
        for word in self.r.name_heads:
            at = text.find(word)
            while at != -1:
                e = at + len(word)
                n_end = self.name_after(e, strict=True)
                if n_end > e:
                    p = self.prefix(at, ordinal=True)
                    start = p.start if p.kind != "none" else at
                    level = p.level if p.kind not in ("multi", "session") else \
                        ("multi" if p.kind == "multi" else self.own_level if self.own_place else "")
                    self.add(start, n_end, "deputy", text[e:n_end], level, "deputy")
                    self.further_names(n_end, level)
                at = text.find(word, e)
        # a deputy of a delegation named with his name (某某团代表王小明): the span opens at the
        # deputy word, the delegation stays out of it
        for lead in self.r.delegation_leads:
            word = lead + self.r.deputy_word
            at = text.find(word)
            while at != -1:
                e = at + len(word)
                if not text.endswith(self.r.delegation_not_after, 0, at + len(lead)):
                    n_end = self.name_after(e, strict=True)
                    if n_end > e:
                        self.add(at + len(lead), n_end, "deputy", text[e:n_end], "", "deputy")
                at = text.find(word, e)
        # a field line of a motion (领衔代表：王小明、李红): the role stays a deputy of its own,
        # each name after the colon is a named deputy
        for word in self.r.field_roles:
            at = text.find(word)
            while at != -1:
                e = at + len(word)
                if e < len(text) and text[e] in self.r.field_colons:
                    n_end = self.name_after(e + 1, strict=True)
                    if n_end > e + 1:
                        self.add(e + 1, n_end, "deputy", text[e + 1:n_end], "", "deputy")
                        self.further_names(n_end, "")
                at = text.find(word, e)

    def further_names(self, n_end: int, level: str) -> None:
        """人大代表张明、李红: each further name of a list after a named deputy ending at
        ``n_end`` is a named deputy of its own (bounded by the list's length)."""
        text = self.text
        while n_end + 1 < len(text) and text[n_end] in self.r.enumeration_commas:
            nxt = self.name_after(n_end + 1, strict=True)
            if nxt == n_end + 1:
                break
            self.add(n_end + 1, nxt, "deputy", text[n_end + 1:nxt], level, "deputy")
            n_end = nxt

    def listed_deputies(self) -> None:
        """Names listed before 等, a count and a deputy noun (王建国、李秀英等11名代表, 张明等代表):
        each name is a named deputy, span and canonical the name (docs/codebook.md §3.1); the
        noun after 等 stays a deputy of its own. The noun must be a deputy mention that no
        longer mention of another type swallows, and not a modifier (交通、教育等代表建议: topics).
        Every item must have the form of a person's name (:meth:`listed_name`), else the list
        names nobody (教育、卫生等12名代表: sectors); an item that is also a word of the
        dictionary (郑重) passes only among more names that are none. A deputy mention or a
        closing mark (《…》、) before the first name ends the list (市人大代表、李进等区人大代表).
        The first name may also open right after a deputy group that the names belong to
        (某区代表团 + 王某某等12名代表: the delegation's members), as after a stop word."""
        text, r = self.text, self.r
        ends = {m.end(): m.start() for m in r.deputy_list_re.finditer(text)}
        cands = self.cands
        others = [(s, e) for s, e, t, *_ in cands if t != "deputy"]
        deputy_ends = {e for _, e, t, *_ in cands if t == "deputy"}
        group_tails = tuple(r.groups)
        group_ends = {e for s, e, t, *_ in cands if t == "deputy" and text.endswith(group_tails, s, e)}
        for s, e, t, *_ in list(cands):
            if t != "deputy" or s not in ends:
                continue
            if r.person_not_before.starts_at(text, e) or r.list_not_before.starts_at(text, e):
                continue
            if any(a <= s < b and b - a > e - s for a, b in others):
                continue  # (张庄等代表联络站: a station)
            found, end, words = [], ends[s], 0
            while True:
                start, word = self.listed_name(end, group_ends)
                if start == -1:
                    found = []
                    break
                found.append((start, end))
                words += word
                if start < 2 or text[start - 1] not in r.enumeration_commas or start - 1 in deputy_ends \
                        or not _CJK_RE.match(text[start - 2]):
                    break  # (a deputy mention or a cited title 《…》 before the comma is no item of the list)
                end = start - 1
            if 2 * words >= len(found):
                continue  # (卫生、安全等代表: words, not names)
            for a, b in found:
                self.add(a, b, "deputy", text[a:b], "", "deputy")

    def listed_name(self, end: int, opens_after=()) -> tuple[int, bool]:
        """Start of a person's name of a list that ends at ``end`` (before 等 or 、), or -1,
        and whether the name is also a word of jieba's dictionary that is no name.

        A surname and one or two characters (a double surname and one or two), the longest
        that opens at a clause boundary, an enumeration comma, a stop word or the number of
        an item (将王积、张艾, 联名余江华, 2.樊奇), or at one of ``opens_after`` (the end of a
        deputy group: 某区代表团 + 王某某); not ending like a group, a trade or a place
        (``name_not_last``: 张庄村, 李家镇). A name that is a word (卫生, 郑重: the
        ``person_not_pos`` tags, and the verbs and adverbs of the place-name check) is
        returned as a word, after any name that is none.
        """
        text, r = self.text, self.r
        dotted = self.dotted_name_before(end, opens_after)
        if dotted != -1:
            return dotted, False
        as_word = -1
        for length in (4, 3, 2):
            start = end - length
            if start < 0:
                continue
            name = text[start:end]
            if not all(_CJK_RE.match(c) and c not in r.breakers for c in name):
                continue
            if start not in opens_after and not r.name_opens(text, start):
                continue
            kind = r.person_name(name)
            if kind == "name":
                return start, False
            if kind == "word" and as_word == -1:
                as_word = start
        return as_word, as_word != -1

    def roles(self) -> None:
        text, r = self.text, self.r
    def roles(self) -> None:
        text, r = self.text, self.r
        for m in r.role_re.finditer(text):
            h = m.start()
            role = m.group(1)
            e = h + len(role)
            if role in r.name_roles:
                n_end = self.name_after(e)
                if n_end > e:
                    self.add(h, n_end, "deputy", text[e:n_end], "", "deputy")
                    continue
            self.add(h, e, "deputy", r.roles[role], "", "deputy")

    def groups(self) -> None:
        text, r = self.text, self.r
        if r.group_gate is not None and r.group_gate.search(text) is None:
            return  # (every group holds a group word or the group noun)
        last: tuple[int, str, str] | None = None  # (end, place, level) of the last numbered group
        for m in r.group_re.finditer(text):
            h = m.start()
            surface = m.group(1)
            number = m.group(2)
            e = h + len(surface)
            generic = r.groups.get(surface)
            if generic is None and not number:
                continue  # a bare 小组 is handled below
            p = self.prefix(h, ordinal=True)
            if number and p.kind in ("none", "session") and not surface.startswith(r.congress_word):
                # 十五小组 standing alone: only right after another numbered group
                if last is None or text[last[0]:h] not in r.group_joiners:
                    if not surface.endswith(r.deputy_group):
                        continue
            if number:
                if p.kind in ("named", "short", "level"):
                    place, level = self.place_of(p), p.level
                elif last is not None and p.kind in ("none", "session") and text[last[0]:h] in r.group_joiners:
                    place, level = last[1], last[2]
                else:
                    place, level = "", ""
                canonical = r.numbered_group["canonical"].format(place=place, number=number) if place \
                    else r.numbered_group["bare"].format(number=number)
                last = (e, place, level)
                start = p.start if p.kind != "none" else h
                self.add(start, e, "deputy", canonical, level, "deputy")
                continue
            if p.kind in ("none", "session"):
                if surface.startswith(r.deputy_word) and r.group_not_after.ends_at(text, h):
                    continue  # 经贸代表团, 职工代表小组: other kinds of representatives
                k = r.province_re.start(text[max(0, h - 8):h]) if r.province_re is not None else None
                if k is not None:  # 辽宁代表团, 内蒙古代表团: a province's delegation, canonical as written
                    start = max(0, h - 8) + k
                    self.add(start, e, "deputy", text[start:e], "provincial", "deputy")
                    continue
                if surface in r.delegation_nouns and self.delegation_after_congress(h, e):
                    continue
                self.add(h, e, "deputy", generic, "", "deputy")
            elif p.kind in ("multi", "each"):
                self.add(p.start, e, "deputy", norm_paren(text[p.start:e]), "multi", "deputy")
            else:
                self.add(p.start, e, "deputy", self.place_of(p) + text[p.start + len(p.word):e], p.level, "deputy")
        # bare 小组 meaning a deputy group (小组活动, 小组工作计划), not 领导小组
        for m in r.bare_group_re.finditer(text):
            h = m.start()
            if r.bare_group_not_after.ends_at(text, h):
                continue
            if text.endswith(r.deputy_word, 0, h) or (h > 0 and text[h - 1] in r.numerals):
                continue
            self.add(h, h + len(r.group_noun), "deputy", r.deputy_group, "", "deputy")

    def other_representative(self, h: int) -> bool:
        """A bare 代表 at ``h`` is another kind of representative (群众代表, 团代表), unless the word
        before it keeps it a deputy (代表团代表: the members of a delegation)."""
        r = self.r
        if not r.bare_not_before.ends_at(self.text, h) or r.bare_before_ok.ends_at(self.text, h):
            return False
        return not (r.composition_groups.ends_at(self.text, h) and self.composition_sentence())

    def composition_sentence(self) -> bool:
        """True when the text tells the make-up of a congress's deputies: a share word
        (比例, 占, 人数) and a deputy noun or a term (人大代表, 上届) in the same sentence. There
        the social groups before a bare 代表 (工人代表28人, 妇女代表的比例, 少数民族代表占九成)
        are groups of people's deputies, not representatives of those groups (docs/codebook.md
        §3: deputies by role)."""
        found = self._composition
        if found is None:
            text, r = self.text, self.r
            found = self._composition = any(w in text for w in r.composition_shares) and \
                any(w in text for w in r.composition_bodies)
        return found

    def delegation_after_congress(self, h: int, e: int) -> bool:
        """某某市五届人大 + 东岗 + 代表团: a delegation named right after the congress of a term is
        one deputy span from the congress's prefix (canonical 某某市人大东岗代表团). True when added."""
        text, r = self.text, self.r
        if r.delegation_name_re is None:
            return False
        lo = max(0, h - 16)
        m = r.delegation_name_re.search(text, lo, h)
        if m is None or any(c in r.delegation_name_not for c in m.group(1)):
            return False
        p = self.prefix(m.start() + len(r.session_suffix), ordinal=True)
        if p.kind not in ("named", "short", "level"):
            return False
        self.add(p.start, e, "deputy", self.place_of(p) + r.congress_word + m.group(1) + text[h:e], p.level, "deputy")
        return True

    def name_after(self, pos: int, strict: bool = False) -> int:
        """End of a person's name starting at ``pos`` (surname + 1–2 characters), or ``pos``.

        ``strict``: the name must be followed by punctuation or a name-end word
        and must not start like a common word (人大代表高度重视 has no name 高度).
        """
        text, r = self.text, self.r
        end = self.dotted_name_after(pos)
        if end > pos:
            return end
        for surname in r.surnames.get(text[pos:pos + 1], ()):
            if not text.startswith(surname, pos):
                continue
            s_end = pos + len(surname)
            given = 0
            while given < 2 and s_end + given < len(text) and _CJK_RE.match(text[s_end + given]) \
                    and text[s_end + given] not in r.breakers:
                given += 1
            if given == 0:
                return pos
            if given == 2 and r.name_end.starts_at(text, s_end + 1):
                given = 1
            end = s_end + given
            if strict:
                if r.name_end.starts_at(text, pos):
                    return pos  # (人大代表和群众的: 和 opens no name, it ends one)
                name = text[pos:end]
                if name[:2] in r.non_name_words or name in r.non_name_words or name[-1] in r.name_not_last:
                    return pos  # (某市第五届人民代表大会代表由区县…: no name 由区县)
                if not (end == len(text) or text[end] in r.punct or text[end] in r.enumeration_commas
                        or r.name_end.starts_at(text, end)):
                    return pos
            return end
        return pos

    def dotted_name_after(self, pos: int) -> int:
        """End of a name in parts joined by a middle dot starting at ``pos`` (人大代表 +
        阿依古丽·买买提), or ``pos``: its last part ends at punctuation, an enumeration comma or a
        name-end word (the shortest such end: 阿依古丽·买买提 + 表示). A constant window is read."""
        text, r = self.text, self.r
        m = _DOTTED_RE.match(text, pos)
        if m is None or any(c in r.breakers and c not in _NAME_DOTS for c in m.group(0)):
            return pos
        last = max(text.rfind(d, pos, m.end()) for d in _NAME_DOTS)
        for end in range(last + 2, m.end() + 1):
            if end == len(text) or text[end] in r.punct or text[end] in r.enumeration_commas \
                    or r.name_end.starts_at(text, end):
                return end if r.dotted_name(text[pos:end]) else pos
        return pos

    def dotted_name_before(self, end: int, opens_after=()) -> int:
        """Start of a name in parts joined by a middle dot that ends at ``end`` (阿依古丽·买买提 +
        等8名代表, + 代表), or -1: the longest that opens where a person's name may open
        (``name_opens``) or at one of ``opens_after``. A constant window is read."""
        text, r = self.text, self.r
        lo = max(0, end - 3 * (_LONG_NAME[1] + 1))
        m = _DOTTED_END_RE.search(text, lo, end)
        if m is None:
            return -1
        first_dot = min(i for i in (text.find(d, m.start(), end) for d in _NAME_DOTS) if i != -1)
        for start in range(m.start(), first_dot):
            if (start in opens_after or r.name_opens(text, start)) \
                    and not any(c in r.breakers and c not in _NAME_DOTS for c in text[start:end]):
                return start if r.dotted_name(text[start:end]) else -1
        return -1

    # -- stations ------------------------------------------------------------------------
    def stations(self) -> None:
        text, r = self.text, self.r
        infos = r.station_info
        matches = list(r.station_re.finditer(text))
        offices, office_tails = self.congress_offices(matches) if r.office_heads else ({}, {})
        for m in matches:
            h = m.start()
            head = m.group(1)
            info = infos.get(head)
            if info is None:
                head = norm_paren(head)
                info = infos[head]
            needs, bare, proper = info
            e = h + len(head)
            if head in r.head_not_followed and text.startswith(r.head_not_followed[head], e):
                continue  # (提高行业站位: the head inside another word, a trade's standpoint)
            if h in offices:  # 人大常委会代表联络室: the standing committee's own office
                s, canonical, level = offices[h]
                self.add(s, e, "congress", canonical, level, "congress")
                continue
            if head in r.body_platform_heads and text.endswith(r.body_platform_ends, 0, h):
                continue  # (主席团活动平台, 代表小组活动平台: a body's mechanism, not a place)
            alt = r.alt_re.match(text, e)
            end = alt.end() if alt else e
            right = r.right_re.match(text, end) if r.right_re is not None else None
            canon_tail = ""
            if right and right.group(0) != head:
                canon_tail = right.group(0) if right.group(0) not in r.dropped_extensions else ""
                end = right.end()
            if r.room_uses and text.endswith(r.room_uses, 0, h) and not self.deputy_room(h):
                continue  # (村多功能活动室, 老年活动室: a room of another use, no deputies' station)
            start, named, level, chain = self.station_left(h, proper)
            quoted_qual = self.quoted_qualifier(start) if start == h else -1
            if quoted_qual != -1:  # 人大代表“流动”联络站: one station, the quotes dropped
                start, named, level, chain = self.station_left(quoted_qual, proper)
                chain += text[quoted_qual + 1:h - 1]
            if start == h and not bare:
                quoted = self.quoted_before(h)
                if quoted is None:
                    if head in r.brand_heads:
                        b = self.brand_name_before(h)
                        if b != -1:  # 江岸红色驿站, 邻里茶馆: a local brand
                            self.add(b, end, "station", text[b:e] + canon_tail, level, "station")
                            continue
                    if not needs or head in r.needs_refer_heads:  # (平台, 阵地: generic nouns, not a station's head)
                        self.refer_back(h, end, head)
                    elif head in r.short_name_heads:
                        self.short_named(h, end, head)
                    continue
                # “社情民意”示范点 → the head alone, named by the quote
                canonical = quoted + head + canon_tail
                if head in r.quote_needs_heads and not any(w in quoted for w in needs):
                    named = self.named_before(quoted, h)
                    if named is None:
                        continue  # (“京策”平台: a quoted name is no deputies' platform, unless it names one before)
                    canonical, level = named  # (“云上人大”平台 after the 云上人大综合履职平台)
                self.add(h, end, "station", canonical, level, "station")
                continue
            if needs and self.checklist_item(start, end):
                continue  # (对照“五有”要求：有固定阵地、有规章: a standard to meet, no station named)
            if needs and (not named or head in r.strict_needs_heads) and not any(w in chain for w in needs) and not (
                    head in r.body_platform_heads and self.listed_needs(start, needs)):
                if head in r.short_name_heads:
                    self.short_named(h, end, head)
                continue
            if not named and text[start:end] in office_tails:  # the bare name of an office named in the text
                canonical, level = office_tails[text[start:end]]
                self.add(start, end, "congress", canonical, level, "congress")
                continue
            if head in r.office_heads and r.office_acts and not named and text[start:h] == r.deputy_word \
                    and self.acts_as_office(end):  # 代表联络室工作人员: the standing committee's office
                self.add(start, end, "congress", self.office_of(text[start:end]), self.own_level or "", "congress")
                continue
            own = self.name_start if named and start <= self.name_start < h else start  # (廉江市 + 塘蓬镇…)
            canonical = norm_paren(text[own:e]) + canon_tail  # a trailing (站) is dropped
            if quoted_qual != -1:
                canonical = "".join(ch for ch in canonical if ch not in r.quote_pairs and ch not in r.close_quotes)
            if not named:
                canonical = self.resolve_station(r.inner_alt_re.sub("", canonical), start)  # 村(居)联络站 → 村联络站
                if quoted_qual == -1:  # “物业联盟”代表联络站: the quoted brand names it, outside the span
                    canonical = self.quoted_brand(start) + canonical
            canonical = canonical.removeprefix(r.each_marker)
            self.add(start, end, "station", canonical, level, "station")
            if r.list_marker and text.endswith(r.list_marker, 0, start):
                self.listed_names(start - len(r.list_marker))
        if r.product_station_re is not None:
            for m in r.product_station_re.finditer(text):
                if not r.bad_name(m.group(1)):  # (代表 + 调研 + 企业工作站: a verb, a firm's own unit)
                    self.add(m.start(), m.end(), "station", m.group(0), "", "station")
        self.brands()
        handled = self.piece_references() if r.piece_ref_re is not None else ()
        if r.pieces_re is not None or r.quoted_qualifiers:
            self.quoted_stations(handled)
        if r.other_bodies:
            self.cands = [c for c in self.cands if c[2] != "station" or not self.other_body_before(c[0])]
        if r.quoted_name_max:
            self.quoted_names()

    def checklist_item(self, start: int, end: int) -> bool:
        """The span is an item of a checklist of standards (有活动阵地、有统一标识、有制度): the
        checklist word before it and the next item opening with the same word after a comma."""
        text, marker = self.text, self.r.checklist_marker
        if not marker or not text.endswith(marker, 0, start):
            return False
        return end < len(text) and text[end] in self.r.checklist_seps and text.startswith(marker, end + 1)

    def quoted_names(self) -> None:
        """A station that closes a quotation whose words before it name it (“乡村振兴代表专业
        联络站”: a station named by its theme) takes the whole quoted name as its span and
        canonical name: the quotes mark where the name starts. Not words with a verb, a stop
        word or a word that refers back in them (“建好用好代表联络站”, “有事找联络点”: slogans)."""
        text, r = self.text, self.r
        for i, (s, e, t, c, lv, br) in enumerate(self.cands):
            if t != "station" or e >= len(text) or text[e] not in r.close_quotes:
                continue
            o = max(text.rfind(q, max(0, s - r.quoted_name_max - 1), s) for q in r.open_quotes)
            if o == -1 or o + 1 >= s:
                continue
            name = text[o + 1:s]
            if any(c[0] == o + 1 and c[1] == e and c[2] == "station" for c in self.cands):
                continue  # (the quoted name is a station already: one that refers back, see brands)
            if not all(_CJK_RE.match(ch) for ch in name) or any(w in name for w in r.refer_back) \
                    or any(name[j:j + k] in r.stops for k in (1, 2, 3) for j in range(len(name) - k + 1)):
                continue
            self.cands[i] = (o + 1, e, t, norm_paren(text[o + 1:e]), lv, br)

    def other_body_before(self, start: int) -> bool:
        """A body that is not the congress stands right before ``start`` (an opening quote
        may come between): 政协 + 委员之家, “政协 + 委员之家”: its members' room, no station."""
        text, r = self.text, self.r
        if start > 0 and text[start - 1] in r.open_quotes:
            start -= 1
        return text.endswith(r.other_bodies, 0, start) or text.startswith(r.other_bodies, start + (
            1 if start < len(text) and text[start] in r.open_quotes else 0))

    def deputy_room(self, h: int) -> bool:
        """True when the use word before the head at ``h`` (多功能 + 活动室) follows a deputy
        word (人大代表多功能活动室): the deputies' room still, the use one of its qualifiers."""
        text, r = self.text, self.r
        use = next(w for w in r.room_uses if text.endswith(w, 0, h))
        return text.endswith(r.deputy_word, 0, h - len(use))

    def acts_as_office(self, end: int) -> bool:
        """True when the bare room name ending at ``end`` (代表联络室) acts as an organ's office:
        one of the office's ``acts`` right after it (工作人员, 赴, 汇报), one of two or more
        characters later in its clause, within ``office_act_window`` characters (在分管副主任带领下,
        首先汇报), or a congress organ joined to it by a conjunction (代表联络室和各专门委员会)."""
        text, r = self.text, self.r
        if text.startswith(r.office_acts, end):
            return True
        window = text[end:end + r.office_act_window]
        cut = next((i for i, ch in enumerate(window) if ch in r.punct), len(window))
        window = window[:cut]
        if any(len(a) > 1 and a in window for a in r.office_acts):
            return True
        if end < len(text) and text[end] in r.office_joiners:
            return end + 1 in self.congress_starts or end + 2 in self.congress_starts
        return False

    def office_of(self, name: str) -> str:
        """The canonical name of a bare room (代表联络室) that acts as the office of the unit's
        standing committee: the committee's name before it where the unit is a county or
        above (滨海新区人大常委会代表联络室), the name alone otherwise."""
        if self.r.office_organ and self.own_place and _RANK.get(self.own_level, 9) <= _RANK["district"]:
            return self.r.office_organ.format(place=self.own_place) + name
        return name

    def listed_needs(self, start: int, needs) -> bool:
        """True when the platform at ``start`` sums up a list (X、Y等 + 工作平台) whose items
        hold one of ``needs`` (代表微信群、QQ群等工作平台: the deputies' platforms). The items
        run from a few characters before the clause's first 、 (or before the marker)."""
        text, r = self.text, self.r
        if not r.list_marker or not text.endswith(r.list_marker, 0, start):
            return False
        end = start - len(r.list_marker)
        b = end
        while b > 0 and text[b - 1] not in r.clause_stops:
            b -= 1
        first = next((i for i in range(b, end) if text[i] in r.enumeration_commas), end)
        items = text[max(b, first - _ITEM_REACH):end]
        return any(w in items for w in needs)

    def congress_offices(self, matches: list) -> tuple[dict, dict]:
        """Rooms owned by a congress organ: a room head (联络室, 工作室) right after a congress
        mention, with at most a deputy word between (人大常委会 + 代表 + 联络室; 人大 + 工作室),
        is the organ's own office, a congress body.

        Returns the offices by head position, as (span start, canonical, level), and the
        office names written after the organ when they hold more than the head (代表联络室),
        by name, as (canonical, level): written bare elsewhere in the text they name the office.
        """
        text, r = self.text, self.r
        ends = {}
        for s, e, t, c, lv, _ in self.cands:
            if t == "congress" and (e not in ends or s < ends[e][0]):
                ends[e] = (s, c, lv)
        offices, tails = {}, {}
        if not ends:
            return offices, tails
        for m in matches:
            h, head = m.start(), norm_paren(m.group(1))
            if head not in r.office_heads:
                continue
            for owner, organ in r.office_owners:
                if not text.endswith(owner, 0, h):
                    continue
                organ_end = h - len(owner) + organ
                if organ_end in ends:
                    s, canonical, level = ends[organ_end]
                    name = text[organ_end:h + len(head)]
                    offices[h] = (s, canonical + name, level)
                    if name != head:
                        tails.setdefault(name, (canonical + name, level))
                break
        return offices, tails

    def piece_antecedent(self, pos: int, piece: str) -> tuple[str, str] | None:
        """The station a piece (家, 站 …) at ``pos`` refers back to: the latest station named
        before it whose canonical name ends with the piece, in this text or an earlier one of
        the unit, as (canonical, level); None if none."""
        best = None
        for s, e, t, c, lv, _ in self.cands:
            if t == "station" and e <= pos and c.endswith(piece) and (best is None or (e, e - s) > best[0]):
                best = ((e, e - s), c, lv)
        if best is not None:
            return best[1], best[2]
        return self.earlier.get(piece) if self.earlier else None

    def listed_pieces(self, start: int, end: int) -> bool:
        """Whether the quoted run at ``start:end`` is one quote listing pieces with a joiner
        (“家、站、点”, “家+站”) after a station named before it in the unit: the kinds of the
        deputies' platforms enumerated, each piece a bare head of its own kind (家 → 代表之家),
        though no station named before ends with one of them (docs/codebook.md §3.1)."""
        group = self.r.piece_group_re.fullmatch(self.text, start, end)
        if group is None or not any(ch in self.r.piece_joiner_chars for ch in group.group(0)):
            return False
        return bool(self.earlier) or any(c[2] == "station" and c[1] <= start for c in self.cands)

    def piece_platform(self, start: int, end: int) -> None:
        """A platform right after one quote listing the kinds of platform it holds (“家、站、点”
        平台, “家站点”网络平台: the deputies' network of homes, stations and points) is a station:
        span its qualifiers and head after the closing quote, canonical the pieces, the
        qualifiers and the head (家站点网络平台). The pieces in the quote are read as any quoted
        list is (piece_references)."""
        r, text = self.r, self.text
        if r.piece_platform_re is None or r.piece_group_re.fullmatch(text, start, end) is None:
            return
        pieces = [ch for ch in text[start:end] if ch in r.piece_names]
        head = r.piece_platform_re.match(text, end)
        if len(pieces) < 2 or head is None:
            return
        b = head.end() - len(head.group(0).lstrip())
        self.add(b, head.end(), "station", "".join(pieces) + text[b:head.end()], "", "station")

    def piece_references(self) -> set[tuple[int, int]]:
        """Pieces that refer back to the stations named before (docs/codebook.md §3.1, a bare
        head referring back): a quoted piece or list of pieces (“家”, “家、站、点”, “家” “站”),
        a piece with a parenthesised alternative (站(点)), pieces written together or counted
        in one quote (“点站”, “两站”). When one piece of a run names the head of a station
        named before, every piece is a station: one mention each with that station's
        canonical name (else the piece's name in the lexicon), and so is every piece of a
        list inside one quote after any station named before (listed_pieces); pieces written together or
        counted are one collective station. Returns the runs taken (opening, closing quote)."""
        text, r = self.text, self.r
        names = r.piece_names
        handled = set()
        for m in r.piece_ref_re.finditer(text):
            self.piece_platform(m.start(), m.end())  # (“家、站、点”网络平台: the platform of those kinds)
            found = {p: self.piece_antecedent(m.start(), p) for p in set(m.group(0)) if p in names}
            if not any(found.values()) and not self.listed_pieces(m.start(), m.end()):
                continue
            handled.add((m.start(), m.end()))
            for g in r.piece_group_re.finditer(text, m.start(), m.end()):
                inner_s, inner_e = g.start() + 1, g.end() - 1
                inner = text[inner_s:inner_e]
                if len(inner) > 1 and all(ch in names for ch in inner) or inner[0] not in names:
                    after = g.end() + (text.startswith("的", g.end()))  # (“一站三点”的模式)
                    if not text.startswith(r.not_brand_after, after):  # (“一站”模式: a method)
                        self.add(inner_s, inner_e, "station", inner, "", "station")  # (“点站”, “两站”: collective)
                    continue
                for i in range(inner_s, inner_e):
                    if text[i] in names:
                        canonical, level = found.get(text[i]) or (names[text[i]], "")
                        self.add(i, i + 1, "station", self.resolve_station(canonical, i), level, "station")
        for m in r.piece_alt_re.finditer(text):  # 站(点), 室(站): the piece, the alternative in the span
            named = self.piece_antecedent(m.start(), text[m.start()])
            if named is not None:
                self.add(m.start(), m.end(), "station", self.resolve_station(named[0], m.start()), named[1], "station")
        return handled

    def quoted_stations(self, handled=()) -> None:
        """Stations written in double quotes, joined with what qualifies them.

        Quoted one-character pieces together name the deputies' platforms (“家”“站”: the
        homes and the stations) and are one station. A quoted station (one found inside
        the quotes, or such pieces) joins a deputy qualifier right before the opening
        quote (代表“家站”, 人大代表“连心驿站”) and a station head right after the
        closing quote (“家室站点”示范点, “家站”履职平台) into one span: the quoted name
        is part of the station's name. The canonical name is the qualifier (a leading
        人大 dropped), the quoted words and the head, without the quotes.
        """
        text, r = self.text, self.r
        pairs = r.quote_pairs
        quoted: list[tuple[int, int]] = []  # (opening quote, after the closing quote)
        if r.pieces_re is not None:
            for m in r.pieces_re.finditer(text):
                if not any(a <= m.start() < b for a, b in handled):  # (pieces that refer back: taken)
                    quoted.append((m.start(), m.end()))
        for s, e, t, _, _, _ in list(self.cands):
            if t == "station" and s > 0 and e < len(text) and pairs.get(text[s - 1]) == text[e]:
                quoted.append((s - 1, e + 1))
        if not quoted:
            return
        stations_at: dict[int, int] = {}  # start -> the longest end of a station starting there
        for s, e, t, _, _, _ in self.cands:
            if t == "station" and e > stations_at.get(s, -1):
                stations_at[s] = e
        for qs, qe in sorted(set(quoted)):
            start, end = qs, qe
            for word in r.quoted_qualifiers:
                if text.endswith(word, 0, qs):
                    start = qs - len(word)
                    break
            end = stations_at.get(qe, qe)
            if (start, end) == (qs, qe) and not (r.pieces_re is not None and r.pieces_re.fullmatch(text, qs, qe)):
                continue  # (a quoted station alone: found already)
            qualifier = text[start:qs].removeprefix(r.congress_word) if start < qs else ""
            inner = "".join(ch for ch in text[qs:qe] if ch not in pairs and ch not in r.close_quotes)
            tail = norm_paren(text[qe:end])
            alt = r.alt_re.search(tail) if tail else None
            if alt is not None:
                tail = tail[:alt.start()] + tail[alt.end():]
            self.add(start, end, "station", qualifier + inner + tail, "", "station")

    def quoted_qualifier(self, h: int) -> int:
        """The opening quote of a quoted run of station qualifiers right before ``h`` that a
        deputy word stands right before (人大代表 + “流动” + 联络站), or -1."""
        text, r = self.text, self.r
        if h < 4 or text[h - 1] not in r.close_quotes:
            return -1
        open_at = max(text.rfind(q, max(0, h - 8), h - 1) for q in r.open_quotes)
        if open_at < 2 or not r.quoted_qual_re.fullmatch(text, open_at + 1, h - 1):
            return -1
        return open_at if text.endswith(r.quoted_qualifiers, 0, open_at) else -1

    def brand_name_before(self, h: int) -> int:
        """Start of a local brand name of 2–4 characters before the head at ``h`` (江岸红色 +
        驿站), at a clause boundary or after a stop word; -1 if none."""
        text, r = self.text, self.r
        for length in (4, 3, 2):
            b = h - length
            if b < 0:
                continue
            name = text[b:h]
            if r.bad_name(name, strict=False) or name.endswith(r.brand_not_names):
                continue
            if b == 0 or text[b - 1] in r.punct or text[b - 1] in r.enumeration_commas or r.after_stop_word(text, b):
                return b
        return -1

    def demonstrative_stations(self) -> None:
        """A demonstrative before the one-character head of a station (该站, 此站) refers back to
        the latest station named before it in the unit: a station mention, span the head,
        canonical and level that station's. With no station named before, it names none (该站
        of a bus line)."""
        for m in self.r.demonstrative_station_re.finditer(self.text):
            h = m.start(1)
            latest = self.latest_station(h)
            if latest is not None:
                self.add(h, m.end(1), "station", latest[0], latest[1], "station")

    def latest_station(self, h: int) -> tuple[str, str] | None:
        """(canonical, level) of the latest station named before ``h`` in this text, else in an
        earlier text of the unit, or None."""
        latest = next(((c[3], c[4]) for c in reversed(self.cands) if c[2] == "station" and c[1] <= h), None)
        if latest is None and self.earlier:
            latest = self.earlier.get(_LATEST)
        return latest

    def refer_back(self, h: int, end: int, head: str) -> None:
        """A bare head (工作站) standing alone that refers back to a station named before it
        in the text: a station mention with that station's canonical name and level."""
        text, r = self.text, self.r
        if r.list_marker and text.endswith(r.list_marker, 0, h):
            return  # (联络站、工作站等工作室: the noun sums up a list)
        if h > 0 and text[h - 1] in r.enumeration_commas and any(
                c[2] == "station" and c[1] == h - 1 for c in self.cands):
            self.add(h, end, "station", head, "", "station")  # (代表工作站、联络室: an item of a list of stations)
            return
        counted = self.counted(h, end)
        if not (counted or h == 0 or text[h - 1] in r.punct or r.after_stop_word(text, h)
                or text[h - 2:h] in r.non_name_words or text.endswith(r.refer_back, 0, h)):
            if head in r.site_words and any(c[2] == "station" and c[1] <= h and not any(
                    ch in r.sentence_stops for ch in text[c[1]:h]) for c in self.cands):
                self.add(h, end, "station", head, "", "station")  # (联络站…提升骨干站点: its sites)
            return  # (名师工作室: a name before the head, no station of this text)
        if head in r.station_parts:  # (站点, 总站, 接待室: the sites or a part of the stations named)
            if any(c[2] == "station" and c[1] <= h or c[2] == "deputy" and head in r.site_words for c in self.cands) \
                    or self.earlier:  # (站点: also the sites where the deputies of the sentence are found)
                self.add(h, end, "station", head, "", "station")
            return
        for c in reversed(self.cands):
            if c[2] == "station" and c[1] <= h and text.endswith(head, c[0], c[1]):
                self.add(h, end, "station", c[3], c[4], "station")
                return
        if self.earlier:  # a station named in an earlier sentence of the unit
            named = self.earlier.get(head)
            if named is not None:
                self.add(h, end, "station", named[0], named[1], "station")
                return
        latest = self.latest_station(h)
        if latest is None:
            return
        if counted:
            self.add(h, end, "station", head, "", "station")  # (联络站下设8个联络点: stations of that kind)
        elif head not in r.everyday_heads and not (h > 1 and text[h - 1] in r.open_quotes and text[h - 2] == "的"):
            # a room or station of another kind than those named before, standing alone: the
            # latest of them (某社区代表之家…, 在工作室的公示板上); not an everyday noun
            # (学习之家, 为民服务站) nor a quoted role after 的 (群众的“接待站”)
            self.add(h, end, "station", latest[0], latest[1], "station")

    def counted(self, h: int, end: int) -> bool:
        """True when the bare head at ``h``..``end`` is counted: a numeral and a measure word right
        before it (8个联络点, 30余个站点), or right after it when it opens a clause or an item of a
        list (其中联络站12个、联络点40个)."""
        text, r = self.text, self.r
        if h > 1 and text[h - 1] in r.count_words and (text[h - 2] in r.numerals or text[h - 2] in "余多"):
            return True
        k = end
        while k < len(text) and text[k] in r.numerals:
            k += 1
        return k > end and k < len(text) and text[k] in r.count_words and (
            h == 0 or text[h - 1] in r.punct or text[h - 1] in r.enumeration_commas)

    def short_named(self, h: int, end: int, head: str) -> None:
        """A head whose qualifiers do not stand right before it (lexicon ``short_name``).

        A brand of two characters may stand between the qualifiers and the head
        (全过程人民民主 + 巴蜀 + 实践站: one station); else a shortened name (巴蜀实践站,
        石门巴蜀实践站: the start and the end of the full name) or the head alone after a
        boundary, a demonstrative or a count (该实践站, 8个实践中心) refers back to the
        latest station named before with this head.
        """
        text, r = self.text, self.r
        b = h - 2
        if b > 0 and all(_CJK_RE.match(c) for c in text[b:h]) and not r.after_stop_word(text, h) \
                and not text.endswith(r.brand_not_names, b, h):  # 基层 + 文明 + 实践站: another programme
            start, named, level, chain = self.station_left(b, False)
            if start < b and any(w in chain for w in r.station_info[head][0]):
                own = self.name_start if named and start <= self.name_start < b else start
                canonical = norm_paren(text[own:h + len(head)])
                if not named:
                    canonical = self.resolve_station(canonical, start)
                self.add(start, end, "station", canonical, level, "station")
                return
        before = next(((c[3], c[4]) for c in reversed(self.cands)
                       if c[2] == "station" and c[1] <= h and c[3].endswith(head)), None)
        if before is None and self.earlier:
            before = self.earlier.get(head)
        if before is None:
            return
        canonical, level = before
        for b in range(max(0, h - r.name_max), h - 1):  # the longest shortened name first
            name = text[b:h]
            if not all(_CJK_RE.match(c) for c in name) or not (
                    b == 0 or text[b - 1] in r.punct or text[b - 1] in r.close_quotes or r.after_stop_word(text, b)):
                continue
            if canonical.endswith(name + head) or any(
                    canonical.startswith(name[:i]) and canonical.endswith(name[i:] + head)
                    for i in range(2, len(name) - 1)):
                self.add(b, end, "station", canonical, level, "station")
                return
        start, named, own_level, _ = self.station_left(h, False)
        if start < h:  # 县级中心实践站, 乡镇基层实践站: a rank or tier of the stations named before
            own = self.name_start if named and start <= self.name_start < h else start
            self.add(start, end, "station", norm_paren(text[own:h + len(head)]), own_level or level, "station")
            return
        if h == 0 or text[h - 1] in r.punct or r.after_stop_word(text, h) or text.endswith(r.refer_back, 0, h) \
                or self.counted(h, end):
            self.add(h, end, "station", canonical, level, "station")

    def resolve_station(self, canonical: str, start: int) -> str:
        """省三级人大代表履职服务平台 → 福建省三级…: a single counted level item is resolved."""
        r = self.r
        m = r.item_re.match(canonical)
        if m and len(m.group(0)) == 1 and r.num_level_re.match(canonical, 1, 3):
            place = r.resolve_level(r.level_words.get(m.group(0), ""), self.jur)
            if place:
                return place + canonical[1:]
        if canonical.startswith(r.congress_word) and not canonical.startswith(r.named_head):
            return canonical[len(r.congress_word):] or canonical
        return canonical

    def named_before(self, name: str, h: int, ends: bool = False) -> tuple[str, str] | None:
        """The canonical name and level of the latest station whose canonical name starts with
        ``name`` (with ``ends``: ends with it and is longer), named before ``h`` in this text or
        an earlier one of the unit, or None: “云上人大”平台 after the 云上人大综合履职平台; with
        ``ends``, “王小明调解工作室” after the “全国人大代表王小明调解工作室”."""
        def names(canonical: str) -> bool:
            return canonical.endswith(name) and canonical != name if ends else canonical.startswith(name)
        for c in reversed(self.cands):
            if c[2] == "station" and c[1] <= h and names(c[3]):
                return c[3], c[4]
        if self.earlier:
            return next((named for named in self.earlier.values() if names(named[0])), None)
        return None

    def venue_prefix_ok(self, prefix: str) -> bool:
        """What a quoted deputies' venue may hold before its deputy word: nothing, a level or a
        place (全国, 某县), or a person's name (王小明代表工作室); not a verb (“建好用好代表联络站”)."""
        r = self.r
        return not prefix or prefix in r.level_words or prefix.endswith(tuple(r.suffixes)) \
            or r.person_name(prefix) == "name"

    def quoted_brand(self, start: int) -> str:
        """A short quoted name right before a generic station (“香山号”履职平台 → 香山号), or "".

        Not a rating that opens with a numeral (“五好”联络站) nor a longer slogan
        (lexicon ``brand_quote_max`` characters at most).
        """
        quoted = self.quoted_before(start)
        if quoted is None or not 2 <= len(quoted) <= self.r.brand_quote_max or quoted[0] in self.r.numerals:
            return ""
        return quoted

    def quoted_before(self, h: int) -> str | None:
        """The quoted words right before ``h`` (“社情民意”示范点 → 社情民意), or None."""
        text = self.text
        if h < 2 or text[h - 1] not in self.r.close_quotes:
            return None
        open_at = max(text.rfind(q, max(0, h - 14), h - 1) for q in self.r.open_quotes)
        if open_at == -1:
            return None
        inner = text[open_at + 1:h - 1]
        return inner if inner and all(_CJK_RE.match(c) for c in inner) else None

    def listed_names(self, pos: int) -> None:
        """Named platforms enumerated before ``等 + station`` (健康大讲堂、青少年心理疏导室等…).

        Items are separated by 、; the first one starts after a stop word or
        punctuation. Every item must end like a venue (lexicon ``brand_endings``).
        """
        text, r = self.text, self.r
        items = []
        end = pos
        while True:
            start = end
            while start > 0 and end - start < r.name_max and text[start - 1] not in r.punct \
                    and text[start - 1] not in r.enumeration_commas and not (end - start >= 2 and r.after_stop_word(text, start)):
                start -= 1
            name = text[start:end]
            if len(name) < 2 or not name.endswith(r.brand_endings) or not all(_CJK_RE.match(c) for c in name):
                return
            items.append((start, end))
            if start == 0 or text[start - 1] not in r.enumeration_commas:
                break
            end = start - 1
        for start, end in items:
            self.add(start, end, "station", text[start:end], "", "station")

    def station_left(self, h: int, proper: bool = True) -> tuple[int, bool, str, str]:
        """Read a station's qualifiers and place/organisation name leftwards from its head.

        Returns the span start, whether the station is named (its canonical name is
        then the surface), its level ("" when nothing names one), and the qualifier
        chain as written.
        """
        text, r = self.text, self.r
        pos, level, chain = h, "", ""
        self.name_start = -1
        qual_chars, qual_ends = r.qual_chars, r.qual_ends
        for _ in range(4):
            lo = max(0, pos - _WINDOW)
            if qual_chars is None:
                q = r.qual_re.search(text[lo:pos])
                q_start = lo + q.start() if q else 0
            elif pos and text[pos - 1] in qual_ends:
                # the chain is a run of qualifier characters ending with a qualifier at pos
                i = pos - 1
                while i > lo and text[i - 1] in qual_chars:
                    i -= 1
                q = r.qual_re.search(text, i, pos)
                q_start = q.start() if q else 0
            else:
                q = None
            if q:
                cut = r.crossing(text, q_start, pos)  # 全区活动站: not 区 + 活动站
                if cut:
                    q_start = cut
                if q_start < pos:
                    words = norm_paren(text[q_start:pos])
                    chain = words + chain
                    if not level:  # the first of station_level_items the chain holds
                        held = r.station_level_re.findall(words)
                        level = r.station_level_items[min(map(r.station_level_rank.__getitem__, held))][1] \
                            if held else ""
                    # a chain opening with a place suffix takes the place name (青礁 + 村…)
                    first = r.level_start_re.match(text, q_start)
                    if first and norm_paren(first.group(0)) in r.suffixes:
                        s = r.name_before(text, q_start, norm_paren(first.group(0)), self.known)
                        numbered = self.numbered_name(q_start)  # (第二 + 社区, not 二 + 社区)
                        if numbered != -1 and (s == -1 or numbered < s):
                            s = numbered
                        if s == -1:
                            # the place named by the prefix reader: its name may end with a level
                            # character before its level word (福州 + 市, 杭州 + 市: the chain's first
                            # level word ends the name, not a qualifier), or hold places before it
                            # (某区某街道某社区 + 人大代表联络站)
                            nxt = r.level_start_re.match(text, first.end(), pos)
                            n_end = nxt.end() if nxt else first.end()
                            p2 = self.prefix(n_end, short=True)  # (also a short name: 福州 + 实践中心)
                            if p2.kind in ("named", "short") and p2.start < q_start:
                                return p2.start, True, level or r.station_levels.get(r.suffix_of(p2.word), ""), \
                                    chain[n_end - q_start:]
                        if s != -1:
                            suffix = norm_paren(first.group(0))
                            # the station's own name starts at its township, street or village:
                            # the county, city and province before it are its address
                            self.name_start = self.outer_places(s, r.suffixes[suffix], _RANK["township"])
                            return self.outer_places(s, r.suffixes[suffix]), True, \
                                level or r.station_levels.get(suffix, ""), chain
                    # a chain opening with an organisation noun takes its name (医疗 + 行业…)
                    if not first and words.startswith(r.org_suffix_tuple):
                        for suffix in r.org_suffixes:
                            if words.startswith(suffix):
                                s = self.org_name_before(q_start)
                                if s != -1:
                                    return s, True, level or r.station_levels.get(suffix, ""), chain
                    pos = q_start
            # a residential or business estate before the chain (北岸小区, 科创园区) is no
            # district named 北岸小…: its name, and the street it lies in, name the station
            estate = next((w for w in r.estate_words if text.endswith(w, 0, pos)), None)
            if estate is not None:
                s = r.name_before(text, pos - len(estate), estate, self.known)
                if s != -1:  # (the county and city before its street are its address, as above)
                    self.name_start = self.outer_places(s, "community", _RANK["township"])
                    return self.outer_places(s, "community"), True, level or r.station_levels.get(estate, ""), chain
                e_at = pos - len(estate)
                for k in (4, 3, 2):  # a name of its own right after a named place (东湖街道 + 北岸 + 小区)
                    b = e_at - k
                    if b <= 0 or r.bad_name(text[b:e_at], strict=False):
                        continue
                    p = self.prefix(b)
                    if p.kind == "named" and p.place and text.endswith(p.place, 0, b):
                        self.name_start = b - len(p.place)
                        return p.start, True, level or r.station_levels.get(estate, ""), chain
            p = self.prefix(pos)
            if p.kind == "none" and pos < h:
                # a list of levels whose last item opened the chain (市、县、乡 + 代表活动阵地)
                first = r.level_start_re.match(text, pos, h)
                if first:
                    after = self.prefix(first.end())
                    if after.kind == "multi" and after.start < pos:
                        p, level = after, ""
                        chain = chain[len(norm_paren(first.group(0))):]
            if p.kind == "named":
                lvl = r.station_levels.get(r.suffix_of(p.word), "")
                return p.start, True, level or lvl, chain
            if p.kind in ("level", "multi") and p.start < pos:
                level = level or r.station_levels.get(norm_paren(p.word), "")
                chain = norm_paren(p.word) + chain
                pos = p.start
                continue
            break
        # an organisation or place noun: <name><org suffix> (琅岐菜篮子基地, 新阳企业)
        if text.endswith(r.org_suffix_tuple, 0, pos):
            for suffix in r.org_suffixes:
                if text.endswith(suffix, 0, pos):
                    s = self.org_name_before(pos - len(suffix))
                    if s != -1:
                        return s, True, level or r.station_levels.get(suffix, ""), chain
        # a bare proper name right before the head, after punctuation (,田洋活动站), or
        # before a deputy qualifier chain after punctuation or a stop word (参观永安人大代表之家)
        # a deputy's own station: the deputy and the name before the chain (全国人大代表 +
        # 某某 + 定点联络站): one station, named by the deputy
        if proper:
            named_by = self.deputy_named_before(pos)
            if named_by != -1:
                return named_by, True, level, chain
        deputy_chain = pos < h and chain.startswith((r.congress_word, r.deputy_word))
        if proper and (pos == h or deputy_chain):
            for length in (4, 3, 2):
                b = pos - length
                if b < 0:
                    continue
                if not r.bad_name(text[b:pos]) and (
                        b == 0 or text[b - 1] in r.punct or (deputy_chain and r.after_stop_word(text, b))):
                    return b, True, level, chain
        return pos, False, level, chain

    def deputy_named_before(self, pos: int) -> int:
        """Start of a deputy mention followed by a person's name (2–4 characters) that ends
        at ``pos`` (市人大代表 + 某某), or -1. A name that overlaps a station found before
        is none (代表联络室和活动室: two stations)."""
        text, r = self.text, self.r
        for length in (3, 2, 4):
            b = pos - length
            if b < 1 or r.bad_name(text[b:pos], strict=False) or not all(_CJK_RE.match(c) for c in text[b:pos]):
                continue
            if any(c[2] == "station" and c[0] < pos and c[1] > b for c in self.cands):
                continue  # (代表联络室和 + 活动室: a station named before, then a conjunction, is no person)
            for c in self.cands:
                if c[2] == "deputy" and c[1] == b:
                    return c[0]
        return -1

    def numbered_name(self, pos: int) -> int:
        """Start of a numbered place name ending at ``pos`` (艾博第六 + 村, 第三 + 社区), or -1.

        A number (with or without 第) closes the name; a 2–4 character name read
        like a place name may stand before it. Without a name the number needs 第
        and a clause boundary or stop word before it.
        """
        text, r = self.text, self.r
        m = r.numbered_end_re.search(text, max(0, pos - 5), pos)
        if m is None:
            return -1
        o = m.start()
        s = r.name_before(text, o, "", self.known)
        if s != -1:
            return s
        return o if text.startswith(r.ordinal_prefix, o) and r.is_stop_before(text, o) else -1

    def org_name_before(self, pos: int) -> int:
        """Start of an organisation name ending at ``pos`` (2 to name_max chars), or -1.

        A name after an enumeration comma is not taken (教育、医疗卫生行业活动站:
        the sectors share the head).
        """
        text, r = self.text, self.r
        for length in range(min(r.name_max, pos), 1, -1):
            name = text[pos - length:pos]
            if r.bad_name(name, strict=False) or not r.is_stop_before(text, pos - length):
                continue
            if any(name[i:i + k] in r.stops for k in (2, 3) for i in range(len(name) - k + 1)):
                continue  # 全县共建成乡镇…: a verb inside is no organisation name
            if pos - length > 0 and text[pos - length - 1] in r.enumeration_commas:
                return -1
            return pos - length
        return -1

    def brands(self) -> None:
        """Named brands from the lexicon and quoted names set up as platforms."""
        text, r = self.text, self.r
        lexicon = r.brands
        quoted: list[str] = []  # quoted names that are no lexicon brand
        if r.brand_open_re.search(text) is not None:  # (both patterns hold a quote)
            for m in r.quoted_re.finditer(text):
                name = m.group(1)
                if text.endswith(r.station_head_tuple, 0, m.start()) and text.endswith("的", 0, m.start(1) - 1):
                    continue  # (联络站要办成群众身边的“贴心站”: a role the station named plays, a metaphor)
                after = text[m.end():m.end() + 6]
                if name.endswith(r.brand_endings) and not after.startswith(r.not_brand_after) and name not in lexicon \
                        and not name.endswith(r.not_venue_endings) and len(name) >= r.brand_min_chars:
                    quoted.append(name)
            # a quoted deputy-named venue needs no verb: “代表议事坊”, “人大代表之家”, also after a level
            # or with a name (“全国人大代表王小明调解工作室”, “王小明代表工作室”)
            quoted.extend(m.group(1) for m in r.deputy_venue_re.finditer(text)
                          if m.group(1) not in lexicon and not m.group(1).endswith(r.not_venue_endings)
                          and self.venue_prefix_ok(m.group(1)[:m.start(2) - m.start(1)]))
            for m in r.quoted_end_re.finditer(text):
                name = m.group(1)
                prior = self.named_before(name, m.start(), ends=True) \
                    if name.endswith(r.brand_endings) and name not in lexicon else None
                if prior is not None:  # (the station it refers to names it, not another reading)
                    a, b = m.span(1)
                    self.cands[:] = [c for c in self.cands if not (c[0] == a and c[1] == b and c[2] == "station")]
                    self.add(a, b, "station", prior[0], prior[1], "station")
            if r.quoted_venue_re is not None:
                quoted.extend(m.group(1) for m in r.quoted_venue_re.finditer(text)
                              if m.group(1) not in lexicon and not text.endswith("的", 0, m.start(1) - 1)
                              and not any(w in m.group(1) for w in r.brand_not_names))
            if r.quoted_app_re is not None:
                quoted.extend(m.group(1) for m in r.quoted_app_re.finditer(text)
                              if m.group(1) not in lexicon and len(m.group(1)) >= r.brand_min_chars)
        if not quoted:
            if r.brand_re is not None:
                for m in r.brand_re.finditer(text):
                    name = m.group(1)
                    h = m.start()
                    self.add(h, h + len(name), "station", name, lexicon[name], "station")
            return
        if any(c in name for name in quoted for c in "()（）"):
            # (a name with parentheses matches either kind: one pattern of all names)
            brands = dict(lexicon)
            for name in quoted:
                brands.setdefault(name, "")
            for m in lookahead(brands).finditer(text):
                name = m.group(1)
                h = m.start()
                self.add(h, h + len(name), "station", name, brands[name], "station")
            return
        # the longest brand, listed or quoted, at every position where one starts
        at: dict[int, tuple[str, str]] = {}
        if r.brand_re is not None:
            for m in r.brand_re.finditer(text):
                name = m.group(1)
                at[m.start()] = (name, lexicon[name])
        for name in set(quoted):
            h = text.find(name)
            while h != -1:
                if h not in at or len(at[h][0]) < len(name):
                    at[h] = (name, "")
                h = text.find(name, h + 1)
        for h in sorted(at):
            name, level = at[h]
            self.add(h, h + len(name), "station", name, level, "station")

    # -- agencies --------------------------------------------------------------------------
    def agencies(self) -> None:
        text, r = self.text, self.r
        infos, ends = r.agency_info, self.short_ends
        for m in r.agency_re.finditer(text):
            h = m.start()
            head = m.group(1)
            e = h + len(head)
            branch, template, bare, not_before, allowed, multi, bare_level = infos[head]
            if not_before and text.startswith(not_before, e):
                continue
            if bare == "never" and (h == 0 or text[h - 1] not in ends):
                continue  # (no prefix: see prefix(); the head needs one)
            p = self.prefix(h, short=True)
            kind = p.kind
            if allowed and kind in ("named", "short", "level") and p.level not in allowed:
                p = _Prefix(h)
                kind = "none"
            if head in r.agency_not_after and (text.endswith(r.agency_not_after[head], 0, p.start)
                                               or text.endswith(r.agency_not_after[head], 0, h)):
                continue  # (人大某某街道工委: the congress's working committee; 网站所刊载: no office)
            if p.level == "township" and head in r.agency_township_needs \
                    and not text.startswith(r.agency_township_needs[head], e):
                continue  # (某某街道工委 without its secretary: the congress's, mention_congress.yaml)
            if branch == "party" and r.foreign_committee_re is not None and kind != "none" \
                    and (r.foreign_committee_re.search(text, max(0, p.start - 12), p.start)
                         or any(b in text[p.start:h] for b in r.not_department_bodies)):
                continue  # (政协第十二届某市委员会: the committee of the political consultative conference)
            if kind == "none":
                if bare == "never":
                    continue
                if head in r.agency_named_bare:
                    s = r.name_before(text, h, head, self.known)
                    if s != -1 and r.is_stop_before(text, s):
                        if not text.startswith(r.agency_named_bare[head], e):
                            self.add(s, e, "agency", text[s:h] + head, "township", branch)
                        continue
                generic_after = r.agency_generic_after.get(head) if bare == "self" else None
                if generic_after and text.endswith(generic_after, 0, h):
                    self.add(h, e, "agency", head, "", branch)  # (党和政府: the government in general)
                elif bare == "self":
                    place = self.own_place
                    canonical = template.format(place=place) if place else head
                    self.add(h, e, "agency", canonical, self.own_level if place else "", branch)
                elif self.own_level == "township" and self.own_place.endswith(r.agency_own_township.get(head, "\0")):
                    self.add(h, e, "agency", _fill(template, self.own_place), self.own_level, branch)
                else:
                    self.add(h, e, "agency", head if bare == "keep" else bare, bare_level, branch)
            elif kind == "multi":
                self.add(p.start, e, "agency", multi or norm_paren(text[p.start:e]), "multi", branch)
            elif kind == "each":  # 各乡镇党委 → 乡镇党委; 各区政府 → 厦门市各区政府
                self.add(p.start, e, "agency", self.each_canonical(p, "{place}" + head, text[p.start:e]), "multi",
                         branch)
            else:
                self.add(p.start, e, "agency", _fill(template, self.place_of(p)), p.level, branch)
        self.unlisted_departments()
        self.drop_station_hosts()
        notes = ()
        if r.role_split_re is not None and r.paren_open_re.search(text) is not None:
            for m in r.role_split_re.finditer(text):  # 承办(主办、协办)单位
                word = m.group(1) + m.group(2)
                self.add(m.start(), m.end(), "agency", r.generic_canonical.get(word, word), "",
                         r.generic.get(word, "department"))
            notes = [m.span(1) for m in r.role_note_re.finditer(text)]  # 承办单位(含主办、协办单位)
        congress_ends = None
        for m in r.generic_re.finditer(text):
            word = m.group(1)
            if notes and any(a < m.start() < b for a, b in notes):
                continue  # (the roles in the gloss are the mention before it)
            if word in r.congress_owned:  # 市人大常委会有关部门: the congress's own departments
                if congress_ends is None:
                    congress_ends = {}
                    for c_start, c_end, c_type, c_canon, c_level, c_branch in self.cands:
                        owner = c_type == "congress" or (c_type == "agency" and c_branch == "party")
                        if owner and (c_end not in congress_ends or c_start < congress_ends[c_end][0]):
                            congress_ends[c_end] = (c_start, c_type, c_level, c_canon)
                body = congress_ends.get(m.start())
                if body is not None:
                    # (市委有关部门: a Party committee's own departments, one agency; canonical as written)
                    end = m.start() + len(word)
                    canonical = body[3] + word if body[1] == "congress" \
                        else norm_paren(text[body[0]:end])
                    self.add(body[0], end, body[1], canonical, body[2], body[1] if body[1] == "congress" else "party")
                    continue
            self.add(m.start(), m.start() + len(word), "agency", r.generic_canonical.get(word, word), "",
                     r.generic[word])
        self.listed_sectors()
        for m in r.sector_re.finditer(text):
            self.department(m.start(), m.group(1))
        self.function_offices()

    def department(self, start: int, word: str) -> None:
        """A department ``word`` at ``start``: of the place its prefix names, or of the unit's
        own place when no prefix stands before it."""
        p = self.prefix(start)
        if p.kind in ("named", "short", "level"):
            self.add(p.start, start + len(word), "agency", self.place_of(p) + word, p.level, "department")
        else:
            place, level = self.own_place, self.own_level
            self.add(start, start + len(word), "agency", place + word, level if place else "", "department")

    def function_offices(self) -> None:
        """A township's office named by its function (经济发展办公室, 平安建设办公室, 村镇建设服务中心,
        综合行政执法队), or a section of its office named by a short function word (党政办, 城建科):
        a department of the prefix's place, or of the unit's own place without one."""
        r = self.r
        if r.function_office_re is None:
            return
        for m in r.function_office_re.finditer(self.text):
            self.department(m.start(), m.group(1))

    def listed_sectors(self) -> None:
        """Sector words listed before one shared head (县发改、财政、住建等部门, 住建、交管部门):
        each item but the last is a department of its own, in the place of the list's prefix (the
        last joins the head, see the sector words in ``agencies``)."""
        text, r = self.text, self.r
        if r.sector_head not in text:
            return
        for m in r.sector_list_re.finditer(text):
            p = self.prefix(m.start())
            named = p.kind in ("named", "short", "level")
            place, level = (self.place_of(p), p.level) if named else (self.own_place, self.own_level)
            items = list(r.sector_item_re.finditer(text, m.start(1), m.end(1)))
            head_end = m.end()
            for k, it in enumerate(items):
                start = p.start if k == 0 and named else it.start()
                last = k == len(items) - 1
                end = head_end if last and it.end() + len(r.sector_head) == head_end else it.end()
                self.add(start, end, "agency", place + it.group() + r.sector_head,
                         level if (named or place) else "", "department")

    def drop_station_hosts(self) -> None:
        """An organ right after a host marker (or whose level prefix opens with it: 驻县法院) and
        right before a station head is part of the station's name (人大代表驻某县法院调解工作室:
        the station, no court). With a deputy word before the marker the whole name is one
        station span, canonical as written."""
        r, text = self.r, self.text
        if r.station_host_re is None:
            return
        kept = []
        for c in self.cands:
            host = r.station_host_re.search(text, max(0, c[0] - 1), min(c[1], c[0] + 2)) if c[2] == "agency" else None
            after = r.station_after_re.match(text, c[1]) if host else None
            if after is None:
                kept.append(c)
                continue
            # a deputy word before the marker names the deputies' station hosted there (人大代表驻
            # 某县法院调解工作室): one station, its own name, from the deputy word to the head
            d = next((w for w in (r.named_head, r.deputy_word) if text.endswith(w, 0, host.start())), None)
            if d is not None:
                s, e = host.start() - len(d), after.end()
                alt = r.alt_re.match(text, e)
                end = alt.end() if alt else e
                kept.append((s, end, "station", norm_paren(text[s:e]), "", "station"))
        self.cands = kept

    def department_tails(self):
        """Each ``(t, tail)`` of a department ending (局, 厅 …) that no ``not_department_words``
        word holds (大局, 格局), with the bodies of 2–8 characters before it that may name a
        department: ``(b, body)``, nearest first, up to a breaker, a congress or deputy word or a
        body that is no state organ (政协)."""
        text, r = self.text, self.r
        for m in r.dept_tail_re.finditer(text):
            t = m.start()
            tail = m.group(1)
            if any(text[t - k:t + len(tail) + j] in r.not_department for k in (0, 1, 2, 3, 4) for j in (0, 1)
                   if t - k >= 0):
                continue
            bodies = []
            for length in range(2, r.department_body_max + 1):
                b = t - length
                if b <= 0:
                    break
                body = text[b:t]
                if not _CJK_RE.match(body[0]) or body[0] in r.breakers or r.congress_word in body \
                        or r.deputy_word in body or any(w in body for w in r.not_department_bodies):
                    break
                bodies.append((b, body))
            yield t, tail, bodies

    def unlisted_departments(self) -> None:
        """``<level prefix><2–8 chars>局`` (市数据局) that the department list lacks."""
        for t, tail, bodies in self.department_tails():
            for b, body in bodies:
                p = self.prefix(b)
                if p.kind in ("level", "named"):
                    self.add(p.start, t + len(tail), "agency", self.place_of(p) + body + tail, p.level, "department")
                    break

    def enumerated_departments(self) -> None:
        """An unlisted ``<2–8 chars>局`` without a prefix that follows a state organ in an
        enumeration, joined by a comma or a conjunction (交通运输局、水利局、电力局; 市政府办公室、督查局;
        公安局、工商局), is a department of the same government: the unit's own, as a listed
        department standing alone is (``standalone``). So is a listed department that needs a
        prefix (公路站) written bare after such an organ and a conjunction (镇政府及公路站)."""
        text, r = self.text, self.r
        if not any(c in text for c in r.enumeration_commas) and not any(w in text for w in r.conjunctions):
            return
        ends = {c[1] for c in self.cands if c[2] == "agency" and c[5] in _STATE_BRANCHES}
        if not ends:
            return
        place, level = self.own_place, self.own_level

        def joined(b: int) -> bool:  # (a comma or a conjunction right after an organ)
            if text[b - 1] in r.enumeration_commas:
                return b - 1 in ends
            return any(text.endswith(w, 0, b) and b - len(w) in ends for w in r.conjunctions)

        # the unlisted bureaus (…局) and the listed heads that need a prefix, in text order: each
        # joins the organ before it, so a list is read left to right in one pass (区交委、工信委、医保局)
        items = sorted([(t, 0, tail, bodies) for t, tail, bodies in self.department_tails()]
                       + [(m.start(), 1, m.group(1), None) for m in r.agency_re.finditer(text)],
                       key=lambda x: (x[0], x[1]))
        for at, is_head, word, bodies in items:
            if not is_head:
                for b, body in bodies:
                    if any(w in body for w in r.conjunctions) or any(w in body for w in r.department_endings):
                        break  # (交通局和医保局: two departments, no body 交通局和医保)
                    if joined(b):
                        if self.prefix(b).kind == "none":
                            self.add(b, at + len(word), "agency", place + body + word, level if place else "",
                                     "department")
                            ends.add(at + len(word))
                        break
                continue
            branch, template, bare = r.agency_info[word][:3]
            if bare == "never" and branch == "department" and at > 0 and joined(at) \
                    and self.prefix(at).kind == "none":
                self.add(at, at + len(word), "agency", _fill(template, place), level if place else "", branch)
                ends.add(at + len(word))

    def attach_party_groups(self) -> None:
        """省人大常委会党组: a party group right after a body joins its span."""
        text, r = self.text, self.r
        party = r.attach_gate is None or r.attach_gate.search(text) is not None
        office = r.sub_unit_gate is None or r.sub_unit_gate.search(text) is not None
        short = any(w in text for w in r.short_unit_words)
        if not (party or office or short):
            return  # (the text holds none of the words)
        bodies = [c for c in self.cands if c[2] in ("congress", "agency") and c[3]]
        for word in r.attach_words if party else ():
            pos = text.find(word)
            while pos != -1:
                for c in bodies:
                    if c[1] == pos and not (c[2] == "agency" and c[5] == "party"):
                        self.add(c[0], pos + len(word), "agency", c[3] + word, c[4], "party")
                pos = text.find(word, pos + 1)
        # 县政府督查室: an office of a government right after it joins its span (a department)
        governments = [c for c in bodies if c[2] == "agency" and c[5] == "government"]
        for word in r.sub_unit_words if governments and office else ():
            pos = text.find(word)
            while pos != -1:
                for c in governments:
                    if c[1] == pos:
                        self.add(c[0], pos + len(word), "agency", c[3] + word, c[4], "department")
                pos = text.find(word, pos + 1)
        # 区政府办: the office named short, only after a government with a prefix (政府办、人大评: a verb)
        for word, name in r.short_unit_words.items() if governments and short else ():
            stops = r.short_unit_not_before[word]
            for c in governments:
                if text.startswith(word, c[1]) and text[c[0]:c[1]] not in r.agency_info \
                        and not text.startswith(stops, c[1] + len(word)):
                    self.add(c[0], c[1] + len(word), "agency", c[3] + name, c[4], "department")

    # -- all -----------------------------------------------------------------------------
    def drop_verbs(self, kept: list[tuple]) -> list[tuple]:
        """A bare 代表 right before a congress body or an agency is the verb "on behalf of"
        (某某代表区人大常委会作报告, 代表市政府致辞; also after a name, 王小明代表区政府致辞): no
        deputy. ``kept``: sorted, not overlapping."""
        word = self.r.deputy_word
        drop = [i for i in range(len(kept) - 1)
                if kept[i][2] == "deputy" and kept[i + 1][0] == kept[i][1] and kept[i + 1][2] in ("congress", "agency")
                and self.text.endswith(word, kept[i][0], kept[i][1])
                and (self.text[kept[i][0]:kept[i][1]] == word or kept[i][3] == self.text[kept[i][0]:kept[i][1] - len(word)])]
        if not drop:
            return kept
        gone = set(drop)
        return [c for i, c in enumerate(kept) if i not in gone]

    def run(self) -> list[dict]:
        self.congress()
        self.deputies()
        self.stations()
        if self.r.demonstrative_station_re is not None:
            self.demonstrative_stations()
        self.agencies()
        self.attach_party_groups()
        self.enumerated_departments()
        if self.r.deputy_list_re is not None and self.r.list_marker in self.text:
            self.listed_deputies()
        cands = self.cands
        if not cands:
            return []
        if len(cands) == 1:
            kept = cands
        else:
            # Longest first, then leftmost, then by type; among equal spans of one type
            # the candidate found first (a listed head before a generic pattern) wins.
            order = sorted((s - e, s, _TYPE_ORDER[t], i, e) for i, (s, e, t, _, _, _) in enumerate(cands))
            taken = bytearray(len(self.text) + 1)
            kept = []
            for _, start, _, i, end in order:
                if taken.find(1, start, end) != -1:
                    continue
                taken[start:end] = b"\x01" * (end - start)
                kept.append(cands[i])
            kept.sort(key=_SPAN)
            kept = self.drop_verbs(kept)
        text = self.text
        titles = self.titles
        return [
            {"type": t, "surface": text[s:e], "canonical": c, "level": lv, "branch": br, "start": s, "end": e}
            for s, e, t, c, lv, br in kept
            if not (titles and self.in_title(s, e))
        ]


class MentionFinder:
    """The mention finder compiled from one lexicon (the ``mention_*`` files).

    Get one with :meth:`from_lexicon`, which compiles it once per process, lexicon
    version and ``shortcuts`` (through :func:`congress_lib.resources.compiled`),
    then call :meth:`find` once per text. One finder serves any number of texts
    and threads; nothing in it changes but the memo tables of its rules (caches,
    see ``_Rules``). The constructor compiles anew from a :class:`Lexicon`, past
    the cache.
    """

    __slots__ = ("rules",)

    def __init__(self, lexicon: Lexicon, *, shortcuts: bool = True):
        #: The compiled rules (``_Rules``): an internal structure, read by :meth:`find`.
        self.rules = _Rules(lexicon, shortcuts)

    @classmethod
    def from_lexicon(cls, lexicon=None, *, shortcuts: bool = True) -> MentionFinder:
        """The finder for ``lexicon`` (a Lexicon, a folder path or None for the shipped one).

        ``shortcuts=False`` gives the plain definitions: no gate, memo table or
        character test of :mod:`~congress_lib.fastpath`, every rule run as its
        regex or word list says. It finds exactly the same mentions, more slowly
        (the tests compare the two).
        """
        lex = load_lexicon(lexicon)
        shortcuts = bool(shortcuts)
        return compiled(lex, ("mentions", shortcuts), lambda: cls(lex, shortcuts=shortcuts))

    def find(self, text: str, jurisdiction: Jurisdiction | None = None, *, in_title: bool = False,
             earlier: dict | None = None, named: dict | None = None) -> list[dict]:
        """The mentions of ``text``: :func:`find_mentions` with this finder's lexicon.

        The arguments are not checked (:func:`find_mentions` checks them): ``text``
        is a str, ``jurisdiction`` a :class:`~congress_lib.jurisdiction.Jurisdiction`
        or None. ``earlier``: the stations named before ``text`` in the same unit (see
        :meth:`remember`); a bare head that refers back (联络点 standing alone) takes the
        latest of them whose name ends with it when ``text`` names none. ``named``: the
        deputies named so far in the document (see :meth:`recurring_deputies`); their bare
        names recurring in ``text`` are named deputies too.
        """
        rules = self.rules
        if rules.any_re is not None and not rules.may_hold(text):
            found = []  # (no head, no quoted brand: nothing to find but a recurring name)
        else:
            found = _Finder(text, jurisdiction, rules, earlier, self.in_session(text, named)).run()
        if named is not None and not in_title:
            found = self.recurring_deputies(text, found, named)
        if in_title:
            found = [m for m in found if m["type"] != "deputy"]
        return found

    def in_session(self, text: str, named: dict | None) -> bool:
        """Whether a sitting of the congress is named in ``text`` or before it in the document
        (``named`` keeps the answer for the next sentences): one regex search per sentence."""
        if named is not None and named.get("sitting"):
            return True
        r = self.rules.sitting_named_re
        hit = r is not None and r.search(text) is not None
        if hit and named is not None:
            named["sitting"] = True
        return hit

    def recurring_deputies(self, text: str, found: list[dict], named: dict) -> list[dict]:
        """A person introduced as a deputy whose bare name recurs later in the document
        (区人大代表王小明 …, 王小明代表 …, 王小明还介绍了 …) is a named deputy there too, span and canonical
        the name (docs/codebook.md §3.1). ``named`` holds the document's names so far and a
        character class of their first characters, remade only when a new first character
        comes; every sentence is scanned once for it, with three set look-ups at each hit, so
        the cost is linear in the text whatever the number of names (a roster of a thousand
        deputies costs what a list of two does). A name is a deputy's canonical of 2–4 Han
        characters with the form of a person's name that is no common word (``person_name``); a
        two-character name must open where a name may (``name_opens``). A recurrence inside a
        longer mention is none (the longer mention wins)."""
        r = self.rules
        names = named.setdefault("names", set())
        size = len(names)
        for m in found:
            c = m["canonical"]
            if m["type"] == "deputy" and 2 <= len(c) <= 4 and (m["surface"].endswith(c) or m["surface"].startswith(c)) \
                    and all(_CJK_RE.match(ch) for ch in c) and r.person_name(c) == "name":
                names.add(c)
            elif m["type"] == "deputy" and m["surface"] == c and r.long_name(c):
                names.add(c)  # (a name without a Han surname, introduced after a post: 敖日格勒)
        if not names:
            return found
        if len(names) != size or "first" not in named:
            # the first characters of the names, as one character class: the text is scanned in
            # C for them, and at each such position the 4-, 3- and 2-character slices are looked up
            # in the set (longest first), so the cost does not grow with the number of names
            firsts = "".join(sorted({n[0] for n in names}))
            if named.get("firsts") != firsts:
                named["firsts"], named["first"] = firsts, re.compile(f"[{re.escape(firsts)}]")
        taken = [(m["start"], m["end"]) for m in found]
        added = []
        scanned = 0
        for hit in named["first"].finditer(text):
            s = hit.start()
            if s < scanned:
                continue
            e = next((s + k for k in (6, 5, 4, 3, 2) if text[s:s + k] in names), 0)
            if not e:
                continue
            scanned = e
            if any(a < e and s < b for a, b in taken):
                continue
            if e - s == 2 and not r.name_opens(text, s):
                continue
            if e < len(text) and _CJK_RE.match(text[e]) and r.person_name(text[s:e + 1]) == "name" \
                    and text[s:e + 1] not in names:
                continue  # (王芳 inside 王芳芳: another person)
            added.append({"type": "deputy", "surface": text[s:e], "canonical": text[s:e], "level": "",
                          "branch": "deputy", "start": s, "end": e})
        if not added:
            return found
        return sorted(found + added, key=lambda m: m["start"])


    def remember(self, found: list[dict], earlier: dict) -> None:
        """Record the stations of ``found`` in ``earlier`` for the next texts of the unit: by
        each station head the surface ends with, the canonical name and level (the latest
        station wins). One dictionary update per station: linear in the text."""
        heads, pieces = self.rules.station_info, self.rules.piece_names
        for m in found:
            if m["type"] != "station":
                continue
            surface = m["surface"]
            earlier[_LATEST] = (m["canonical"], m.get("level", "") or "")
            for k in range(2, min(len(surface), 7) + 1):
                if surface[-k:] in heads:
                    earlier[surface[-k:]] = (m["canonical"], m.get("level", "") or "")
            if m["canonical"][-1:] in pieces:  # (for a piece that refers back: “家” → 代表之家)
                earlier[m["canonical"][-1]] = (m["canonical"], m.get("level", "") or "")


def find_mentions(text: str, jurisdiction: Jurisdiction | None = None, lexicon=None, *,
                  in_title: bool = False) -> list[dict]:
    """Find deputy, station, agency and congress mentions (docs/codebook.md §3).

    Parameters
    ----------
    text : str
        Cleaned text (simplified characters): a sentence, a unit or a document.
    jurisdiction : Jurisdiction or None
        The unit's jurisdiction; level words (区, 市 …) resolve in it. ``None``
        leaves them unresolved (``区政府`` → ``区人民政府``).
    lexicon : Lexicon, str, Path or None
        Lexicon to use (default: the shipped one); the ``mention_*`` files are read.
    in_title : bool
        Leave deputy mentions out (the other types are kept). The gold no longer
        asks for it: a page's own headline is text and its deputies are coded
        (GUIDELINES), so the pipeline does not pass it; kept for callers of the
        older convention.

    Returns
    -------
    list of dict
        One dict per mention with keys ``type`` (deputy | station | agency |
        congress), ``surface``, ``canonical``, ``level``, ``branch``, ``start``,
        ``end``; ``text[start:end] == surface``; sorted by ``start``; mentions do
        not overlap. Mentions inside a cited title 《…》 are left out, of every
        type. The input is not modified.

    Examples
    --------
    >>> from congress_lib.jurisdiction import Jurisdiction
    >>> j = Jurisdiction("同安区", "district", "福建省", "厦门市", "同安区", "metadata")
    >>> [(m["surface"], m["canonical"]) for m in find_mentions("督促区政府加快发展", j)]
    [('区政府', '同安区人民政府')]
    """
    if not isinstance(text, str):
        raise InvalidArgumentError(f"text must be a str, not {type(text).__name__}; pass the cleaned report text.")
    if jurisdiction is not None and not isinstance(jurisdiction, Jurisdiction):
        raise InvalidArgumentError(
            f"jurisdiction must be a Jurisdiction or None, not {type(jurisdiction).__name__}; "
            "build one with congress_lib.jurisdiction.Jurisdiction(name, level, province, city, district)."
        )
    if not text:
        return []
    return MentionFinder.from_lexicon(lexicon).find(text, jurisdiction, in_title=in_title)
