"""Indicators: quantities that measure congress work (docs/codebook.md §2).

A quantity found by :func:`congress_lib.quantities.find_quantities` becomes an
indicator when the words around it say what it counts. The classifier reads three
stretches of the sentence:

* **right** -- from the end of the quantity to the next clause punctuation or the
  next countable quantity: the counted noun (``108件[建议]``,
  ``9场“面对面”[督办协调会]``, ``73名[市级人大代表]``);
* **left** -- from the start of the clause (or the end of the previous countable
  quantity) to the quantity: the noun or verb before it (``[接访群众]1700余人次``,
  ``[办结率]93.5%``, ``[委派案件]128件``);
* the whole **sentence**, for a few cues that sit farther away.

Each stretch is cut into cue words by longest match over the word classes of the
``indicator_cues`` lexicon (stations, deputies, proposals, resolve verbs …), and an
ordered list of rules -- also lexicon data -- maps (unit, classes) to a codebook
code. The rules are tried with the nouns on the right first and then with the nouns
on the left, so the counted noun after a number wins over context before it.

The left stretch normally reaches 30 characters back; when that stretch is a list
of coordinated items (解决A、B、C等问题12项) it reaches back to the clause start, so the
verb that governs the list is read.

Conventions of docs/codebook.md §2.1 are general rules too: a count that breaks
down a total (after 其中, or after 「N件中」) takes the total's code, refined by the
lexicon's ``breakdowns`` table (an outcome of proposals is ``proposals_resolved``);
a percentage takes the rate word nearest before it, or the first of rates joined
into one numeral (办结率、满意率均为100%), or with 分别 the rate at its position
(办结率、满意率分别为100%、98%), or the rate named right after it (100%的办结率), and
a share of a counted group (占41.5%) or of work already done (已完成80%) is ``other``;
a percentage in a sentence that names only another body's items (政协提案办结率) is no
indicator, as counts of those items are not (lexicon ``other_body_rates``); a word of a
blocking class (targets, quotas: 至少, 不少于, 每名代表) in the clause before a number
makes it no indicator.

Across sentences (:meth:`IndicatorClassifier.classify_in_passage`, used by the
pipeline within a text unit): a count with no noun of its own, or behind a topic
label (农业农村方面26件), counts what the last count in its unit counted, in this
sentence or the previous one, or the X of an "among X," phrase (代表建议中，…); a
sentence that opens with 其中 breaks down the previous sentence's total; a line with
no quantity that ends with a colon (具体名额如下：) announces a list and passes the carry
on, and items labelled by a place (甲镇35名，乙乡12名) count what the total before them
counted. A clause that only sums up (…代表名额…，共728名; 人数为870人) counts the nearest
noun of its sentence that a count in its unit can count. A sentence that opens with
a topic label and its count (农牧水方面26件：…) breaks down the previous sentence's
total as 其中 would; so does a sentence that opens with a sorting phrase (按代表团分：…,
its first count bare of a noun), and within a sentence a clause after a total that opens
with a sorting phrase or with 分别 and a verb of handing on (分别交…办理12件) splits that
total; a weak part after a part refined to an outcome goes on with that outcome (其中12件
列入计划，有2件…已颁布实施). What a count passes on is what its code says it counted
(the lexicon's ``code_nouns``: 问题已经解决的(A类)259件 counts proposals). Two kinds of
people joined by 和/及 (负责人和领衔代表20人) are one mixed group (``other``).

Not indicators, by general rule: dates, times, durations, ordinals, sessions,
enumerations, slogans and codes (the quantity's ``kind``); numbers without a unit;
the article-like 一 + classifier (一位干部, 一场审判) unless it is coordinated with
another count in the same unit (一名区人大代表和十名镇人大代表); counts of abstractions
(五个方面, 三个体系); percentages without a rate word.

All functions are pure: inputs are never mutated. The compiled classifier of a
lexicon is :meth:`IndicatorClassifier.from_lexicon` (``shortcuts=False``: the plain
definitions of its fast paths).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from . import fastpath
from .errors import InvalidArgumentError, LexiconError
from .quantities import Quantity, QuantityFinder, find_quantities, is_spoken_estimate
from .resources import Lexicon, compiled, load_lexicon
from .text import (
    CJK_BASIC,
    TONE_VOWELS,
    alternation,
    char_class,
    characters,
    closers,
    openers,
    pair_chars,
)

__all__ = ["INDICATOR_CODES", "COUNTABLE_KINDS", "RATE_CODES", "Carry", "IndicatorClassifier", "classify", "extract_indicators"]

#: The indicator codes of docs/codebook.md §2, in codebook order.
INDICATOR_CODES = (
    "proposals_received",
    "proposals_resolved",
    "completion_rate",
    "satisfaction_rate",
    "stations",
    "deputies",
    "deputy_groups",
    "constituent_contacts",
    "deputy_participation",
    "activities",
    "opinions_collected",
    "issues_resolved",
    "review_opinions",
    "cases",
    "funding",
    "projects",
    "publications",
    "awards",
    "admin_context",
    "other",
)

# Quantity kinds that can be indicators; every other kind never is.
#: The kinds of quantity an indicator can be (a date, an ordinal, a duration … never is):
#: the rules code these alone, and the learned coder re-codes no other.
COUNTABLE_KINDS = frozenset({"count", "percent", "money", "measure"})
#: The named rates: a code the rate word before the number gives (满意率达99%); the learned
#: coder leaves them as the rules gave them.
RATE_CODES = frozenset({"completion_rate", "satisfaction_rate"})
_WINDOW = 30  # characters looked at on each side
_LIST_WINDOW = 120  # left reach when the left part is a list of coordinated items
_COORD_GAP = 12  # at most this many characters between coordinated counts
_PART_GAP = 24  # at most this many characters between parts of one breakdown
_UNREAD_NOUN = 4  # Han characters after a count, none a cue word: a noun of its own
_MIXED_RELATIVE = 10  # joiner + relative clause + 的 between two kinds of people, at most
_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")  # a personal name in a list before a count
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{0,4}")  # the opening of a rate name before its rate word
_RATE_END = "率"  # the last character of a rate's name (办结率, 满意率)
_SHARE_GAP = 16  # the reach from a count to its share in the next clause (，占总数的)
_RATE_CLASS = "rate_name"  # the cue class of a rate's name (no rule names it)
_NUMERAL_START = re.compile(r"[0-9０-９零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]")


@dataclass(frozen=True)
class _Rule:
    code: str | None
    units: frozenset | None
    objects: frozenset
    objects_or_none: frozenset
    head: frozenset
    near_left: frozenset
    left: frozenset
    right: frozenset
    sentence: frozenset
    unless_left: frozenset
    unless_right: frozenset
    unless_sentence: frozenset


@dataclass(frozen=True)
class Carry:
    """What a sentence leaves to the next sentence of the same passage (see
    :meth:`IndicatorClassifier.classify_in_passage`): for each unit, the classes of
    the noun its last count was read with (ellipsis across sentences: 收到建议77件。
    77件中，…) and the code of its last count (a sentence that opens with 其中 breaks
    that total down). Immutable."""

    nouns: tuple = ()  # ((unit, (class, ...)), ...)
    codes: tuple = ()  # ((unit, code), ...), the last count of each unit with a code
    # ((unit, value, (class, ...)), ...): the counts read so far in the passage, however
    # far back; a count with no noun of its own that repeats one of their numbers counts
    # the same items (收到建议24件，……。24件均已办结。)
    echoes: tuple = ()
    # the class of the counted noun of every count of the sentence that has its unit's last
    # code, not only the last count's (议案55件，建议64件。议案涉及…方面。其中，…方面12件: the
    # sentence between names the 议案 of the total, so the breakdown still follows it)
    named: tuple = ()


#: how many counts of a passage :attr:`Carry.echoes` keeps (the latest)
_ECHOES_KEPT = 24


_NO_CARRY = Carry()


class IndicatorClassifier:
    """The indicator classifier of one lexicon (``indicator_cues``, ``characters``),
    compiled: what :func:`classify` uses.

    Make it with :meth:`from_lexicon`, which compiles it once per process, lexicon
    version and option. With ``shortcuts=True`` (the default) the cue words are read
    as a prefix tree within the bounds of each stretch, the rules for a unit are
    kept once computed, and the counts that can be coordinated with an article and
    the share before a percentage are found by bisection. With ``shortcuts=False``
    each is answered by its plain definition (the alternation of the cue words over
    a copy of the stretch, every rule filtered by unit at every call, every count
    and every share looked at): the same codes, slower; the equivalence tests
    compare the two.
    """

    _FIELDS = (
        "objects", "objects_or_none", "head", "near_left", "left", "right", "sentence", "unless_left", "unless_right",
        "unless_sentence",
    )

    @classmethod
    def from_lexicon(cls, lexicon=None, *, shortcuts: bool = True) -> IndicatorClassifier:
        """The classifier of ``lexicon`` (folder path, :class:`~congress_lib.resources.Lexicon`
        or None for the shipped one), compiled once per lexicon version and option.

        Raises
        ------
        LexiconError
            If the ``indicator_cues`` lexicon is malformed.
        """
        lex = load_lexicon(lexicon)
        shortcuts = bool(shortcuts)
        return compiled(lex, ("indicators", shortcuts), lambda: cls(lex, shortcuts=shortcuts))

    def __init__(self, lexicon: Lexicon, *, shortcuts: bool = True):
        data = lexicon["indicator_cues"]
        self.shortcuts = shortcuts
        try:
            classes = data["classes"]
            self.word_class: dict[str, str] = {}
            for name in classes:
                for word in classes[name] or []:
                    self.word_class.setdefault(str(word), str(name))
            # The name of a rate (办结率, 满意率: a word of `rates` ending in 率) is one word
            # of its own, so a verb or a rating inside it (办结, 满意) is not read: 22条建议
            # 办结率和满意率达100% says nothing of a rating of the 22 items.
            for entry in data.get("rates", []) or []:
                for word in entry.get("cues", []) or []:
                    if len(str(word)) > 1 and str(word).endswith(_RATE_END):
                        self.word_class.setdefault(str(word), _RATE_CLASS)
            # An empty cue word would match everywhere: the prefix tree, which drops
            # it, is used only without one.
            tree = shortcuts and "" not in self.word_class
            source = fastpath.word_pattern(self.word_class) if tree else alternation(self.word_class)
            self.token_re = None if source is None else re.compile(source)
            # (the cue regex is plain words: searching within bounds equals searching a slice)
            self._cue_words = self._cue_words_within if tree else self._cue_words_of_slice
            self.object_classes = frozenset(str(c) for c in data.get("object_classes", []))
            fillers = [str(x) for x in data.get("compound_fillers", []) or [] if x]
            self.filler_re = re.compile(f"(?:{alternation(fillers)})+") if fillers else None
            self.rates = [
                (entry["code"], sorted((str(c) for c in entry["cues"]), key=lambda w: (-len(w), w)))
                for entry in data.get("rates", [])
            ]
            # every rate word (the first entry naming a word gives its code), longest first
            self.rate_code: dict[str, str | None] = {}
            for code, words in self.rates:
                for word in words:
                    self.rate_code.setdefault(word, code)
            rate_words = [w for w in self.rate_code if w]
            self.rate_re = re.compile(alternation(rate_words)) if rate_words else None
            self.blocking = frozenset(str(c) for c in data.get("not_indicators_after", []) or [])
            # a plan: a word of the future right before a verb of building or choosing
            # (将新建12个…, 计划选取2个…): what is to be done, a target (docs/codebook.md §2)
            plans = data.get("plans") or {}
            plan_markers = [str(m) for m in plans.get("markers", []) or [] if m]
            plan_verbs = [str(v) for v in plans.get("verbs", []) or [] if v]
            # (a marker right after a word of manner, 按计划完成, is "as planned": no plan;
            # a verb that opens a rate's name, 计划完成率, is no verb)
            manner = "".join(f"(?<!{re.escape(str(m))})" for m in plans.get("not_after", []) or [] if m)
            self.plan_re = (
                re.compile(f"{manner}(?:{alternation(plan_markers)})(?:{alternation(plan_verbs)})(?!{_RATE_END})")
                if plan_markers and plan_verbs else None
            )
            # the clauses that go on with a plan open with one of its verbs (…，新建村路20公里)
            self.plan_verb_re = (
                re.compile(f"(?:{alternation(plan_verbs)})(?!{_RATE_END})") if plan_markers and plan_verbs else None
            )
            # 力争近期办结的有15件: a blocking word inside the subject of a partitive count
            self.subject_ends = tuple(str(m) for m in data.get("partitive_markers", []) or [] if m)
            # 确保用好已建成的15个…: a completed relative clause right before the number
            self.completed_markers = tuple(str(m) for m in data.get("completed_markers", []) or [] if m)
            self.predicate_openers = tuple(
                sorted({str(x) for x in data.get("predicate_openers", []) or [] if x}, key=len, reverse=True)
            )
            thresholds = data.get("thresholds") or {}
            self.threshold_hedges = tuple(str(h) for h in thresholds.get("hedges", []) or [] if h)
            self.threshold_right = frozenset(str(c) for c in thresholds.get("right", []) or [])
            self.threshold_signing = frozenset(str(c) for c in thresholds.get("signing", []) or [])
            # 承办10件以上的单位: the holders of items that number at least so many
            self.threshold_holders = frozenset(str(c) for c in thresholds.get("holders", []) or [])
            self.threshold_holder_units = frozenset(str(u) for u in thresholds.get("holder_units", []) or [])
            # 3人以上代表的村, 代表10人以上提出的议案: people at least so many, before the relative
            # marker and a noun of no people: a condition on that noun's items
            self.threshold_people_units = frozenset(str(u) for u in thresholds.get("people_units", []) or [])
            handlers = data.get("handlers") or {}
            self.handler_after = frozenset(str(c) for c in handlers.get("after", []) or [])
            self.handler_classes = frozenset(str(c) for c in handlers.get("classes", []) or [])
            self.handler_before = frozenset(str(c) for c in handlers.get("before", []) or [])
            relative = data.get("relative_clause") or {}
            self.relative_marker = str(relative.get("marker") or "")
            self.relative_reach = int(relative.get("reach", 4))
            self.relative_not_after = frozenset(str(c) for c in relative.get("not_after", []) or [])
            shares = data.get("shares_after") or {}
            self.share_classes = frozenset(str(c) for c in shares.get("classes", []) or [])
            self.share_code = shares.get("code")
            # (words that join the state to its share: 已解决的达95%, 已办结的占98%)
            self.share_links = tuple(sorted((str(m) for m in shares.get("links", []) or [] if m), key=len, reverse=True))
            # a percentage that no rate word names, said of a counted group (60%的小区,
            # 参训代表95%以上, 问题80%得到解决): its share, coded `code` (see _unnamed_share)
            unnamed = shares.get("unnamed") or {}
            self.unnamed_share_code = unnamed.get("code")
            self.unnamed_after = frozenset(str(c) for c in unnamed.get("after", []) or [])
            self.unnamed_unless = frozenset(str(c) for c in unnamed.get("unless", []) or [])
            # a rate's new value after a word of change (满意率从95%上升到98%); a change in
            # percentage points against an earlier period (较去年提高2个百分点)
            series = data.get("rate_series") or {}
            self.series_classes = frozenset(str(c) for c in series.get("classes", []) or [])
            # rates of another body's work (政协提案办结率): no indicator (see _classify_one)
            other_body = data.get("other_body_rates") or {}
            self.other_body_classes = frozenset(str(c) for c in other_body.get("classes", []) or [])
            self.other_body_unless = frozenset(str(c) for c in other_body.get("unless", []) or [])
            # the weights of a score (选民评议的分数权重占70%): no indicator (see _classify_one)
            self.weight_classes = frozenset(str(c) for c in (data.get("score_weights") or {}).get("classes", []) or [])
            points = data.get("point_changes") or {}
            self.point_classes = frozenset(str(c) for c in points.get("classes", []) or [])
            self.point_code = points.get("code")
            # a word of comparison right before a year (较2020年, 比2019年同期, 与2021年相比):
            # the earlier period named by its date, as 较上年 names it by a word
            before_year = [str(m) for m in points.get("before_year", []) or [] if m]
            self.point_year_re = (
                re.compile("(?:" + "|".join(map(re.escape, before_year)) + r")\s*(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年")
                if before_year else None
            )
            # counts of places written against each other with their households and people
            # (辖9个行政村2100户8300人, 实施4乡镇9村420户的…工程): one figure of the same
            # places, coded together (see _place_chains)
            chains = data.get("place_chains") or {}
            self.chain_places = frozenset(str(c) for c in chains.get("places", []) or [])
            self.chain_people = frozenset(str(c) for c in chains.get("people", []) or [])
            self.chain_units = frozenset(str(u) for u in chains.get("units", []) or [])
            self.chain_joints = str(chains.get("joints", "") or "")
            self.chain_codes = tuple(str(c) for c in chains.get("codes", []) or [])
            for key, named in (("handlers", self.handler_after | self.handler_classes | self.handler_before),
                               ("thresholds", self.threshold_right | self.threshold_holders | self.threshold_signing),
                               ("shares_after", self.share_classes),
                               ("rate_series", self.series_classes),
                               ("point_changes", self.point_classes),
                               ("other_body_rates", self.other_body_classes | self.other_body_unless),
                               ("score_weights", self.weight_classes),
                               ("place_chains", self.chain_places | self.chain_people)):
                missing = sorted(named - set(classes))
                if missing:
                    raise LexiconError(
                        f"indicator_cues `{key}` names classes {missing} that are not under "
                        "`classes`; add them there or fix the spelling."
                    )
            missing = sorted(self.blocking - set(classes))
            if missing:
                raise LexiconError(
                    f"indicator_cues `not_indicators_after` names classes {missing} that are not under "
                    "`classes`; add them there or fix the spelling."
                )
            parts = data.get("breakdowns") or {}
            self.part_markers = tuple(str(m) for m in parts.get("markers", []) or [] if m)
            self.topic_verbs = tuple(str(m) for m in parts.get("topic_verbs", []) or [] if m)
            self.part_after_total = tuple(str(m) for m in parts.get("after_total", []) or [] if m)
            self.part_then_count = tuple(str(m) for m in parts.get("then_count", []) or [] if m)
            self.part_not_after_total = tuple(str(m) for m in parts.get("not_after_total", []) or [] if m)
            self.part_weak = frozenset(str(c) for c in parts.get("weak", []) or [])
            sort_leads = [str(m) for m in parts.get("sort_leads", []) or [] if m]
            sort_words = [str(m) for m in parts.get("sort_words", []) or [] if m]
            self.sort_lead_re = (
                re.compile(f"(?:{alternation(sort_leads)})[^，,；;。：:]{{0,16}}?(?:{alternation(sort_words)})[：:，,]")
                if sort_leads and sort_words else None
            )
            self.split_verbs = tuple(sorted((str(m) for m in parts.get("split_verbs", []) or [] if m), key=len, reverse=True))
            self.topic_classes = frozenset(str(c) for c in data.get("topic_labels", []) or [])
            self.label_classes = frozenset(str(c) for c in data.get("item_labels", []) or [])
            # verbs shared by the counts of a list joined by enumeration commas
            # (听取A报告52个、B报告124个: 听取 governs both)
            self.shared_verbs = frozenset(str(c) for c in data.get("shared_verbs", []) or [])
            sums = data.get("sums") or {}
            self.sum_openers = frozenset(str(x) for x in sums.get("words", []) or [] if x)
            self.sum_skipped = frozenset(str(c) for c in sums.get("skip", []) or [])
            self.sum_verbs = tuple(sorted((str(x) for x in sums.get("verbs", []) or [] if x), key=len, reverse=True))
            self.sum_subject_max = int(sums.get("subject_max", 0) or 0)
            self.item_units = frozenset(str(u) for u in parts.get("item_units", []) or [])
            joined = data.get("joined_nouns") or {}
            self.joined_nouns = {
                str(c): frozenset(str(x) for x in (before or [])) for c, before in (joined.get("classes") or {}).items()
            }
            self.joined_joiners = frozenset(str(j) for j in joined.get("joiners", []) or [] if j)
            missing = sorted(
                (set(self.joined_nouns) | set().union(*self.joined_nouns.values(), set())) - set(classes)
            )
            if missing:
                raise LexiconError(
                    f"indicator_cues `joined_nouns` names classes {missing} that are not under "
                    "`classes`; add them there or fix the spelling."
                )
            mixed = data.get("mixed_people") or {}
            self.people_classes = frozenset(str(c) for c in mixed.get("classes", []) or [])
            self.mixed_code = mixed.get("code")
            self.mixed_joiners = tuple(str(j) for j in mixed.get("joiners", []) or [] if j)
            # a mixed group with one of `met` classes after a verb of `met_after` (走访代表和群众N人次):
            # the people the deputies met, read by the rules as that class
            self.mixed_met = frozenset(str(c) for c in mixed.get("met", []) or [])
            self.mixed_met_after = frozenset(str(c) for c in mixed.get("met_after", []) or [])
            # nouns of people that never make a mixed group but, like the classes above, are a
            # count's own noun when they follow it right away (`own_people`: 50名代表和20名列席代表)
            self.own_people_classes = self.people_classes | frozenset(str(c) for c in mixed.get("own_only", []) or [])
            missing = sorted(self.own_people_classes - set(classes))
            if missing:
                raise LexiconError(
                    f"indicator_cues `mixed_people` names classes {missing} that are not under "
                    "`classes`; add them there or fix the spelling."
                )
            # a count coded with one of these codes counted a noun of the classes it maps to,
            # whatever words it was read with (已经解决的(A类)259件 counts proposals): what
            # it passes on to a count with no noun of its own
            self.code_nouns = {
                str(k): tuple(str(c) for c in (v or [])) for k, v in (data.get("code_nouns") or {}).items()
            }
            self.code_nouns = {k: v for k, v in self.code_nouns.items() if v}
            missing = sorted(set().union(*self.code_nouns.values(), set()) - set(classes))
            if missing:
                raise LexiconError(
                    f"indicator_cues `code_nouns` names classes {missing} that are not under "
                    "`classes`; add them there or fix the spelling."
                )
            self.part_refine = {
                str(total): {str(k): v for k, v in (table or {}).items()}
                for total, table in (parts.get("refine") or {}).items()
            }
            self.rules = []
            known = set(self._FIELDS) | {"code", "units"}
            for entry in data.get("rules", []):
                unknown = sorted(set(entry) - known)
                if unknown:
                    raise LexiconError(
                        f"indicator_cues rule {entry!r} has unknown keys {unknown}; "
                        f"allowed keys: {', '.join(sorted(known))}."
                    )
                for field in self._FIELDS:
                    missing = sorted(set(entry.get(field) or []) - set(classes))
                    if missing:
                        raise LexiconError(
                            f"indicator_cues rule {entry!r} names classes {missing} that are not "
                            "under `classes`; add them there or fix the spelling."
                        )
                units = entry.get("units")
                self.rules.append(
                    _Rule(
                        code=entry.get("code"),
                        units=None if units is None else frozenset(str(u) for u in units),
                        **{f: frozenset(str(c) for c in entry.get(f, []) or []) for f in self._FIELDS},
                    )
                )
            default = data.get("default", {})
            self.default_code = default.get("code")
            self.default_kinds = frozenset(default.get("kinds", []))
            self.none_units = frozenset(str(u) for u in default.get("none_units", []))
            self.listed_units = frozenset(str(u) for u in default.get("listed_units", []) or [])
            self.list_closers = tuple(
                sorted({str(u) for u in default.get("list_closers", []) or [] if u}, key=len, reverse=True)
            )
        except (KeyError, TypeError, AttributeError) as exc:
            raise LexiconError(
                f"lexicon file indicator_cues is malformed ({exc!r}); it needs `classes`, `rates`, "
                "`rules` and `default` as described in its header."
            ) from exc
        for rule in self.rules:
            if rule.code is not None and rule.code not in INDICATOR_CODES:
                raise LexiconError(
                    f"indicator_cues rule names the code {rule.code!r}, which is not in docs/codebook.md §2; "
                    f"use one of: {', '.join(INDICATOR_CODES)}."
                )
        self._rules_by_unit: dict = {}
        self.rules_for = self._rules_for_kept if shortcuts else self._rules_for_unit
        self.last_share_end = fastpath.last_at_most if shortcuts else _last_at_most
        # Character classes (characters.yaml): a clause ends at sentence and clause
        # marks and line breaks; a pinyin gloss or a short gloss stands in parentheses;
        # quote, title and lenticular marks are skipped between a number and its noun;
        # coordinated counts are joined by a conjunction, an enumeration comma or a
        # disjunction.
        ch = characters(lexicon)
        self.clause_re = re.compile(char_class(ch.sentence_ends + ch.clause_marks + "\n\r"))
        self.sentence_end_re = re.compile(char_class(ch.sentence_ends + "\n\r"))
        # A headline holds no punctuation: a space before a phrase parts its title from its
        # subtitle (今年督办12件代表建议 让建议落到实处), as a comma would; a line with any clause
        # or sentence mark is prose, where a space is a stray of the page. (A space before a
        # word of one or two characters joins coordinated nouns: 群众意见 建议30条.)
        han_or_quote = f"[{CJK_BASIC}{re.escape(ch.quote_marks)}]"
        self.headline_gap_re = re.compile(f"(?<={han_or_quote})[ \t\u3000]+(?={han_or_quote}{{3}})")
        self.clause_mark = (ch.clause_marks or "，")[0]
        opening, closing = char_class(openers(ch.parentheses)), char_class(closers(ch.parentheses))
        self.pinyin_gloss_re = re.compile(f"{opening}[a-z{TONE_VOWELS}ü]{{1,6}}{closing}")
        # a comma right before another mark (区,、镇; 活动,,7名; 100张,。) is scraping debris
        self.stray_comma_re = re.compile(
            char_class(ch.commas) + f"(?={char_class(ch.commas + ch.enumeration_commas + ch.full_stops)})"
        )
        self.gloss_re = re.compile(
            f"{opening}{char_class(pair_chars(ch.parentheses), negate=True)}{{1,3}}{closing}"
            f"|{char_class(ch.quote_marks + pair_chars(ch.title_marks))}"
        )
        titles = "|".join(
            f"{re.escape(o)}{char_class(o + c + chr(10), negate=True)}{{1,80}}{re.escape(c)}" for o, c in ch.title_marks
        )
        self.title_re = re.compile(titles or "(?!)")
        # every title holds an opening title mark (without the shortcuts: any text may hold one)
        self.title_gate = re.compile(char_class(openers(ch.title_marks)) if shortcuts else "")
        self.quote_closers = frozenset(closers(ch.quotes))
        self.skipped_marks = ch.quote_marks + pair_chars(ch.title_marks + ch.inner_title_marks + ch.lenticular_brackets)
        self.enumeration_commas = tuple(ch.enumeration_commas)
        self.bracket_closers = frozenset(closers(ch.brackets))
        self.bracket_openers = frozenset(openers(ch.brackets))
        self.clause_chars = ch.clause_marks
        self.colons = tuple(ch.colons)
        self.coordinators = ch.conjunctions + tuple(ch.enumeration_commas) + ch.disjunctions
        # a total followed by its noun and 中 (受理的73件建议中，…): at most 8 characters of
        # the same clause, then the word, then a clause mark
        clause_chars = ch.sentence_ends + ch.clause_marks + "\n\r"
        after_total = alternation(self.part_after_total) if self.part_after_total else None
        # (or a word of `then_count` and the part's count right after it: 联系的10名群众中有8名)
        then_count = f"|(?:{alternation(self.part_then_count)})$" if self.part_then_count else ""
        self.after_total_re = (
            re.compile(
                f"{char_class(clause_chars, negate=True)}{{0,8}}?(?:{after_total})(?:{char_class(clause_chars)}{then_count})"
            )
            if after_total
            else None
        )
        # rates joined into one numeral: 办结率、满意率 / 办复率和满意率
        self.rate_joiners = frozenset(self.coordinators) | {"及", "与", "以及"}
        # 办结率、满意率分别达98%、96.5%: each number takes the rate at its position
        self.respective = tuple(str(x) for x in data.get("respectively", []) or [] if x)

    def classify(self, folded_sentence: str, quantities: list[Quantity]) -> list[str | None]:
        """:func:`classify` of a sentence folded by :meth:`QuantityFinder.fold
        <congress_lib.quantities.QuantityFinder.fold>`, its ``quantities`` (offsets
        relative to it, not checked) as the quantity finder returns them."""
        return _classify(folded_sentence, quantities, self, _NO_CARRY)[0]

    def classify_in_passage(
        self, folded_sentence: str, quantities: list[Quantity], previous: Carry | None = None
    ) -> tuple[list[str | None], Carry]:
        """:meth:`classify` of a sentence read after the sentence that left ``previous``
        (the :class:`Carry` this method returned for it; None: the passage starts
        here). A count with no noun of its own counts what the last count in its unit
        counted, in this sentence or the previous one (收到建议77件。77件中，…), and a
        sentence that opens with a breakdown marker (其中…) breaks down the previous
        sentence's last total. Returns the codes and the carry for the next sentence."""
        return _classify(folded_sentence, quantities, self, previous or _NO_CARRY)

    def table_codes(self, table, cells: list[str], finder: QuantityFinder, previous: Carry | None = None) -> list:
        """The code of each column of a flattened ``table`` (a :class:`~congress_lib.quantities.FlatTable`
        of ``cells``), read after the sentence that left ``previous``: each number is read as
        its row would be written in prose -- a count with its column's unit after its label
        (城建环保，69件), a percentage as that row's share (城建环保占41.57%) or, under a column
        named by a rate (办结率), as that rate (办结率为100%) -- and the column takes the code
        most of its numbers take, the total row's too (docs/codebook.md §2.1)."""
        votes: list[dict] = [{} for _ in table.units]
        for index, numbers in table.numbers.items():
            cell = cells[index]
            for start, end, col, label in numbers:
                number, unit = cell[start:end].rstrip("%"), table.units[col]
                if unit != "%":
                    prose = f"{label}，{number}{unit}"
                elif self.rate_re is not None and self.rate_re.search(finder.fold(table.headers[col])):
                    prose = f"{table.headers[col]}为{number}%"
                else:
                    prose = f"{label}占{number}%"
                w = finder.fold(prose)
                qs = finder.find(prose, w)
                if not qs:
                    continue
                code = _classify(w, qs, self, previous or _NO_CARRY)[0][-1]
                if code is not None:
                    votes[col][code] = votes[col].get(code, 0) + 1
        return [max(v, key=v.get) if v else None for v in votes]

    def carry_over(self, folded_sentence: str, previous: Carry | None) -> Carry | None:
        """What a sentence without quantities leaves to the next one: ``previous``
        when it ends with a colon, announcing the list that follows (…共728名。具体名额
        如下：/ 甲区35名，乙区12名…: the items break down the total before it), or when it
        names what the previous sentence's last count counted, or the counted noun of another
        count of that sentence with the same code, still speaking of those items (收到议案18件。
        议案涵盖经济、民生等方面。其中，…方面7件: the breakdown is of the 18); else None."""
        if previous is None:
            return None
        if folded_sentence.rstrip().endswith(self.colons):
            return previous
        counted = {c for _, classes in previous.nouns for c in classes} | set(previous.named)
        if counted and any(c in counted for _, _, c in self.cue_words(folded_sentence)):
            return previous
        return Carry(echoes=previous.echoes) if previous.echoes else None

    def cue_words(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
        """The cue words of ``text[start:end]`` (longest match first, left to right) as
        ``(start, end, class)``, offsets in ``text``. A word joined to the word before it
        as the lexicon's ``joined_nouns`` say (代表建议、委员提案) takes that word's class."""
        tokens = self._cue_words(text, start, len(text) if end is None else end)
        if self.joined_nouns and len(tokens) > 1:
            tokens = self._join(text, tokens)
        return tokens

    def _join(self, text: str, tokens: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        out = list(tokens)
        for k in range(1, len(out)):
            a_end, (b_start, b_end, b) = out[k - 1][1], out[k]
            if out[k - 1][2] in self.joined_nouns.get(b, ()) and text[a_end:b_start] in self.joined_joiners:
                out[k] = (b_start, b_end, out[k - 1][2])
        return out

    def _cue_words_of_slice(self, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
        if self.token_re is None:
            return []
        return [
            (m.start() + start, m.end() + start, self.word_class[m.group()])
            for m in self.token_re.finditer(text[start:end])
        ]

    def _cue_words_within(self, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
        if self.token_re is None or start >= end:
            return []
        word_class = self.word_class
        return [(*m.span(), word_class[m.group()]) for m in self.token_re.finditer(text, start, end)]

    def _rules_for_unit(self, unit) -> tuple[_Rule, ...]:
        """The rules, in order, that accept a quantity in ``unit``."""
        return tuple(r for r in self.rules if r.units is None or unit in r.units)

    def _rules_for_kept(self, unit) -> tuple[_Rule, ...]:
        """:meth:`_rules_for_unit`, computed once per unit."""
        got = self._rules_by_unit.get(unit)
        if got is None:
            got = self._rules_by_unit[unit] = self._rules_for_unit(unit)
        return got


def _last_at_most(values: list[int], pos: int) -> int:
    """The largest of ``values`` that is at most ``pos``, else 0."""
    return max([v for v in values if v <= pos] or [0])


def _is_article(q: Quantity) -> bool:
    """一位干部, 一场审判: a Chinese 一 before a classifier is an article, not a count."""
    return q.value == 1 and q.value_high is None and not any(ch.isdigit() for ch in q.surface)


def _countable(q: Quantity) -> bool:
    return q.kind in COUNTABLE_KINDS and q.unit is not None and not _is_article(q)


def _coordinated(w: str, q: Quantity, others: list[Quantity], cues: IndicatorClassifier,
                 articles: bool = False) -> bool:
    """An article-like 一名 is a count when it is coordinated with another count in
    the same unit close by (一名区人大代表和十名镇人大代表, 一名…、两名…); with ``articles``,
    ``others`` are articles already found to be counts of such a list (一个A、一个B和3个C)."""
    for p in others:
        if p is q or p.unit != q.unit or (_is_article(p) and not articles):
            continue
        a, b = (q.end, p.start) if q.end <= p.start else (p.end, q.start)
        between = w[a:b]
        # (joined by a conjunction or an enumeration comma: 全区117个站中的一个 is
        # "one of them", an article)
        if (
            0 <= len(between) <= _COORD_GAP
            and not cues.clause_re.search(between)
            and any(co in between for co in cues.coordinators)
        ):
            return True
    return False


def classify(sentence: str, quantities: list[Quantity], lexicon=None) -> list[str | None]:
    """Give each quantity of a sentence its indicator code, or None.

    Parameters
    ----------
    sentence : str
        The sentence the quantities were found in.
    quantities : list of Quantity
        Quantities with offsets relative to ``sentence`` (as returned by
        ``find_quantities(sentence)``); not modified.
    lexicon : folder path, :class:`~congress_lib.resources.Lexicon` or None
        Lexicons to use (default: the shipped ones; this function reads
        ``indicator_cues``).

    Returns
    -------
    list of str or None
        One entry per quantity, in the same order: a code from
        :data:`INDICATOR_CODES`, or None when the quantity is not an indicator.

    Raises
    ------
    InvalidArgumentError
        If ``sentence`` is not a string or a quantity's span lies outside it.

    Examples
    --------
    >>> from congress_lib.quantities import find_quantities
    >>> s = "代表满意率达99%"
    >>> classify(s, find_quantities(s))
    ['satisfaction_rate']
    """
    if not isinstance(sentence, str):
        raise InvalidArgumentError(f"sentence must be a str, not {type(sentence).__name__}.")
    lex = load_lexicon(lexicon)
    classifier = IndicatorClassifier.from_lexicon(lex)
    w = QuantityFinder.from_lexicon(lex).fold(sentence)
    n = len(w)
    for q in quantities:
        if not isinstance(q, Quantity) or q.start < 0 or q.end > n or sentence[q.start : q.end] != q.surface:
            raise InvalidArgumentError(
                f"quantity {q!r} does not lie in the sentence of {n} characters; pass the quantities "
                "found in this very sentence (offsets relative to it)."
            )
    return classifier.classify(w, quantities)


class _SentenceClasses:
    """The cue classes of a whole sentence, read the first time a rule asks for them
    (few rules do, so most sentences are never cut into cue words as a whole)."""

    __slots__ = ("_w", "_cues", "_classes")

    def __init__(self, w: str, cues: IndicatorClassifier):
        self._w, self._cues, self._classes = w, cues, None

    def get(self) -> set[str]:
        if self._classes is None:
            self._classes = {c for _, _, c in self._cues.cue_words(self._w, 0, len(self._w))}
        return self._classes


class _WithCarried:
    """Sentence classes plus the noun classes carried over from an earlier count."""

    __slots__ = ("_base", "_extra")

    def __init__(self, base: _SentenceClasses, extra: list[str]):
        self._base, self._extra = base, extra

    def get(self) -> set[str]:
        return self._base.get() | set(self._extra)


_HANDLER_LIST_GAP = 16  # characters between two handlers of a list, or the last one and its verb


def _handed_to(left_tokens: list[tuple[int, int, str]], cues: IndicatorClassifier, *, subjects: bool = True,
               w: str | None = None) -> set[int]:
    """Indexes of the left cue words that name who an item was passed on to: nouns of
    the ``handlers`` classes after a verb of its ``after`` classes (交由市委有关部门和
    群众团体办理的有7件: the departments handle the items, they are not counted), and
    nouns of those classes right before a verb of its ``before`` classes, the subject
    of that verb (省直部门承办27件: the departments handle, the items are counted) --
    unless ``subjects`` is false (the words after a number: in 19个部门承办 the number
    counts the departments that handle). With the sentence ``w``, a subject may be a
    list of handlers joined by coordinators (交区人大机关、区法院和区级群团部门办理22件:
    every handler of the list is a subject, the list's gaps at most `_HANDLER_LIST_GAP`
    characters long)."""
    if not cues.handler_after and not cues.handler_before:
        return set()
    out: set[int] = set()
    if cues.handler_before and subjects:
        for k in range(len(left_tokens) - 1):
            if left_tokens[k][2] in cues.handler_classes and left_tokens[k + 1][2] in cues.handler_before \
                    and left_tokens[k][1] == left_tokens[k + 1][0]:
                out.add(k)
        if w is not None:
            # (a list whose last item no cue word reads: 交区人大机关、区法院办理 -- the gap
            # after the last handler read holds a coordinator and runs up to the verb)
            for k in range(len(left_tokens) - 1):
                if k in out or left_tokens[k][2] not in cues.handler_classes \
                        or left_tokens[k + 1][2] not in cues.handler_before:
                    continue
                gap = w[left_tokens[k][1] : left_tokens[k + 1][0]]
                if len(gap) <= _HANDLER_LIST_GAP and not cues.clause_re.search(gap) \
                        and any(co in gap for co in cues.coordinators):
                    out.add(k)
            # (the handlers of a list before the subject next to the verb: each gap holds a
            # coordinator and no clause punctuation; the walk stops at the first other word)
            for k in sorted(out, reverse=True):
                j = k
                while j > 0 and j - 1 not in out and left_tokens[j - 1][2] in cues.handler_classes:
                    gap = w[left_tokens[j - 1][1] : left_tokens[j][0]]
                    if len(gap) > _HANDLER_LIST_GAP or cues.clause_re.search(gap) \
                            or not any(co in gap for co in cues.coordinators):
                        break
                    j -= 1
                    out.add(j)
    passed = False
    for k, (_, _, c) in enumerate(left_tokens):
        if c in cues.handler_after:
            passed = True
        elif passed and c in cues.handler_classes:
            out.add(k)
        elif c in cues.object_classes:
            passed = False
    return out


def _classify(
    w: str, quantities: list[Quantity], cues: IndicatorClassifier, carry: Carry
) -> tuple[list[str | None], Carry]:
    """:func:`classify` on the folded sentence ``w``, quantities already checked, read
    after the sentence that left ``carry``; the codes and the carry of this sentence."""
    if not cues.clause_re.search(w):  # (a headline: its parts end at the spaces between them)
        w = cues.headline_gap_re.sub(lambda m: cues.clause_mark * len(m.group()), w)
    n = len(w)
    # Web debris: pinyin glosses after characters (聯(lián)系) and a comma doubled before
    # another mark (7名区(qū),、镇两级人大代表) are read past by working on a compact copy
    # of the sentence and mapping offsets back.
    if cues.pinyin_gloss_re.search(w) or cues.stray_comma_re.search(w):
        keep = [True] * n
        for m in cues.pinyin_gloss_re.finditer(w):
            keep[m.start() : m.end()] = [False] * (m.end() - m.start())
        for m in cues.stray_comma_re.finditer(w):
            keep[m.start()] = False
        index = [i for i in range(n) if keep[i]]
        w = "".join(w[i] for i in index)
        position = {old: new for new, old in enumerate(index)}
        quantities = [_shift(q, position) for q in quantities]
        n = len(w)
    order = sorted(range(len(quantities)), key=lambda i: (quantities[i].start, quantities[i].end))
    countable: list[int] = []  # _countable(q)
    articles: list[int] = []  # countable kind and unit, but an article (一位)
    for i in order:
        q = quantities[i]
        if q.kind in COUNTABLE_KINDS and q.unit is not None:
            (articles if _is_article(q) else countable).append(i)
    if articles and countable:
        counts = [quantities[i] for i in countable]
        # With the shortcuts, and counts sorted and apart (as find_quantities gives
        # them), only those within the gap of an article are looked at.
        near = cues.shortcuts and all(a.end <= b.start for a, b in zip(counts, counts[1:]))
        starts = [c.start for c in counts] if near else []
        rescued = set()
        for i in articles:
            q = quantities[i]
            others = fastpath.spans_near(counts, starts, q.start, q.end, _COORD_GAP) if near else counts
            if _coordinated(w, q, others, cues):
                rescued.add(i)
        # (an article listed right before an article that is a count of the list is one
        # too: 建立一个代表之家、一个联络站和20个联系点; each looks at the next article only)
        if rescued:
            for k in range(len(articles) - 2, -1, -1):
                i, j = articles[k], articles[k + 1]
                if i not in rescued and j in rescued and _coordinated(w, quantities[i], [quantities[j]], cues, articles=True):
                    rescued.add(i)
        if rescued:
            countable = [i for i in order if i in rescued or _countable(quantities[i])]
    out: list[str | None] = [None] * len(quantities)
    if not countable:
        return out, (Carry(echoes=carry.echoes) if carry.echoes else _NO_CARRY)
    sentence_classes = _SentenceClasses(w, cues)
    # the end of every share (% or ‰), sorted: the share before a percentage is found by bisection
    share_ends = sorted(q.end for q in quantities if q.unit in ("%", "‰"))
    titles = [m.span() for m in cues.title_re.finditer(w)] if cues.title_gate.search(w) else []
    nouns_by_unit: dict[str, list[str]] = {u: list(c) for u, c in carry.nouns}
    echoes = list(carry.echoes)
    # The right stretch of a count ends at the next count, but not at a level or a
    # kind (11.6万名五级人大代表, 2000名市、县两级代表): those modify the noun counted.
    next_starts = [n] * len(countable)
    following = n
    for pos in range(len(countable) - 1, -1, -1):
        next_starts[pos] = following
        q = quantities[countable[pos]]
        if q.unit not in cues.none_units:
            following = q.start
    counted: list[list[str]] = []  # the noun classes each countable quantity was read with
    for pos, i in enumerate(countable):
        q = quantities[i]
        if titles and any(a <= q.start and q.end <= b for a, b in titles):
            counted.append([])
            continue  # a number inside a cited title: 《…30条措施》
        # The left part starts after the previous countable quantity, unless that
        # quantity stands right against this one (接待群众37批112人次): then both
        # share the words before the first.
        k = pos
        while k > 0 and not w[quantities[countable[k - 1]].end : quantities[countable[k]].start].strip():
            k -= 1
        # (nor does a level or a kind end the words before it, as it does not end the
        # words after: 距三门峡市区10公里, where 三门 is read as a count of 门)
        while k > 0 and quantities[countable[k - 1]].unit in cues.none_units:
            k -= 1
        prev_end = quantities[countable[k - 1]].end if k > 0 else 0
        next_start = next_starts[pos]
        if q.unit not in nouns_by_unit and q.kind == "count":
            # a count repeating the number of an earlier count of the passage (its noun
            # left out) counts what that count counted, when nothing nearer in its unit does
            for unit, value, classes in reversed(carry.echoes):
                if unit == q.unit and value == q.value:
                    nouns_by_unit[q.unit] = list(classes)
                    break
        out[i], nouns = _classify_one(
            w, q, prev_end, next_start, cues, sentence_classes, quantities, countable, pos, nouns_by_unit,
            share_ends,
        )
        if (
            out[i] is not None and q.kind == "percent" and pos > 0 and out[countable[pos - 1]] is None
            and _share_of_other_body(w, quantities[countable[pos - 1]], q, counted[pos - 1], cues)
        ):
            out[i] = None  # the share of another body's items (政协提案30件，占总数的20%)
        counted.append(nouns)
        implied = cues.code_nouns.get(out[i]) if out[i] is not None else None
        if implied is not None and (not nouns or nouns[0] not in implied):
            nouns = [implied[0]] + [c for c in nouns if c != implied[0]]
        if nouns:
            nouns_by_unit[q.unit] = nouns
            if q.kind == "count" and out[i] is not None:
                echoes.append((q.unit, q.value, tuple(nouns)))
    # a count after a word of change in its clause (C类件由原来的41件上升为58件) is the new
    # value of the count before it in the same unit: it takes that count's code, when the
    # count before it has a code of its own (not the default, nor a change against a period)
    if cues.series_classes:
        for a, b in zip(countable, countable[1:]):
            qa, qb = quantities[a], quantities[b]
            # (so is an amount of money after one: 赤字从5000万元减少到900万元, whatever its code)
            if (
                qa.kind == qb.kind
                and (qa.kind == "money" or (qa.kind == "count" and out[a] != cues.default_code))
                and qa.unit == qb.unit
                and out[a] is not None
                and not cues.clause_re.search(w, qa.end, qb.start)
                and any(c in cues.series_classes for _, _, c in cues.cue_words(w, qa.end, qb.start))
            ):
                out[b] = out[a]
    if cues.chain_codes:
        _place_chains(w, quantities, countable, counted, out, cues)
    if cues.part_markers or cues.after_total_re is not None:
        own = list(out)
        _inherit_totals(w, quantities, countable, out, cues, _opening_total(w, quantities, countable, cues, carry))
        # the last count of a unit that took its total's code passes on the noun that code
        # counts, not the labels of the parts (按代表团分：甲团52件 -> the next sentence's 件
        # are still proposals)
        last = {quantities[i].unit: i for i in countable if quantities[i].kind == "count"}
        for unit, i in last.items():
            implied = cues.code_nouns.get(out[i]) if out[i] != own[i] and out[i] is not None else None
            if implied:
                nouns_by_unit[unit] = [implied[0]] + [c for c in nouns_by_unit.get(unit, []) if c != implied[0]]
    last_codes: dict[str, str] = {}
    for i in countable:
        if out[i] is not None and quantities[i].kind == "count":
            last_codes[quantities[i].unit] = out[i]
    named = {
        c
        for pos, i in enumerate(countable)
        if out[i] is not None and counted[pos] and last_codes.get(quantities[i].unit) == out[i]
        for c in counted[pos][:1]
    }
    return out, Carry(
        nouns=tuple((u, tuple(c)) for u, c in nouns_by_unit.items()),
        codes=tuple(last_codes.items()),
        echoes=tuple(echoes[-_ECHOES_KEPT:]),
        named=tuple(sorted(named)),
    )


_CHAIN_REACH = 8  # characters after a count read for the place noun it counts


def _place_chains(
    w: str, quantities: list[Quantity], countable: list[int], counted: list[list[str]],
    out: list[str | None], cues: IndicatorClassifier,
) -> None:
    """Counts of places written one against the other, with the households and people
    of those places (辖9个行政村2100户8300人, 深入8个村(社区)30个村民小组, 实施4乡镇9村
    420户的搬迁工程): one figure of the same places, so one code for all its counts.
    Two counts are linked when only nouns of places or of population
    (``place_chains.places``, ``people``) and the marks of ``joints`` stand between
    them, and the later one counts places or, in a unit of ``units``, households or
    people with no noun of their own (or one of places or population). A chain
    whose counts of places include one coded with the first of ``codes`` (places
    gone into, acted on or reached: `other`) takes that code; else the next code
    found among them (the jurisdiction's own make-up: `admin_context`). Counts coded
    otherwise (people met: constituent_contacts) are no link. Runs once over the
    counts of the sentence."""
    codes = set(cues.chain_codes) | {cues.default_code}

    def bare(q: Quantity) -> bool:
        # a place noun counted without a measure word (3县1区) stays outside the span as its unit
        return bool(q.unit) and not q.surface.endswith(q.unit) and w.startswith(q.unit, q.end)

    def places(pos: int) -> bool:
        # (a count of places has the place noun as its unit, 16镇, or right after it, 9个村:
        # not a count whose own noun no cue reads, 16镇13座污水处理厂)
        q = quantities[countable[pos]]
        if q.unit in cues.chain_units:
            return False
        if bare(q):
            return True
        if not counted[pos] or counted[pos][0] not in cues.chain_places:
            return False
        after = cues.cue_words(w, q.end, min(len(w), q.end + _CHAIN_REACH))
        return bool(after) and after[0][0] - q.end <= 1 and after[0][2] in cues.chain_places

    def member(pos: int) -> bool:
        q = quantities[countable[pos]]
        if out[countable[pos]] not in codes or q.kind != "count":
            return False
        nouns = counted[pos]
        return places(pos) or (q.unit in cues.chain_units and (not nouns or nouns[0] in cues.chain_places | cues.chain_people))

    def linked(a: int, b: int) -> bool:
        qa, qb = quantities[countable[a]], quantities[countable[b]]
        covered = [False] * (qb.start - qa.end)
        if bare(qa):
            covered[: len(qa.unit)] = [True] * min(len(qa.unit), len(covered))
        for s, e, c in cues.cue_words(w, qa.end, qb.start):
            if c in cues.chain_places or c in cues.chain_people:
                for k in range(max(s, qa.end), min(e, qb.start)):
                    covered[k - qa.end] = True
        return all(covered[k] or w[qa.end + k] in cues.chain_joints or w[qa.end + k].isspace()
                   for k in range(len(covered)))

    pos, n = 0, len(countable)
    while pos < n:
        if not (member(pos) and places(pos)):
            pos += 1
            continue
        end = pos + 1
        while end < n and member(end) and linked(end - 1, end):
            end += 1
        if end - pos > 1:
            found = {out[countable[k]] for k in range(pos, end) if places(k)}
            code = next((c for c in cues.chain_codes if c in found), None)
            if code is not None:
                for k in range(pos, end):
                    out[countable[k]] = code
        pos = end


def _opening_total(
    w: str, quantities: list[Quantity], countable: list[int], cues: IndicatorClassifier, carry: Carry
) -> str | None:
    """The code of the previous sentence's total that this sentence breaks down: the
    sentence opens with a breakdown marker (其中，…) and the previous sentence's last
    count in the unit of the first count here (or in another unit of items: 件, 个 …)
    has a code; else None."""
    if not carry.codes or not cues.part_markers:
        return None
    head = w.lstrip(" \t\r\n\u3000，,：:；;、")
    first = quantities[countable[0]]
    # (a phrase that sorts the items opens the list: 按内容分类：城建方面7件)
    sort = cues.sort_lead_re.match(head) if cues.sort_lead_re is not None else None
    sorted_by = False
    if sort is not None and sort.end() <= first.start - (len(w) - len(head)):
        head = head[sort.end():].lstrip(" \u3000")
        # (按承办单位分：党群系统17件: the sorting phrase opens the list, whatever labels its
        # first part, if that part stands in the first clause after the phrase and counts
        # what the total counts, in its unit, with no noun of its own after it (从承办主体看，
        # 37个单位主办建议251件: units, not a part)
        sorted_by = (
            not cues.clause_re.search(w, len(w) - len(head), first.start)
            and first.unit in dict(carry.codes)
            and _bare_count(w, first, cues)
        )
    if sorted_by:
        pass  # the sorting phrase alone opens the breakdown
    elif not head.startswith(cues.part_markers):
        # a sentence that opens with a topic label and its count (农牧水方面26件：…)
        # breaks down the previous sentence's total as 其中 would
        if not _opens_with_topic(w, len(w) - len(head), first, cues):
            return None
    else:
        # the first part stands in the clause the marker opens (其中，城建方面7件), not clauses
        # later, after words of their own (其中，某代表的建议…交部门办理，共优化线路8条)
        marker = next(m for m in cues.part_markers if head.startswith(m))
        opened = len(w) - len(head) + len(marker)
        if any(ch in "，,；;" for ch in w[opened:first.start].lstrip(" \u3000，,：:")):
            return None
    codes = dict(carry.codes)
    if first.unit in codes:
        return codes[first.unit]
    if first.unit in cues.item_units:
        for unit, code in reversed(carry.codes):
            if unit in cues.item_units:
                return code
    return None


def _opens_with_topic(w: str, head: int, first: Quantity, cues: IndicatorClassifier) -> bool:
    """The sentence (from ``head``) opens with a topic label right before its first
    count (城建方面7件, 交通类的3件), in one clause, and no noun follows the count: the
    count is a part of a total named before this sentence."""
    if not cues.topic_classes or cues.clause_re.search(w, head, first.start):
        return False
    tokens = cues.cue_words(w, head, first.start)
    if not tokens or tokens[-1][2] not in cues.topic_classes or first.start - tokens[-1][1] > 1:
        return False
    return _bare_count(w, first, cues)


def _bare_count(w: str, q: Quantity, cues: IndicatorClassifier) -> bool:
    """No noun stands right after the count (城建方面7件，…, not 37个单位)."""
    after = cues.cue_words(w, q.end, min(len(w), q.end + 8))
    return not any(c in cues.object_classes for s, _, c in after if s == q.end)


def _inherit_totals(
    w: str,
    quantities: list[Quantity],
    countable: list[int],
    out: list[str | None],
    cues: IndicatorClassifier,
    opening: str | None = None,
) -> None:
    """Breakdowns take the code of the total they split (docs/codebook.md §2.1), in place.

    A part is a count after the nearest earlier count in its unit (its total) with a
    breakdown marker between them (…93件，其中…25件) or the total followed by 中
    (受理的73件中，…21件); a count right after a part, in the same unit, is a part of
    the same total (其中镇级3个、村级20个). ``opening``: the code of the previous
    sentence's total when this sentence opens with a breakdown marker; its first count
    is a part of that total."""
    total_of: dict[int, str] = {}  # part -> the code of its total

    def take(i: int, total: str | None) -> None:
        # the part ``i`` takes the code of its total, refined by its own words
        if total is None or out[i] is None:
            return
        total_of[i] = total
        own = out[i]
        out[i] = total if own in cues.part_weak else cues.part_refine.get(total, {}).get(own, own)

    for pos, i in enumerate(countable):
        q = quantities[i]
        if q.kind == "percent":
            # a percentage after 其中 is the share of a counted group (其中…的76件，占总数的
            # 65%), not a part of the rate before it (办复率达100%): it keeps its own code
            continue
        j = next((countable[k] for k in range(pos - 1, -1, -1) if quantities[countable[k]].unit == q.unit), None)
        if pos == 0 and opening is not None:
            take(i, opening)
            continue
        if j is None:
            # a total named by its noun alone, split by a marker in the clause before the
            # part (代表提出建议，其中，40件涉及…): the part takes the code of that noun
            take(i, _named_total(w, q.start, cues))
            continue
        p = quantities[j]
        between = w[p.end : q.start]
        if any(m in between for m in cues.part_markers) or (
            cues.after_total_re is not None and cues.after_total_re.match(w, p.end, q.start)
        ) or _split_opens(w, p.end, q.start, cues):
            # (a part of a part is split from that part, as coded: 4件不予采纳(其中1件…,3件…))
            total = out[j]
        elif j in total_of and len(between) <= _PART_GAP and not any(
                c in cues.bracket_closers for c in _outside_own_brackets(w, p, between, cues)):
            # (a breakdown opened in brackets ends with them: 建议41件(其中市属9件),比去年增加6件)
            total = total_of[j]
            if out[i] in cues.part_weak and out[j] is not None and out[j] not in cues.part_weak:
                # a part in a row after a part refined to an outcome goes on with that
                # outcome, whatever weak noun it has (其中12件列入计划，有2件法规已颁布实施)
                total = out[j]
        else:
            continue
        take(i, total)


def _outside_own_brackets(w: str, p: Quantity, between: str, cues: IndicatorClassifier) -> str:
    """The text between a part ``p`` and the next count, less the closing bracket of a
    bracket that holds only ``p`` (城建类(30件)、教育类(28件): each label's count in its
    own brackets), which ends no breakdown."""
    if between and between[0] in cues.bracket_closers and p.start > 0 and w[p.start - 1] in cues.bracket_openers:
        return between[1:]
    return between


def _named_total(w: str, start: int, cues: IndicatorClassifier) -> str | None:
    """The code of a total named by its noun alone right before a breakdown marker that
    opens the clause of a part at ``start`` (代表们提出建议，其中，40件涉及…): the code whose
    ``code_nouns`` hold the nearest such noun of the clause before the marker; None when
    there is none."""
    if not cues.part_markers or not cues.code_nouns:
        return None
    lo = max(0, start - _PART_GAP)
    at = max((w.rfind(m, lo, start), m) for m in cues.part_markers)
    if at[0] < 0:
        return None
    mark, marker = at
    after = w[mark + len(marker) : start].lstrip(cues.clause_chars)
    if cues.clause_re.search(after) or mark == 0 or w[mark - 1] not in cues.clause_chars:
        return None
    head = mark - 1
    floor = max(0, head - _WINDOW)
    opening = max((w.rfind(c, floor, head) for c in cues.clause_chars), default=-1)
    tokens = cues.cue_words(w, max(floor, opening + 1), head)
    for _, _, cls in reversed(tokens):
        for code, nouns in cues.code_nouns.items():
            if cls in nouns:
                return code
    return None


def _split_opens(w: str, start: int, end: int, cues: IndicatorClassifier) -> bool:
    """A clause between ``start`` and ``end`` (after a total, before a count) opens with a
    phrase that splits the total: a sorting phrase (按代表团分：…, 从内容看，…) or a word of
    ``respectively`` and a verb of ``split_verbs`` (分别交…办理12件)."""
    for m in cues.clause_re.finditer(w, start, end):
        k = m.end()
        while k < end and w[k] in " \u3000":
            k += 1
        if cues.sort_lead_re is not None and cues.sort_lead_re.match(w, k, end):
            return True
        lead = next((r for r in cues.respective if w.startswith(r, k)), None)
        if lead is not None and cues.split_verbs and w.startswith(cues.split_verbs, k + len(lead)):
            return True
    return False


def _shift(q: Quantity, position: dict[int, int]) -> Quantity:
    """The quantity with offsets in the compact copy of its sentence."""
    start = position.get(q.start, 0)
    end = position.get(q.end - 1, start) + 1
    return replace(q, start=start, end=end)


def _clause_bounds(w: str, start: int, end: int, clause_re: re.Pattern) -> tuple[int, int]:
    floor = left = max(0, start - _WINDOW)
    for m in clause_re.finditer(w, left, start):
        left = m.end()
    # (a comma inside a bracketed gloss that closes before the number ends no clause:
    # B类（已作解释，待条件具备时办理）共6件 -- the clause opens before the bracket)
    close = max(w.rfind(")", left, start), w.rfind("）", left, start))
    if close >= 0 and max(w.rfind("(", left, close), w.rfind("（", left, close)) < 0:
        opening = max(w.rfind("(", floor, left), w.rfind("（", floor, left))
        if opening >= 0:
            left = floor
            for m in clause_re.finditer(w, floor, opening):
                left = m.end()
    m = clause_re.search(w, end, min(len(w), end + _WINDOW))
    right = m.start() if m else min(len(w), end + _WINDOW)
    return left, right


def _classify_one(
    w: str,
    q: Quantity,
    prev_end: int,
    next_start: int,
    cues: IndicatorClassifier,
    sentence_classes: _SentenceClasses,
    quantities: list[Quantity],
    countable: list[int],
    pos: int,
    inherited: dict[str, list[str]],
    share_ends: list[int],
) -> tuple[str | None, list[str]]:
    """Code of one quantity and the counted-noun classes it was read with."""
    clause_start, clause_end = _clause_bounds(w, q.start, q.end, cues.clause_re)
    if is_spoken_estimate(q):
        return None, []  # a spoken guess (只有两三个人懂, 绕四五公里路): no count

    # percentages: a rate word before the number
    if q.kind == "percent":
        if q.unit not in ("%", "‰"):
            # 百分点: a change, not a share; against an earlier period (较去年提高2个
            # 百分点) it is coded as changes are
            if cues.point_classes and not _blocked(w, q, clause_start, cues):
                if any(c in cues.point_classes for _, _, c in cues.cue_words(w, clause_start, q.start)) or (
                    cues.point_year_re is not None and cues.point_year_re.search(w, clause_start, q.start)
                ):
                    return cues.point_code, []
            return None, []
        # the rate word stands in the clause, or earlier in the sentence when no other
        # share comes between (办结率同比提高3个百分点，达到98%)
        earlier = cues.last_share_end(share_ends, q.start)
        if _blocked(w, q, clause_start, cues):
            return None, []  # a target: 满意率力争达到95%
        if cues.weight_classes and any(c in cues.weight_classes for _, _, c in cues.cue_words(w, 0, q.start)):
            return None, []  # the weight of a part of a score: 评议分数权重占70%
        if cues.other_body_classes:
            named = sentence_classes.get()
            if cues.other_body_classes & named and not cues.other_body_unless & named:
                return None, []  # another body's rate: 政协提案办结率98%
        found, code = _rate_named(w[clause_start : q.start], cues)
        if found:
            # a change of the rate against an earlier period, the word of comparison between
            # the rate and the number (落实率同比提升3%): a change, coded as changes are -- not
            # a new value reached (较上年提高到98%: see rate_series)
            tokens = cues.cue_words(w, clause_start, q.start)
            rate_end = max((e for _, e, c in tokens if c == _RATE_CLASS), default=None)
            after = {c for s, _, c in tokens if rate_end is not None and s >= rate_end}
            if cues.point_classes & after and not cues.series_classes & after:
                return cues.point_code, []
            return code, []
        # a change in percent against an earlier period with no rate named in its clause
        # (接待群众5300人次，同比增长35%): a change, coded as changes in points are (not a
        # growth of the economy named in its clause, 生产总值同比增长5%: see shares_after.unnamed)
        clause_classes = {c for _, _, c in cues.cue_words(w, clause_start, q.start)}
        if cues.point_classes & clause_classes and not cues.unnamed_unless & clause_classes - cues.point_classes:
            return cues.point_code, []
        if _share_after(w, q, clause_start, cues):
            return cues.share_code, []
        found, code = _rate_after(w, q, cues)
        if found:
            return code, []
        found, code = _rate_named(w[earlier : q.start], cues)
        if found:
            return code, []
        # a later value of a list after 分别 whose rates were named in an earlier clause
        # (解决率、满意率不断提升，去年分别达到95%、96%): the rate at its position
        if earlier and w[earlier : q.start] in cues.rate_joiners:
            found, code = _rate_named(w[:q.start], cues, respective_only=True)
            if found:
                return code, []
        # a series of values of one rate (满意率从2019年的95%、2020年的97%上升到2021年
        # 的98%): after a word of change, the rate named earlier in the sentence
        if cues.series_classes and any(
            c in cues.series_classes for _, _, c in cues.cue_words(w, earlier, q.start)
        ):
            found, code = _rate_named(w[: q.start], cues)
            if found:
                return code, []
        if _unnamed_share(w, q, clause_start, clause_end, cues):
            return cues.unnamed_share_code, []
        return None, []

    if _blocked(w, q, clause_start, cues):
        return None, []  # a target or a rule: 每名代表每年…, 不少于10人次
    left_start = max(clause_start, prev_end)
    if left_start == q.start - _WINDOW and "、" in w[left_start : q.start]:
        # A long list of coordinated items (解决A、B、C等问题12项): the verb that
        # governs the count stands before the list, beyond the usual window.
        reach = max(prev_end, q.start - _LIST_WINDOW)
        for m in cues.clause_re.finditer(w, reach, left_start):
            reach = m.end()
        left_start = reach
    right_end = min(clause_end, max(next_start, q.end))
    if w.startswith(cues.enumeration_commas, q.end):
        right_end = q.end  # 6件、城建方面7件: the words after the comma are the next item's
    object_classes = cues.object_classes
    left_tokens = cues.cue_words(w, left_start, q.start)
    right_tokens = _until_among(w, cues.cue_words(w, q.end, right_end), cues)
    # (a state word right before the next count of the clause is that count's verb, not this
    # count's predicate: 365件代表建议已办结363件 -- the total is received, the part concluded)
    if (right_tokens and pos + 1 < len(countable) and right_end == next_start > q.end
            and right_tokens[-1][2] in cues.share_classes
            and len(w[right_tokens[-1][1] : next_start].strip(cues.skipped_marks)) <= 1):
        right_tokens = right_tokens[:-1]
    # (112个标准化联络站, 2个高标准联络站: 标准 is part of a compound filler, no noun of its own)
    right_tokens = [t for t in right_tokens if not _inside_filler(w, t[0], t[1], cues)]
    # (a word of subject matter right after the number, 40件涉及办好教育: the words after it
    # name what the items are about, so its verbs are no state of the items; nouns still count)
    if cues.topic_verbs and w.startswith(cues.topic_verbs, q.end):
        right_tokens = [t for t in right_tokens if t[2] in cues.object_classes]
    # (who the items are passed on to after the number, 8件转交区委有关部门处理, is not what it
    # counts: the handler after a verb of handing on)
    handed_right = _handed_to(right_tokens, cues, subjects=False)
    right_objects = [t for k, t in enumerate(right_tokens) if t[2] in object_classes and k not in handed_right]
    right_nouns = _noun_order(right_objects, w, cues)
    # Coordinated quantities share the head noun of the last conjunct (right-node
    # sharing): in 6个社区和1个…活动站 both numbers count stations.
    if pos + 1 < len(countable):
        nxt = quantities[countable[pos + 1]]
        between = w[q.end : nxt.start]
        if nxt.unit == q.unit and len(between) <= 6 and between.endswith(cues.coordinators):
            _, nxt_clause_end = _clause_bounds(w, nxt.start, nxt.end, cues.clause_re)
            nxt_next = quantities[countable[pos + 2]].start if pos + 2 < len(countable) else len(w)
            shared = _until_among(w, cues.cue_words(w, nxt.end, min(nxt_clause_end, nxt_next)), cues)
            shared_objects = [t for t in shared if t[2] in object_classes]
            right_tokens = right_tokens + shared
            # (a kind of people right after the number is its own noun, never a modifier of
            # the shared one: 200名人大代表和80名列席人员 counts deputies, then others)
            # (a level named by a place before the noun is its modifier: 52名镇人大代表和40名列席代表)
            k, reach = 0, q.end
            while k < len(right_objects) and right_objects[k][2] in cues.label_classes and right_objects[k][0] - reach <= 1:
                reach, k = right_objects[k][1], k + 1
            own_people = (
                k < len(right_objects) and right_objects[k][0] - reach <= 1 and right_objects[k][2] in cues.own_people_classes
            )
            # (nor is a noun right after the number a modifier of a shared place: 29个单位和
            # 8个乡镇 counts units, then townships -- a place heads no other noun)
            own_noun = (
                bool(right_objects) and right_objects[0][0] - q.end <= 1 and bool(shared_objects)
                and all(t[2] in cues.label_classes for t in shared_objects)
            )
            right_objects = right_objects + shared_objects
            if own_people:
                # (nor are the shared nouns of people a fallback: 9名局长和300名人大代表
                # counts officials, whatever rule reads them)
                right_nouns = right_nouns + [
                    c for c in _noun_order(shared_objects, w, cues)
                    if c not in right_nouns and c not in cues.own_people_classes
                ]
            elif own_noun:
                right_nouns = right_nouns + [c for c in _noun_order(shared_objects, w, cues) if c not in right_nouns]
            else:
                right_nouns = _noun_order(shared_objects, w, cues) + right_nouns
    left = {c for _, _, c in left_tokens}
    # Left-node sharing: a count whose item follows the count before it after an
    # enumeration comma (审议法定报告30个、专题报告87个) is governed by the verbs
    # of `shared_verbs` that stand before the first item of the list, in its clause.
    # (or after the item of the count before it and a conjunction: 交由12个部门和5个街道办理)
    if cues.shared_verbs and clause_start < prev_end < q.start and (
        w.startswith(cues.enumeration_commas, prev_end) or _conjoined_item(w, prev_end, q.start, cues)
    ):
        left |= {c for _, _, c in cues.cue_words(w, clause_start, prev_end) if c in cues.shared_verbs}
    right = {c for _, _, c in right_tokens}
    if cues.threshold_hedges and q.surface.endswith(cues.threshold_hedges) and _threshold(w, q, right_tokens, right_end, cues):
        return None, []  # a condition: 两个以上部门共同办理的建议
    head = None
    # a predicate right after the count (189件因…未公开, 3件经…办理): the words after it
    # are no head and no noun that follows the number
    predicate = bool(cues.predicate_openers) and w.startswith(cues.predicate_openers, q.end)
    # (so is a verb of handling right after the count whose object is people, 27件答复代表,
    # 9件回复代表: the people are those answered, the count is of the items answered)
    if (not predicate and right_tokens and right_tokens[0][0] == q.end and right_tokens[0][2] in cues.share_classes
            and right_objects and right_objects[0][2] in cues.people_classes
            and right_objects[0][0] - right_tokens[0][1] <= 1 and q.unit in cues.item_units):
        predicate = True
    # (nouns inside the predicate are read last: 72件被代表评价为满意 counts what the
    # words before it or the count before it counted; 3个在建项目 still counts projects)
    predicate_nouns: list[str] = []
    if predicate:
        predicate_nouns, right_objects, right_nouns = right_nouns, [], []
    if right_tokens and not predicate:
        s0, _, c0 = right_tokens[0]
        gap = w[q.end : s0]
        if len(gap.strip(cues.skipped_marks)) <= 1:
            head = c0
    elif right_tokens and right_tokens[0][0] == q.end and right_tokens[0][2] in cues.share_classes:
        # a state predicate right after the count (7件已办结, 2件暂无法办理): its head, the
        # count is of the items in that state
        head = right_tokens[0][2]

    # Candidate counted nouns: on the right in reading order (the noun after the
    # number), then on the left from the nearest outwards (the head of a noun
    # phrase before the number is its last word: “社情民意”示范点11个 counts 示范点).
    # A noun right after the number (108件建议, 38个承办单位) is what it counts: then
    # the nouns on the left are not looked at.
    candidates: list[str] = []
    for c in right_nouns:
        if c not in candidates:
            candidates.append(c)
    noun_follows = False
    if right_objects and not predicate:
        gap = w[q.end : right_objects[0][0]]
        noun_follows = len(gap) <= 1 or len(cues.gloss_re.sub("", gap)) <= 1
    # A relative clause between the number and its noun (18个覆盖…等领域的专业代表工作站,
    # 12个集学习、议事于一体的代表之家): the noun after the clause's marker is counted,
    # and the first word after the number is no head.
    # (a noun one character after the number may be inside the clause: 12个集学习…的)
    # (not after an enumeration comma right after the number: the next item begins there)
    # (not when a predicate follows the number and its 的 is followed by another
    # predicate, 56件未解决的也向代表…: that 的 ends a headless clause, no noun follows)
    ends_predicate = False
    if predicate:
        mark = w.find(cues.relative_marker, q.end, right_end) if cues.relative_marker else -1
        ends_predicate = mark >= 0 and w.startswith(cues.predicate_openers, mark + len(cues.relative_marker))
    # (a noun of people right after a count of people may be the subject of the clause, not
    # its head: 7名群众基础好、热心调解的人大代表 counts the deputies after 的, when other words
    # than nouns stand between that noun and the marker and people are named after it)
    subject_first = False
    if (cues.relative_marker and noun_follows and not ends_predicate and right_end > q.end
            and right_objects[0][2] in cues.people_classes):
        mark = w.find(cues.relative_marker, right_objects[0][1], right_end)
        between = w[right_objects[0][1] : mark] if mark >= 0 else ""
        nouns = {t[0] for t in right_objects}
        subject_first = mark >= 0 and len(between) >= 2 and right_objects[0][1] not in nouns
    if cues.relative_marker and not ends_predicate and right_end > q.end and head not in cues.relative_not_after and (
            not noun_follows or right_objects[0][0] > q.end or subject_first):
        relative = _relative_head(w, q.end, next_start, cues)
        if subject_first and not (relative and relative[0] in cues.people_classes):
            relative = []
        if relative:
            candidates = relative + [c for c in candidates if c not in relative]
            head = None
    # A topic label right before the number (农业农村方面26件, 城建类18件, 涉及…方面的9件)
    # names a category: the nouns inside it are not what is counted.
    near_left = None
    if left_tokens and len(w[left_tokens[-1][1] : q.start].strip(cues.skipped_marks)) <= 1:
        near_left = left_tokens[-1][2]
        # (a kind of people before a conjunction ends the item before, when the count has a
        # kind of people of its own: in 局长和300名人大代表 the officials label no count of
        # deputies; 29个单位和8个乡镇 still reads the units before)
        if (noun_follows and near_left in cues.people_classes and right_objects[0][2] in cues.people_classes
                and w[left_tokens[-1][1] : q.start].strip(cues.skipped_marks) in cues.coordinators):
            near_left = None
    topic = near_left in cues.topic_classes and q.start - left_tokens[-1][1] <= 1
    if not noun_follows and not topic:
        handed = _handed_to(left_tokens, cues, w=w)
        for k in range(len(left_tokens) - 1, -1, -1):
            c = left_tokens[k][2]
            if c in object_classes and c not in candidates and k not in handed:
                candidates.append(c)
    # A group of two kinds of people joined by a conjunction (局长和领衔代表20人,
    # 20名代表和群众) is counted as one mixed group.
    if cues.people_classes:
        if noun_follows:
            # (a noun after the next count is that count's: 200名代表和80名列席人员)
            pair = [t for t in right_objects if t[0] < next_start][:2]
        else:
            pair = [t for t in left_tokens if t[2] in object_classes][-2:]
            people = [t for t in left_tokens if t[2] in cues.people_classes][-2:]
            if people != pair and len(people) == 2 and _relative_between(w, people, cues):
                pair = people
        if _mixed_people(w, pair, cues) and not _names_before(w, q, left_start, cues):
            met = [t[2] for t in pair if t[2] in cues.mixed_met]
            if not (met and any(t[2] in cues.mixed_met_after and t[1] <= pair[0][0] for t in left_tokens)):
                return cues.mixed_code, candidates
            candidates = met + [c for c in candidates if c not in met]
    # Ellipsis: with no noun of its own, a number counts what the previous number
    # with the same unit counted (会议应到委员35人，实到31人), in this sentence or
    # in the previous one of the passage.
    # A headless relative clause right before the number (代表对办理工作表示满意的131件):
    # the nouns inside the clause are not its head; the head left out is what the
    # count before it in the same unit counted, which is read first.
    carried = inherited.get(q.unit)
    if candidates and carried and not noun_follows and _headless(w, q.start, cues):
        candidates = list(carried) + [c for c in candidates if c not in carried]
        sentence_classes = _WithCarried(sentence_classes, list(carried))
    # (a count followed by a noun phrase of its own that no cue word reads,
    # 19个…实践基地, counts that noun, not what the count before it counted)
    # (after a headless relative clause, 新建的8个已投入使用, the words after are its predicate)
    if not candidates and (_headless(w, q.start, cues) or not _unread_noun(w, q.end, right_end, right_tokens, cues)):
        candidates = list(inherited.get(q.unit, []))
        if candidates:
            # what the earlier count counted is the context of this one too (已解决的建议
            # 41件。列入计划的33件。: the second count is of proposals as well)
            sentence_classes = _WithCarried(sentence_classes, candidates)
    # "Among X," before the clause (代表建议中，已经解决的37件): X is what is counted.
    if not candidates and cues.after_total_re is not None and left_start > 0:
        among = _among_noun(w, left_start, cues)
        if among is not None:
            candidates = [among]
    # A clause that only sums up (…代表名额…，共728名; …人大代表…，人数为870人): the
    # count is the total of what the sentence named before the clause.
    if not candidates and cues.sum_openers and clause_start > 0:
        candidates = _summed_nouns(w, q, clause_start, cues)
    candidates += [c for c in predicate_nouns if c not in candidates]
    rules = cues.rules_for(q.unit)
    for obj in candidates or [None]:
        rule = _first_rule(rules, obj, head, near_left, left, right, sentence_classes)
        if rule is not None:
            return rule.code, candidates
    # Places before a number that it cannot count (东城镇41名，西河乡18名: each place
    # labels an item of a list of people) are no noun of its own: with no noun after
    # it either, it counts what the count before it in its unit counted.
    carried = inherited.get(q.unit)
    if carried and candidates and not right_objects and not predicate and cues.label_classes.issuperset(candidates):
        for obj in carried:
            if obj in candidates:
                continue
            rule = _first_rule(rules, obj, head, near_left, left, right, _WithCarried(sentence_classes, list(carried)))
            if rule is not None:
                return rule.code, list(carried)
    if q.kind in cues.default_kinds and (q.unit not in cues.none_units or _counts_listed_kinds(w, q, cues)):
        return cues.default_code, candidates
    return None, candidates


def _counts_listed_kinds(w: str, q: Quantity, cues: IndicatorClassifier) -> bool:
    """A count of kinds right after a word that closes a list (教育、医疗、交通等八类;
    《…》等9类表格): it counts the kinds just listed, not a structure (the default's
    ``listed_units`` and ``list_closers``)."""
    return (
        q.unit in cues.listed_units
        and bool(cues.list_closers)
        and w[: q.start].rstrip(" \u3000\t").endswith(cues.list_closers)
    )


def _conjoined_item(w: str, prev_end: int, start: int, cues: IndicatorClassifier) -> bool:
    """The words between two counts are the item of the first and a conjunction
    (12个部门和5个街道: 部门和), in one clause, at most ``_COORD_GAP`` characters; the
    spaces a PDF leaves around numbers (12 个部门和 5 个街道) do not part them."""
    between = w[prev_end:start].rstrip(" \u3000\t")
    return (
        0 < len(between) <= _COORD_GAP
        and between.endswith(cues.coordinators)
        and not cues.clause_re.search(between)
    )


def _unread_noun(w: str, start: int, end: int, right_tokens: list, cues: IndicatorClassifier) -> bool:
    """The words after a count (up to ``end``) are a noun phrase of its own that no
    cue word reads: at least ``_UNREAD_NOUN`` Han characters right after the number
    and not one cue word among them."""
    if right_tokens:
        return False
    text = w[start:end].strip(cues.skipped_marks)
    if cues.predicate_openers and text.startswith(cues.predicate_openers):
        return False  # 另有8个正在建设: a predicate, not a noun
    if len(text) >= _UNREAD_NOUN:
        return all("\u4e00" <= ch <= "\u9fff" for ch in text[:_UNREAD_NOUN])
    # (a shorter noun that ends its clause, 查看12个考察点。, is a noun of its own as well)
    return (len(text) >= _UNREAD_NOUN - 1
            and all("\u4e00" <= ch <= "\u9fff" for ch in text) and cues.clause_re.match(w, end) is not None)


def _threshold(
    w: str, q: Quantity, right_tokens: list[tuple[int, int, str]], right_end: int, cues: IndicatorClassifier
) -> bool:
    """A word of the ``thresholds`` right classes after the number, and a relative
    marker after that word in the stretch: the number sets a condition on the items
    the clause names (三个以上部门共同办理的建议), it counts nothing done. So does a
    count of items (in ``holder_units``) right before the relative marker and a noun of
    the ``holders`` classes (承办10件以上的单位): the units that hold at least so many; and
    a count of people (in ``people_units``) with the relative marker after it in its clause
    and a noun of no people class right after that marker (5人以上代表的社区, 代表十人以上
    提出的议案): the items that have or need at least so many people."""
    if cues.threshold_holders and q.unit in cues.threshold_holder_units and cues.relative_marker:
        after = q.end + len(cues.relative_marker)
        if w.startswith(cues.relative_marker, q.end) and any(
            s == after and c in cues.threshold_holders for s, _, c in right_tokens
        ):
            return True
    if cues.threshold_people_units and q.unit in cues.threshold_people_units and cues.relative_marker:
        rel = w.find(cues.relative_marker, q.end, right_end)
        if rel >= 0:
            head = rel + len(cues.relative_marker)
            if any(s == head and c not in cues.people_classes for s, _, c in right_tokens):
                return True
    for _, end, c in right_tokens:
        if c in cues.threshold_right and cues.relative_marker and cues.relative_marker in w[end:right_end]:
            return True
        if c in cues.threshold_signing:
            return True  # 代表十人以上联名: the signers a motion needs
    return False


def _headless(w: str, start: int, cues: IndicatorClassifier) -> bool:
    """The text before ``start`` ends with the relative marker (…的12件) or a
    partitive marker (…的有12件): a relative clause without its head noun."""
    before = w[:start]
    return bool(cues.relative_marker and before.endswith(cues.relative_marker)) or bool(
        cues.subject_ends and before.endswith(cues.subject_ends)
    )


def _relative_head(w: str, start: int, next_start: int, cues: IndicatorClassifier) -> list[str]:
    """The noun classes (head first) of the compound right after the first relative
    marker (的) that follows ``start`` in its clause, within the list reach and before
    the next count; [] when there is none. The compound may open with a short
    modifier (的专业代表工作站)."""
    m = cues.clause_re.search(w, start, min(len(w), start + _LIST_WINDOW))
    limit = min(m.start() if m else min(len(w), start + _LIST_WINDOW), max(next_start, start))
    d = w.find(cues.relative_marker, start + 1, limit)
    if d < 0:
        return []
    after = d + len(cues.relative_marker)
    tokens = [t for t in cues.cue_words(w, after, limit) if t[2] in cues.object_classes]
    if not tokens or tokens[0][0] - after > cues.relative_reach:
        return []
    compound = [tokens[0]]
    for t in tokens[1:]:
        if t[0] - compound[-1][1] > 1:
            break
        compound.append(t)
    return _noun_order(compound, w, cues)


def _until_among(w: str, tokens: list[tuple[int, int, str]], cues: IndicatorClassifier) -> list:
    """The cue words after a number up to its noun followed by 中: in "N件X中…"
    (32件区属建议中已经落实的有25件) the number is a total and the words after 中 belong
    to its parts."""
    if not cues.part_after_total:
        return tokens
    for k, (_, end, c) in enumerate(tokens):
        if (
            c in cues.object_classes
            and w.startswith(cues.part_after_total, end)
            and not w.startswith(cues.part_not_after_total, end)
        ):
            return tokens[: k + 1]
    return tokens


def _among_noun(w: str, clause_start: int, cues: IndicatorClassifier) -> str | None:
    """The class of the noun X of an "among X," phrase (X中，) that ends right before
    ``clause_start``, within the usual window; None when there is none."""
    tokens = cues.cue_words(w, max(0, clause_start - _WINDOW), clause_start)
    for start, end, cls in reversed(tokens):
        if cls not in cues.object_classes:
            continue
        m = cues.after_total_re.match(w, end, clause_start)
        if m is not None and m.end() == clause_start and not cues.clause_re.search(w, end, m.start() + 1):
            return cls
        return None
    return None


def _summed_nouns(w: str, q: Quantity, clause_start: int, cues: IndicatorClassifier) -> list[str]:
    """The classes of the nouns a summing clause may add up, nearest first: the clause
    holds nothing before the number but a word of ``sums`` (共, 合计, 人数为 …), and the
    nouns of the sentence before the clause are what the number may count (the rules
    take the first that a count in its unit can count: …代表名额按人口分配，共82名 counts
    deputies, as no rule counts a population in 名); nouns of the skipped classes are
    passed over (按上届办法: a manner, no thing counted). [] otherwise."""
    marks = " \t\u3000" + cues.skipped_marks
    opener = w[clause_start : q.start].strip(marks)
    lead = clause_start + len(w[clause_start : q.start]) - len(w[clause_start : q.start].lstrip(marks))
    if opener not in cues.sum_openers and not _summing_setup(w, lead, lead + len(opener), cues):
        return []
    out: list[str] = []
    for _, _, c in reversed(cues.cue_words(w, 0, clause_start)):
        if c in cues.object_classes and c not in cues.sum_skipped and c not in out:
            out.append(c)
    return out


def _summing_setup(w: str, start: int, end: int, cues: IndicatorClassifier) -> bool:
    """The clause ``w[start:end]`` before a count is a place or a short subject, a sum word
    and a verb of setting up (某区共建立了, 全市共建成): it names nothing it counts, so the
    count sums up what the sentence named before the clause (这样的“代表之家”，某区共建立了16个)."""
    if not cues.sum_verbs or not cues.sum_subject_max:
        return False
    opener = w[start:end]
    rest = opener.removesuffix("了")
    verb = next((v for v in cues.sum_verbs if rest.endswith(v)), None)
    if verb is None:
        return False
    rest = rest[: len(rest) - len(verb)]
    word = next((x for x in sorted(cues.sum_openers, key=len, reverse=True) if rest.endswith(x)), None)
    if word is None:
        return False
    subject = rest[: len(rest) - len(word)]
    if len(subject) > cues.sum_subject_max:
        return False
    return not any(c in cues.object_classes and c != "admin" for _, _, c in cues.cue_words(w, start, start + len(subject)))


def _mixed_people(w: str, pair: list[tuple[int, int, str]], cues: IndicatorClassifier) -> bool:
    """Two nouns of different classes of people, the second right after a joiner of
    ``mixed_people`` (和, 及, 、; not 与 "with") that follows the first (at most three characters of modifier after it:
    负责人和领衔代表)."""
    if len(pair) != 2:
        return False
    (_, a_end, a), (b_start, _, b) = pair
    if a == b or a not in cues.people_classes or b not in cues.people_classes:
        return False
    gap = w[a_end:b_start]
    if not gap.startswith(cues.mixed_joiners) or cues.clause_re.search(gap):
        return False
    relative = bool(cues.relative_marker) and cues.relative_marker in gap[-3:]
    return 1 <= len(gap) <= 4 or (len(gap) <= _MIXED_RELATIVE and relative)


def _names_before(w: str, q: Quantity, left_start: int, cues: IndicatorClassifier) -> bool:
    """The count stands right after a list of as many short names as it counts, joined by
    enumeration commas, none of them a cue word (张明、李芳两位代表和居民交流): it sums up
    the people just named, of the noun after it; what follows the noun is company, not a
    second kind of people in the count."""
    if q.value is None or q.value_high is not None or not 2 <= q.value <= 9:
        return False
    items = re.split("|".join(map(re.escape, cues.enumeration_commas)) or "(?!)", w[left_start : q.start])
    names = items[-int(q.value) :]
    if len(items) < q.value or not all(_NAME.fullmatch(x) for x in names):
        return False
    start = q.start - sum(len(x) + 1 for x in names) + 1  # (each comma is one character)
    return not cues.cue_words(w, start, q.start)


def _relative_between(w: str, pair: list[tuple[int, int, str]], cues: IndicatorClassifier) -> bool:
    """Two nouns of people with a joiner and a short relative clause ending in 的
    between them (负责人和提建议的领衔代表): the words between belong to the second."""
    gap = w[pair[0][1] : pair[1][0]]
    return (
        len(gap) <= _MIXED_RELATIVE
        and gap.startswith(cues.mixed_joiners)
        and bool(cues.relative_marker)
        and cues.relative_marker in gap[-3:]
        and not cues.clause_re.search(gap)
    )


def _share_of_other_body(
    w: str, count: Quantity, q: Quantity, nouns: list[str], cues: IndicatorClassifier
) -> bool:
    """A percentage coded as a share in the clause right after a count that is no
    indicator because it counts another body's items (政协提案30件，占提案总数的20%;
    B类件12件，占总数的8%, its noun carried from a sentence about 提案): the share of a
    group that is not counted is not an indicator either (docs/codebook.md §2.1)."""
    if not cues.other_body_classes or count.kind != "count" or not nouns:
        return False
    if nouns[0] not in cues.other_body_classes or cues.other_body_unless & set(nouns[:1]):
        return False
    between = w[count.end : q.start]
    marks = [m.start() for m in cues.clause_re.finditer(between)]
    if len(marks) != 1 or len(between) > _SHARE_GAP:
        return False  # the percentage stands in the next clause, close to the count
    found, code = _rate_named(between, cues)
    return found and code == cues.share_code


def _share_after(w: str, q: Quantity, clause_start: int, cues: IndicatorClassifier) -> bool:
    """A percentage right after an outcome verb or a breakdown marker (已解决90%,
    其中97.8%), maybe joined to it by a link (已经解决或正在解决的达95%): the share of the
    counted group in that state (``shares_after``)."""
    if cues.share_code is None:
        return False
    before = w[clause_start : q.start].rstrip(cues.skipped_marks)
    link = next((m for m in cues.share_links if before.endswith(m)), "")
    if link:
        before = before[: len(before) - len(link)]
    if cues.part_markers and before.endswith(cues.part_markers):
        return True
    tokens = cues.cue_words(w, clause_start, len(before) + clause_start)
    return bool(tokens) and tokens[-1][1] == clause_start + len(before) and tokens[-1][2] in cues.share_classes


def _unnamed_share(w: str, q: Quantity, clause_start: int, clause_end: int, cues: IndicatorClassifier) -> bool:
    """A percentage that no rate word names is the share of a counted group when the
    group's noun stands right before it (参训代表95%以上) or right after it and its
    的 (72%的代表), or a word of what the group did follows it (80%以上得到解决, 100%开展
    活动) -- unless its clause speaks of the economy, a change or a rating (生产总值增长
    5%, 从60%上升到85%, 95%的居民表示满意: `unnamed.unless`)."""
    if cues.unnamed_share_code is None:
        return False
    tokens = cues.cue_words(w, clause_start, clause_end)
    if any(c in cues.unnamed_unless for _, _, c in tokens):
        return False
    before = [t for t in tokens if t[1] <= q.start]
    if before and q.start - before[-1][1] <= 1 and before[-1][2] in cues.object_classes:
        return True
    after = [t for t in tokens if t[0] >= q.end]
    if after:
        gap = w[q.end : after[0][0]].strip(cues.skipped_marks)
        if len(gap) <= 2 and gap in ("", "的", "地") and (
            after[0][2] in cues.object_classes or after[0][2] in cues.unnamed_after
        ):
            return True
    return False


def _rate_names(text: str, cues: IndicatorClassifier, start: int = 0, end: int | None = None) -> list:
    """The rate names of ``text[start:end]`` as ``(start, end, code)``. Rate words that
    touch form one name, coded by its first word: 满意度率 is a satisfaction rate (its
    head 满意度 read through the lexicon), not the bare 率 of a rate unknown."""
    names: list = []
    for m in cues.rate_re.finditer(text, start, len(text) if end is None else end):
        if names and names[-1][1] == m.start():
            names[-1] = (names[-1][0], m.end(), names[-1][2])
        else:
            names.append((m.start(), m.end(), cues.rate_code[m.group()]))
    return names


def _rate_named(left_text: str, cues: IndicatorClassifier, *, respective_only: bool = False) -> tuple[bool, str | None]:
    """The rate that ``left_text`` names for the number after it: the rate word nearest
    the number, or, when it ends a run of rates joined by 、/和/及 (办结率、满意率均为100%,
    建议办结率和代表满意率均为100%),
    the first rate of the run; with a word of ``respectively`` after the run
    (办结率、满意率分别达98%、96.5%), the rate at the number's position among the
    percentages that follow. (False, None) when no rate word stands there, and, with
    ``respective_only``, unless the number is placed by a word of ``respectively``."""
    if cues.rate_re is None:
        return False, None
    found = _rate_names(left_text, cues)
    if not found:
        return False, None
    k = len(found) - 1
    while k > 0 and _rates_joined(left_text[found[k - 1][1] : found[k][0]], cues):
        k -= 1
    after = left_text[found[-1][1] :]
    if k < len(found) - 1 and cues.respective and any(r in after for r in cues.respective):
        place = sum(after.count(mark) for mark in ("%", "‰"))
        if k + place < len(found):
            return True, found[k + place][2]
    if respective_only:
        return False, None
    # (a run that opens with a rate of the catch-all code takes its first completion or
    # satisfaction rate: 见面率、办复率均为100% is coded as the reply rate)
    default = cues.default_code
    return True, next((c for _, _, c in found[k:] if c != default), found[k][2])


def _rates_joined(between: str, cues: IndicatorClassifier) -> bool:
    """The text between two rate names joins them: a joiner (、/和/及), maybe followed by
    the short modifier of the second rate (办结率和代表满意率)."""
    return any(
        between.startswith(j) and _HAN_RUN.fullmatch(between, len(j)) for j in cues.rate_joiners
    )


def _rate_after(w: str, q: Quantity, cues: IndicatorClassifier) -> tuple[bool, str | None]:
    """A percentage followed by the relative marker and a rate name (实现100%的办结率,
    100%的面商率和办结率): the number is the value of that rate, the first of a run of
    joined rates. (False, None) when no rate name follows."""
    if cues.rate_re is None or not cues.relative_marker or not w.startswith(cues.relative_marker, q.end):
        return False, None
    begin = q.end + len(cues.relative_marker)
    found = _rate_names(w, cues, begin, min(len(w), begin + _WINDOW))
    # (the name may open with a few characters of its own before the rate word: 面商率)
    if not found or not _HAN_RUN.fullmatch(w, begin, found[0][0]):
        return False, None
    return True, found[0][2]


def _blocked(w: str, q: Quantity, clause_start: int, cues: IndicatorClassifier) -> bool:
    """A word of a blocking class (targets, quotas: 至少, 不少于, 每名代表) stands in the
    clause before the numeral of ``q`` (its prefix hedge included), and no partitive
    marker (的有) stands between the last such word and the numeral."""
    numeral = q.start
    while numeral < q.end and not _NUMERAL_START.match(w, numeral):
        numeral += 1
    if cues.plan_re is not None and cues.plan_re.search(w, clause_start, numeral):
        return True
    if cues.plan_re is not None and _plan_goes_on(w, clause_start, cues):
        return True
    if not cues.blocking:
        return False
    last = None
    for _, end, c in cues.cue_words(w, clause_start, numeral):
        if c in cues.blocking:
            last = end
    if last is None:
        return False
    # 力争近期可办结的有15件: the word describes the items of a partitive count
    # (…的有 N件), which reports how many there are
    between = w[last:numeral]
    if cues.completed_markers and cues.relative_marker and between.endswith(cues.relative_marker):
        clause = between[: len(between) - len(cues.relative_marker)]
        if any(m in clause[-8:] for m in cues.completed_markers):
            return False  # (确保用好已建成的15个: the count reports what exists)
    return not (cues.subject_ends and any(m in between for m in cues.subject_ends))


def _plan_goes_on(w: str, clause_start: int, cues: IndicatorClassifier) -> bool:
    """The clause at ``clause_start`` goes on with a plan of its sentence: it and every
    clause between it and an earlier clause that holds a plan (计划完成改厕500户，新建村路20
    公里) open with a verb of a plan, so they say what is still to be done."""
    start = clause_start
    while start > 0:
        if cues.plan_verb_re is None or not cues.plan_verb_re.match(w, start):
            return False
        end = start - 1  # the clause mark before this clause
        if not cues.clause_re.match(w, end) or cues.sentence_end_re.match(w, end):
            return False
        start = 0
        for m in cues.clause_re.finditer(w, 0, end):
            start = m.end()
        if cues.plan_re.search(w, start, end):
            return True
    return False


def _inside_filler(w: str, start: int, end: int, cues: IndicatorClassifier) -> bool:
    """True when the noun at ``start:end`` lies inside a longer ``compound_fillers`` word
    (标准 in 标准化 or 高标准): the filler's part, not a noun of its own."""
    if cues.filler_re is None:
        return False
    for m in cues.filler_re.finditer(w, max(0, start - 3), min(len(w), end + 3)):
        if m.start() <= start and end <= m.end() and m.end() - m.start() > end - start:
            return True
    return False


def _noun_order(tokens: list[tuple[int, int, str]], w: str, cues: IndicatorClassifier) -> list[str]:
    """Classes of the nouns after a number, heads first.

    Nouns at most one character apart (not counting quote marks, short
    bracketed glosses such as (站) and the lexicon's ``compound_fillers``, 基层, 示范;
    a quotation closing before 的 ends the compound)
    form one compound whose head is its last noun
    (84个[社区]级[人大代表][联络站] counts 联络站; 16个[乡镇]建成[代表之家] does
    not); compounds are taken in reading order, each head first, then its
    modifiers from the right.
    """
    out: list[str] = []
    group: list[str] = []
    last_end = None
    for start, end, cls in tokens:
        if last_end is not None and last_end != start:  # (adjacent nouns: no gap)
            raw = w[last_end:start]
            gap = cues.gloss_re.sub("", raw)
            if cues.filler_re is not None and cues.filler_re.fullmatch(gap):
                gap = ""  # (28个乡镇基层联络站: a tier word inside the compound)
            # (a quotation that closes before a relative marker ends the compound:
            # “…29个联系点”的工作格局 counts 联系点, the quoted phrase modifies 格局)
            if len(gap) > 1 or cues.clause_re.search(gap) or (
                gap and gap == cues.relative_marker and raw[0] in cues.quote_closers
            ):
                out.extend(reversed(group))
                group = []
        group.append(cls)
        last_end = end
    out.extend(reversed(group))
    return out


def _first_rule(
    rules: tuple[_Rule, ...],
    obj: str | None,
    head,
    near_left,
    left: set,
    right: set,
    sentence_classes: _SentenceClasses,
) -> _Rule | None:
    """The first of ``rules`` (those that accept the quantity's unit, see
    :attr:`IndicatorClassifier.rules_for`) that holds for the counted noun class ``obj`` (None: no
    noun), the ``head`` class (the cue word right after the number), the ``near_left``
    class (the cue word right before it) and the classes on the ``left`` and ``right``."""
    for rule in rules:
        if rule.head and head not in rule.head:
            continue
        if rule.near_left and near_left not in rule.near_left:
            continue
        if obj is None:
            if rule.objects:
                continue
        elif (rule.objects and obj not in rule.objects) or (rule.objects_or_none and obj not in rule.objects_or_none):
            continue
        if rule.left and rule.left.isdisjoint(left):
            continue
        if rule.right and rule.right.isdisjoint(right):
            continue
        if rule.unless_left and not rule.unless_left.isdisjoint(left):
            continue
        if rule.unless_right and not rule.unless_right.isdisjoint(right):
            continue
        if rule.sentence and rule.sentence.isdisjoint(sentence_classes.get()):
            continue
        if rule.unless_sentence and not rule.unless_sentence.isdisjoint(sentence_classes.get()):
            continue
        return rule
    return None


def extract_indicators(sentence: str, lexicon=None, *, previous: str | None = None) -> list[dict]:
    """Find the indicators of one sentence.

    Parameters
    ----------
    sentence : str
    lexicon : folder path, :class:`~congress_lib.resources.Lexicon` or None
    previous : str or None
        The sentence right before ``sentence`` in the same passage, if any: a count
        with no noun of its own, or a sentence that opens with 其中, is read with
        the totals of that sentence (:meth:`IndicatorClassifier.classify_in_passage`).

    Returns
    -------
    list of dict
        One dict per indicator, in text order, with keys ``indicator``, ``value``,
        ``value_high``, ``unit``, ``approx``, ``approx_kind``, ``surface``,
        ``start`` and ``end`` (offsets in ``sentence``).

    Examples
    --------
    >>> [(d["indicator"], d["value"], d["unit"]) for d in extract_indicators("接访群众1700余人次")]
    [('constituent_contacts', 1700.0, '人次')]
    """
    lex = load_lexicon(lexicon)
    quantities = find_quantities(sentence, lex)
    if previous is None:
        codes = classify(sentence, quantities, lex)
    else:
        if not isinstance(sentence, str) or not isinstance(previous, str):
            raise InvalidArgumentError("sentence and previous must be str.")
        classifier = IndicatorClassifier.from_lexicon(lex)
        fold = QuantityFinder.from_lexicon(lex).fold
        _, carry = classifier.classify_in_passage(fold(previous), find_quantities(previous, lex))
        codes, _ = classifier.classify_in_passage(fold(sentence), quantities, carry)
    return [
        {
            "indicator": code,
            "value": q.value,
            "value_high": q.value_high,
            "unit": q.unit,
            "approx": q.approx,
            "approx_kind": q.approx_kind,
            "surface": q.surface,
            "start": q.start,
            "end": q.end,
        }
        for q, code in zip(quantities, codes)
        if code is not None
    ]
