"""Search that finds what a nurse means (the words, not the SQL: that is in app.store.search).

- ``text``: folding, other spellings (ü/ue), sound-alike codes, typo keys, digit runs
- ``vocabulary``: words for relationships, roles, destinations in every language
- ``facts``: what of a patient is searchable, each fact with its strength and wording
- ``query``: what the nurse typed, read as words, dates, ages and number fragments
"""
