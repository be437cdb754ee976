package io.github.xianjie.cli;

import io.github.xianjie.domain.Coded;
import io.github.xianjie.domain.FundSource;
import io.github.xianjie.engine.Money;
import io.github.xianjie.engine.RuleCatalogue;
import io.github.xianjie.engine.RuleEngine;
import io.github.xianjie.engine.Ruleset;
import io.github.xianjie.input.InputException;
import io.github.xianjie.report.JsonReportWriter;
import io.github.xianjie.params.Parameter;
import io.github.xianjie.params.ParameterDefinition;
import io.github.xianjie.params.ParameterSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code xianjie rules}: the rulebook — every catalogue rule with its titles, severity, source and the
 * parameter values in force for a year and fund source, so an auditor can print the rules that applied.
 */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = {"列出规则手册：每条规则的编号、标题、严重程度、出处及该年度适用的参数。",
                "List the rulebook: every rule with its source and the parameters in force for a year and fund."})
public final class RulesCommand implements Callable<Integer> {
    @Option(names = "--year", paramLabel = "YEAR", description = "参数适用年度（默认：当年）")
    Integer year;

    @Option(names = "--fund", paramLabel = "FUND", description = "CENTRAL(中央) | REGIONAL(自治区)；默认两者都列")
    String fund;

    @Mixin
    OutputOptions output;

