"""The event coder (rules): see events.py for the flow; `code_events` is the stage function."""

from newsevents.coder.events import code_events

__all__ = ["code_events"]
