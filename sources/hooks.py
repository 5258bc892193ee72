"""What sources calls on other apps without importing them (see factdesk.hooks).

    extraction_request(document=, actor=)  queue an extraction of `document` inside the caller's
                                           transaction (the task is sent after the commit);
                                           returns the job. Called when a new document is stored
                                           and when its publication date is corrected.
                                           Connected by claims.apps.
"""
from factdesk.hooks import Hook

extraction_request = Hook("sources.extraction_request", "queue an extraction of a document")
