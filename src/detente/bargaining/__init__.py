"""Spatial bargaining models as pure functions over numpy arrays.

inputs.py (the validated record) → a model (compromise.py, nash.py, zopa.py,
expected_utility.py, smp.py) → results.py (ModelResult); registry.py picks models by name,
montecarlo.py runs them over uncertain inputs, io.py reads files, chart.py draws, scoring.py
measures accuracy. No module here prints or writes files except io.py, which only reads.
"""
