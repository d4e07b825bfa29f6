"""The learned coder (congress_lib.learned): its features, its model file, where it
overrides the rules, the plain mode without it, and training it on hand-coded reports."""

import json
import subprocess
import sys

import pandas as pd
import pytest

import congress_lib as cl
from congress_lib import learned
from congress_lib.errors import InvalidArgumentError
from congress_lib.indicators import COUNTABLE_KINDS, RATE_CODES
from congress_lib.learned import NONE, CodeModel, features, rules_only, train, write_model
from congress_lib.pipeline import compiled_for
from congress_lib.resources import load_lexicon

LEX = load_lexicon()
CUES = compiled_for(LEX).indicators

# sentences written for these tests
REPORT = ("某某区人大常委会2024年工作报告\n"
          "全年共收到代表建议86件，其中已办结80件，代表满意率达到97%。\n"
          "区人大代表深入12个社区开展走访，接待群众430人次，收集意见建议57条。\n"
          "全区共建成代表联络站9个，组织代表进站活动60余次。\n")


def _corpus_dir(tmp_path, text=REPORT):
    (tmp_path / "reports").mkdir(parents=True)
    (tmp_path / "reports" / "r1.txt").write_text(text, encoding="utf-8")
    return tmp_path


def _toy(threshold=0.8):
    """A hand-made model: the unit 名 pulls strongly towards `deputies`, 件 mildly towards `other`."""
    return CodeModel(classes=("deputies", NONE, "other"), intercept=(0.0, 0.0, 0.0),
                     features=("U_件", "U_名"), weights=((0.0, 0.0, 1.0), (3.0, 0.0, 0.0)), threshold=threshold)


def test_features_read_the_characters_units_and_cues_around_a_number():
    folded = "区人大代表共提出建议86件"
    start = folded.index("86")
    feats = features(folded, start, start + 4, "件", CUES)
    assert feats == sorted(set(feats))
    assert "U_件" in feats and "N_出建议" in feats and "L2_建议" in feats
    assert any(f.startswith("CL_") for f in feats)  # a cue word of the indicator lexicon before it
    assert features(folded, start, start + 4, "件", CUES) == feats  # the same every time


def test_a_malformed_model_file_is_refused_with_what_to_do():
    good = _toy().to_dict()
    assert CodeModel.from_dict(good) == _toy()
    for broken in ({**good, "intercept": [0.0]}, {k: v for k, v in good.items() if k != "weights"},
                   {**good, "threshold": 1.5}):
        with pytest.raises(InvalidArgumentError) as err:
            CodeModel.from_dict(broken)
        assert "train-coder" in str(err.value) or "threshold" in str(err.value)


def test_the_model_overrides_the_rules_only_where_it_is_confident():
    text = "共有代表45名，收到建议20件"
    finder = compiled_for(LEX).quantities
    qs = finder.find(text)
    assert [q.surface for q in qs] == ["45名", "20件"]
    codes, by = _toy().recode(finder.fold(text), 0, qs, ["rule-a", "rule-b"], CUES)
    # 名: p(deputies) = e^3 / (e^3 + 2) = 0.91 > 0.8 -> the model's; 件: p(other) = e / (e + 2) < 0.8 -> the rule's
    assert codes == ["deputies", "rule-b"]
    assert by == ["model 0.91", "rules"]
    codes, by = _toy(threshold=1.0).recode(finder.fold(text), 0, qs, ["rule-a", "rule-b"], CUES)
    assert codes == ["rule-a", "rule-b"] and by == ["rules", "rules"]


def test_the_shipped_model_gives_codes_of_the_codebook():
    from congress_lib import codebook

    model = CodeModel.from_lexicon(LEX)
    assert model is not None and NONE in model.classes and 0 < model.threshold <= 1
    known = set(codebook.labels("indicator"))
    assert set(model.classes) - {NONE} <= known, set(model.classes) - {NONE} - known


def test_rules_only_is_the_plain_mode():
    plain = rules_only()
    assert CodeModel.from_lexicon(plain) is None
    assert plain.version != LEX.version and rules_only(plain) is plain
    assert set(plain) == set(LEX)


