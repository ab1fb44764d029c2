"""The language model's part of the AI benchmark: its speed, and its tailoring scored."""

from __future__ import annotations


def print_model(quick: bool) -> None:
    print("\nLocal model: not measured (the local provider is not on this branch yet)")


def print_generated() -> None:
    print("\nTailoring by a model: not run (generation is not on this branch yet)")
