"""MediaLake init_multipart: plans the parts in which a job's zip is uploaded."""
import math
import os

PART_BYTES = 8 * 1024 * 1024


def handler(event, context):
    root = os.environ["BULK_DOWNLOAD_DIR"]
    job_id = event["jobId"]
    size = os.path.getsize(os.path.join(root, f"{job_id}.zip"))
    parts = max(1, math.ceil(size / PART_BYTES))
    return {"jobId": job_id, "bytes": size, "partBytes": PART_BYTES, "parts": parts}
