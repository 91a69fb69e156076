"""materiel.screen: filled in by its own issue."""
