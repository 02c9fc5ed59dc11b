"""The handlers against the events their triggers deliver, in the shapes AWS publishes (an SQS batch, an
HTTP API payload 2.0 request; aws/aws-lambda-go events/testdata has samples of both), and the warmers'
ping. Standard library only: python3 -m unittest discover -s handlers/tests
"""
import contextlib
import importlib.util
import io
import json
import os
import pathlib
import sys
import tempfile
import unittest
import zipfile

HANDLERS = pathlib.Path(__file__).resolve().parent.parent
EVENTS = pathlib.Path(__file__).resolve().parent / "events"
# The shared module sits beside each handler.py in the function's archive: importable as on Lambda.
sys.path.insert(0, str(HANDLERS / "shared"))
# Every handler folder; which function runs which is the Java function table's (HandlerFoldersTest).
FOLDERS = sorted(p.parent.name for p in HANDLERS.glob("*/handler.py"))


def load(folder):
    spec = importlib.util.spec_from_file_location(f"handler_{folder}", HANDLERS / folder / "handler.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.handler


def quietly(call, *args):
    """Runs a handler without its log lines (CloudWatch's, in AWS) on the test output."""
    with contextlib.redirect_stdout(io.StringIO()):
        return call(*args)


def event(name):
    return json.loads((EVENTS / name).read_text())


class Context:
    function_version = "7"


class WithEfs(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.root = pathlib.Path(self.dir.name)
        os.environ["BULK_DOWNLOAD_DIR"] = self.dir.name

    def tearDown(self):
        del os.environ["BULK_DOWNLOAD_DIR"]
        self.dir.cleanup()


class EveryHandler(WithEfs):
    def test_a_warm_up_ping_is_answered_at_once_and_touches_nothing(self):
        for function in FOLDERS:
            with self.subTest(function=function):
                self.assertEqual({"warmed": True}, load(function)({"warmer": True}, Context()))
                self.assertEqual([], list(self.root.iterdir()), "a ping must leave nothing on EFS")


class UploadPart(WithEfs):
    def test_a_batch_reports_only_the_records_it_could_not_process(self):
        (self.root / "job-1.zip").write_bytes(b"0123456789")
        answer = quietly(load("upload_part"), event("sqs-batch.json"), Context())
        # The unreadable body and the path outside the directory fail; the good record does not.
        self.assertEqual({"batchItemFailures": [
            {"itemIdentifier": "9b0c2d61-0f7e-4b8e-8d3a-6f4e2a9c5d22"},
            {"itemIdentifier": "c3d4e5f6-1a2b-4c3d-9e8f-7a6b5c4d3e33"}]}, answer)

    def test_a_batch_whose_job_file_is_missing_fails_that_record_only(self):
        batch = event("sqs-batch.json")
        batch["Records"] = batch["Records"][:1]
        answer = quietly(load("upload_part"), batch, Context())
        self.assertEqual([{"itemIdentifier": "4f8a4a4b-5a8c-4a53-9a2a-0d7d2e1b7c11"}], answer["batchItemFailures"])

    def test_an_empty_batch_has_no_failures(self):
        self.assertEqual({"batchItemFailures": []}, load("upload_part")({"Records": []}, Context()))


class BulkDownloadJob(WithEfs):
    def test_a_job_from_zip_to_parts_to_cleanup(self):
        started = load("init_zip")({"jobId": "job-9"}, Context())
        self.assertTrue(zipfile.is_zipfile(started["zipPath"]))
        appended = load("append_to_zip")({"jobId": "job-9", "entries": {"a.txt": "x" * 100}}, Context())
        self.assertEqual(1, appended["appended"])
        planned = load("init_multipart")({"jobId": "job-9"}, Context())
        self.assertEqual(1, planned["parts"])
        self.assertEqual({"jobId": "job-9", "removed": True}, load("complete_multipart")({"jobId": "job-9"}, Context()))
        self.assertEqual([], list(self.root.iterdir()))

    def test_a_job_id_cannot_reach_outside_the_directory(self):
        for function in ["init_zip", "append_to_zip", "complete_multipart", "init_multipart"]:
            with self.subTest(function=function), self.assertRaises(ValueError):
                load(function)({"jobId": "../escape"}, Context())


class Api(unittest.TestCase):
    def tearDown(self):
        os.environ.pop("MEDIALAKE_FUNCTION", None)

    def test_an_http_api_request_gets_a_payload_2_0_response_naming_the_function(self):
        # One handler for the three APIs; each function's environment names it (LambdaService sets it).
        for function in ["assets_get", "collections_api", "search_api"]:
            with self.subTest(function=function):
                os.environ["MEDIALAKE_FUNCTION"] = function
                answer = load("api")(event("http-api-v2-request.json"), Context())
                self.assertEqual(200, answer["statusCode"])
                self.assertEqual("application/json", answer["headers"]["content-type"])
                body = json.loads(answer["body"])
                self.assertEqual({"function": function, "version": "7", "routeKey": "GET /assets/{id}",
                                  "method": "GET", "path": "/assets/a-42"}, body)


if __name__ == "__main__":
    unittest.main()
