"""Reads of participation: the inputs here; Q&A and groups in their own modules."""

from .inputs import (
    ChapterBlock,
    consultation_people,
    draft_articles,
    draft_outline,
    filtered_inputs,
    input_organisations,
    my_inputs,
    other_versions,
    unplaced_inputs,
    with_details,
)

__all__ = [
    "ChapterBlock",
    "consultation_people",
    "draft_articles",
    "draft_outline",
    "filtered_inputs",
    "input_organisations",
    "my_inputs",
    "other_versions",
    "unplaced_inputs",
    "with_details",
]
