"""Emergency access (break-glass): the dialog, and the flow from request to grant (reason,
PIN, lookup on the server, audited grant); opened from the main window's Go menu."""
