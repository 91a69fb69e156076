"""materiel.graph: filled in by its own issue."""
