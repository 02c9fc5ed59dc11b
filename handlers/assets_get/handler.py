"""MediaLake assets_get: answers the HTTP API (payload format 2.0) with the function and version that served it.

A deployable placeholder: the real API logic replaces the body. The request is API Gateway's payload 2.0
(version, routeKey, rawPath, requestContext.http.method, ...); the answer is the 2.0 response shape
(statusCode, headers, body). A warm-up ping ({"warmer": true}) is answered at once.
"""
import json
import os


def handler(event, context):
    if isinstance(event, dict) and event.get("warmer") is True:
        return {"warmed": True}
    http = ((event or {}).get("requestContext") or {}).get("http") or {}
    return {
        "statusCode": 200,
        "headers": {"content-type": "application/json"},
        "body": json.dumps({
            "function": os.environ.get("MEDIALAKE_FUNCTION", "assets_get"),
            # "live" alias invocations report the published version; $LATEST means the caller missed PC.
            "version": getattr(context, "function_version", "unknown"),
            "routeKey": (event or {}).get("routeKey"),
            "method": http.get("method"),
            "path": (event or {}).get("rawPath"),
        }),
    }
