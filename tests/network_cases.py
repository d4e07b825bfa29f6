"""Stand-in corpora for the network tests (tests/test_network_*.py).

Report-style sentences (some from the bundled reports, most written in the style
of reports from other provinces, some in traditional characters) and the actors
they mention, built into objects with the ``mentions`` and ``sentences`` tables
the network reads.
"""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

import congress_lib as cl
from congress_lib import network as nw


def make_corpus(*sentences, doc_id="d1", jurisdiction="某县"):
    """A stand-in corpus: each sentence is (text, [(type, surface, canonical, level, branch), ...]).

    Surfaces are located left to right in the text, so a surface may repeat.
    Offsets are document offsets, as in a real corpus (one space between sentences).
    """
    m_rows, s_rows, offset = [], [], 0
    for i, (text, mentions) in enumerate(sentences, 1):
        sent_id, unit_id, pos = f"{doc_id}:{i}", f"{doc_id}#1", 0
        for mtype, surface, canonical, level, branch in mentions:
            k = text.index(surface, pos)
            pos = k + len(surface)
            m_rows.append({"doc_id": doc_id, "unit_id": unit_id, "jurisdiction": jurisdiction, "type": mtype,
                           "surface": surface, "canonical": canonical, "level": level, "branch": branch,
                           "start": offset + k, "end": offset + pos, "sent_id": sent_id})
        s_rows.append({"sent_id": sent_id, "doc_id": doc_id, "unit_id": unit_id, "start": offset,
                       "end": offset + len(text), "text": text})
        offset += len(text) + 1
    return SimpleNamespace(mentions=pd.DataFrame(m_rows, columns=list(nw.MENTION_COLUMNS)),
                           sentences=pd.DataFrame(s_rows))


def merge(*corpora):
    """One corpus of several stand-in corpora (its mentions a method, as a Corpus has them)."""
    mentions = pd.concat([c.mentions for c in corpora], ignore_index=True)
    sentences = pd.concat([c.sentences for c in corpora], ignore_index=True)
    return SimpleNamespace(mentions=lambda: mentions.copy(), sentences=sentences)


def relation(corpus, source, target):
    """The relations of the edge rows from `source` to `target` (there must be one)."""
    edges = cl.network_edges(corpus)
    hit = edges[(edges["source"] == source) & (edges["target"] == target)]
    assert not hit.empty, (source, target, edges[["source", "target"]].values.tolist())
    return hit["relation"].tolist()


# Actors: (type, surface, canonical, level, branch).
D_GROUP = ("deputy", "市人大第十二代表小组", "淮北市人大第十二代表小组", "municipal", "deputy")
FINANCE = ("agency", "市财政局", "淮北市财政局", "municipal", "department")
DEPUTY = ("deputy", "人大代表", "人大代表", "", "deputy")
COUNTY_DEPUTY = ("deputy", "县人大代表", "某县人大代表", "district", "deputy")
COURT = ("agency", "集美法院", "集美区人民法院", "district", "court")
HOUSING = ("agency", "区住建局", "某区住房和城乡建设局", "district", "department")
STATION = ("station", "城关镇代表联络站", "城关镇代表联络站", "township", "station")
SC = ("congress", "区人大常委会", "某区人大常委会", "district", "congress")
EDU = ("agency", "区教育局", "某区教育局", "district", "department")


def generic_corpus():
    """Four sentences of one county, two of them naming generic nodes (人大代表, 代表联络站)."""
    return make_corpus(
        ("县人大代表在望江社区代表联络站接待选民", [COUNTY_DEPUTY, ("station", "望江社区代表联络站", "望江社区代表联络站",
                                                   "community", "station")]),
        ("县人民法院与县人大常委会座谈", [("agency", "县人民法院", "某县人民法院", "district", "court"),
                                ("congress", "县人大常委会", "某县人大常委会", "district", "congress")]),
        ("县人大代表走进代表联络站", [COUNTY_DEPUTY, ("station", "代表联络站", "代表联络站", "", "station")]),
        ("人大代表督办县人民法院执行难问题", [DEPUTY, ("agency", "县人民法院", "某县人民法院", "district", "court")]),
    )


def random_corpus(rnd, n_docs=4):
    """Report-style sentences recombined at random: triggers, clause marks, repeated nodes."""
    pieces = ["督办", "交由", "办理", "答复", "联系", "联络", "走访", "，", "：", "的", "和", "问题", "督促办理"]
    actors = [D_GROUP, FINANCE, DEPUTY, COUNTY_DEPUTY, COURT, HOUSING, STATION, SC, EDU]
    corpora = []
    for d in range(n_docs):
        sentences = []
        for _ in range(rnd.randint(1, 6)):
            chosen = rnd.sample(actors, rnd.randint(1, 4))
            chosen += rnd.sample(chosen, rnd.randint(0, 1))  # a node mentioned twice
            text = "".join(rnd.choice(pieces) + a[1] for a in chosen) + rnd.choice(pieces)
            sentences.append((text, chosen))
        corpora.append(make_corpus(*sentences, doc_id=f"d{d}", jurisdiction=rnd.choice(["甲区", "乙区"])))
    return corpora
