"""MediaLake complete_multipart: removes a job's zip from EFS once all parts are uploaded."""
import os
import re

JOB_ID = re.compile(r"^[A-Za-z0-9-]{1,64}$")


def handler(event, context):
    if isinstance(event, dict) and event.get("warmer") is True:
        return {"warmed": True}
    job_id = event["jobId"]
    if not JOB_ID.match(str(job_id)):
        raise ValueError(f"jobId must be letters, digits and '-' (at most 64): {job_id!r}")
    path = os.path.join(os.environ["BULK_DOWNLOAD_DIR"], f"{job_id}.zip")
    removed = os.path.exists(path)
    if removed:
        os.remove(path)
    return {"jobId": job_id, "removed": removed}
