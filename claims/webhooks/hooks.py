"""What the webhook services call on the tasks without importing them (see factdesk.hooks).

    delivery_send(delivery_id=, countdown=)  hand a delivery to the webhooks queue, after `countdown`
                                             seconds. Connected by claims.webhooks.apps (the task).

Here rather than in claims.webhooks.services.delivery (which uses it) so that the app connects it at
start-up without importing the services.
"""
from factdesk.hooks import Hook

delivery_send = Hook("webhooks.delivery_send", "hand a delivery to the webhooks queue, after `countdown` seconds")
