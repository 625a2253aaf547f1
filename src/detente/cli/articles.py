"""ingest, extract, quotes, report, demo. (To be built.)"""
