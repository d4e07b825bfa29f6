"""Drawing the network (congress_lib.network.drawing): Chinese labels, fixed pictures, no plotting import
in graph code."""

from __future__ import annotations

import subprocess
import sys
import warnings

import pytest

import congress_lib as cl
from conftest import CORPUS
from network_cases import generic_corpus


def _glyph_warnings(records):
    return [r for r in records if "missing from font" in str(r.message) or "Glyph" in str(r.message)]


@pytest.mark.parametrize("layout", ["spring", "columns"])
def test_draw_network_with_chinese_labels(tmp_path, layout, caplog):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from congress_lib.plotting import save_figure

    G = cl.build_network(generic_corpus())
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        figs = [cl.draw_network(G, n_labels=3, layout=layout, title="网络") for _ in range(2)]
        paths = [save_figure(f, f"net{i}", tmp_path, formats=("png",))[0] for i, f in enumerate(figs)]
    assert not _glyph_warnings(caught)
    assert not [r for r in caplog.records if "findfont" in r.getMessage() or "Glyph" in r.getMessage()]
    assert paths[0].read_bytes() == paths[1].read_bytes()  # fixed seed, fixed order
    ax = figs[0].axes[0]
    labels = sorted(t.get_text() for t in ax.texts)
    assert len(labels) == 3 and "某县人大代表" in labels
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["deputy (2)", "station (2)", "agency (1)",
                                                                   "congress (1)"]
    for f in figs:
        plt.close(f)
    with pytest.raises(cl.InvalidArgumentError):
        cl.draw_network(G, layout="circle")


def test_network_module_does_not_import_plotting():
    code = ("import sys, congress_lib.network as n, congress_lib as cl; "
            "print(any(m.startswith(('matplotlib', 'congress_lib.plotting')) for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_drawing_does_not_depend_on_the_hash_seed(tmp_path):
    """Set and subgraph-view iteration follow PYTHONHASHSEED; the picture must not."""
    import os
    import subprocess
    import sys

    script = (
        "import congress_lib as cl, sys\n"
        "c = cl.load_corpus(sys.argv[1])\n"
        "fig = cl.draw_network(cl.build_network(c, jurisdiction='相山区'))\n"
        "cl.save_figure(fig, 'net', folder=sys.argv[2], formats=('svg',))\n"
    )
    corpus_dir = str(CORPUS)
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        env = dict(os.environ, PYTHONHASHSEED=seed, MPLBACKEND="Agg")
        subprocess.run([sys.executable, "-c", script, corpus_dir, str(out)], check=True, env=env, timeout=300)
        outs.append((out / "net.svg").read_bytes())
    assert outs[0] == outs[1]
