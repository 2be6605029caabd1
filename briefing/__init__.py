"""Briefing: an offline desktop workbench for people who prepare diplomatic meetings."""

__version__ = "0.1.0"
