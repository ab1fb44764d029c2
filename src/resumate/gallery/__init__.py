"""The public template gallery: every template, its sample preview, and choosing one."""
