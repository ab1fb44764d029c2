"""The person's photo: uploaded cropped, cleaned of metadata, stored, inlined where printed."""
