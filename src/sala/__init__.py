"""Sala: consultations on draft laws for civil-society coalitions."""
