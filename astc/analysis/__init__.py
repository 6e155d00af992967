"""Analyses over Python's ``ast``: scopes and bindings, module facts, function facts.

Analyses only read; the passes in :mod:`astc.passes` use their results to decide what
may be rewritten.
"""
