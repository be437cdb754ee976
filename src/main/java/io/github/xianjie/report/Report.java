package io.github.xianjie.report;

import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.domain.Inference;
import io.github.xianjie.domain.Project;
import io.github.xianjie.engine.Evaluation;
import io.github.xianjie.engine.Money;
import io.github.xianjie.engine.Outcome;
import io.github.xianjie.engine.Result;
import io.github.xianjie.engine.Ruleset;
import io.github.xianjie.params.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report contract of plan-format.md as an ordered tree (maps, lists, strings), shared by the
 * JSON, text, CSV and XLSX writers. The same input and ruleset give the same tree.
 *
 * @param ruleset    {@code version}, {@code sha256}, {@code measuresYear}, {@code asOf}, {@code profile}
 * @param input      {@code file}, {@code sha256}
 * @param evaluation the evaluation it reports
 */
public record Report(Map<String, Object> ruleset, Map<String, Object> input, Evaluation evaluation) {

    /**
     * @param evaluation   the evaluation
     * @param rules        the ruleset used
     * @param inputFile    the input path as the user gave it
     * @param inputSha256  SHA-256 of the input bytes
     * @param measuresYear the year whose parameters were applied
     * @param profile      the profile folder name, or null
     * @return the report
     */
    public static Report of(Evaluation evaluation, Ruleset rules, String inputFile, String inputSha256,
                            int measuresYear, String profile) {
        Map<String, Object> rs = new LinkedHashMap<>();
        rs.put("version", rules.version());
        rs.put("sha256", rules.sha256());
        rs.put("measuresYear", measuresYear);
        rs.put("asOf", evaluation.asOf().toString());
        if (profile != null) {
            rs.put("profile", profile);
            rs.put("profileSha256", Ruleset.digest(java.nio.file.Path.of(profile)));
        }
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("file", inputFile);
        in.put("sha256", inputSha256);
        return new Report(rs, in, evaluation);
    }

    /** @return counts by ERROR, WARNING, INFO (failed rules by severity), UNDETERMINED, PASS, NOT_APPLICABLE. */
    public Map<String, Integer> summary() {
        Map<String, Integer> s = new LinkedHashMap<>();
        for (String k : List.of("ERROR", "WARNING", "INFO", "UNDETERMINED", "PASS", "NOT_APPLICABLE")) {
            s.put(k, 0);
        }
        for (Result r : evaluation.results()) {
            String k = r.outcome() == Outcome.FAIL ? r.severity() : r.outcome().name();
            s.merge(k, 1, Integer::sum);
        }
        return s;
    }

    /** @return the whole contract tree, in contract order. */
    public Map<String, Object> toTree() {
        Map<String, Object> root = header();
        List<Map<String, Object>> results = new ArrayList<>();
        for (Result r : evaluation.results()) {
            results.add(result(r));
        }
        root.put("results", results);
        return root;
    }

    /**
     * @return the contract tree without its {@code results} (ruleset, input, plan, summary, metrics,
     *         parameters, inferences), for writers that stream the results one by one
     */
    public Map<String, Object> header() {
        CountyPlan plan = evaluation.plan();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("ruleset", ruleset);
        root.put("input", input);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("county", plan.getCounty());
        p.put("prefecture", plan.getPrefecture());
        p.put("year", plan.getYear());
        p.put("fundSource", plan.getFundSource().name());
        if (plan.getAllocationAmount() != null) {
            p.put("allocation", Money.plain(plan.getAllocationAmount()).toPlainString());
        }
        if (plan.getAllocation() != null && plan.getAllocation().documentNo() != null) {
            p.put("documentNo", plan.getAllocation().documentNo());
        }
        p.put("projects", plan.getProjects().size());
        root.put("plan", p);
        root.put("summary", summary());
        root.put("metrics", PlanMetrics.of(plan, evaluation.results()));
        List<Map<String, Object>> params = new ArrayList<>();
        for (Parameter x : evaluation.parameters()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", x.name());
            m.put("value", Money.plain(x.value()).toPlainString());
            m.put("unit", x.unit());
            if (x.severity() != null) {
                m.put("severity", x.severity());
            }
            m.put("effectiveFrom", x.effectiveFrom().toString());
            m.put("reference", x.reference());
            params.add(m);
        }
        root.put("parameters", params);
        root.put("inferences", inferences(plan));
        return root;
    }

    /**
     * @param r a result
     * @return its contract object: ruleId, subject, outcome, severity, source, title, message, messageEn, evidence, missing
     */
    public static Map<String, Object> result(Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ruleId", r.ruleId());
        m.put("subject", r.subject());
        m.put("outcome", r.outcome().name());
        m.put("severity", r.severity());
        m.put("source", r.source());
        m.put("title", r.title());
        m.put("message", r.message());
        m.put("messageEn", r.messageEn());
        m.put("evidence", r.evidence());
        m.put("missing", r.missing());
        return m;
    }

    private static List<Map<String, Object>> inferences(CountyPlan plan) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Project pr : plan.getProjects()) {
            for (Inference i : pr.getInferences()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("subject", pr.getSubject());
                m.put("field", i.field());
                m.put("value", i.value());
                m.put("basis", i.basis());
                m.put("matched", i.matched());
                m.put("catalogueRow", i.catalogueRow());
                out.add(m);
            }
        }
        return out;
    }
}