    @Mixin
    RulesetOptions rulesetOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        output.validate();
        if (year != null && rulesetOptions.measuresYear != null && !year.equals(rulesetOptions.measuresYear)) {
            throw new InputException("--year " + year + " 与 --measures-year " + rulesetOptions.measuresYear + " 不一致，请只用一个 (conflicting years)");
        }
        Integer given = year != null ? year : rulesetOptions.measuresYear;
        int y = RulesetOptions.checkYear("--year", given != null ? given : LocalDate.now().getYear());
        List<FundSource> funds;
        try {
            funds = fund == null ? List.of(FundSource.values()) : List.of(Coded.parse(FundSource.class, fund));
        } catch (IllegalArgumentException e) {
            throw new InputException("--fund: " + e.getMessage());
        }
        Ruleset ruleset = rulesetOptions.ruleset();
        ParameterSet params = rulesetOptions.parameters(ruleset);
        LocalDate asOf = RuleEngine.referenceDate(y);
        List<Map<String, Object>> rules = new ArrayList<>();
        for (RuleCatalogue.Entry e : RuleCatalogue.load(ruleset)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.id());
            m.put("section", e.section());
            m.put("title", e.title());
            m.put("titleEn", e.titleEn());
            m.put("severity", e.severity());
            m.put("source", e.source());
            m.put("wording", e.wording());
            m.put("encoded", !e.drlRules().isEmpty());
            m.put("drlRules", e.drlRules());
            List<Map<String, Object>> ps = new ArrayList<>();
            for (String name : e.parameters()) {
                ParameterDefinition d = params.get(name);
                for (FundSource f : funds) {
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("name", name);
                    p.put("fundSource", f.name());
                    Optional<Parameter> v = d == null ? Optional.empty() : d.resolve(asOf, f);
                    if (v.isPresent()) {
                        p.put("value", Money.plain(v.get().value()).toPlainString());
                        p.put("unit", v.get().unit());
                        if (v.get().severity() != null) {
                            p.put("severity", v.get().severity());
                        }
                        p.put("effectiveFrom", v.get().effectiveFrom().toString());
                        p.put("reference", v.get().reference());
                        if (v.get().notLoaded() != null) {
                            p.put("notLoaded", v.get().notLoaded());
                        }
                    } else {
                        p.put("value", null);
                        Optional<String> lapsed = d == null ? Optional.empty() : d.lapsed(asOf, f);
                        if (lapsed.isPresent()) {
                            p.put("notLoaded", lapsed.get());
                            p.put("note", "该年度通知未载入，无有效值（待定）");
                        } else {
                            p.put("note", "该年度、该资金来源无有效值（不适用）");
                        }
                    }
                    ps.add(p);
                }
            }
            m.put("parameters", ps);
            m.put("severityInForce", severityInForce(e, ps, funds));
            rules.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("ruleset", Map.of("version", ruleset.version(), "sha256", ruleset.sha256()));
        root.put("year", y);
        root.put("asOf", asOf.toString());
        root.put("rules", rules);
        var out = spec.commandLine().getOut();
        if (output.json()) {
            out.print(JsonReportWriter.pretty(root));
        } else {
            out.print(text(rules, y, ruleset, output.english()));
        }
        out.flush();
        return 0;
    }

    /**
     * The severity each fund's plan would get this year: a dated parameter's severity (e.g. IS-01: WARNING under the
     * Measures, ERROR under the 2024 notice), else the catalogue's when it is a single word.
     */
    private static Map<String, String> severityInForce(RuleCatalogue.Entry e, List<Map<String, Object>> ps, List<FundSource> funds) {
        Map<String, String> out = new LinkedHashMap<>();
        for (FundSource f : funds) {
            String sev = null;
            for (Map<String, Object> p : ps) {
                if (f.name().equals(p.get("fundSource")) && p.get("severity") != null) {
                    sev = (String) p.get("severity");
                }
            }
            if (sev == null && (e.severity().equals("ERROR") || e.severity().equals("WARNING"))) {
                sev = e.severity();
            }
            if (sev != null) {
                out.put(f.name(), sev);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static String text(List<Map<String, Object>> rules, int year, Ruleset ruleset, boolean en) {
        StringBuilder sb = new StringBuilder();
        sb.append(en ? "xianjie rulebook — measures in force in " : "xianjie 规则手册 — 适用于 ").append(year)
                .append(en ? "" : " 年").append(en ? " (ruleset " : "（规则集 ").append(ruleset.version())
                .append(en ? ")\n" : "）\n");
        for (Map<String, Object> r : rules) {
            sb.append('\n').append(r.get("id")).append("  ").append(en ? r.get("titleEn") : r.get("title"))
                    .append("  [").append(r.get("severity")).append("]");
            if (!(Boolean) r.get("encoded")) {
                sb.append(en ? "  (not encoded in this ruleset)" : "  （本规则集未编码）");
            }
            sb.append('\n').append(en ? "    source: " : "    出处：").append(r.get("source")).append('\n');
            if (!"".equals(r.get("wording"))) {
                sb.append(en ? "    wording: " : "    措辞：").append(r.get("wording")).append('\n');
            }
            Map<String, String> inForce = (Map<String, String>) r.get("severityInForce");
            if (!inForce.isEmpty() && !inForce.values().stream().allMatch(v -> v.equals(r.get("severity")))) {
                sb.append(en ? "    severity in " : "    ").append(year).append(en ? ": " : " 年严重程度：");
                List<String> parts = new ArrayList<>();
                inForce.forEach((f, v) -> parts.add(f + " " + v));
                sb.append(String.join(en ? ", " : "；", parts)).append('\n');
            }
            for (Map<String, Object> p : (List<Map<String, Object>>) r.get("parameters")) {
                sb.append("    ").append(p.get("name")).append(" (").append(p.get("fundSource")).append(") = ");
                if (p.get("value") == null && p.containsKey("notLoaded")) {
                    sb.append(en ? "none in force: the year's notice is not loaded" : "无有效值（未载入当年通知，待定）")
                            .append(en ? "\n      notice not loaded: " : "\n      未载入当年通知：").append(p.get("notLoaded"));
                } else if (p.get("value") == null) {
                    sb.append(en ? "none in force" : "无有效值（不适用）");
                } else {
                    sb.append(p.get("value")).append(' ').append(p.get("unit"));
                    if (p.containsKey("severity")) {
                        sb.append(' ').append(p.get("severity"));
                    }
                    sb.append(en ? " from " : "，自 ").append(p.get("effectiveFrom")).append(en ? "; " : " 起；").append(p.get("reference"));
                    if (p.containsKey("notLoaded")) {
                        sb.append(en ? "\n      notice not loaded: " : "\n      未载入当年通知：").append(p.get("notLoaded"));
                    }
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }
}
