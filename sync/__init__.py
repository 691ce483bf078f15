"""Talking to the hospital's FHIR R4 server (client, mapping, sync engine, sign-in).

Empty until the sync issue lands; the package exists so the layering contract
(ui -> sync -> app) is checked from day one.
"""
