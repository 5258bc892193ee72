"""What sources calls on other apps without importing them (see factdesk.hooks).

    document_stored(document=, actor=)  called inside document_ingest's transaction once a new
                                        document is stored; returns the extraction job it queued.
                                        Connected by claims.apps.
"""
from factdesk.hooks import Hook

document_stored = Hook("sources.document_stored", "queue the extraction of a newly stored document")
