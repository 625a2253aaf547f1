"""Quotes: quotation marks, direct, mixed and indirect quotes and their speakers."""
