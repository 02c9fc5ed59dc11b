package com.medialake.lambda.capacity;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * {@code capacity --plot DIR}: one SVG per function over the 168 hours of the week (Monday 00:00 first, in the
 * function's zone): the coverage quantile of the hourly peak concurrency (the warm instances needed), the
 * observed peak, the PC today's configuration and the proposal held when replayed (the most in that hour of any
 * week), and the hours in which today's configuration spilled over. Drawn with JFreeChart, written by JFreeSVG.
 */
final class CapacityChart {
    static final int WIDTH = 1100;
    static final int HEIGHT = 420;

    private CapacityChart() {
    }

    static void writeAll(CapacitySizing.Result result, MetricData data, Path dir) {
        try {
            Files.createDirectories(dir);
            for (var f : result.functions()) {
                Files.writeString(dir.resolve(f.function() + ".svg"), svg(result, f, data));
            }
        } catch (IOException e) {
            throw new MetricData.Unreadable("cannot write the charts to " + dir + ": " + e.getMessage());
        }
    }

    static String svg(CapacitySizing.Result result, CapacitySizing.FunctionSizing f, MetricData data) {
        ZoneId zone = ZoneId.of(f.timezone());
        var need = new XYSeries("needed (coverage " + result.coverage() + ")");
        var peak = new XYSeries("observed peak");
        var today = new XYSeries("PC today (replayed)");
        var proposed = new XYSeries("PC proposed (replayed)");
        var spill = new XYSeries("spillover today (cold starts)");
        double[] peaks = new double[168];
        for (Instant hour : data.hours()) {
            int h = WeeklyNeed.hourOfWeek(hour, zone);
            peaks[h] = Math.max(peaks[h], data.at("conc_" + f.function(), hour));
        }
        int[] todayLevels = byHourOfWeek(f.current().result().levelByHour(), result.first(), zone);
        boolean[] spilled = new boolean[168];
        var spillByHour = f.current().result().spilloverByHour();
        for (int i = 0; i < spillByHour.length; i++) {
            if (spillByHour[i] > 0) {
                spilled[WeeklyNeed.hourOfWeek(result.first().plusSeconds(3600L * i), zone)] = true;
            }
        }
        int[] proposedLevels = f.proposal().map(p -> byHourOfWeek(p.result().levelByHour(), result.first(), zone))
                .orElse(null);
        for (int h = 0; h < 168; h++) {
            need.add(h, f.hourlyLevels()[h]);
            peak.add(h, peaks[h]);
            today.add(h, todayLevels[h]);
            if (proposedLevels != null) {
                proposed.add(h, proposedLevels[h]);
            }
            if (spilled[h]) {
                spill.add(h, peaks[h]);
            }
        }
        var steps = new XYSeriesCollection();
        steps.addSeries(need);
        steps.addSeries(peak);
        steps.addSeries(today);
        if (proposedLevels != null) {
            steps.addSeries(proposed);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(result.stack() + " / " + f.function()
                        + ": concurrency per hour of the week (" + f.timezone() + ")",
                "hour of the week (0 = Monday 00:00)", "concurrent executions / PC instances", steps,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        var stepRenderer = new XYStepRenderer();
        stepRenderer.setDefaultShapesVisible(false);
        // needed, observed peak, today, proposed: the two replays drawn so that one never hides the other.
        Color[] colors = {new Color(0x1f77b4), new Color(0x999999), new Color(0xd62728), new Color(0x2ca02c)};
        BasicStroke[] strokes = {new BasicStroke(2f), dashed(1.5f, 2f), new BasicStroke(4f), dashed(2.5f, 8f)};
        for (int i = 0; i < steps.getSeriesCount(); i++) {
            stepRenderer.setSeriesPaint(i, colors[i]);
            stepRenderer.setSeriesStroke(i, strokes[i]);
        }
        plot.setRenderer(0, stepRenderer);
        plot.getDomainAxis().setRange(0, 168);
        var marks = new XYSeriesCollection(spill);
        var markRenderer = new XYLineAndShapeRenderer(false, true);
        markRenderer.setSeriesPaint(0, new Color(0xff7f0e));
        markRenderer.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-5, -5, 10, 10));
        plot.setDataset(1, marks);
        plot.setRenderer(1, markRenderer);
        var g = new SVGGraphics2D(WIDTH, HEIGHT);
        chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
        return g.getSVGDocument();
    }

    private static BasicStroke dashed(float width, float dash) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {dash, dash}, 0f);
    }

    /** The most of each hour of the week over the replayed span. */
    private static int[] byHourOfWeek(int[] levelByHour, Instant first, ZoneId zone) {
        int[] out = new int[168];
        for (int i = 0; i < levelByHour.length; i++) {
            int h = WeeklyNeed.hourOfWeek(first.plusSeconds(3600L * i), zone);
            out[h] = Math.max(out[h], levelByHour[i]);
        }
        return out;
    }
}
