"""Bodies of the photo routes."""

from __future__ import annotations

from resumate.schemas import ApiModel


class PhotoOut(ApiModel):
    """Where the stored photo is: put it in the resume's `basics.image` to print it."""

    image: str
