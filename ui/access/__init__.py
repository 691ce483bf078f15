"""Emergency access (break-glass): reason, PIN, time limit; opened from the main window."""
