"""Interview mode: the admission interview, one keyboard-first flow through a patient's open
questions (never asked, or due for re-confirmation), each answer saved as it is given."""
