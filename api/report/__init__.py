"""The traffic report: read logged LLM calls, classify what is not yet classified, chart the mix.

``promptprism report`` (api/cli.py) and the live dashboard (api/dashboard.py)
share every step, so their numbers and charts never drift apart:

- :mod:`api.report.logs` reads log records of every accepted shape into one row type;
- :mod:`api.report.analysis` aggregates the rows into the report's tables and findings;
- :mod:`api.report.charts` turns the tables into Vega-Lite chart specs (Altair);
- :mod:`api.report.render` assembles the payload, the offline HTML file and the PNG/SVG/CSV exports.
"""
