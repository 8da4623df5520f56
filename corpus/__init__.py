"""The documents the assistant knows and how to read them.

This package imports nothing from the rest of the project: past reports, the registry of legal
documents, digests of the main regulations, loaders for user files and structure-aware chunking.
"""
