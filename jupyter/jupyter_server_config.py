"""Jupyter server settings of ``make lab`` (JupyterLab on the notebooks/ folder).

``make lab`` (``python -m congress_lib.notebooks lab notebooks``) puts this folder in
front of ``JUPYTER_CONFIG_PATH``. These settings therefore add to the user's own
Jupyter configuration (~/.jupyter), which keeps precedence, and apply to nothing but
``make lab``: nothing is installed or changed outside the repository.

Every notebook is a jupytext pair: ``NN_name.py``, the source, and ``NN_name.ipynb``,
built from it, with its outputs; the notebook's metadata
(``"jupytext": {"formats": "ipynb,py:percent"}``) pairs them. Opening
``NN_name.ipynb`` reads the cells from the ``.py`` and the outputs from the
``.ipynb``; saving it writes both files.
"""

c = get_config()  # noqa: F821 (provided by Jupyter when it loads this file)

# List each notebook once: hide the sources from the file browser (the default hidden
# names stay hidden). Only the listing changes: jupytext still reads and writes the .py
# of a pair, and a source can still be opened by its path (File > Open from Path...).
# Same pattern as the notebook runner's (congress_lib.notebooks.SOURCE_GLOB).
c.ContentsManager.hide_globs.append("[0-9][0-9]_*.py")

# Jupytext writes the .py of a pair without a YAML header of notebook metadata, as the
# sources are kept (the pairing and the kernel are recorded in the .ipynb): a save in
# JupyterLab changes a source only where its cells changed. Jupytext then also compares
# like with like when a .ipynb is newer than its .py (a `git pull` that brought new
# outputs only): same cells, the notebook opens; other cells, it still refuses.
# JupytextConfiguration is the section of jupytext's contents manager (so the server does
# not warn about an option its default contents manager lacks); a jupytext.toml in the
# notebook folder, or a global one, would take precedence.
c.JupytextConfiguration.notebook_metadata_filter = "-all"
