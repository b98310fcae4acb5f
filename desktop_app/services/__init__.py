"""The rules of the circulars; plain Python over data, never Qt widgets."""
