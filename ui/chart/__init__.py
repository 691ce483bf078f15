"""One patient's chart: the Ask-once question board, answers, home medications,
home-care contacts, history."""
