package io.github.xianjie.engine;

import java.time.LocalDate;

/**
 * A Drools fact: which year's measures apply to this evaluation, and the reference date of the parameters.
 *
 * @param year the measures year ({@code --measures-year}, by default the plan's year)
 * @param asOf the reference date (31 December of that year)
 */
public record Measures(int year, LocalDate asOf) {
    /** @return the measures year (for DRL). */
    public int getYear() {
        return year;
    }
}
