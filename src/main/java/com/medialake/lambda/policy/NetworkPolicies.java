package com.medialake.lambda.policy;

import static com.medialake.lambda.plan.ResourceTypes.*;
import static com.medialake.lambda.policy.IamDocumentReader.*;

import com.medialake.lambda.plan.Plan;
import com.medialake.lambda.plan.PlannedResource;
import com.medialake.lambda.policy.PlanPolicies.Reporter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The network: no world ingress, NFS only from the functions, the default group closed, flow logs, private subnets. */
final class NetworkPolicies {
    private NetworkPolicies() {
    }

    static void noWorldIngress(Plan plan, Reporter r) {
        for (var group : securityGroups(plan)) {
            for (var rule : array(group.inputs(), "ingress")) {
                var cidrs = new ArrayList<String>();
                cidrs.addAll(strings(rule.getAsJsonObject(), "cidrBlocks"));
                cidrs.addAll(strings(rule.getAsJsonObject(), "ipv6CidrBlocks"));
                if (cidrs.contains("0.0.0.0/0") || cidrs.contains("::/0")) {
                    r.report(group, "admits " + describeRule(rule.getAsJsonObject()) + " from anywhere",
                            "admit the security groups of the callers instead of an address range");
                }
            }
        }
    }

    static void nfsFromFunctions(Plan plan, Reporter r) {
        Set<String> functionGroups = plan.ofType(FUNCTION).stream()
                .flatMap(f -> f.inputs().has("vpcConfig")
                        ? strings(f.inputs().getAsJsonObject("vpcConfig"), "securityGroupIds").stream() : java.util.stream.Stream.empty())
                .collect(Collectors.toSet());
        for (var group : securityGroups(plan)) {
            for (var element : array(group.inputs(), "ingress")) {
                var rule = element.getAsJsonObject();
                if (!coversPort(rule, 2049)) {
                    continue;
                }
                var sources = strings(rule, "securityGroups");
                if (!strings(rule, "cidrBlocks").isEmpty() || sources.isEmpty()
                        || !functionGroups.containsAll(sources)) {
                    r.report(group, "admits NFS from " + (sources.isEmpty() ? "address ranges" : "groups " + sources)
                                    + ", not only from the functions' security groups " + functionGroups.stream().sorted().toList(),
                            "admit TCP 2049 only from the security group the EFS functions use");
                }
            }
        }
    }

    static void defaultGroupClosed(Plan plan, Reporter r) {
        for (var vpc : plan.ofType(VPC)) {
            var defaults = plan.ofType(DEFAULT_SECURITY_GROUP).stream()
                    .filter(d -> vpc.id().equals(d.input("vpcId"))).toList();
            if (defaults.isEmpty()) {
                r.report(vpc, "the default security group keeps AWS's rules (all traffic between its members)",
                        "manage it with a DefaultSecurityGroup without ingress or egress");
            }
            for (var d : defaults) {
                if (!array(d.inputs(), "ingress").isEmpty() || !array(d.inputs(), "egress").isEmpty()) {
                    r.report(d, "the default security group has rules", "remove its ingress and egress");
                }
            }
        }
    }

    static void flowLogs(Plan plan, Reporter r) {
        for (var vpc : plan.ofType(VPC)) {
            boolean logged = plan.ofType(FLOW_LOG).stream()
                    .anyMatch(f -> vpc.id().equals(f.input("vpcId")) && "ALL".equals(f.input("trafficType")));
            if (!logged) {
                r.report(vpc, "no flow log records the VPC's traffic", "add a FlowLog of ALL traffic on the VPC");
            }
        }
    }

    static void privateSubnets(Plan plan, Reporter r) {
        Set<String> gateways = plan.ofType(INTERNET_GATEWAY).stream()
                .map(PlannedResource::id).collect(Collectors.toSet());
        Set<String> publicTables = plan.ofType(EC2_ROUTE).stream()
                .filter(route -> gateways.contains(route.input("gatewayId")))
                .map(route -> route.input("routeTableId")).collect(Collectors.toSet());
        Set<String> publicSubnets = plan.ofType(ROUTE_TABLE_ASSOCIATION).stream()
                .filter(a -> publicTables.contains(a.input("routeTableId")))
                .map(a -> a.input("subnetId")).collect(Collectors.toSet());
        plan.ofType(SUBNET).stream().filter(s -> "true".equals(s.input("mapPublicIpOnLaunch")))
                .forEach(s -> publicSubnets.add(s.id()));
        Set<String> withPc = functionsWithPc(plan);
        for (var fn : plan.ofType(FUNCTION)) {
            boolean efs = fn.inputs().has("fileSystemConfig");
            if (!efs && !withPc.contains(fn.input("name"))) {
                continue;
            }
            var vpc = fn.inputs().getAsJsonObject("vpcConfig");
            var subnets = vpc == null ? List.<String>of() : strings(vpc, "subnetIds");
            if (subnets.isEmpty() || subnets.stream().anyMatch(publicSubnets::contains)) {
                r.report(fn, (efs ? "an EFS" : "a PC") + " function runs " + (subnets.isEmpty() ? "outside the VPC"
                                : "in public subnets " + subnets.stream().filter(publicSubnets::contains).toList()),
                        "place it in the private subnets only");
            }
        }
    }
}
