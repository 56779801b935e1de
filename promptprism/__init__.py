"""PromptPrism: what users import and run.

- :mod:`promptprism.cli`: the ``promptprism`` command;
- :mod:`promptprism.settings`: the one settings object (``PROMPTPRISM_*`` variables);
- :mod:`promptprism.client`: a Python client for a running service;
- :mod:`promptprism.integrations`: hooks for the tools LLM traffic flows through.

The model itself is :mod:`classifier` (``from classifier import load_model``).
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("promptprism")
except PackageNotFoundError:  # a source checkout that was never installed
    __version__ = "0.0.0+unknown"
