"""MediaLake complete_multipart: removes a job's zip from EFS once all parts are uploaded."""
import os

from medialake_shared import WARMED, is_warm_up, zip_path


def handler(event, context):
    if is_warm_up(event):
        return WARMED
    job_id = event["jobId"]
    path = zip_path(job_id)
    removed = os.path.exists(path)
    if removed:
        os.remove(path)
    return {"jobId": job_id, "removed": removed}
