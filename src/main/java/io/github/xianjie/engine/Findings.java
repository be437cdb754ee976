package io.github.xianjie.engine;

import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.domain.Project;
import io.github.xianjie.params.Parameter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.definition.rule.Rule;

/**
 * The DRL global {@code out}: rules call it to record an outcome. A rule's {@code @ruleId} names its catalogue entry
 * (rules/catalogue.yaml), which gives the citation, severity and titles (its {@code reportTitle}/{@code reportTitleEn}
 * when set, its {@code sourceNote} after the citation); a rule that names {@code @variant("name")} takes what that
 * variant of the entry sets instead. The rule itself carries its message templates ({@code @msg}, {@code @msgEn}),
 * whose {@code {key}} placeholders are filled from the evidence. (Metadata stated in the DRL — {@code @source},
 * {@code @severity}, {@code @title}, {@code @titleEn}, {@code @sourceFrom("parameter")} — still wins, for rulesets
 * without a catalogue entry; the project's own rules state none.) A FAIL of a WARNING rule on a subject with a
 * recorded justification becomes severity INFO and quotes it. An entry with {@code fromParameter: [source]} cites the
 * in-force parameter's own reference (e.g. the regional notices for a regional plan, a profile's source under a
 * profile); with {@code fromParameter: [severity]} it takes the parameter's severity (IS-01: WARNING to 2023, ERROR
 * from 2024). A parameter in the evidence whose notice ended and whose year's notice is not
 * loaded adds that note to the evidence ({@code notLoaded}); a year merged from batches adds them ({@code batches}) to
 * plan findings.
 */
public final class Findings {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private final List<Result> results = new ArrayList<>();
    private final Map<String, String> projectJustifications = new HashMap<>();
    private final Map<String, String> planJustifications;
    private final Map<String, Integer> order = new HashMap<>();
    private final Map<String, RuleMeta> metas = new HashMap<>();
    private final Map<String, RuleCatalogue.Entry> catalogue;
    private final List<String> batches;
    private final Map<Parameter, Map<String, Object>> parameterMaps = new java.util.IdentityHashMap<>();

    /**
     * @param plan the plan under evaluation, for its justifications
     */
    public Findings(CountyPlan plan) {
        this(plan, Map.of());
    }

    /**
     * @param plan      the plan under evaluation, for its justifications
     * @param catalogue the ruleset's catalogue by ID: a rule that carries only {@code @ruleId} (and its
     *                  message templates) takes its source, severity and titles from here
     */
    public Findings(CountyPlan plan, Map<String, RuleCatalogue.Entry> catalogue) {
        this.catalogue = catalogue;
        for (Project p : plan.getProjects()) {
            order.put(p.getSubject(), p.getIndex());
            if (p.getJustification() != null && !p.getJustification().isBlank()) {
                projectJustifications.put(p.getSubject(), p.getJustification().trim());
            }
        }
        planJustifications = plan.getJustifications() == null ? Map.of() : plan.getJustifications();
        batches = plan.batches == null ? List.of() : List.copyOf(plan.batches);
    }

    /**
     * Records a PASS.
     *
     * @param rule     {@code drools.getRule()}
     * @param subject  project subject or {@code plan}
     * @param evidence alternating key, value pairs
     */
    public void pass(Rule rule, String subject, Object... evidence) {
        add(rule, subject, Outcome.PASS, null, List.of(), evidence);
    }

    /**
     * Records a FAIL at the rule's own severity.
     *
     * @param rule     {@code drools.getRule()}
     * @param subject  project subject or {@code plan}
     * @param evidence alternating key, value pairs
     */
    public void fail(Rule rule, String subject, Object... evidence) {
        add(rule, subject, Outcome.FAIL, null, List.of(), evidence);
    }

    /**
     * Records a FAIL at a severity that the dated parameter gives (e.g. IS-01: WARNING to 2023, ERROR from 2024).
     *
     * @param rule     {@code drools.getRule()}
     * @param subject  project subject or {@code plan}
     * @param severity ERROR or WARNING; null keeps the rule's
     * @param evidence alternating key, value pairs
     */
    public void failAt(Rule rule, String subject, String severity, Object... evidence) {
        add(rule, subject, Outcome.FAIL, severity, List.of(), evidence);
    }

    /**
     * Records UNDETERMINED.
     *
     * @param rule     {@code drools.getRule()}
     * @param subject  project subject or {@code plan}
     * @param missing  names of the input fields whose absence prevents a decision
     * @param evidence alternating key, value pairs
     */
    public void undetermined(Rule rule, String subject, Collection<String> missing, Object... evidence) {
        add(rule, subject, Outcome.UNDETERMINED, null, List.copyOf(missing), evidence);
    }

