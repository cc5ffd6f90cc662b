"""The pieces every serializer shares: link and revision fields, the error body, and
``OutputSerializer``, which takes its fields from an ``outputs.Output`` table."""

import functools
from collections.abc import Callable
from typing import Any, ClassVar

from django.db import models
from rest_framework import serializers

from factcheck import outputs
from factcheck.http.netsafety import web_url


class WebURLField(serializers.CharField):
    """A stored link as served: only an http(s) URL, else "" (never a javascript: link)."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value: str) -> str:
        return web_url(str(value or ""))


class OffsetDateTimeField(serializers.DateTimeField):
    """A datetime input that keeps the offset it was given in (19:45-05:00 stays -05:00)."""

    def enforce_timezone(self, value):
        return value if value.tzinfo is not None else super().enforce_timezone(value)


class RevisionField(serializers.IntegerField):
    """Required on every write: the revision of what the writer read (0 when there was none)."""

    def __init__(self, **kwargs: object) -> None:
        help_text = kwargs.pop(
            "help_text", "The revision you read; a stale one is refused with 409 edit_conflict."
        )
        super().__init__(required=True, min_value=0, help_text=help_text, **kwargs)


class ErrorReasonSerializer(serializers.Serializer):
    field = serializers.CharField(allow_null=True, help_text="The input at fault, or null.")
    reason = serializers.CharField()


class ErrorSerializer(serializers.Serializer):
    """The one error body of the API."""

    status = serializers.IntegerField()
    code = serializers.CharField()
    detail = serializers.CharField()
    errors = ErrorReasonSerializer(many=True)


class OutputSerializer(serializers.ModelSerializer):
    """A read-only serializer declared by its ``output`` table: keys of the model get their
    schema from the model, the others from the table's ``kind`` or ``nested`` output.

    ``to_representation`` writes a ``values()`` row (a dict) or a loaded instance with the
    table's row function, bound once per serializer (a list shares one child)."""

    output: ClassVar[outputs.Output]
    _by_output: ClassVar[dict[int, type["OutputSerializer"]]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.__doc__ is None:  # the schema would describe the output with this class's docstring
            cls.__doc__ = ""
        # DRF's metaclass collected the declared fields from the class body; the table's join them.
        cls._declared_fields = {**_declared(cls.output), **cls._declared_fields}
        # A model key's schema is the model field's; the table's help_text describes it.
        described = {f.name: {"help_text": f.help_text} for f in cls.output.fields if f.help_text}
        meta = {"model": cls.output.model, "fields": cls.output.names, "extra_kwargs": described}
        cls.Meta = type("Meta", (), meta)
        OutputSerializer._by_output.setdefault(id(cls.output), cls)

    def to_representation(self, row: dict | models.Model) -> dict:
        from_objects = not isinstance(row, dict)
        write = self._writers.get(from_objects)
        if write is None:
            context = outputs.Context(request=self.context.get("request"))
            write = self._writers[from_objects] = self.output.writer(
                context, from_objects=from_objects
            )
        return write(row)

    @functools.cached_property
    def _writers(self) -> dict[bool, Callable[[Any], dict]]:
        """The row functions of this serializer's response, by whether rows are objects."""
        return {}


_KINDS = {
    str: serializers.CharField,
    int: serializers.IntegerField,
    float: serializers.FloatField,
    bool: serializers.BooleanField,
}


def _declared(output: outputs.Output) -> dict[str, serializers.Field]:
    """Schema declarations for the keys the model cannot describe."""
    declared = {}
    for item in output.fields:
        options = {"read_only": True, "help_text": item.help_text or None}
        if item.nested is not None:
            nested = OutputSerializer._by_output[id(item.nested)]
            declared[item.name] = nested(many=item.many, **options)
        elif item.kind is not None:
            declared[item.name] = _KINDS[item.kind](**options)
    return declared
