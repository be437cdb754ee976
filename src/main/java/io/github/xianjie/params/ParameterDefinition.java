package io.github.xianjie.params;

import io.github.xianjie.domain.FundSource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
     * @param until     last day the instrument giving this value is in force (e.g. a notice about 2024 funds ends
     *                  2024-12-31), or null when it stays in force until a later dated value replaces it
     */
    public record DatedValue(BigDecimal value, String severity, String reference, LocalDate until) {
        /** A value without an end date. */
        public DatedValue(BigDecimal value, String severity, String reference) {
            this(value, severity, reference, null);
        }
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
        String lapsed = lapsed(asOf, fund).orElse(null);
        Map.Entry<LocalDate, DatedValue> e = values.floorEntry(asOf);
        while (e != null && e.getValue().until() != null && asOf.isAfter(e.getValue().until())) {
            e = values.lowerEntry(e.getKey());
        }
        if (e == null || e.getValue().value() == null) {
            return Optional.empty();
        }
        DatedValue v = e.getValue();
        String ref = v.reference() != null ? v.reference() : String.join("；", reference);
        return Optional.of(new Parameter(name, v.value(), unit, v.severity(), ref, e.getKey(), description, lapsed));
    }

    /** @return the earliest date from which any value (of any fund) is in force, or null when none has a value. */
    public LocalDate firstEffective() {
        LocalDate first = null;
        for (NavigableMap<LocalDate, DatedValue> values : byFund.values()) {
            for (Map.Entry<LocalDate, DatedValue> e : values.entrySet()) {
                if (e.getValue().value() != null && (first == null || e.getKey().isBefore(first))) {
                    first = e.getKey();
                }
            }
        }
        return first;
    }

    /** A document number as cited: 新财规〔2021〕11号, 塔地财振〔2023〕11号. */
    private static final Pattern DOCUMENT = Pattern.compile("[^\\s；（(]*〔\\d{4}〕\\d+号");

    /**
     * Whether a dated value sourced from a time-limited instrument (a notice about one year's funds) has ended by
     * {@code asOf}, so that no value for the year is loaded from a later notice.
     *
     * @param asOf the reference date
     * @param fund the plan's fund source
     * @return a Chinese note naming the ended instrument and the year whose notice is not loaded, e.g.
     *         "塔地财振〔2023〕11号 (二) 只适用于至 2024-12-31 的资金；未载入 2025 年的通知（…的最低比例，参数 …）", or empty; a
     *         document also cited by the value still in force (the Measures) is not named as ended
     */
    public Optional<String> lapsed(LocalDate asOf, FundSource fund) {
        NavigableMap<LocalDate, DatedValue> values = byFund.containsKey(fund) ? byFund.get(fund) : byFund.get(null);
        if (values == null) {
            return Optional.empty();
        }
        Map.Entry<LocalDate, DatedValue> e = values.floorEntry(asOf);
        if (e == null || e.getValue().until() == null || !asOf.isAfter(e.getValue().until())) {
            return Optional.empty();
        }
        DatedValue v = e.getValue();
        String ref = v.reference() != null ? v.reference() : String.join("；", reference);
        // only the instruments that ended: a document cited by the value still in force (the Measures) has not lapsed
        Map.Entry<LocalDate, DatedValue> inForce = values.lowerEntry(e.getKey());
        while (inForce != null && inForce.getValue().until() != null && asOf.isAfter(inForce.getValue().until())) {
            inForce = values.lowerEntry(inForce.getKey());
        }
        java.util.Set<String> stillInForce = new java.util.HashSet<>();
        if (inForce != null) {
            Matcher d = DOCUMENT.matcher(inForce.getValue().reference() != null ? inForce.getValue().reference() : String.join("；", reference));
            while (d.find()) {
                stillInForce.add(d.group());
            }
        }
        List<String> ended = new java.util.ArrayList<>();
        for (String part : ref.split("；")) {
            Matcher d = DOCUMENT.matcher(part);
            if (!(d.find() && stillInForce.contains(d.group()))) {
                ended.add(part.strip());
            }
        }
        String what = description == null ? name : description.split("[（；(]")[0].strip();
        return Optional.of(String.join("；", ended.isEmpty() ? List.of(ref) : ended) + " 只适用于至 " + v.until() + " 的资金；未载入 "
                + asOf.getYear() + " 年的通知（" + what + "，参数 " + name + "）");
    }
}
