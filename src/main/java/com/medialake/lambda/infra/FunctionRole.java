package com.medialake.lambda.infra;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A function's execution role and its inline policies: logs to its own log group only, X-Ray writes, the
 * ENI actions for VPC access, EFS through the access point only (read-only where the function only reads),
 * and any extra statements its service asks for. No managed policies: none AWS publishes is exactly what a
 * function needs.
 */
final class FunctionRole {
    /** The file system a function mounts. */
    record EfsAccess(Output<String> fileSystemArn, Output<String> accessPointArn, boolean readOnly) {
    }

    /** The role and the policies the function must wait for. */
    record Access(Role role, List<Resource> grants) {
    }

    private FunctionRole() {
    }

    static Access create(Resource parent, String name, String physicalName, Map<String, String> tags, LogGroup logGroup,
                         boolean inVpc, Optional<EfsAccess> efs) {
        var child = CustomResourceOptions.builder().parent(parent).build();
        var role = new Role(name, RoleArgs.builder()
                .name(Names.functionRole(physicalName))
                .description("Execution role of " + physicalName)
                .assumeRolePolicy(IamDocuments.assumeRole("lambda.amazonaws.com"))
                .tags(tags)
                .build(), child);
        var grants = new ArrayList<Resource>();
        grants.add(new RolePolicy(name + "-logs", RolePolicyArgs.builder()
                .role(role.id())
                .policy(logGroup.arn().applyValue(FunctionRole::logsPolicy))
                .build(), child));
        grants.add(new RolePolicy(name + "-xray", RolePolicyArgs.builder()
                .role(role.id())
                .policy(xrayPolicy())
                .build(), child));
        if (inVpc) {
            grants.add(new RolePolicy(name + "-vpc-access", RolePolicyArgs.builder()
                    .role(role.id())
                    .policy(vpcAccessPolicy())
                    .build(), child));
        }
        efs.ifPresent(access -> grants.add(new RolePolicy(name + "-efs", RolePolicyArgs.builder()
                .role(role.id())
                .policy(Output.tuple(access.fileSystemArn(), access.accessPointArn())
                        .applyValue(t -> efsClientPolicy(t.t1, t.t2, access.readOnly())))
                .build(), child)));
        return new Access(role, List.copyOf(grants));
    }

    static String logsPolicy(String logGroupArn) {
        return IamDocuments.document(List.of(IamDocuments.statement("WriteOwnLogGroup", "Allow", null,
                List.of("logs:CreateLogStream", "logs:PutLogEvents"), logGroupArn + ":*", null)));
    }

    /**
     * The network-interface actions Lambda needs to place a function in a VPC. EC2 cannot scope them to a
     * resource, hence "*"; AWSLambdaVPCAccessExecutionRole grants the same plus log permissions on "*".
     */
    static String vpcAccessPolicy() {
        return IamDocuments.document(List.of(IamDocuments.statement("ManageVpcNetworkInterfaces", "Allow", null,
                IamDocuments.VPC_NETWORK_INTERFACE_ACTIONS, "*", null)));
    }

    /** X-Ray segments; X-Ray has no resource-level permissions, so "*" is the narrowest there is. */
    static String xrayPolicy() {
        return IamDocuments.document(List.of(IamDocuments.statement("WriteTraces", "Allow", null,
                IamDocuments.XRAY_WRITE_ACTIONS, "*", null)));
    }

    /** Mounting (reading) through the access point only; writing too unless the function only reads. */
    static String efsClientPolicy(String fileSystemArn, String accessPointArn, boolean readOnly) {
        var actions = readOnly ? List.of("elasticfilesystem:ClientMount")
                : List.of("elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite");
        return IamDocuments.document(List.of(IamDocuments.statement("MountBulkDownloadsAccessPoint", "Allow", null, actions,
                fileSystemArn,
                Map.of("StringEquals", Map.of("elasticfilesystem:AccessPointArn", accessPointArn)))));
    }
}
