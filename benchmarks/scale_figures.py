"""The notebooks at scale: a report on a SYNTHETIC corpus, and a few of its figures for docs/scale.md.

Makes a synthetic corpus of ``--docs`` reports (the texts of ``bench_build.make_corpus``:
sentences of the bundled reports recombined, numbers varied, fixed seed) with a
``metadata.csv`` that gives each report a date (2013-2024, about one in ten undated), a
genre and a place: a county or a prefecture drawn from the administrative-division
table of ``congress_lib.places`` (provinces weighted unevenly, as real collections are).
Then it runs ``congress-lib report`` on it (timed) and copies the figures named in
:data:`FIGURES` to ``docs/scale/``, each with a banner that says SYNTHETIC and how many
reports it shows. Nothing of the synthetic corpus is real: its figures show how the
notebooks read at scale, never a finding.

    nice python benchmarks/scale_figures.py --docs 2000 --work /tmp/scale
    python benchmarks/scale_figures.py --work /tmp/scale --figures-only   # banner again, no rerun

``--work`` keeps the corpus (``WORK/corpus``) and the report (``WORK/report``).
"""

from __future__ import annotations

import argparse
import csv
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

#: The figures shown in docs/scale.md (stems of the report's figures/): every figure of
#: notebooks 01-05 (notebook 06 draws the project's recorded scores, the same at any size).
FIGURES = ("01_unit_lengths", "01_formula_share", "01_province_tiles",
           "02_distinctive_terms", "02_platforms_by_year",
           "03_indicator_coverage", "03_rates", "03_stations",
           "04_network", "04_network_jurisdiction", "04_relations", "04_jurisdiction_sizes",
           "05_practices_by_unit", "05_practice_cooccurrence", "05_practices_by_year")
GENRES = ("news", "review", "speech", "roundup")


def _places(rng: random.Random) -> list[tuple[str, str, str]]:
    """(province, prefecture, county) of every county of the division table; county '' for prefectures."""
    from congress_lib import places

    entries = places._table()[0]
    rows = []
    for code, entry in sorted(entries.items()):
        if entry.level == "province":
            continue
        prov, pref, county = places._names(code)
        if prov and not prov.endswith("特别行政区") and prov != "台湾省":  # (the mainland's congresses)
            rows.append((prov, pref or (entry.name if entry.level == "prefecture" else ""),
                         county if entry.level == "county" else ""))
    return rows


def make_scale_corpus(folder: Path, n_docs: int, seed: int = 7) -> int:
    """A synthetic corpus in ``folder`` (``reports/`` + ``metadata.csv``); returns its bytes."""
    from bench_build import make_corpus

    total = make_corpus(folder / "reports", n_docs, seed=seed)
    rng = random.Random(seed + 1)
    rows = _places(rng)
    provinces = sorted({r[0] for r in rows})
    weight = {p: 1.0 / (1 + i) ** 0.8 for i, p in enumerate(rng.sample(provinces, len(provinces)))}
    by_province = {p: [r for r in rows if r[0] == p] for p in provinces}
    years = list(range(2013, 2025))
    year_weight = [1 + i for i in range(len(years))]  # more reports in later years
    with open(folder / "metadata.csv", "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(["doc_id", "title", "date", "province", "city", "district", "genre", "notes"])
        for path in sorted((folder / "reports").glob("*.txt")):
            province = rng.choices(provinces, [weight[p] for p in provinces])[0]
            prov, city, county = rng.choice(by_province[province])
            date = "" if rng.random() < 0.1 else (
                f"{rng.choices(years, year_weight)[0]}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
            out.writerow([path.stem, f"SYNTHETIC report {path.stem}", date, prov, city, county,
                          rng.choice(GENRES), "SYNTHETIC: recombined sentences of the bundled reports"])
    return total


def banner(src: Path, dst: Path, text: str) -> None:
    """Copy the PNG ``src`` to ``dst`` with a red banner above it that reads ``text``."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from congress_lib.plotting import apply_style, save_figure

    apply_style()
    image = plt.imread(src)
    height, width = image.shape[:2]
    dpi = 150
    band = 0.35  # inches
    fig = plt.figure(figsize=(width / dpi, height / dpi + band), dpi=dpi)
    ax = fig.add_axes([0, 0, 1, height / dpi / (height / dpi + band)])
    ax.imshow(image, interpolation="none")
    ax.axis("off")
    fig.text(0.5, 1 - band / 2 / (height / dpi + band), text, ha="center", va="center", color="white",
             fontsize=10, bbox={"facecolor": "#B2182B", "edgecolor": "none", "pad": 4})
    save_figure(fig, dst.stem, folder=dst.parent, formats=("png",))
    plt.close(fig)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--work", required=True, help="folder for the synthetic corpus and its report")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--figures-only", action="store_true", help="reuse WORK/report; only copy the figures")
    parser.add_argument("--dest", default=str(ROOT / "docs" / "scale"), help="where the labelled figures go")
    args = parser.parse_args()
    work = Path(args.work).resolve()
    corpus, report = work / "corpus", work / "report"
    if not args.figures_only:
        if not (corpus / "metadata.csv").is_file():
            t0 = time.perf_counter()
            size = make_scale_corpus(corpus, args.docs, args.seed)
            print(f"synthetic corpus: {args.docs:,} reports, {size / 1e6:.1f} MB, {time.perf_counter() - t0:.1f} s")
        t0 = time.perf_counter()
        code = subprocess.call([sys.executable, "-m", "congress_lib", "report", str(corpus), "--out", str(report),
                                "--no-progress"])
        print(f"congress-lib report: {time.perf_counter() - t0:.1f} s (exit code {code})")
    n = sum(1 for _ in (corpus / "reports").glob("*.txt"))
    dest = Path(args.dest)
    dest.mkdir(parents=True, exist_ok=True)
    for stem in FIGURES:
        src = report / "figures" / f"{stem}.png"
        if src.is_file():
            banner(src, dest / f"{stem}.png", f"SYNTHETIC corpus of {n:,} recombined reports: not real data")
            print(f"wrote {dest / (stem + '.png')}")
        else:
            print(f"missing: {src}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