def test_the_pipeline_is_the_rules_recoded_by_the_model(tmp_path):
    """The plain definition of the shipped mode: every number keeps the rules' code unless it
    is of a kind an indicator can be and the model's probability is above its threshold, and
    then takes the model's."""
    folder = _corpus_dir(tmp_path)
    both = cl.load_corpus(folder).quantities()
    alone = cl.load_corpus(folder, lexicon=rules_only()).quantities()
    assert set(alone["coded_by"]) == {"rules"}
    assert list(both["surface"]) == list(alone["surface"]) and len(both) >= 8
    model = CodeModel.from_lexicon(LEX)
    text = cl.load_corpus(folder).text("r1")
    folded = compiled_for(LEX).quantities.fold(text)
    for mixed, rule in zip(both.itertuples(), alone.itertuples()):
        guess, p = model.predict(folded, mixed.start, mixed.end, mixed.unit if isinstance(mixed.unit, str) else None,
                                 CUES)
        if mixed.kind not in COUNTABLE_KINDS or rule.indicator in RATE_CODES:
            assert mixed.coded_by == "rules"
            assert mixed.indicator == rule.indicator or (pd.isna(mixed.indicator) and pd.isna(rule.indicator))
        elif p > model.threshold:
            assert mixed.coded_by == f"model {p:.2f}" and (mixed.indicator if isinstance(mixed.indicator, str)
                                                           else None) == guess
        else:
            assert mixed.coded_by == "rules"
            assert str(mixed.indicator) == str(rule.indicator)


def _rows():
    """Training rows of two kinds of number, as aligned_rows gives them."""
    people = [{"label": "deputies", "features": ["U_名", "L1_代", "L1_表", f"L2_x{i % 3}"]} for i in range(12)]
    items = [{"label": "proposals_received", "features": ["U_件", "L1_建", "L1_议", f"L2_x{i % 3}"]} for i in range(12)]
    dates = [{"label": NONE, "features": ["U_年", "L1_于"]} for _ in range(6)]
    return people + items + dates


def test_training_learns_the_rows_and_writes_the_same_file_every_time(tmp_path):
    pytest.importorskip("sklearn")
    model = train(_rows(), trained_on="three kinds of number")
    assert set(model.classes) == {"deputies", "proposals_received", NONE}
    guess = lambda feats: max(model.probabilities(feats).items(), key=lambda kv: kv[1])[0]  # noqa: E731
    assert guess(["U_名", "L1_代"]) == "deputies" and guess(["U_件", "L1_建"]) == "proposals_received"
    assert guess(["U_年", "L1_于"]) == NONE
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    write_model(model, a)
    write_model(train(_rows(), trained_on="three kinds of number"), b)
    assert a.read_bytes() == b.read_bytes()
    assert CodeModel.from_dict(json.loads(a.read_text(encoding="utf-8"))) == model


def test_training_refuses_what_it_cannot_learn_from():
    pytest.importorskip("sklearn")
    with pytest.raises(InvalidArgumentError, match="no numbers"):
        train([])
    with pytest.raises(InvalidArgumentError, match="one label"):
        train([r for r in _rows() if r["label"] == "deputies"])


def test_a_retrained_model_in_a_user_lexicon_replaces_the_shipped_one(tmp_path):
    pytest.importorskip("sklearn")
    folder = _corpus_dir(tmp_path / "c")
    lexicon = tmp_path / "lex"
    lexicon.mkdir()
    always = CodeModel(classes=("other", NONE), intercept=(9.0, 0.0), features=("U_件",), weights=((0.0, 0.0),),
                       threshold=0.5)
    write_model(always, lexicon / "code_model.json")
    q = cl.load_corpus(folder, lexicon=lexicon).quantities()
    q = q[q["kind"].isin(COUNTABLE_KINDS)]  # (a date or an ordinal is never re-coded)
    rates = q["indicator"].isin(RATE_CODES)  # (nor a named rate: its rate word codes it)
    assert rates.any() and (q.loc[rates, "coded_by"] == "rules").all()
    assert set(q.loc[~rates, "indicator"]) == {"other"} and all(b.startswith("model") for b in q.loc[~rates, "coded_by"])
    (lexicon / "code_model.json").write_text('{"replace": true}', encoding="utf-8")
    assert set(cl.load_corpus(folder, lexicon=lexicon).quantities()["coded_by"]) == {"rules"}


