"""Dialogs for weeks, templates, rotation rules and the calendar export (hooked into the
menus by the main window)."""
