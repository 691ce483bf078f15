"""The sections of the Discharge tab, one widget each: plan header, checklist, medication
reconciliation, home-care contacts, follow-up. ``ui.discharge.tab`` composes them."""
