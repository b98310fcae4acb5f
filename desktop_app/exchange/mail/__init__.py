"""The e-mail channel's outside formats: parsing bytes, IMAP fetching, SMTP sending; no rules."""
