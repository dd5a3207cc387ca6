from .consolidation import group_inputs
from .exports import record_export
from .position import decide_inputs, publish_position, save_finding, unpublish_position

__all__ = [
    "decide_inputs",
    "group_inputs",
    "publish_position",
    "record_export",
    "save_finding",
    "unpublish_position",
]
