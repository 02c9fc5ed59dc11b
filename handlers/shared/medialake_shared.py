"""What every MediaLake handler shares. LambdaService packs this file beside each function's handler.py in
the function's archive, so it imports as a top-level module on Lambda as in the tests."""
import os
import re

# A job names a file in the shared EFS directory: letters, digits and '-' only, so no job reaches outside it.
JOB_ID = re.compile(r"^[A-Za-z0-9-]{1,64}$")
WARMED = {"warmed": True}


def is_warm_up(event):
    """A warmer's ping ({"warmer": true}, every few minutes): answered at once, with no side effect."""
    return isinstance(event, dict) and event.get("warmer") is True


def checked_job_id(job_id):
    if not JOB_ID.match(str(job_id)):
        raise ValueError(f"jobId must be letters, digits and '-' (at most 64): {job_id!r}")
    return job_id


def zip_path(job_id):
    """The job's zip in the shared EFS directory (the function's BULK_DOWNLOAD_DIR mount)."""
    return os.path.join(os.environ["BULK_DOWNLOAD_DIR"], f"{checked_job_id(job_id)}.zip")
