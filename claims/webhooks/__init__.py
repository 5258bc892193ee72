"""Webhooks: signed notifications of what happens in FactDesk (app label `webhooks`).

    models.py       Endpoint, Event, Delivery, Attempt
    event_types.py  the vocabulary of event types (data; other apps register theirs)
    signing.py      Standard Webhooks secrets and signatures (the standardwebhooks package)
    services/       recording events, managing endpoints, delivering
    tasks.py        deliver(delivery_id) on the `webhooks` queue
    admin.py, api.py, management/commands/   webhook_listen, benchmark_webhooks
"""
