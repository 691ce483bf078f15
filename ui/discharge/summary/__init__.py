"""The discharge summary: the document, page breaks, printing and PDF export behind
re-authentication."""
