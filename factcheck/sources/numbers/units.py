"""Units of measurement through pint: what a unit measures and how it converts to base units.

pint's registry takes about half a second to build, so it is built once per process, on first
use, and each unit expression is looked up once (``scale``): comparisons do arithmetic only.
"""

from __future__ import annotations

from functools import cache

import pint


@cache
def registry() -> pint.UnitRegistry:
    """The process's one unit registry (built on first use)."""
    return pint.UnitRegistry()


@cache
def scale(unit: str) -> tuple[str, float, float]:
    """(dimensionality, factor, offset) with base value = value × factor + offset.

    The offset is non-zero only for temperatures on a shifted scale (°C, °F → kelvin).
    """
    ureg = registry()
    zero = ureg.Quantity(0.0, unit).to_base_units()
    one = ureg.Quantity(1.0, unit).to_base_units()
    return (str(zero.dimensionality), float(one.magnitude - zero.magnitude), float(zero.magnitude))


def to_base(value: float, unit: str) -> float:
    """``value`` in ``unit`` expressed in SI base units."""
    _, factor, offset = scale(unit)
    return value * factor + offset


def dimensionality(unit: str) -> str:
    """What a unit measures, e.g. '[length] / [time]' for 'mile / hour'."""
    return scale(unit)[0]
