"""Compile-time evaluation: safe operations on literal values, and a step-budgeted evaluator."""
