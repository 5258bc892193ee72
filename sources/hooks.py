"""What sources calls on other apps without importing them (see factdesk.hooks).

    document_stored(document=, actor=, for_job_id=)  called inside document_ingest's transaction once a
                                        new document is stored; returns the extraction job it queued
                                        (or, with for_job_id, the job submitted by URL that fetched it
                                        and now gets it). Connected by claims.apps.
"""
from factdesk.hooks import Hook

document_stored = Hook("sources.document_stored", "queue the extraction of a newly stored document")
