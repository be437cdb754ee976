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
        int dash = ruleId.indexOf('-');
        if (dash < 0) {
            return "99" + ruleId;
        }
        int area = AREAS.indexOf(ruleId.substring(0, dash));
        String num = ruleId.substring(dash + 1);
        return String.format("%02d-%5s", area < 0 ? 98 : area, num).replace(' ', '0');
    }
}
