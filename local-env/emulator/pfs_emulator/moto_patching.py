"""How the extension plugs into moto: by wrapping or adding methods of moto's classes at start.

moto looks up backend and response methods on their classes at call time, so a method replaced here
is the one moto's own request handling calls.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any


def around(cls: type, name: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Replaces `cls.name` by the decorated `wrapper(original, self, *args, **kwargs)`."""

    def decorate(wrapper: Callable[..., Any]) -> Callable[..., Any]:
        original = getattr(cls, name)

        @functools.wraps(original)
        def extended(self: Any, *args: Any, **kwargs: Any) -> Any:
            return wrapper(original, self, *args, **kwargs)

        setattr(cls, name, extended)
        return wrapper

    return decorate


def add_to(cls: type) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Adds the decorated function to `cls` under its own name; refuses to shadow moto's methods."""

    def decorate(function: Callable[..., Any]) -> Callable[..., Any]:
        if hasattr(cls, function.__name__):
            raise RuntimeError(f"{cls.__name__}.{function.__name__} exists in this moto version; wrap it instead")
        setattr(cls, function.__name__, function)
        return function

    return decorate
