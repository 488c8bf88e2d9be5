"""The main window (mainwindow) and the controllers it wires: files, recovery, editing,
weeks, foods and export, with its actions and menus (actions) and the bars around the
grid (bars)."""