    /**
     * Records NOT_APPLICABLE.
     *
     * @param rule     {@code drools.getRule()}
     * @param subject  project subject or {@code plan}
     * @param evidence alternating key, value pairs (say why it does not apply under key {@code reason})
     */
    public void notApplicable(Rule rule, String subject, Object... evidence) {
        add(rule, subject, Outcome.NOT_APPLICABLE, null, List.of(), evidence);
    }

    /**
     * Orders project subjects as the plan lists them (collected lists come in no fixed order).
     *
     * @param subjects project subjects
     * @return the same subjects in plan order
     */
    public List<String> sorted(Collection<?> subjects) {
        List<String> out = new ArrayList<>();
        subjects.forEach(s -> out.add(String.valueOf(s)));
        out.sort(java.util.Comparator.comparing((String s) -> order.getOrDefault(s, Integer.MAX_VALUE)).thenComparing(s -> s));
        return out;
    }

    /** @return results recorded so far, in firing order. */
    public List<Result> results() {
        return results;
    }

    private void add(Rule rule, String subject, Outcome outcome, String severityOverride,
                     List<String> missing, Object[] evidence) {
        RuleMeta m = metas.computeIfAbsent(rule.getName(), n -> RuleMeta.of(rule, catalogue));
        String ruleId = m.ruleId();
        String severity = severityOverride != null ? severityOverride
                : m.severityFromParameter() ? inForce(evidence, m.severity()) : m.severity();
        Map<String, Object> ev = evidenceMap(rule, evidence);
        if (outcome == Outcome.FAIL && "WARNING".equals(severity)) {
            String why = "plan".equals(subject) ? planJustifications.get(ruleId) : projectJustifications.get(subject);
            if (why != null && !why.isBlank()) {
                severity = "INFO";
                ev.put("justification", why);
            }
        }
        if ("plan".equals(subject) && !batches.isEmpty()) {
            ev.put("batches", batches);
        }
        String notLoaded = notLoaded(evidence);
        if (notLoaded != null) {
            ev.put("notLoaded", notLoaded);
        }
        String source = withProfiles(m.sourceFromParameter() ? parameterSource(evidence, m.source()) : m.source(), evidence);
        results.add(new Result(ruleId, rule.getName(), subject, outcome, severity,
                source, m.title(), m.titleEn(), m.msg(), m.msgEn(), ev, missing));
    }

    /** The first in-force parameter's reference, else the rule's own source. */
    private static String parameterSource(Object[] evidence, String ruleSource) {
        for (Object o : evidence) {
            if (o instanceof Parameter p && p.reference() != null && !p.reference().isBlank()) {
                return p.reference();
            }
        }
        return ruleSource;
    }

    /**
     * A source followed by the reference of every parameter in the evidence that a profile replaced (its reference starts
     * with {@link io.github.xianjie.params.ParameterSet#PROFILE_PREFIX}) and the source does not already name.
     */
    private static String withProfiles(String source, Object[] evidence) {
        boolean profiled = false;
        for (Object o : evidence) {
            profiled |= o instanceof Parameter p && p.reference() != null
                    && p.reference().startsWith(io.github.xianjie.params.ParameterSet.PROFILE_PREFIX);
        }
        if (!profiled) {
            return source == null ? "" : source;   // the rule's own string, shared by its results
        }
        StringBuilder sb = new StringBuilder(source == null ? "" : source);
        for (Object o : evidence) {
            if (o instanceof Parameter p && p.reference() != null
                    && p.reference().startsWith(io.github.xianjie.params.ParameterSet.PROFILE_PREFIX)
                    && sb.indexOf(p.reference()) < 0) {
                sb.append(sb.length() == 0 ? "" : "；").append(p.reference());
            }
        }
        return sb.toString();
    }

    /** The note of a parameter in the evidence whose notice ended with no notice loaded for this year, else null. */
    private static String notLoaded(Object[] evidence) {
        for (Object o : evidence) {
            if (o instanceof Parameter p && p.notLoaded() != null) {
                return p.notLoaded();
            }
        }
        return null;
    }

