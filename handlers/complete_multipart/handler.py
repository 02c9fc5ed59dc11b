"""MediaLake complete_multipart: removes a job's zip from EFS once all parts are uploaded."""
import os


def handler(event, context):
    root = os.environ["BULK_DOWNLOAD_DIR"]
    job_id = event["jobId"]
    path = os.path.join(root, f"{job_id}.zip")
    removed = os.path.exists(path)
    if removed:
        os.remove(path)
    return {"jobId": job_id, "removed": removed}
