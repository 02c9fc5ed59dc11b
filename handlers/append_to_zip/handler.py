"""MediaLake append_to_zip: appends named entries to a job's zip on EFS."""
import os
import zipfile


def handler(event, context):
    root = os.environ["BULK_DOWNLOAD_DIR"]
    job_id = event["jobId"]
    path = os.path.join(root, f"{job_id}.zip")
    entries = event.get("entries", {})
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, text in entries.items():
            archive.writestr(name, text)
    return {"jobId": job_id, "appended": len(entries), "bytes": os.path.getsize(path)}
