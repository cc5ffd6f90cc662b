"""Units of measurement by their surface forms (``lexicon`` re-exports them): pint
(``units.py``) knows what they measure and how they convert. Pure data."""

from __future__ import annotations

# Surface form (lowercase) → pint unit expression. Longer forms are matched first.
MEASURES = {
    **dict.fromkeys(("years", "year", "yrs", "yr"), "year"),
    **dict.fromkeys(("months", "month"), "month"),
    **dict.fromkeys(("weeks", "week"), "week"),
    **dict.fromkeys(("days", "day"), "day"),
    **dict.fromkeys(("hours", "hour", "hrs"), "hour"),
    **dict.fromkeys(("minutes", "minute", "mins"), "minute"),
    **dict.fromkeys(("seconds", "second", "secs"), "second"),
    **dict.fromkeys(("kilometres", "kilometre", "kilometers", "kilometer", "km"), "kilometre"),
    **dict.fromkeys(("metres", "metre", "meters", "meter"), "metre"),
    **dict.fromkeys(("centimetres", "centimetre", "centimeters", "centimeter", "cm"), "cm"),
    **dict.fromkeys(("millimetres", "millimetre", "millimeters", "millimeter", "mm"), "mm"),
    **dict.fromkeys(("miles", "mile"), "mile"),
    **dict.fromkeys(("feet", "foot", "ft"), "foot"),
    **dict.fromkeys(("inches", "inch"), "inch"),
    **dict.fromkeys(("yards", "yard"), "yard"),
    **dict.fromkeys(("mph", "miles per hour", "miles an hour", "mile-per-hour"), "mile / hour"),
    **dict.fromkeys(
        ("km/h", "kmh", "kph", "km per hour", "kilometres per hour", "kilometers per hour"),
        "kilometre / hour",
    ),
    **dict.fromkeys(("knots", "knot"), "knot"),
    **dict.fromkeys(("kilograms", "kilogram", "kilos", "kg"), "kilogram"),
    **dict.fromkeys(("grams", "gram"), "gram"),
    **dict.fromkeys(("tonnes", "tonne"), "metric_ton"),
    **dict.fromkeys(("lbs", "lb", "pounds"), "pound"),
    **dict.fromkeys(("square kilometres", "square kilometers", "sq km", "km²"), "km ** 2"),
    **dict.fromkeys(("square miles", "square mile", "sq miles"), "mile ** 2"),
    **dict.fromkeys(("hectares", "hectare"), "hectare"),
    **dict.fromkeys(("acres", "acre"), "acre"),
    **dict.fromkeys(("litres", "litre", "liters", "liter"), "litre"),
    **dict.fromkeys(("gallons", "gallon"), "gallon"),
    **dict.fromkeys(("cubic metres", "cubic meters", "cubic metre", "cubic meter", "m³"), "m ** 3"),
    **dict.fromkeys(("cubic feet", "cubic foot"), "foot ** 3"),
    **dict.fromkeys(
        ("square metres", "square meters", "square metre", "square meter", "sq m", "m²"), "m ** 2"
    ),
    **dict.fromkeys(("square feet", "square foot", "sq ft"), "foot ** 2"),
    **dict.fromkeys(("°c", "c", "degrees celsius", "degrees c", "celsius"), "degC"),
    **dict.fromkeys(("°f", "f", "degrees fahrenheit", "degrees f", "fahrenheit"), "degF"),
    **dict.fromkeys(("megawatts", "megawatt", "mw"), "megawatt"),
    **dict.fromkeys(("gigawatts", "gigawatt", "gw"), "gigawatt"),
    # Energy: "14.8 TWh" is "14,800 gigawatt hours".
    **dict.fromkeys(("kwh", "kilowatt hours", "kilowatt-hours", "kilowatt hour"), "kilowatt_hour"),
    **dict.fromkeys(("mwh", "megawatt hours", "megawatt-hours", "megawatt hour"), "megawatt_hour"),
    **dict.fromkeys(("gwh", "gigawatt hours", "gigawatt-hours", "gigawatt hour"), "gigawatt_hour"),
    **dict.fromkeys(("twh", "terawatt hours", "terawatt-hours", "terawatt hour"), "terawatt_hour"),
    # Concentrations in air ("41 µg/m³", "41 micrograms per cubic metre") are parse.py's.
}
# Single letters are units only when glued to the number ("40C"); a glued "m" is million.
GLUED_ONLY = frozenset({"c", "f"})
# Temperatures compare in degrees, like percentages in points: a relative gap means nothing at 0.
ABSOLUTE_MEASURES = frozenset({"degC", "degF"})
