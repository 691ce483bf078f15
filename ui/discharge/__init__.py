"""Discharge planning: the readiness board across the unit, the Discharge tab with its
sections and dialogs, the printed summary."""
