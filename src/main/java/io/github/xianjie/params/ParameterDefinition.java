package io.github.xianjie.params;

import io.github.xianjie.domain.FundSource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * One parameter file: a threshold with its dated values, per fund source where they differ
 * (OpenFisca shape). A null value at a date marks a repeal or "not applicable from then on".
 *
 * @param name          dotted name, e.g. {@code industry-share.minimum}
 * @param description   Chinese description
 * @param descriptionEn English description
 * @param unit          {@code fraction}, {@code 万元}, {@code years} or {@code days}
 * @param reference     citations of the parameter as a whole
 * @param file          the file it was read from (relative to the ruleset folder), for messages
 * @param byFund        dated values per fund source; key null holds values common to both funds
 */
public record ParameterDefinition(String name, String description, String descriptionEn, String unit,
                                  List<String> reference, String file,
                                  Map<FundSource, NavigableMap<LocalDate, DatedValue>> byFund) {

    /**
     * A value from a date on.
     *
     * @param value     the value, or null for "no value from this date"
     * @param severity  ERROR/WARNING as the source words it at that date, or null
     * @param reference the citation of this dated value, or null to use the parameter's
     */
    public record DatedValue(BigDecimal value, String severity, String reference) {
    }

    /**
     * The value in force on a date for a fund source.
     *
     * @param asOf the reference date (by default the last day of the plan's year)
     * @param fund the plan's fund source
     * @return the parameter fact, or empty when none is in force (not yet, repealed, or not for this fund)
     */
    public Optional<Parameter> resolve(LocalDate asOf, FundSource fund) {
        NavigableMap<LocalDate, DatedValue> values = byFund.containsKey(fund) ? byFund.get(fund) : byFund.get(null);
        if (values == null) {
            return Optional.empty();
        }
        Map.Entry<LocalDate, DatedValue> e = values.floorEntry(asOf);
        if (e == null || e.getValue().value() == null) {
            return Optional.empty();
        }
        DatedValue v = e.getValue();
        String ref = v.reference() != null ? v.reference() : String.join("；", reference);
        return Optional.of(new Parameter(name, v.value(), unit, v.severity(), ref, e.getKey(), description));
    }
}
