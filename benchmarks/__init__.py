"""Benchmarks: synthetic corpora and the harnesses that time ingest and extraction."""
