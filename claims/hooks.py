"""What the claims services call on other apps without importing them (see factdesk.hooks).

    job_send(job_id=)                 hand a queued extraction job to the task queue. Connected by
                                      claims.apps (claims.tasks), so that tasks import services
                                      and never the other way round.
    document_extracted(document_id=)  queue the grouping of a freshly extracted document's claims
                                      into facts. Connected by claims.facts.apps.

Here rather than in claims.services.extraction (which uses them) so that the apps connect them at
start-up without importing the services: a command that stores and extracts nothing never loads them.
"""
from factdesk.hooks import Hook

job_send = Hook("claims.job_send", "hand a queued extraction job to the task queue")
document_extracted = Hook("claims.document_extracted", "group a freshly extracted document's claims into facts")
