"""MediaLake append_to_zip: appends named entries to a job's zip on EFS."""
import os
import zipfile

from medialake_shared import WARMED, is_warm_up, zip_path


def handler(event, context):
    if is_warm_up(event):
        return WARMED
    job_id = event["jobId"]
    path = zip_path(job_id)
    entries = event.get("entries", {})
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, text in entries.items():
            archive.writestr(name, text)
    return {"jobId": job_id, "appended": len(entries), "bytes": os.path.getsize(path)}
