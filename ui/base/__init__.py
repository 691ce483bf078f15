"""What every screen uses: the task manager (``DbOp``), style and words, record table
models, idle lock, drafts, re-authentication, error texts, the GUI-thread collector."""
