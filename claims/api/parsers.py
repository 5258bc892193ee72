"""JSON bodies, refused with 413 past settings.DATA_UPLOAD_MAX_MEMORY_SIZE.

Django checks that limit only when request.body is read; DRF streams the body
to the parser instead, so the cap is enforced here, before anything is parsed.
"""
from __future__ import annotations

import io

from django.conf import settings
from rest_framework.parsers import JSONParser

from .errors import PayloadTooLarge


class CappedJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if limit is not None:
            request = (parser_context or {}).get("request")
            declared = request.META.get("CONTENT_LENGTH") if request is not None else None
            if declared and str(declared).isdigit() and int(declared) > limit:
                raise PayloadTooLarge(f"The request body is {int(declared):,} bytes; the limit is {limit:,} bytes.")
            body = stream.read(limit + 1)
            if len(body) > limit:
                raise PayloadTooLarge(f"The request body is over the limit of {limit:,} bytes.")
            stream = io.BytesIO(body)
        return super().parse(stream, media_type, parser_context)
