import os
from pathlib import Path

# Deliberate mistakes for the demo: a beta version on a release branch, a stale version test,
# and a spawn version with a letter.
__version__ = "5.2.0b1"


class ConstantConfig:
    """Constant parameters information"""
    # Exegol Version
    version: str = __version__

    # Exegol documentation link
    documentation: str = "https://docs.exegol.com/"
    src_root_path_obj: Path = Path(__file__).parent.parent.parent.resolve()
