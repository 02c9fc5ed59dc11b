package com.medialake.lambda.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts in USD as the bill, the diff and the reports write them. */
public final class Usd {
    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2, RoundingMode.HALF_UP);

    private Usd() {
    }

    /** An amount rounded to cents. */
    public static BigDecimal cents(double amount) {
        return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP);
    }

    /** A unit price as a person reads it: at least cents (0.10, 3.00), more digits where it has them (0.045). */
    public static String price(double usd) {
        var value = BigDecimal.valueOf(usd).stripTrailingZeros();
        return (value.scale() < 2 ? value.setScale(2) : value).toPlainString();
    }

    /** A change: "+$98.55", "-$7.30". */
    public static String signed(BigDecimal amount) {
        return (amount.signum() < 0 ? "-$" : "+$") + amount.abs().setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
