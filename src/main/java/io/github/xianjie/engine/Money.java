package io.github.xianjie.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Objects;

/**
 * Exact money and ratio arithmetic for rules. Amounts are {@link BigDecimal} in 万元. Caps are
 * decided exactly ("不超过 X" includes X: {@code part <= fraction × base}); ratios are only rounded
 * for display: fractions to 4 decimals and percentages to 2 decimals, both HALF_UP.
 */
public final class Money {
    /** Decimals of a displayed fraction (0.7906). */
    public static final int RATIO_SCALE = 4;
    /** Decimals of a displayed percentage (79.06%). */
    public static final int PERCENT_SCALE = 2;

    private Money() {
    }

    /**
     * "不超过": is {@code part} at most {@code fraction × base}?
     *
     * @param part     amount in 万元
     * @param fraction the cap as a fraction (0.30 = 30%)
     * @param base     the base amount in 万元
     * @return true when part ≤ fraction × base, exactly
     */
    public static boolean atMost(BigDecimal part, BigDecimal fraction, BigDecimal base) {
        return part.compareTo(fraction.multiply(base)) <= 0;
    }

    /**
     * "不低于": is {@code part} at least {@code fraction × base}?
     *
     * @param part     amount in 万元
     * @param fraction the minimum as a fraction (0.65 = 65%)
     * @param base     the base amount in 万元
     * @return true when part ≥ fraction × base, exactly
     */
    public static boolean atLeast(BigDecimal part, BigDecimal fraction, BigDecimal base) {
        return part.compareTo(fraction.multiply(base)) >= 0;
    }

    /**
     * The limit amount {@code fraction × base}, exact, without trailing zeros.
     *
     * @param fraction a fraction
     * @param base     万元
     * @return 万元
     */
    public static BigDecimal limit(BigDecimal fraction, BigDecimal base) {
        return plain(fraction.multiply(base));
    }

    /**
     * A share for display: {@code part / base} rounded HALF_UP to 4 decimals.
     *
     * @param part 万元
     * @param base 万元
     * @return e.g. {@code "0.7906"}; {@code "—"} when base is zero
     */
    public static String ratio(BigDecimal part, BigDecimal base) {
        if (base.signum() == 0) {
            return "—";
        }
        return part.divide(base, RATIO_SCALE, RoundingMode.HALF_UP).toPlainString();
    }

    /**
     * A share as a percentage for display, rounded HALF_UP to 2 decimals.
     *
     * @param part 万元
     * @param base 万元
     * @return e.g. {@code "79.06%"}; {@code "—"} when base is zero
     */
    public static String percent(BigDecimal part, BigDecimal base) {
        if (base.signum() == 0) {
            return "—";
        }
        return part.multiply(BigDecimal.valueOf(100)).divide(base, PERCENT_SCALE, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /**
     * A fraction parameter as a percentage, e.g. 0.65 → {@code "65%"}, 0.015 → {@code "1.5%"}.
     *
     * @param fraction a fraction
     * @return its percentage text
     */
    public static String asPercent(BigDecimal fraction) {
        return plain(fraction.movePointRight(2)).toPlainString() + "%";
    }

    /**
     * Exact sum, null-safe.
     *
     * @param amounts 万元 values; nulls are skipped
     * @return the sum in 万元
     */
    public static BigDecimal sum(Collection<BigDecimal> amounts) {
        return plain(amounts.stream().filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /**
     * Exact sum of two amounts.
     *
     * @param a 万元
     * @param b 万元
     * @return a + b
     */
    public static BigDecimal add(BigDecimal a, BigDecimal b) {
        return plain(a.add(b));
    }

    /**
     * Strips trailing zeros but never into exponent notation (3460, not 3.46E+3).
     *
     * @param v a value
     * @return the same value with the smallest non-negative scale
     */
    public static BigDecimal plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
