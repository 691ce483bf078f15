"""Sync on screen: the controller that runs syncs off the GUI thread, the wording of their
status, conflicts and refused changes."""
