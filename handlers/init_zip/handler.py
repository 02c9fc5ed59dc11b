"""MediaLake init_zip: starts a bulk-download zip in the shared EFS directory."""
import os
import re
import uuid
import zipfile

JOB_ID = re.compile(r"^[A-Za-z0-9-]{1,64}$")


def handler(event, context):
    # A warm-up ping ({"warmer": true}, every few minutes) keeps an environment initialized; it must not
    # leave a zip behind.
    if isinstance(event, dict) and event.get("warmer") is True:
        return {"warmed": True}
    job_id = (event or {}).get("jobId") or str(uuid.uuid4())
    if not JOB_ID.match(str(job_id)):
        raise ValueError(f"jobId must be letters, digits and '-' (at most 64): {job_id!r}")
    path = os.path.join(os.environ["BULK_DOWNLOAD_DIR"], f"{job_id}.zip")
    with zipfile.ZipFile(path, "w"):
        pass
    return {"jobId": job_id, "zipPath": path}
