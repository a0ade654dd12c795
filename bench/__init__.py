"""Benchmarks: measure, print tables, never assert. Run with ``make bench``."""
