"""MediaLake search_api: answers API Gateway with the function and version that served the request.

A deployable placeholder: the real API logic replaces the body; the response shape is what API Gateway
(payload format 2.0) expects.
"""
import json
import os


def handler(event, context):
    return {
        "statusCode": 200,
        "headers": {"content-type": "application/json"},
        "body": json.dumps({
            "function": os.environ.get("MEDIALAKE_FUNCTION", "search_api"),
            # "live" alias invocations report the published version; $LATEST means the caller missed PC.
            "version": getattr(context, "function_version", "unknown"),
            "path": (event or {}).get("rawPath"),
        }),
    }
