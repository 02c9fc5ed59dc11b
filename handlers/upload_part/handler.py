"""MediaLake upload_part: consumes the bulk-download queue, one SQS batch at a time.

SQS delivers {"Records": [{"messageId", "body", ...}, ...]}; each body is a job as JSON text:
{"jobId", "partNumber", "partBytes"}. The event source mapping reports partial batch failures
(functionResponseTypes ReportBatchItemFailures), so the answer names the records that failed and only those
are received again (then dead-lettered after maxReceiveCount); an unreadable body is such a record, never
an exception that fails the whole batch (AWS: "Handling errors for an SQS event source in Lambda").
"""
import hashlib
import json

from medialake_shared import JOB_ID, WARMED, is_warm_up, zip_path


def handler(event, context):
    if is_warm_up(event):
        return WARMED
    failures = []
    for record in event.get("Records", []):
        try:
            result = upload(json.loads(record["body"]))
            print(json.dumps({"messageId": record["messageId"], **result}))
        except Exception as error:  # noqa: BLE001 - one bad record must not fail its batch
            print(json.dumps({"messageId": record.get("messageId"), "error": repr(error)}))
            failures.append({"itemIdentifier": record["messageId"]})
    return {"batchItemFailures": failures}


def upload(job):
    job_id, number, part_bytes = job["jobId"], int(job["partNumber"]), int(job["partBytes"])
    if not JOB_ID.match(str(job_id)) or number < 1 or part_bytes < 1:
        raise ValueError(f"not a job: {job!r}")
    with open(zip_path(job_id), "rb") as zipped:
        zipped.seek((number - 1) * part_bytes)
        chunk = zipped.read(part_bytes)
    return {"jobId": job_id, "partNumber": number, "bytes": len(chunk), "md5": hashlib.md5(chunk).hexdigest()}
