"""Lexicons: the domain knowledge of congress_lib, held as data files.

Every piece of domain knowledge (page-furniture patterns, station brands, agency
aliases, indicator cue words, political formulas, practice cue phrases, the jieba
user dictionary) lives in ``congress_lib/lexicon/`` as a YAML file with a comment
header that explains its format. Code holds mechanisms only.

A researcher extends or overrides the shipped lexicons by passing a folder of
YAML files with the same names (``load_corpus(path, lexicon="my_lexicon/")``):

* lists are **extended** (new items appended after the shipped ones);
* mappings are merged key by key, recursively;
* a top-level key ``replace: true`` in a user file replaces the shipped file
  instead of merging into it.

Files are read with YAML's safe loader only (``yaml.CSafeLoader``, else ``yaml.SafeLoader``).
A lexicon that is a table of numbers rather than words (the learned coder's weights,
``code_model.json``) is a JSON file, read with :mod:`json` (fast for megabytes of
numbers); the shipped one is gzip-compressed (``code_model.json.gz``, read through
:mod:`gzip`). It is overridden the same way, by a user file of the same stem
(``code_model.json`` or ``code_model.json.gz``).
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Callable, Mapping
from importlib import resources
from pathlib import Path
from threading import RLock
from typing import Any

import yaml

from .errors import InvalidArgumentError, LexiconError

__all__ = ["Lexicon", "load_lexicon"]

_PACKAGE_DIR = "lexicon"


def _merge(base: Any, extra: Any) -> Any:
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for key, value in extra.items():
            out[key] = _merge(base[key], value) if key in base else value
        return out
    if isinstance(base, list) and isinstance(extra, list):
        return base + [item for item in extra if item not in base]
    return extra


#: The safe loader, in C (libyaml, shipped in PyYAML's wheels) when available: the same
#: documents and types as ``yaml.safe_load``, about eight times faster.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _UniqueKeyLoader(_SAFE_LOADER):
    """The safe loader that refuses a mapping with the same key twice: YAML would keep the
    last one silently, so a word added twice (two edits of one file) hid the first."""


def _unique_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: set[str] = set()
    for key_node, _ in node.value:
        if isinstance(key_node, yaml.ScalarNode):
            if key_node.value in seen:
                raise yaml.constructor.ConstructorError(
                    "while reading a mapping", node.start_mark, f"the key {key_node.value!r} appears twice",
                    key_node.start_mark,
                )
            seen.add(key_node.value)
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _unique_mapping)


def _read_yaml(text: str, where: str) -> Any:
    try:
        data = yaml.load(text, Loader=_UniqueKeyLoader)  # safe: no Python objects are constructed
    except yaml.YAMLError as exc:  # pragma: no cover - message test covers it
        raise LexiconError(f"{where} is not valid YAML ({exc}); fix the file or remove it.") from exc
    return {} if data is None else data


def _read(text: str, name: str, where: str) -> Any:
    """A lexicon file's data: JSON for ``*.json``, YAML otherwise (duplicate keys refused in both)."""
    if not name.endswith(".json"):
        return _read_yaml(text, where)

    def unique(pairs):
        keys = [k for k, _ in pairs]
        if len(set(keys)) != len(keys):
            twice = sorted({k for k in keys if keys.count(k) > 1})
            raise LexiconError(f"{where} has the key {twice[0]!r} twice; keep one.")
        return dict(pairs)

    try:
        return json.loads(text, object_pairs_hook=unique)
    except json.JSONDecodeError as exc:
        raise LexiconError(f"{where} is not valid JSON ({exc}); fix the file or remove it.") from exc


_SUFFIXES = (".yaml", ".yml", ".json", ".json.gz")


def _load_file(entry) -> tuple[str, str, Any]:
    """A lexicon file as ``(name, text, data)``: ``name`` its stem (``code_model`` for
    ``code_model.json`` and ``code_model.json.gz``), ``text`` its content (a ``.gz`` file is
    read through gzip: the learned coder's weights ship compressed), ``data`` the parsed
    content. ``entry`` is a :class:`pathlib.Path` or a package resource."""
    plain = entry.name[:-3] if entry.name.endswith(".gz") else entry.name
    if plain == entry.name:
        text = entry.read_text(encoding="utf-8")
    else:
        try:
            text = gzip.decompress(entry.read_bytes()).decode("utf-8")
        except (OSError, EOFError, UnicodeDecodeError) as exc:
            raise LexiconError(f"lexicon file {entry} is not gzip-compressed UTF-8 text ({exc}); "
                               "write it again or remove it.") from None
    return plain.rsplit(".", 1)[0], text, _read(text, plain, f"lexicon file {entry}")


