"""Outside formats and channels (Excel, CSV, call records, e-mail) to and from services; no Qt."""
