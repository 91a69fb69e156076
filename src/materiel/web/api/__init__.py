"""The REST API: one router per area, each a thin layer over library functions."""
