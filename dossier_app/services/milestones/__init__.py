"""Milestone plans held against the legal clocks, and the working-day calendar."""
