"""Page generators for the Qantar documentation site.

Everything here reads ``datapackage.json``, ``data/*.csv`` and ``articles/*.txt`` directly (json and
polars), never the ``qantar`` Python package, so the site can be built from a bare checkout.
"""
