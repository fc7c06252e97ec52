"""The extension's own state: settings, armed faults, the call record, and what else resets with moto."""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from typing import Any

from .call_recorder import CallRecorder
from .fault_plan import FaultPlan
from .settings import EmulatorSettings


class EmulatorState:
    def __init__(self, defaults: EmulatorSettings) -> None:
        self._lock = threading.Lock()
        self._defaults = defaults
        self._settings = defaults
        self.calls = CallRecorder()
        self.faults = FaultPlan()
        self._settings_listeners: list[Callable[[EmulatorSettings], None]] = []
        self._reset_listeners: list[Callable[[], None]] = []

    @property
    def settings(self) -> EmulatorSettings:
        return self._settings

    def on_settings_change(self, listener: Callable[[EmulatorSettings], None]) -> None:
        """Calls `listener` with the current settings now and with the new ones on every change."""
        self._settings_listeners.append(listener)
        listener(self._settings)

    def on_reset(self, listener: Callable[[], None]) -> None:
        self._reset_listeners.append(listener)

    def configure(self, changes: Mapping[str, Any]) -> EmulatorSettings:
        with self._lock:
            self._settings = self._settings.updated(changes)
            settings = self._settings
        self._announce(settings)
        return settings

    def reset(self) -> None:
        """Back to the state at start: default settings, no faults, no calls (moto resets its own)."""
        with self._lock:
            self._settings = self._defaults
        self.calls.clear()
        self.faults.clear()
        for listener in self._reset_listeners:
            listener()
        self._announce(self._defaults)

    def _announce(self, settings: EmulatorSettings) -> None:
        for listener in self._settings_listeners:
            listener(settings)
