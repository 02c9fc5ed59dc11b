package com.medialake.lambda.cost;

/** A list price in USD per unit of its meter, with where it was read. */
public record UnitPrice(Meter meter, double usd, String source) {
}
