"""Input fields that take JSON as it is typed: a string is a string, a number a number.

DRF's fields coerce: CharField turns 123 into "123", IntegerField takes "7"
and 7.0, BooleanField takes "yes", 1 and "on". The schema promises one JSON
type per field, so a request that sends another is refused with a 400 that
names the type expected, instead of being stored as something the client did
not write. Every input serializer of the API uses these.
"""
from __future__ import annotations

from rest_framework import serializers


class StrictCharField(serializers.CharField):
    default_error_messages = {"invalid": "Not a string: send this value as a JSON string."}

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictIntegerField(serializers.IntegerField):
    default_error_messages = {"invalid": "Not an integer: send this value as a JSON number without a fraction."}

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictFloatField(serializers.FloatField):
    default_error_messages = {"invalid": "Not a number: send this value as a JSON number."}

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, (int, float)):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictBooleanField(serializers.BooleanField):
    default_error_messages = {"invalid": "Not a boolean: send true or false."}

    def to_internal_value(self, data):
        if not isinstance(data, bool):
            self.fail("invalid")
        return data


class StrictChoiceField(serializers.ChoiceField):
    """A choice among strings: only a JSON string that is one of them; the refusal lists them."""

    default_error_messages = {"invalid_choice": '"{input}" is not a valid choice: choose one of {choices}.'}

    def to_internal_value(self, data):
        if data == "" and self.allow_blank:
            return ""
        if not isinstance(data, str) or data not in self.choice_strings_to_values:
            self.fail("invalid_choice", input=str(data)[:100], choices=", ".join(self.choice_strings_to_values))
        return self.choice_strings_to_values[data]


class StrictDateTimeField(serializers.DateTimeField):
    default_error_messages = {"invalid": "Not a date and time: send an ISO 8601 string such as "
                                         "2022-09-13T08:30:00+03:00."}

    def to_internal_value(self, value):
        if not isinstance(value, str):
            self.fail("invalid", format="ISO 8601")
        return super().to_internal_value(value)


class StrictDateField(serializers.DateField):
    default_error_messages = {"invalid": "Not a date: send an ISO 8601 date string such as 2022-09-13."}

    def to_internal_value(self, value):
        if not isinstance(value, str):
            self.fail("invalid", format="ISO 8601")
        return super().to_internal_value(value)


class StrictURLField(serializers.URLField):
    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)
