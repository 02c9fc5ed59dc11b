package com.medialake.lambda.model;

import java.util.Optional;
import java.util.regex.Pattern;

/** An IPv4 CIDR block; parsing never throws, so callers can turn a bad value into a config error. */
public record Cidr(int address, int prefixLength) {
    private static final Pattern SHAPE = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");

    public Cidr {
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("prefix length out of range: " + prefixLength);
        }
    }

    /** Empty when the text is not a.b.c.d/n with octets 0-255 and n 0-32. */
    public static Optional<Cidr> parse(String text) {
        var m = SHAPE.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        int address = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                return Optional.empty();
            }
            address = (address << 8) | octet;
        }
        int prefix = Integer.parseInt(m.group(5));
        return prefix > 32 ? Optional.empty() : Optional.of(new Cidr(address, prefix));
    }

    /** True when bits beyond the prefix are set, as in 10.0.0.1/16. */
    public boolean hasHostBits() {
        return (address & ~mask()) != 0;
    }

    /** The same block with the host bits cleared: what the user most likely meant. */
    /** Whether the two blocks share an address. */
    public boolean overlaps(Cidr other) {
        int prefix = Math.min(prefixLength, other.prefixLength);
        long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        return ((address & 0xFFFFFFFFL) & mask) == ((other.address & 0xFFFFFFFFL) & mask);
    }

    public Cidr network() {
        return new Cidr(address & mask(), prefixLength);
    }

    /** The index-th block of prefixLength + newBits, as Terraform's cidrsubnet. */
    public Cidr subnet(int newBits, int index) {
        int prefix = prefixLength + newBits;
        if (prefix > 32 || index < 0 || index >= (1 << newBits)) {
            throw new IllegalArgumentException("no subnet " + index + " of /" + prefix + " in " + this);
        }
        return new Cidr(network().address | (index << (32 - prefix)), prefix);
    }

    private int mask() {
        return prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
    }

    @Override
    public String toString() {
        return ((address >>> 24) & 255) + "." + ((address >>> 16) & 255) + "." + ((address >>> 8) & 255) + "."
                + (address & 255) + "/" + prefixLength;
    }
}
