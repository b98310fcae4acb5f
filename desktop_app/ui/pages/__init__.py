"""pages of the window."""
