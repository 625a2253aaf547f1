"""Who is who: people, parties, roles, pronouns, anonymous sources (the ground floor of extract).

``people`` indexes the article's people once (names, roles, every mention of each), over the
name runs and noun phrases that ``phrases`` reads off the parse; ``actors`` turns a phrase into
a quote's ``Speaker`` (pronouns, titles, bodies, unnamed sources), ``parties.resolve`` turns a
token into the parties it speaks for, both over that one index and the one word list module
``vocabulary``. Nothing here imports quotes, claims, events or places.
"""
