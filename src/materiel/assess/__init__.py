"""materiel.assess: filled in by its own issue."""
