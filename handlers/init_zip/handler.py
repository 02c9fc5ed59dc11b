"""MediaLake init_zip: starts a bulk-download zip in the shared EFS directory."""
import uuid
import zipfile

from medialake_shared import WARMED, is_warm_up, zip_path


def handler(event, context):
    # A warm-up ping keeps an environment initialized; it must not leave a zip behind.
    if is_warm_up(event):
        return WARMED
    job_id = (event or {}).get("jobId") or str(uuid.uuid4())
    path = zip_path(job_id)
    with zipfile.ZipFile(path, "w"):
        pass
    return {"jobId": job_id, "zipPath": path}
