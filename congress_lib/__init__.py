"""congress_lib: an instrument for reading Chinese local people's congress reports.

>>> import congress_lib as cl
>>> corpus = cl.load_corpus("corpus")          # doctest: +SKIP

The public verbs are listed in ``__all__``. Heavy modules (networkx, matplotlib)
are imported only when their verbs are first used, so importing the package does
no work and prints nothing.
"""

from importlib import import_module

from .corpus import Corpus, load_corpus
from .errors import (
    AnnotationError,
    ClusterError,
    CongressLibError,
    CorpusNotFoundError,
    FontError,
    InvalidArgumentError,
    LexiconError,
)
from .jurisdiction import Jurisdiction
from .resources import Lexicon, load_lexicon
from .schema import OUTPUT_TABLES
from .version import __version__


__all__ = [
    "__version__",
    "load_corpus", "Corpus", "OUTPUT_TABLES", "load_lexicon", "Lexicon", "Jurisdiction",
    "network_edges", "edge_evidence", "network_nodes", "build_network", "projection_edges", "node_metrics", "jurisdiction_summary",
    "project", "write_network", "draw_network",
    "evaluate", "agreement", "load_annotations",
    "use_cjk_font", "save_figure", "rules_only",
    "CongressLibError", "CorpusNotFoundError", "InvalidArgumentError", "LexiconError", "AnnotationError",
    "FontError", "ClusterError",
]

_LAZY = {
    "network_edges": "network", "edge_evidence": "network", "network_nodes": "network",
    "build_network": "network", "projection_edges": "network",
    "node_metrics": "network", "jurisdiction_summary": "network", "project": "network",
    "write_network": "network", "draw_network": "network",
    "evaluate": "evaluate", "agreement": "evaluate", "load_annotations": "evaluate",
    "use_cjk_font": "plotting", "save_figure": "plotting",
    "rules_only": "learned",
}


def __getattr__(name):
    if name in _LAZY:
        module = import_module(f".{_LAZY[name]}", __name__)
        # every verb of that module at once: importing a submodule binds its name in this
        # package (congress_lib.evaluate, the module), which must not hide the verb evaluate
        for verb, home in _LAZY.items():
            if home == _LAZY[name]:
                globals()[verb] = getattr(module, verb)
        return globals()[name]
    raise AttributeError(f"module 'congress_lib' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(__all__))
