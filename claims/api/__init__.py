"""FactDesk's REST API, /api/v1/ (OpenAPI at /api/schema/, rendered at /api/docs/).

A program authenticates with a token (POST /api/v1/tokens/ once, logged in,
keep the secret; then `Authorization: Bearer <secret>`); people use their
admin session in the browsable API. To review a claim, GET it, keep its ETag,
and POST the action with `If-Match: <etag>`: 428 without it, 412 when someone
changed the claim meanwhile, 409 when its status does not allow the action.
Every error is RFC 9457 problem details (errors.py).

    urls.py         the router and the schema views
    views.py        thin viewsets: validate, call a service, serialize
    serializers.py  output and input shapes
    filters.py      query-string filters and stable ordering
    permissions.py  role → permission per action; token ownership
    authentication.py, tokens.py   bearer tokens (hashed, expiring, revocable)
    errors.py, parsers.py, throttling.py   problem details, 413 body cap, live rates
    renderers.py    DRF's JSON, encoded with orjson
"""
