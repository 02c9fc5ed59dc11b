package com.medialake.lambda.model;

import com.cronutils.model.Cron;
import com.cronutils.model.definition.CronConstraintsFactory;
import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * AWS's cron expressions (Application Auto Scaling, EventBridge): six fields, minutes hours
 * day-of-month month day-of-week year, with '?' in one of the two day fields and Sunday as 1. Parsed once,
 * with the settings (ScalingSchedule), and read by the rules, the autoscaling and the cost model.
 */
public final class AwsCron {
    private static final CronDefinition DEFINITION = CronDefinitionBuilder.defineCron()
            .withMinutes().withValidRange(0, 59).and()
            .withHours().withValidRange(0, 23).and()
            .withDayOfMonth().withValidRange(1, 31).supportsL().supportsW().supportsLW().supportsQuestionMark().and()
            .withMonth().withValidRange(1, 12).and()
            .withDayOfWeek().withValidRange(1, 7).withMondayDoWValue(2).supportsHash().supportsL()
            .supportsQuestionMark().and()
            .withYear().withValidRange(1970, 2199).and()
            .withCronValidation(CronConstraintsFactory.ensureEitherDayOfWeekOrDayOfMonth())
            .instance();
    private static final CronParser PARSER = new CronParser(DEFINITION);

    private final String expression;
    private final ExecutionTime executionTime;

    private AwsCron(String expression, Cron cron) {
        this.expression = expression;
        this.executionTime = ExecutionTime.forCron(cron);
    }

    /** The expression without AWS's cron(...) wrapper, which may be given or not. */
    public static String unwrap(String text) {
        String t = text.trim();
        return t.startsWith("cron(") && t.endsWith(")") ? t.substring(5, t.length() - 1).trim() : t;
    }

    /** Empty with the parser's reason when the text is not an AWS cron expression. */
    public static ParseResult parse(String text) {
        String expression = unwrap(text);
        if (expression.split("\\s+").length != 6) {
            return new ParseResult(Optional.empty(), "AWS cron has 6 fields (minutes hours day-of-month month"
                    + " day-of-week year), found " + expression.split("\\s+").length);
        }
        try {
            return new ParseResult(Optional.of(new AwsCron(expression, PARSER.parse(expression))), null);
        } catch (IllegalArgumentException e) {
            return new ParseResult(Optional.empty(), e.getMessage());
        }
    }

    /** A parsed expression, or why it is not one. */
    public record ParseResult(Optional<AwsCron> cron, String error) {
    }

    /** The form App Auto Scaling takes: cron(...). */
    public String scheduleExpression() {
        return "cron(" + expression + ")";
    }

    public Optional<ZonedDateTime> nextAfter(ZonedDateTime time) {
        return executionTime.nextExecution(time);
    }

    /** The six fields as written: minutes, hours, day-of-month, month, day-of-week, year. */
    public java.util.List<String> fields() {
        return java.util.List.of(expression.split("\\s+"));
    }

    /** Equal when the expressions are: settings parsed twice from the same config are equal. */
    @Override
    public boolean equals(Object other) {
        return other instanceof AwsCron cron && cron.expression.equals(expression);
    }

    @Override
    public int hashCode() {
        return expression.hashCode();
    }

    @Override
    public String toString() {
        return expression;
    }
}
