package com.medialake.lambda.infra;

import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.efs.AccessPoint;
import com.pulumi.aws.efs.AccessPointArgs;
import com.pulumi.aws.efs.FileSystem;
import com.pulumi.aws.efs.FileSystemArgs;
import com.pulumi.aws.efs.FileSystemPolicy;
import com.pulumi.aws.efs.FileSystemPolicyArgs;
import com.pulumi.aws.efs.MountTarget;
import com.pulumi.aws.efs.MountTargetArgs;
import com.pulumi.aws.efs.inputs.AccessPointPosixUserArgs;
import com.pulumi.aws.efs.inputs.AccessPointRootDirectoryArgs;
import com.pulumi.aws.efs.inputs.AccessPointRootDirectoryCreationInfoArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The bulk-download file system: encrypted EFS reachable only over TLS, a mount target in each private
 * subnet, and one access point that pins every function to /bulk-downloads as user 1001. The file system
 * is protected: deleting it deletes the data, so Pulumi refuses until someone removes the protection, and
 * even then a destroy leaves it in the account (retainOnDelete) for someone to delete on purpose.
 */
public final class SharedFileSystem extends ComponentResource {
    public static final String TYPE = "medialake:storage:SharedFileSystem";
    public static final String ROOT_DIRECTORY = "/bulk-downloads";
    public static final int POSIX_UID = 1001;
    public static final int POSIX_GID = 1001;
    public static final String ROOT_PERMISSIONS = "750";

    private final FileSystem fileSystem;
    private final AccessPoint accessPoint;
    private final List<MountTarget> mountTargets = new ArrayList<>();

    /**
     * @param privateSubnets one per AZ, each named by its AZ
     * @param zones          the AZ names, in the same order
     */
    public SharedFileSystem(String name, List<Subnet> privateSubnets, List<String> zones,
                            Output<String> securityGroupId, Map<String, String> tags,
                            ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();

        fileSystem = new FileSystem(name, FileSystemArgs.builder()
                .encrypted(true)
                .performanceMode("generalPurpose")
                .throughputMode("elastic")
                .tags(Tags.named(tags, name))
                .build(), CustomResourceOptions.builder().parent(this).protect(true).retainOnDelete(true).build());

        for (int i = 0; i < privateSubnets.size(); i++) {
            mountTargets.add(new MountTarget(name + "-" + zones.get(i), MountTargetArgs.builder()
                    .fileSystemId(fileSystem.id())
                    .subnetId(privateSubnets.get(i).id())
                    .securityGroups(securityGroupId.applyValue(List::of))
                    .build(), child));
        }

        accessPoint = new AccessPoint(name, AccessPointArgs.builder()
                .fileSystemId(fileSystem.id())
                .posixUser(AccessPointPosixUserArgs.builder().uid(POSIX_UID).gid(POSIX_GID).build())
                .rootDirectory(AccessPointRootDirectoryArgs.builder()
                        .path(ROOT_DIRECTORY)
                        .creationInfo(AccessPointRootDirectoryCreationInfoArgs.builder()
                                .ownerUid(POSIX_UID).ownerGid(POSIX_GID).permissions(ROOT_PERMISSIONS)
                                .build())
                        .build())
                .tags(Tags.named(tags, name))
                .build(), child);

        new FileSystemPolicy(name, FileSystemPolicyArgs.builder()
                .fileSystemId(fileSystem.id())
                .policy(fileSystem.arn().applyValue(SharedFileSystem::tlsOnlyPolicy))
                .build(), child);

        registerOutputs(Map.of(
                "fileSystemId", fileSystem.id(),
                "accessPointArn", accessPoint.arn()));
    }

    /** Refuses every request that does not arrive over TLS; access itself is granted by the roles. */
    static String tlsOnlyPolicy(String fileSystemArn) {
        return IamDocuments.document(List.of(IamDocuments.statement("DenyNonTlsAccess", "Deny", Map.of("AWS", "*"),
                List.of("*"), fileSystemArn, Map.of("Bool", Map.of("aws:SecureTransport", "false")))));
    }

    public Output<String> fileSystemId() {
        return fileSystem.id();
    }

    public Output<String> fileSystemArn() {
        return fileSystem.arn();
    }

    public Output<String> accessPointArn() {
        return accessPoint.arn();
    }

    public List<MountTarget> mountTargets() {
        return List.copyOf(mountTargets);
    }
}