    /** A rule's metadata, read once per rule and evaluation (the strings are then shared by its results). */
    private record RuleMeta(String ruleId, String severity, String source, String title, String titleEn,
                            String msg, String msgEn, boolean sourceFromParameter, boolean severityFromParameter) {
        static RuleMeta of(Rule rule, Map<String, RuleCatalogue.Entry> catalogue) {
            Map<String, Object> meta = rule.getMetaData();
            String ruleId = meta(meta, "ruleId", rule.getName());
            RuleCatalogue.Entry e = catalogue.get(ruleId);
            String variantName = meta(meta, "variant", null);
            RuleCatalogue.Variant v = e == null || variantName == null ? null : e.variants().get(variantName);
            if (variantName != null && v == null) {
                throw new IllegalStateException(rule.getName() + ": @variant(\"" + variantName + "\") is not defined for "
                        + ruleId + " in catalogue.yaml");
            }
            String title = meta(meta, "title", first(v == null ? null : v.title(), e == null ? null : e.reportTitle(),
                    e == null ? null : e.title(), ruleId));
            String titleEn = meta(meta, "titleEn", first(v == null ? null : v.titleEn(), e == null ? null : e.reportTitleEn(),
                    e == null ? null : e.titleEn(), title));
            String severity = meta(meta, "severity", first(v == null ? null : v.severity(),
                    e == null ? null : e.severity(), "ERROR"));
            String source = meta(meta, "source", first(v == null ? null : v.source(), e == null ? null : e.source(), "")
                    + (e == null ? "" : e.sourceNote()));
            boolean sourceFromParameter = "parameter".equals(meta(meta, "sourceFrom", "")) || e != null && e.sourceFromParameter();
            // without a catalogue entry any dated parameter's severity applies (as before the catalogue said so)
            boolean severityFromParameter = e == null || e.severityFromParameter();
            return new RuleMeta(ruleId, severity, source, title, titleEn,
                    meta(meta, "msg", title), meta(meta, "msgEn", titleEn), sourceFromParameter, severityFromParameter);
        }

        /** The first of the values that is neither null nor empty (the last is the fallback, returned as it is). */
        private static String first(String... values) {
            for (int i = 0; i < values.length - 1; i++) {
                if (values[i] != null && !values[i].isEmpty()) {
                    return values[i];
                }
            }
            return values[values.length - 1];
        }
    }

    /** The severity a dated parameter in the evidence gives (e.g. IS-01: WARNING to 2023, ERROR from 2024), else the rule's. */
    private static String inForce(Object[] evidence, String ruleSeverity) {
        for (Object o : evidence) {
            if (o instanceof Parameter p && p.severity() != null) {
                return p.severity();
            }
        }
        return ruleSeverity;
    }

    private Map<String, Object> evidenceMap(Rule rule, Object[] evidence) {
        if (evidence.length % 2 != 0) {
            throw new IllegalArgumentException(rule.getName() + ": evidence must be key, value pairs");
        }
        Map<String, Object> ev = new Evidence(evidence.length / 2 + 1);
        for (int i = 0; i < evidence.length; i += 2) {
            ev.put(String.valueOf(evidence[i]), normalise(evidence[i + 1]));
        }
        return ev;
    }

    private Object normalise(Object v) {
        if (v instanceof BigDecimal b) {
            return Money.plain(b).toPlainString();
        }
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>();
            c.forEach(x -> out.add(normalise(x)));
            return out;
        }
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        if (v instanceof Parameter p) {
            // one map per parameter and evaluation, shared by the results that cite it (never written after this)
            return parameterMaps.computeIfAbsent(p, Findings::parameterMap);
        }
        return v == null ? null : v instanceof Map<?, ?> ? v : v.toString();
    }

    private static Map<String, Object> parameterMap(Parameter p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("value", Money.plain(p.value()).toPlainString());
        m.put("unit", p.unit());
        m.put("effectiveFrom", p.effectiveFrom().toString());
        m.put("reference", p.reference());
        return java.util.Collections.unmodifiableMap(m);
    }

    private static String meta(Map<String, Object> meta, String key, String fallback) {
        Object v = meta.get(key);
        return v == null ? fallback : unquote(v.toString());
    }

    /**
     * @param s a metadata value as Drools gives it (possibly still in quotes)
     * @return the value without surrounding quotes
     */
    static String unquote(String s) {
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }

    static String fill(String template, Map<String, Object> evidence, String separator, String none) {
        return fill(template, evidence, separator, none, (k, v) -> v);
    }

    /** As {@link #fill(String, Map, String, String)}, each value first passed through {@code words} (key, value). */
    static String fill(String template, Map<String, Object> evidence, String separator, String none,
                       java.util.function.BiFunction<String, Object, Object> words) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            Object v = words.apply(m.group(1), evidence.get(m.group(1)));
            String text = v == null ? m.group() : v instanceof Collection<?> c ? joined(c, separator, none) : v.toString();
            m.appendReplacement(sb, Matcher.quoteReplacement(text));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String joined(Collection<?> c, String separator, String none) {
        if (c.isEmpty()) {
            return none;
        }
        List<String> parts = new ArrayList<>();
        c.forEach(x -> parts.add(String.valueOf(x)));
        return String.join(separator, parts);
    }
}
