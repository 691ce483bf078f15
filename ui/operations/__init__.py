"""The user's intents as operations over the core's services (Anki's ``operations/``):
one call, one transaction, a signal when done."""
