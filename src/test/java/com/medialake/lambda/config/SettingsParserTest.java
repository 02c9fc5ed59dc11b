package com.medialake.lambda.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.medialake.lambda.model.Architecture;
import com.medialake.lambda.model.FunctionSettings;
import com.medialake.lambda.model.FunctionTable;
import com.medialake.lambda.model.NatGatewayStrategy;
import com.medialake.lambda.model.NetworkAttachment;
import com.medialake.lambda.model.StackSettings;
import com.medialake.lambda.preview.StackPlans;
import com.medialake.lambda.rules.Suggestions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsParserTest {
    private static StackSettings parse(String yaml) {
        return StackPlans.settings("test", yaml);
    }

    private static FunctionSettings fn(StackSettings s, String name) {
        return s.functions().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aRegionAloneGivesTheStrategyDefaults() {
        var s = parse("config:\n  aws:region: us-east-1\n");
        assertEquals("us-east-1", s.region());
        assertEquals("10.0.0.0/16", s.network().cidr().toString());
        assertEquals(3, s.network().availabilityZones());
        assertEquals(NatGatewayStrategy.ONE_PER_AZ, s.network().natGateways());
        assertEquals(1000, s.accountConcurrencyLimit());
        assertTrue(s.snapStartAllowed());
        assertEquals(Duration.ofMinutes(15), s.provisionedConcurrencyTimeout());
        assertEquals(30, s.logRetentionDays());
        assertEquals(List.copyOf(FunctionTable.MEDIALAKE.names()), s.functions().stream().map(f -> f.name()).toList());
        var search = fn(s, "search_api");
        assertEquals(9000, search.memoryMb());
        assertEquals(29, search.timeoutSeconds(), "behind the HTTP API, which waits 30 s at most");
        assertEquals(300, fn(s, "init_zip").timeoutSeconds());
        assertEquals("python3.12", search.runtime());
        assertEquals(Architecture.X86_64, search.architecture());
        assertEquals(2, search.provisionedConcurrency());
        assertTrue(search.publish(), "PC needs a published version");
        assertFalse(search.snapStart());
        assertNull(search.reservedConcurrency());
        var initZip = fn(s, "init_zip");
        assertEquals(512, initZip.memoryMb());
        assertEquals(NetworkAttachment.VPC_WITH_EFS, initZip.attachment());
        assertFalse(initZip.publish(), "nothing to publish for without PC or SnapStart");
        assertEquals(512, fn(s, "assets_get").memoryMb());
        assertEquals(1024, fn(s, "collections_api").memoryMb());
    }

    @Test
    void overridesApplyPerFunctionAndLeaveTheOthersAlone() {
        var s = parse(StackPlans.stackFile("eu-west-1", """
                snapStartAllowed: "false"
                provisionedConcurrencyTimeout: 1h30m
                functions:
                  upload_part:
                    memoryMb: 2048
                    timeoutSeconds: 900
                    architecture: arm64
                    reservedConcurrency: 20
                  collections_api:
                    provisionedConcurrency: 0
                    snapStart: false
                """));
        assertFalse(s.snapStartAllowed());
        assertEquals(Duration.ofMinutes(90), s.provisionedConcurrencyTimeout());
        var upload = fn(s, "upload_part");
        assertEquals(2048, upload.memoryMb());
        assertEquals(900, upload.timeoutSeconds());
        assertEquals(Architecture.ARM64, upload.architecture());
        assertEquals(20, upload.reservedConcurrency());
        var collections = fn(s, "collections_api");
        assertEquals(0, collections.provisionedConcurrency());
        assertFalse(collections.publish(), "no PC and no SnapStart: nothing to publish");
        assertEquals(1024, fn(s, "append_to_zip").memoryMb());
    }

    @Test
    void snapStartPublishesAFunctionWithoutPc() {
        var s = parse(StackPlans.stackFile("us-east-1", """
                functions:
                  collections_api:
                    provisionedConcurrency: 0
                    snapStart: true
                """));
        assertTrue(fn(s, "collections_api").publish());
        assertTrue(fn(s, "collections_api").snapStart());
    }

    @Test
    void everyProblemIsReportedInOneRun() {
        var e = assertThrows(InvalidConfigException.class, () -> parse(StackPlans.stackFile("us-east-1", """
                network:
                  cidr: 300.0.0.0/16
                functions:
                  search_api:
                    memoryMb: 20000
                  init_zip:
                    timeoutSeconds: 1000
                """)));
        assertEquals(3, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().startsWith("invalid configuration for stack test (3 problems; nothing was deployed):"));
    }

    @Test
    void typeErrorsAreReportedBeforeRulesThatWouldMisreadThem() {
        var e = assertThrows(InvalidConfigException.class, () -> parse(StackPlans.stackFile("us-east-1", """
                functions:
                  assets_get:
                    memoryMb: small
                """)));
        assertEquals(1, e.problems().size(), "the 512 MB rule must not fire on the default it fell back to");
        assertEquals("functions.assets_get.memoryMb", e.problems().get(0).key());
    }

    @Test
    void anEmptyStackFileStillNeedsARegion() {
        var e = assertThrows(InvalidConfigException.class, () -> parse(""));
        assertEquals("aws:region", e.problems().get(0).key());
        assertTrue(e.problems().get(0).fix().contains("pulumi config set aws:region test"));
    }

    @Test
    void suggestionsFindTheKeyMeantOrListTheKnownOnes() {
        assertEquals("did you mean memoryMb? Known: memoryMb, timeoutSeconds",
                Suggestions.didYouMean("memorymb", java.util.List.of("memoryMb", "timeoutSeconds")));
        assertEquals("known: memoryMb, timeoutSeconds",
                Suggestions.didYouMean("colour", java.util.List.of("memoryMb", "timeoutSeconds")));
    }

    @Test
    void yamlOneOneBooleansStayText() {
        var file = StackFile.parse("test", "Pulumi.test.yaml", "config:\n  a:b: yes\n  a:c: on\n  a:d: true\n");
        assertEquals("yes", file.get("a:b").orElseThrow());
        assertEquals("on", file.get("a:c").orElseThrow());
        assertEquals("true", file.get("a:d").orElseThrow());
    }

    @Test
    void duplicateKeysAreAnError() {
        var e = assertThrows(InvalidConfigException.class, () -> StackFile.parse("test", "Pulumi.test.yaml",
                "config:\n  aws:region: us-east-1\n  aws:region: eu-west-1\n"));
        assertTrue(e.getMessage().contains("duplicate key aws:region"), e.getMessage());
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    }
}
