package com.medialake.lambda.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a change adds to the monthly bill, as --diff-against prints it and carries it in its JSON. */
class CostDiffTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static StackPlans.Cli preview(String... args) {
        var run = StackPlans.preview(args);
        assertEquals(0, run.status(), run.err());
        return run;
    }

    @Test
    void oneNatGatewayInsteadOfOnePerAz() throws Exception {
        Path before = write("before.json", preview("us-east-1", "--json").out());
        Path single = write("Pulumi.single.yaml", Files.readString(Path.of("Pulumi.us-east-1.yaml"))
                .replace("natGateways: onePerAz", "natGateways: single"));
        String diff = preview("us-east-1", "--config-file", single.toString(), "--diff-against", before.toString()).out();
        // Two NAT gateways and their two addresses go: 2 x ($0.045 + $0.005) x 730 h = $73.00 a month.
        assertEquals(new BigDecimal("73.00"), BigDecimal.valueOf(2 * (0.045 + 0.005) * 730).setScale(2,
                java.math.RoundingMode.HALF_UP));
        assertTrue(diff.endsWith("""
                0 to create, 2 to update, 0 to replace, 4 to delete
                Monthly cost: $349.63 -> $276.63 (-$73.00/month)
                  -$65.70/month: 2 x NAT gateway deleted
                  -$7.30/month: 2 x public IPv4 address (the NAT gateway's Elastic IP) deleted
                """), diff);
        var json = JsonParser.parseString(preview("us-east-1", "--config-file", single.toString(), "--diff-against",
                before.toString(), "--json").out()).getAsJsonObject().getAsJsonObject("cost");
        assertEquals(new BigDecimal("-73.00"), json.get("deltaMonthlyUsd").getAsBigDecimal());
        assertEquals(4, json.getAsJsonArray("resources").size());
        json.getAsJsonArray("resources").forEach(r -> assertEquals("deleted", r.getAsJsonObject().get("kind").getAsString()));
        // And back: the same amount the other way.
        Path after = write("after.json", preview("us-east-1", "--config-file", single.toString(), "--json").out());
        assertTrue(preview("us-east-1", "--diff-against", after.toString()).out()
                .contains("Monthly cost: $276.63 -> $349.63 (+$73.00/month)\n  +$65.70/month: 2 x NAT gateway created\n"));
    }

    @Test
    void aSavedPlanWithoutABillIsComparedWithoutCost() throws Exception {
        var old = JsonParser.parseString(preview("us-east-1", "--json").out()).getAsJsonObject();
        old.remove("bill");
        String diff = preview("us-east-1", "--diff-against", write("old.json", old.toString()).toString()).out();
        assertTrue(diff.endsWith("no changes\nMonthly cost: not compared: the saved plan has no bill (saved before the"
                + " preview priced plans): save the base again with --json to see the cost of a change\n"), diff);
    }

    @Test
    void theJsonCarriesTheBill() {
        var bill = JsonParser.parseString(preview("us-east-1", "--json").out()).getAsJsonObject().getAsJsonObject("bill");
        assertEquals(new BigDecimal("124.30"), bill.get("fixedMonthlyUsd").getAsBigDecimal());
        assertEquals(new BigDecimal("225.33"), bill.get("provisionedConcurrencyMonthlyUsd").getAsBigDecimal());
        assertEquals(new BigDecimal("349.63"), bill.get("totalMonthlyUsd").getAsBigDecimal());
        assertTrue(bill.getAsJsonArray("notEstimated").size() > 0);
    }

    @Test
    void metricsTakeOneStack() {
        var run = StackPlans.preview("us-east-1", "eu-west-1", "--metrics", "metrics.json");
        assertEquals(1, run.status());
        assertTrue(run.err().startsWith("error: --config-file, --diff-against and --metrics take one stack"), run.err());
        var missing = StackPlans.preview("us-east-1", "--metrics", dir.resolve("none.json").toString());
        assertEquals(1, missing.status());
        assertTrue(missing.err().startsWith("error: no metrics file "), missing.err());
        var notAnExport = StackPlans.preview("us-east-1", "--metrics", "Pulumi.yaml");
        assertEquals(2, notAnExport.status(), notAnExport.err());
        assertEquals("", notAnExport.out());
    }
}
