package io.github.xianjie.params;

/**
 * A Drools fact: a parameter whose value came from a notice about one year's funds that has ended, with no notice
 * for the plan's year loaded (e.g. 塔地财振〔2023〕11号 on 2024 funds, for a 2025 plan). Rules that find no value in
 * force cite it, so the report says which year's notice is missing rather than that the rule does not apply.
 *
 * @param name the parameter's dotted name, e.g. {@code industry-share.chain-minimum}
 * @param year the plan (measures) year whose notice is not loaded
 * @param note Chinese note naming the ended notice, its end date and the missing year
 */
public record NotLoadedNotice(String name, int year, String note) {
    /** @return the parameter name (for DRL). */
    public String getName() {
        return name;
    }

    /** @return the note (for DRL). */
    public String getNote() {
        return note;
    }
}
