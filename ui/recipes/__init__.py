"""Recipe windows: the review of an import (the recipe editor and palette come later)."""
