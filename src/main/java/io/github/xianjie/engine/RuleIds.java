package io.github.xianjie.engine;

import java.util.List;

/** Catalogue rule IDs: their areas in catalogue order, for sorting reports. */
public final class RuleIds {
    /** Areas in the order of the rule catalogue. */
    public static final List<String> AREAS = List.of("NL", "PP", "AF", "CP", "IS", "PM", "AL", "LG");

    private RuleIds() {
    }

    /**
     * @param ruleId e.g. {@code PP-02}
     * @return a key that sorts IDs in catalogue order (area, then number)
     */
    public static String sortKey(String ruleId) {
        return String.format("%012d", sortOrdinal(ruleId));
    }

    /**
     * A number that sorts IDs in catalogue order: area index × 1,000,000 + the number after the dash
     * (areas not in {@link #AREAS} after them; IDs without a dash last). Cheap enough to compute per
     * result; compute it once per result, not per comparison.
     *
     * @param ruleId e.g. {@code PP-02}
     * @return e.g. 1,000,002
     */
    public static long sortOrdinal(String ruleId) {
        int dash = ruleId.indexOf('-');
        if (dash < 0) {
            return 99L * 1_000_000;
        }
        int area = AREAS.indexOf(ruleId.substring(0, dash));
        long num;
        try {
            num = Math.min(Long.parseLong(ruleId.substring(dash + 1)), 999_999);
        } catch (NumberFormatException e) {
            num = 999_999;
        }
        return (area < 0 ? 98L : area) * 1_000_000 + num;
    }
}
