"""Fast-path machinery: the gates, prefix tables and character tests that let the
extractors skip text where a rule cannot match.

Nothing here knows the domain. Each helper answers exactly what a plain definition
would (a regex search, a scan of a word list) and is only faster; every extractor
built with ``shortcuts=False`` (e.g. ``MentionFinder.from_lexicon(lex,
shortcuts=False)``) uses none of them, and the equivalence tests compare the two.
The rules themselves live in the extractor modules (:mod:`~congress_lib.quantities`,
:mod:`~congress_lib.indicators`, :mod:`~congress_lib.mentions`,
:mod:`~congress_lib.practices`, :mod:`~congress_lib.network`).
"""

from __future__ import annotations


# --- word gates and lookaheads (used by the mention finder) -------------------------------


# --- scanning numbers and cues (used by the quantity finder, the indicator classifier and the cue finders) ---
