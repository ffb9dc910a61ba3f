"""Plainview: see what a platform knows about you, encrypted on your own machine."""

__version__ = "0.1.0"
APP_ID = "org.plainview.Plainview"
APP_NAME = "Plainview"
