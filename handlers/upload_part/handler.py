"""MediaLake upload_part: reads one part of a job's zip from EFS and reports its size."""
import hashlib
import os


def handler(event, context):
    root = os.environ["BULK_DOWNLOAD_DIR"]
    job_id, number, part_bytes = event["jobId"], int(event["partNumber"]), int(event["partBytes"])
    with open(os.path.join(root, f"{job_id}.zip"), "rb") as zipped:
        zipped.seek((number - 1) * part_bytes)
        chunk = zipped.read(part_bytes)
    return {"jobId": job_id, "partNumber": number, "bytes": len(chunk), "md5": hashlib.md5(chunk).hexdigest()}
