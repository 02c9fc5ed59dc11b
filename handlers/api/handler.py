"""MediaLake's user-facing APIs (collections_api, search_api, assets_get): answer the HTTP API (payload format
2.0) with the function and version that served it.

A deployable placeholder, one for the three until their real logic replaces it. The request is API Gateway's
payload 2.0 (version, routeKey, rawPath, requestContext.http.method, ...); the answer is the 2.0 response shape
(statusCode, headers, body). A warm-up ping ({"warmer": true}) is answered at once.
"""
import json
import os

from medialake_shared import WARMED, is_warm_up


def handler(event, context):
    if is_warm_up(event):
        return WARMED
    http = ((event or {}).get("requestContext") or {}).get("http") or {}
    return {
        "statusCode": 200,
        "headers": {"content-type": "application/json"},
        "body": json.dumps({
            "function": os.environ.get("MEDIALAKE_FUNCTION", "api"),
            # "live" alias invocations report the published version; $LATEST means the caller missed PC.
            "version": getattr(context, "function_version", "unknown"),
            "routeKey": (event or {}).get("routeKey"),
            "method": http.get("method"),
            "path": (event or {}).get("rawPath"),
        }),
    }
