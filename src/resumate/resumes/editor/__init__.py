"""The editor page: the form for every section, the design controls, the live preview."""
