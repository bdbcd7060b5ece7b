"""Stage 4, stories: near-duplicates, story clustering and the outlet comparison (issue 5).

    >>> records, index = assign_stories(records)          # adds story, storyline, duplicate_of, wire_copy
    >>> more, index = assign_stories(new_records, index)  # new articles join earlier stories
    >>> index.save("stories.json.gz")
    >>> comparison = compare_story([r for r in records if r["story"] == records[0]["story"]])
"""

from newsgraph.stories.assign import assign_stories
from newsgraph.stories.compare import Comparison, compare_story, comparison_table
from newsgraph.stories.config import StoryConfig
from newsgraph.stories.index import StoryIndex

__all__ = [
    "Comparison",
    "StoryConfig",
    "StoryIndex",
    "assign_stories",
    "compare_story",
    "comparison_table",
]
