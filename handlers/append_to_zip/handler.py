"""MediaLake append_to_zip: appends named entries to a job's zip on EFS."""
import os
import re
import zipfile

JOB_ID = re.compile(r"^[A-Za-z0-9-]{1,64}$")


def handler(event, context):
    if isinstance(event, dict) and event.get("warmer") is True:
        return {"warmed": True}
    job_id = event["jobId"]
    if not JOB_ID.match(str(job_id)):
        raise ValueError(f"jobId must be letters, digits and '-' (at most 64): {job_id!r}")
    path = os.path.join(os.environ["BULK_DOWNLOAD_DIR"], f"{job_id}.zip")
    entries = event.get("entries", {})
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, text in entries.items():
            archive.writestr(name, text)
    return {"jobId": job_id, "appended": len(entries), "bytes": os.path.getsize(path)}
