"""Who is who: people, parties, roles, pronouns, anonymous sources (the ground floor of extract).

``actors`` indexes the article's people once (names, roles, coreference); ``resolve_mention``
turns a phrase into a quote's ``Speaker``, ``parties.resolve`` turns a token into the parties
it speaks for, both over that one index and the one word list module ``vocabulary``.
Nothing here imports quotes, claims, events or places.
"""
