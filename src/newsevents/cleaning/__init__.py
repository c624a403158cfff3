"""Helpers of the clean stage (`newsevents.clean` is the public import)."""
