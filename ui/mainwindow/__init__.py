"""The main window: ward list, search results, patient view with its tabs, menus and status bar."""
