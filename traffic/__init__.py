"""Recorded LLM calls: the event store, log readers, aggregation and the traffic report.

Nothing here knows about HTTP: the service (:mod:`api`) and the CLI
(:mod:`promptprism.cli`) both call into this package, so their numbers and
charts never drift apart.

- :mod:`traffic.store` records classified calls (SQLAlchemy; SQLite or PostgreSQL) and aggregates them;
- :mod:`traffic.timeutil` holds the time buckets and window checks every reader shares;
- :mod:`traffic.logs` reads log records of every accepted shape into one row type;
- :mod:`traffic.analysis` aggregates rows into the report's tables and findings;
- :mod:`traffic.charts` turns the tables into Vega-Lite chart specs (Altair);
- :mod:`traffic.report` assembles the payload, the offline HTML file and the PNG/SVG/CSV exports.
"""
