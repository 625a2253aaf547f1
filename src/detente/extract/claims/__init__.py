"""Claims: who demands, proposes, rejects, accepts or assesses what, on which issue, on whose
authority and how hedged, and where it places the party on the issue's scale.

``finder`` reads each sentence with the rules (``stance`` words, ``holders``, ``issues`` from the
codebook's cues, ``provenance``, ``hedging``, ``positions``) and joins them to the learned
``model`` (JSON coefficients in ``models/``), which checks, relabels and completes them. The word
lists are data in ``cues``. The room stands only on mentions (who speaks, for which side);
no room below it imports it.
"""
