"""The Qt widgets: a thin layer over desktop.content (views never run SQL)."""
