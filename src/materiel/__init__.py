"""materiel: sourced facts on arms transfers and sanctions evasion from reporting."""

from materiel.errors import MaterielError
from materiel.model import Document, Entity, Event, Evidence, Extraction

__version__ = "0.1.0"

__all__ = ["Document", "Entity", "Event", "Evidence", "Extraction", "MaterielError", "__version__"]
