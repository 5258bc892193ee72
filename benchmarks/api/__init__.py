"""What `manage.py benchmark_api` runs: the claims list and the claim page against a bare floor.

    data.py     100,000 claims over 5,000 documents in PostgreSQL, and a reader's token
    floor.py    the floor: the same list and page from values() and a JsonResponse
    urls.py, settings.py, wsgi.py   the API and the floor on one gunicorn server
    server.py   that server, on 127.0.0.1
    load.py     the load generators (wrk, or Python threads) and their percentiles
    run.py      the four scenarios, measured over HTTP, or profiled in this process

Nothing here is imported by the service: the command imports it when it runs.
"""
