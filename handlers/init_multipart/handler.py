"""MediaLake init_multipart: plans the parts in which a job's zip is uploaded."""
import math
import os
import re

PART_BYTES = 8 * 1024 * 1024
JOB_ID = re.compile(r"^[A-Za-z0-9-]{1,64}$")


def handler(event, context):
    if isinstance(event, dict) and event.get("warmer") is True:
        return {"warmed": True}
    job_id = event["jobId"]
    if not JOB_ID.match(str(job_id)):
        raise ValueError(f"jobId must be letters, digits and '-' (at most 64): {job_id!r}")
    size = os.path.getsize(os.path.join(os.environ["BULK_DOWNLOAD_DIR"], f"{job_id}.zip"))
    parts = max(1, math.ceil(size / PART_BYTES))
    return {"jobId": job_id, "bytes": size, "partBytes": PART_BYTES, "parts": parts}
