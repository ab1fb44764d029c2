"""Resume thumbnails: the first page as a picture on the dashboard cards."""
