"""Briefing Builder: prepare embassy meetings on 5G vendor security."""

__version__ = "0.1.0"
