"""The README's tour of the Python API runs as it is written, outputs included."""

from __future__ import annotations

import doctest
import os
import re

from conftest import ROOT


def _tour() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## A tour of the Python API", 1)[1]
    return section.split("```pycon", 1)[1].split("```", 1)[0]


def test_the_readme_tour_runs_and_prints_what_it_shows(monkeypatch):
    monkeypatch.chdir(ROOT)  # the tour loads "corpus" relative to the project folder
    parser = doctest.DocTestParser()
    test = parser.get_doctest(_tour(), {}, "README tour", str(ROOT / "README.md"), 0)
    assert len(test.examples) >= 15
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    out: list[str] = []
    runner.run(test, out=out.append)
    assert runner.failures == 0, "".join(out)


def test_every_command_the_readme_names_exists():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("run", "test", "lab", "notebooks", "report"):
        assert f"make {target}" in readme and f"\n{target}:" in makefile, target
    for path in ("docs/codebook.md", "docs/performance.md", "figures/README.md", "corpus/README.md",
                 "jupyter/jupyter_server_config.py", "benchmarks/bench_build.py", "benchmarks/bench_adversarial.py",
                 "docs/cluster.md", "benchmarks/bench_cluster.py", "docs/scale.md", "benchmarks/scale_figures.py",
                 "benchmarks/report_screenshots.py", "docs/report_index.png", "docs/report_tables.png"):
        assert path in readme and os.path.exists(ROOT / path), path
    for image in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", readme):  # every image the README shows is in the repository
        assert (ROOT / image).is_file(), image


def test_the_scale_page_shows_files_that_exist():
    text = (ROOT / "docs" / "scale.md").read_text(encoding="utf-8")
    images = re.findall(r"!\[([^\]]*)\]\(([^)]+)\)", text)
    assert len([path for _, path in images if path.startswith("scale/")]) >= 4
    for alt, path in images:
        assert (ROOT / "docs" / path).is_file(), path
        if path.startswith("scale/"):
            assert alt.startswith("SYNTHETIC"), alt
    assert "benchmarks/scale_figures.py" in text


def _out_of_sample_rows(text):
    return {line.split("|")[1].strip(): line for line in text.splitlines()
            if line.startswith(("| held-out", "| fresh set", "| inter-coder", "| development set"))
            or re.match(r"\| set [A-Z] ", line)}


def test_the_out_of_sample_tables_are_the_recorded_data():
    """docs/validation.md lists every set of corpus/annotations/out_of_sample.csv, the README the
    latest blind set, each row with the recorded figures."""
    import pandas as pd

    data = pd.read_csv(ROOT / "corpus" / "annotations" / "out_of_sample.csv")
    history = _out_of_sample_rows((ROOT / "docs" / "validation.md").read_text(encoding="utf-8"))
    readme = _out_of_sample_rows((ROOT / "README.md").read_text(encoding="utf-8"))
    assert sorted(history) == sorted(data["set"].unique())
    assert readme and set(readme) <= set(history)
    assert any(name.endswith("(final)") for name in readme) and any(name.startswith("inter-coder") for name in readme)
    for name, group in data.groupby("set"):
        f1 = {(t, c): v for t, c, v in zip(group["table"], group["category"], group["f1"])}
        expected = (f"| {f1['indicators', 'all']:.2f} | {f1['quantities', 'all']:.2f} | {f1['mentions', 'all']:.2f} "
                    f"({f1['mentions', 'deputy']:.2f} / {f1['mentions', 'station']:.2f} / "
                    f"{f1['mentions', 'agency']:.2f} / {f1['mentions', 'congress']:.2f}) |")
        for rows in (history, readme):
            if name in rows:
                assert rows[name].endswith(expected), (name, rows[name])
                assert str(group["pages"].iloc[0]) in rows[name]


def test_architecture_section_names_every_module_and_only_real_ones():
    """The README's picture of the flow stays the code's: each module of the package is in it."""
    import re

    root = ROOT
    text = (root / "README.md").read_text(encoding="utf-8")
    section = text.split("## Architecture", 1)[1].split("\n## ", 1)[0]
    package = root / "congress_lib"
    modules = {p.stem for p in package.glob("*.py") if not p.stem.startswith("__")}
    network = {p.stem for p in (package / "network").glob("*.py") if not p.stem.startswith("__")}
    # file.py or module.Component, outside the tests/ and the lock named in it
    named = set(re.findall(r"(?<![/\w])([a-z_]+)\.(?:py\b|[A-Z])", section)) - {"output_lock", "test_output_lock"}
    assert modules <= named, sorted(modules - named)
    assert named <= modules | {"network"}, sorted(named - modules)
    assert "network/" in section and all(re.search(rf"\b{m}\b", section) for m in network), sorted(network)
    for folder in re.findall(r"^\| `([a-z_/]+)/` \|", section, re.M):
        assert (root / folder).is_dir(), folder


def test_the_adjudication_record_adds_up_and_the_readme_quotes_it():
    """corpus/annotations/adjudication.csv: each disagreement was upheld one way or neither, each F1
    is its counts' F1, and the README's figures are the recorded ones."""
    import pandas as pd

    data = pd.read_csv(ROOT / "corpus" / "annotations" / "adjudication.csv")
    assert (data["gold_upheld"] + data["extractor_upheld"] + data["neither"] == data["disagreements"]).all()
    for suffix in ("", "_adjudicated"):
        tp, fp, fn = (data[f"{k}{suffix}"] for k in ("tp", "fp", "fn"))
        assert ((2 * tp / (2 * tp + fp + fn)).round(4) == data[f"f1{suffix}"]).all()
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    total = data[["disagreements", "gold_upheld", "extractor_upheld"]].sum()
    assert f"adjudicated the {total['disagreements']} numbers" in text
    assert f"the gold was upheld {total['gold_upheld']} times, the extractor {total['extractor_upheld']}" in text
    from congress_lib.analysis import HONEST_SET

    honest = HONEST_SET.split(" (")[0]  # the honest set's adjudicated score is quoted by name
    assert f"{honest} scores {data.set_index('set').loc[HONEST_SET, 'f1_adjudicated']:.3f}" in text