class Lexicon(Mapping):
    """Read-only mapping ``name -> parsed YAML data`` with a content ``version``.

    ``version`` is a hash of every file's content, so caches keyed on it are
    invalidated whenever a lexicon changes.
    """

    def __init__(self, data: dict[str, Any], version: str, sources: tuple[str, ...], extractors: tuple = ()):
        self._data = data
        self.version = version
        self.sources = sources
        #: Extra extractors (:class:`congress_lib.extract.SentenceExtractor`) that run with this lexicon.
        self.extractors = tuple(extractors)

    def __getitem__(self, key: str) -> Any:
        try:
            return self._data[key]
        except KeyError:
            raise LexiconError(
                f"no lexicon named {key!r}; available: {', '.join(sorted(self._data))}"
            ) from None

    def __iter__(self):
        return iter(sorted(self._data))

    def __len__(self) -> int:
        return len(self._data)

    def __repr__(self) -> str:
        return f"<Lexicon {len(self)} files, version {self.version[:12]}>"

    def __reduce__(self):
        return (Lexicon, (self._data, self.version, self.sources, self.extractors))

    def with_extractors(self, extractors) -> Lexicon:
        """This lexicon with extra extractors (:mod:`congress_lib.extract`) that run with it.

        The new ``version`` adds each extractor's identity, so every cache keyed on the
        version (compiled rules, per-document results, build records) tells them apart.
        """
        extractors = tuple(extractors or ())
        if not extractors:
            return self
        names = [e.name for e in (*self.extractors, *extractors)]
        if len(set(names)) != len(names):
            raise InvalidArgumentError(f"two extractors make a table of the same name: {sorted(names)}.")
        digest = hashlib.sha256(self.version.encode())
        for extractor in extractors:
            digest.update(b"\0extractor\0" + extractor.identity().encode("utf-8"))
        return Lexicon(self._data, digest.hexdigest(), self.sources, (*self.extractors, *extractors))


_SHIPPED: Lexicon | None = None


def _shipped() -> Lexicon:
    global _SHIPPED
    if _SHIPPED is None:
        data: dict[str, Any] = {}
        digest = hashlib.sha256()
        folder = resources.files(__package__).joinpath(_PACKAGE_DIR)
        for entry in sorted(folder.iterdir(), key=lambda p: p.name):
            if not entry.name.endswith(_SUFFIXES):
                continue
            name, text, data[name] = _load_file(entry)
            digest.update(entry.name.encode() + b"\0" + text.encode("utf-8"))
        _SHIPPED = Lexicon(data, digest.hexdigest(), ("<shipped>",))
    return _SHIPPED


def load_lexicon(extra: str | Path | Lexicon | None = None) -> Lexicon:
    """Return the shipped lexicons, optionally extended by a user folder.

    Parameters
    ----------
    extra : path to a folder of ``*.yaml`` (and ``*.json``, ``*.json.gz``) files, a :class:`Lexicon`, or None.
    """
    if isinstance(extra, Lexicon):
        return extra
    base = _shipped()
    if extra is None:
        return base
    if not isinstance(extra, (str, Path)):
        raise InvalidArgumentError(
            f"lexicon must be a folder path or None, not {type(extra).__name__}; "
            "pass the path of a folder holding YAML files named like the shipped ones."
        )
    folder = Path(extra)
    if not folder.is_dir():
        raise InvalidArgumentError(
            f"lexicon folder {str(folder)!r} does not exist; pass an existing folder of YAML files."
        )
    data = dict(base._data)
    digest = hashlib.sha256(base.version.encode())
    for path in sorted(p for p in folder.iterdir() if p.name.endswith(_SUFFIXES)):
        name, text, user = _load_file(path)
        digest.update(path.name.encode() + b"\0" + text.encode("utf-8"))
        if isinstance(user, dict) and user.pop("replace", False):
            data[name] = user
        elif name in data:
            data[name] = _merge(data[name], user)
        else:
            data[name] = user
    return Lexicon(data, digest.hexdigest(), base.sources + (str(folder),))


# --- the one compile cache -------------------------------------------------------------

_COMPILED: dict[tuple, Any] = {}
_COMPILED_LOCK = RLock()


def compiled(lexicon: Lexicon, key: str | tuple, build: Callable[[], Any]) -> Any:
    """What ``build()`` compiles from ``lexicon``, made once per process, lexicon version and ``key``.

    Every extractor keeps its compiled form (regexes, prefix tables, gates) here and
    nowhere else: ``key`` names the extractor and its options (e.g.
    ``("mentions", True)`` for the mention finder with its shortcuts on), and the
    lexicon version tells lexicons apart, so a user lexicon never sees the rules of
    another. Thread-safe: two threads asking at once get the same object, built once
    (the lock is re-entrant: a build may ask for what it needs in turn).
    """
    cache_key = (lexicon.version, key)
    got = _COMPILED.get(cache_key)
    if got is None:
        with _COMPILED_LOCK:
            got = _COMPILED.get(cache_key)
            if got is None:
                got = _COMPILED[cache_key] = build()
    return got
