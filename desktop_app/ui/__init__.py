"""The PySide6 window: pages and dialogs that call services, never the ORM."""
