"""Where the workspace's shared samples are: `../shared` beside the checkout, or $SALA_SHARED_DIR.

Tests that need a sample skip when it is absent (a checkout on its own has no samples).
"""

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("SALA_SHARED_DIR") or REPO.parent / "shared")
