"""MediaLake init_multipart: plans the parts in which a job's zip is uploaded."""
import math
import os

from medialake_shared import WARMED, is_warm_up, zip_path

PART_BYTES = 8 * 1024 * 1024


def handler(event, context):
    if is_warm_up(event):
        return WARMED
    job_id = event["jobId"]
    size = os.path.getsize(zip_path(job_id))
    parts = max(1, math.ceil(size / PART_BYTES))
    return {"jobId": job_id, "bytes": size, "partBytes": PART_BYTES, "parts": parts}
