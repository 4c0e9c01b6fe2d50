"""Benchmarks: each module measures the app side by side with a baseline in one run."""
