"""MediaLake init_zip: starts a bulk-download zip in the shared EFS directory."""
import os
import uuid
import zipfile


def handler(event, context):
    root = os.environ["BULK_DOWNLOAD_DIR"]
    job_id = (event or {}).get("jobId") or str(uuid.uuid4())
    path = os.path.join(root, f"{job_id}.zip")
    with zipfile.ZipFile(path, "w"):
        pass
    return {"jobId": job_id, "zipPath": path}
