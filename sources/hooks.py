"""What sources calls on other apps without importing them (see factdesk.hooks).

    extraction_request(document=, actor=, for_job_id=)  queue an extraction of `document` inside the
                                           caller's transaction (the task is sent after the commit);
                                           returns the job. Called when a new document is stored
                                           and when its publication date is corrected; with
                                           for_job_id, the job submitted by URL that fetched the
                                           document gets it instead. Connected by claims.apps.
"""
from factdesk.hooks import Hook

extraction_request = Hook("sources.extraction_request", "queue an extraction of a document")
