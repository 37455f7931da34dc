"""Corroboration: how many sources, and how many independent sources, report each event.

Sources are independent of each other unless one translates, reposts or closely follows the
other's outlet: the independence group of a source is its original_outlet, else its outlet,
else the source itself (an unknown outlet is counted as its own group).
"""

from __future__ import annotations

import polars as pl


def independence_groups(sources: pl.DataFrame) -> pl.DataFrame:
    """source_id -> independence_group (original_outlet, else outlet, else the source itself)."""
    return sources.select(
        pl.col("source_id").cast(pl.String),
        pl.coalesce("original_outlet", "outlet", "source_id").cast(pl.String).alias("independence_group"),
    )


def corroboration(events: pl.DataFrame, event_sources: pl.DataFrame, sources: pl.DataFrame) -> pl.DataFrame:
    """One row per event: n_sources, n_independent_sources and the ids behind them."""
    links = event_sources.select("event_id", "source_id").unique().join(independence_groups(sources), on="source_id", how="left")
    per_event = links.group_by("event_id").agg(
        pl.col("source_id").n_unique().alias("n_sources"),
        pl.col("independence_group").n_unique().alias("n_independent_sources"),
        pl.col("source_id").unique().sort().alias("source_ids"),
        pl.col("independence_group").unique().sort().alias("independence_groups"),
    )
    return (
        events.select("event_id")
        .join(per_event, on="event_id", how="left")
        .with_columns(pl.col("n_sources", "n_independent_sources").fill_null(0).cast(pl.UInt32))
        .sort("event_id")
    )
