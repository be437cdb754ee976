package io.github.xianjie.params;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A threshold in force for one plan: a Drools fact that rules read by {@code name}.
 *
 * @param name          dotted name from the parameter file's path, e.g. {@code management-fee.cap}
 * @param value         the value: a fraction (0.01 = 1%) or an amount in 万元, as {@code unit} says
 * @param unit          {@code fraction}, {@code 万元}, {@code years} or {@code days}
 * @param severity      severity the source's wording gives at this date (ERROR/WARNING), or null to keep the rule's
 * @param reference     citation of the value in force, e.g. {@code 新财规〔2021〕11号 第九条}
 * @param effectiveFrom date from which this value is in force
 * @param description   Chinese description of the parameter
 * @param notLoaded     when a notice-sourced value ended before this year and the value in force is the older one
 *                      (e.g. the Measures' 50%), a Chinese note naming the ended notice and the year whose notice is
 *                      not loaded; else null
 */
public record Parameter(String name, BigDecimal value, String unit, String severity, String reference,
                        LocalDate effectiveFrom, String description, String notLoaded) {

    /** A parameter with no ended notice behind it. */
    public Parameter(String name, BigDecimal value, String unit, String severity, String reference,
                     LocalDate effectiveFrom, String description) {
        this(name, value, unit, severity, reference, effectiveFrom, description, null);
    }

    /** @return the note on the ended notice whose year is not loaded, or null (for DRL). */
    public String getNotLoaded() {
        return notLoaded;
    }

    /** @return the value (for DRL, which reads JavaBean-style getters). */
    public BigDecimal getValue() {
        return value;
    }

    /** @return the dotted name (for DRL). */
    public String getName() {
        return name;
    }

    /** @return the severity at this date, or null (for DRL). */
    public String getSeverity() {
        return severity;
    }

    /** @return the citation (for DRL). */
    public String getReference() {
        return reference;
    }
}
