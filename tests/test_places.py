"""Places with codes (congress_lib/places.py): ambiguous, renamed and township-level cases."""

from __future__ import annotations

from congress_lib.corpus import load_corpus
from congress_lib.jurisdiction import Jurisdiction
from congress_lib.places import context_names, place_of, resolve

HEADER = "doc_id,title,date,province,city,district,township,genre,source,url,notes\n"


def _corpus(tmp_path, texts: dict[str, str], metadata: str = ""):
    for doc_id, text in texts.items():
        (tmp_path / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    if metadata:
        (tmp_path / "metadata.csv").write_text(HEADER + metadata, encoding="utf-8")
    return load_corpus(tmp_path)


def test_ambiguous_name_is_never_guessed():
    place = resolve("鼓楼区")
    assert place.ambiguous and place.code == ""
    assert set(place.candidates) == {"350102", "320106", "320302", "410204"}  # Fuzhou, Nanjing, Xuzhou, Kaifeng
    # a province narrows it but leaves two (Nanjing, Xuzhou): still ambiguous, the shared province kept
    jiangsu = resolve("鼓楼区", province="江苏省")
    assert jiangsu.ambiguous and jiangsu.province == "江苏省" and jiangsu.prefecture == ""


def test_ambiguous_name_resolved_by_metadata_or_the_texts_own_places():
    nanjing = resolve("鼓楼区", city="南京市")
    assert (nanjing.code, nanjing.province, nanjing.prefecture, nanjing.ambiguous) == ("320106", "江苏省", "南京市", False)
    assert resolve("鼓楼区", province="福建").code == "350102"  # a stem of the province is enough
    fuzhou = resolve("鼓楼区", context_names=context_names("福州市鼓楼区人大常委会召开会议"))
    assert fuzhou.code == "350102" and not fuzhou.ambiguous
    # a known level that no candidate lies in: no place, rather than a guess
    assert resolve("鼓楼区", city="厦门市") is None


def test_renamed_county_resolves_to_the_current_place():
    place = resolve("孟津县")  # became a district of Luoyang in 2021
    assert (place.name, place.code, place.prefecture, place.match) == ("孟津区", "410308", "洛阳市", "stem")
    assert resolve("萧山市").code == "330109"  # county-level city → district of Hangzhou
    assert resolve("萧山区").match == "exact"


def test_former_name_whose_stem_changed_resolves_to_its_successor():
    place = resolve("襄樊市")  # renamed 襄阳市 in 2010: no stem in common
    assert (place.name, place.code, place.level, place.match) == ("襄阳市", "420600", "prefecture", "renamed")
    assert (resolve("闸北区").name, resolve("闸北区").prefecture) == ("静安区", "上海市")  # merged in 2015
    assert resolve("户县").code == "610118"  # 鄠邑区 of Xi'an
    assert (resolve("大同县").name, resolve("大同县").code) == ("云州区", "140215")  # 2018
    # a district divided among two successors: both candidates, nothing chosen
    split = resolve("江干区")
    assert split.ambiguous and set(split.candidates) == {"330102", "330114"} and split.prefecture == "杭州市"
    # a former name that another place holds today: ambiguous until metadata or the text decide
    both = resolve("双桥区")  # Chongqing's (now 大足区) or Chengde's (today's 双桥区)
    assert both.ambiguous and set(both.candidates) == {"130802", "500111"}
    assert (resolve("双桥区", province="重庆").name, resolve("双桥区", province="重庆").match) == ("大足区", "renamed")
    assert (resolve("双桥区", province="河北省").code, resolve("双桥区", province="河北省").match) == ("130802", "exact")
    chongqing = resolve("双桥区", context_names=context_names("重庆市双桥区人大常委会召开常委会会议"))
    assert (chongqing.code, chongqing.match) == ("500111", "renamed")
    # a known level the successor does not lie in: no place
    assert resolve("闸北区", city="北京市") is None


def test_unit_without_a_resolvable_place():
    assert resolve("火星区") is None and resolve("") is None and resolve("郑州市某区") is None
    assert place_of(Jurisdiction()) is None
    # an unnamed district falls back to its city
    place = place_of(Jurisdiction("郑州市某区", "district", "河南省", "郑州市", "", "inferred"))
    assert (place.code, place.county, place.ambiguous) == ("410100", "", False)


def test_township_in_metadata_makes_township_bodies_resolve_to_it(tmp_path):
    corpus = _corpus(tmp_path, {"mw": "马尾镇人大工作报告\n今年以来，镇人大主席团认真履行职责，组织镇人大代表开展视察活动12次。\n"},
                     "mw,,2023-01-01,福建省,福州市,马尾区,马尾镇,report,,,\n")
    unit = corpus.units.iloc[0]
    assert (unit.jurisdiction, unit.jurisdiction_level, unit.township) == ("马尾镇", "township", "马尾镇")
    assert (unit.place_county, unit.admin_code, unit.place_ambiguous) == ("马尾区", "350105", False)
    assert corpus.documents.township.tolist() == ["马尾镇"]
    canon = dict(zip(corpus.mentions().surface, corpus.mentions().canonical))
    assert canon["镇人大主席团"] == "马尾镇人大主席团"
    assert canon["镇人大代表"] == "马尾镇人大代表"


def test_units_place_columns(tmp_path):
    text_amb = "鼓楼区人大常委会工作报告\n鼓楼区人大常委会全年召开会议8次，鼓楼区人大代表提出建议30件。\n"
    text_ctx = "南京市鼓楼区人大常委会工作报告\n鼓楼区人大常委会全年召开会议8次，鼓楼区人大代表提出建议30件。\n"
    corpus = _corpus(tmp_path, {"amb": text_amb, "ctx": text_ctx, "none": "人大常委会工作报告\n全年召开会议8次。\n"})
    units = corpus.units.set_index("doc_id")
    assert units.loc["amb", "jurisdiction"] == "鼓楼区"
    assert bool(units.loc["amb", "place_ambiguous"]) and units.loc["amb", "admin_code"] == ""
    assert not units.loc["ctx", "place_ambiguous"] and units.loc["ctx", "admin_code"] == "320106"
    assert units.loc["ctx", "place_prefecture"] == "南京市"
    assert units.loc["none", "admin_code"] == "" and not units.loc["none", "place_ambiguous"]