def test_a_model_file_may_be_gzip_compressed_and_a_broken_one_is_named(tmp_path):
    """The shipped weights are code_model.json.gz; a user's compressed file overrides them like a
    plain one, and a file that is not gzip is refused with its name, not a traceback."""
    import gzip

    from congress_lib.errors import LexiconError

    assert CodeModel.from_lexicon(LEX).features  # (the shipped, compressed model loads)
    folder = _corpus_dir(tmp_path / "c")
    lexicon = tmp_path / "lex"
    lexicon.mkdir()
    (lexicon / "code_model.json.gz").write_bytes(gzip.compress(b'{"replace": true}'))
    assert set(cl.load_corpus(folder, lexicon=lexicon).quantities()["coded_by"]) == {"rules"}
    (lexicon / "code_model.json.gz").write_bytes(b'{"replace": true}')
    with pytest.raises(LexiconError, match="code_model.json.gz is not gzip"):
        load_lexicon(lexicon)


def test_the_command_line_trains_and_runs_the_plain_mode(tmp_path):
    pytest.importorskip("sklearn")
    folder = _corpus_dir(tmp_path / "c")
    gold = tmp_path / "gold"
    gold.mkdir()
    text = REPORT
    indicators = [{"unit": "某某区", "surface": s, "value": v, "value_high": None, "unit_word": u, "approx": False,
                   "indicator": code, "sentence": text[text.index(s) - 8:text.index(s) + len(s)]}
                  for s, v, u, code in [("86件", 86, "件", "proposals_received"), ("80件", 80, "件", "proposals_resolved"),
                                        ("430人次", 430, "人次", "constituent_contacts"), ("9个", 9, "个", "stations")]]
    (gold / "r1.json").write_text(json.dumps({"doc_id": "r1", "coder": "test", "indicators": indicators,
                                              "non_indicators": [], "mentions": []}, ensure_ascii=False),
                                  encoding="utf-8")
    out = tmp_path / "model.json"
    run = lambda *a: subprocess.run([sys.executable, "-m", "congress_lib", *a], capture_output=True, text=True)  # noqa: E731
    done = run("train-coder", "--set", str(folder), str(gold), "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert CodeModel.from_dict(json.loads(out.read_text(encoding="utf-8"))).trained_on.startswith("1 hand-coded set")
    bad = run("train-coder", "--set", str(folder), str(gold), "--out", str(out), "--C", "0")
    assert bad.returncode == 1 and bad.stderr.count("\n") == 1 and "--C" in bad.stderr
    built = run("build", str(folder), "--out", str(tmp_path / "out"), "--rules-only")
    assert built.returncode == 0, built.stderr
    import pandas as pd

    q = pd.read_csv(tmp_path / "out" / "quantities.csv")
    assert set(q["coded_by"]) == {"rules"}


def test_rules_only_is_a_verb_of_the_package():
    assert cl.rules_only is learned.rules_only


def _coded_by_an_always_other_model(tmp_path, text):
    """The quantities of one report ``text`` under a model that calls every number `other`."""
    folder = tmp_path / "c"
    (folder / "reports").mkdir(parents=True)
    (folder / "reports" / "r1.txt").write_text(text, encoding="utf-8")
    lexicon = tmp_path / "lex"
    lexicon.mkdir()
    always = CodeModel(classes=("other", NONE), intercept=(9.0, 0.0), features=("U_件",), weights=((0.0, 0.0),),
                       threshold=0.5)
    write_model(always, lexicon / "code_model.json")
    return cl.load_corpus(folder, lexicon=lexicon).quantities().set_index("surface")


def test_the_model_never_makes_an_indicator_of_a_date_an_ordinal_or_a_duration(tmp_path):
    """A model that calls every number `other` still leaves the kinds no indicator can be (the
    first inquiry, 第一次专题询问会; a date; days of duty) to the rules, which code none of them."""
    q = _coded_by_an_always_other_model(tmp_path, "5月8日，区人大常委会召开第一次专题询问会，代表全年履职23天，收到建议12件。")
    assert q.loc["12件", "indicator"] == "other" and q.loc["12件", "coded_by"].startswith("model")
    for surface in ("5月", "8日", "第一次", "23天"):
        assert pd.isna(q.loc[surface, "indicator"]) and q.loc[surface, "coded_by"] == "rules", surface


def test_the_model_leaves_a_named_rate_to_its_rate_word(tmp_path):
    """A model that calls every number `other` still leaves 满意度达到95%以上 a satisfaction rate."""
    q = _coded_by_an_always_other_model(tmp_path, "述职评议中，满意度达到95%以上，收到建议12件。")
    assert (q.loc["95%以上", "indicator"], q.loc["95%以上", "coded_by"]) == ("satisfaction_rate", "rules")
    assert q.loc["12件", "indicator"] == "other"
