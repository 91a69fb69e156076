"""materiel.web: filled in by its own issue."""
