package com.medialake.lambda.policy;

import static com.medialake.lambda.plan.ResourceTypes.*;
import static com.medialake.lambda.policy.IamDocumentReader.*;

import com.medialake.lambda.plan.Plan;
import com.medialake.lambda.policy.PlanPolicies.Reporter;

/** EFS and log storage: encrypted, TLS only, access points enforced, protected; logs expire. */
final class StoragePolicies {
    private StoragePolicies() {
    }

    static void efsEncrypted(Plan plan, Reporter r) {
        for (var fs : plan.ofType(FILE_SYSTEM)) {
            if (!"true".equals(fs.input("encrypted"))) {
                r.report(fs, "the file system is not encrypted at rest", "set encrypted: true (this replaces it: move the data)");
            }
        }
    }

    static void efsTlsOnly(Plan plan, Reporter r) {
        for (var fs : plan.ofType(FILE_SYSTEM)) {
            boolean denied = plan.ofType(FILE_SYSTEM_POLICY).stream()
                    .filter(p -> fs.id().equals(p.input("fileSystemId")))
                    .flatMap(p -> statements(p.input("policy")).stream())
                    .anyMatch(s -> "Deny".equals(text(s, "Effect")) && "false".equals(secureTransport(s)));
            if (!denied) {
                r.report(fs, "no file system policy denies requests without TLS",
                        "add a FileSystemPolicy denying all actions when aws:SecureTransport is false");
            }
        }
    }

    static void accessPointEnforced(Plan plan, Reporter r) {
        for (var ap : plan.ofType(ACCESS_POINT)) {
            var user = ap.inputs().getAsJsonObject("posixUser");
            var root = ap.inputs().getAsJsonObject("rootDirectory");
            if (user == null || !user.has("uid") || !user.has("gid")) {
                r.report(ap, "the access point does not enforce a POSIX user", "set posixUser uid and gid");
            }
            if (root == null || !root.has("path") || root.get("path").getAsString().equals("/")) {
                r.report(ap, "the access point does not confine clients to a root directory",
                        "set rootDirectory.path below / with creationInfo");
            }
        }
    }

    static void efsProtected(Plan plan, Reporter r) {
        for (var fs : plan.ofType(FILE_SYSTEM)) {
            if (!fs.protect()) {
                r.report(fs, "deleting the file system deletes its data, and it is not protected",
                        "register it with protect(true)");
            }
        }
    }

    static void logRetention(Plan plan, Reporter r) {
        for (var group : plan.ofType(LOG_GROUP)) {
            String days = group.input("retentionInDays");
            if (days == null || days.equals("0")) {
                r.report(group, "logs are kept forever", "set retentionInDays (logRetentionDays in the stack config)");
            }
        }
    }
}
