package io.github.xianjie.cli;

import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.engine.Evaluation;
import io.github.xianjie.engine.Result;
import io.github.xianjie.engine.RuleEngine;
import io.github.xianjie.engine.Ruleset;
import io.github.xianjie.input.InputException;
import io.github.xianjie.report.JsonReportWriter;
import io.github.xianjie.input.PlanReaders;
import io.github.xianjie.params.ParameterSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code xianjie diff PLAN --from 2023 --to 2024}: checks one plan under two years' measures and lists the
 * findings that change (outcome, severity or limit), e.g. the industry share under 2023 (50%, WARNING)
 * and 2024 (65%, ERROR) rules.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"按两个年度的办法检查同一计划，列出结论发生变化的检查项。",
                "Check one plan under two years' measures and list the findings that change."})
public final class DiffCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PLAN", description = "计划文件 (.json) 或项目表 (.csv, .xlsx)")
    Path planFile;

    @Option(names = "--from", paramLabel = "YEAR", description = "旧年度办法（默认：计划年度 − 1）")
    Integer from;

    @Option(names = "--to", paramLabel = "YEAR", description = "新年度办法（默认：计划年度）")
    Integer to;

    @Mixin
    OutputOptions output;

    @Mixin
    TableOptions table;

    @Mixin
    RulesetOptions rulesetOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        output.validate();
        CountyPlan planA = PlanReaders.read(planFile, table.facts());
        CountyPlan planB = PlanReaders.read(planFile, table.facts());
        int a = RulesetOptions.checkYear("--from", from != null ? from : planA.getYear() - 1);
        int b = RulesetOptions.checkYear("--to", to != null ? to : planA.getYear());
        Ruleset ruleset = rulesetOptions.ruleset();
        ParameterSet params = rulesetOptions.parameters(ruleset);
        RuleEngine engine = rulesetOptions.engine(ruleset);
        Evaluation ea = engine.evaluate(planA, params, RuleEngine.referenceDate(a));
        Evaluation eb = engine.evaluate(planB, params, RuleEngine.referenceDate(b));
        List<Map<String, Object>> changes = changes(ea, eb);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("input", planFile.toString());
        root.put("from", a);
        root.put("to", b);
        root.put("ruleset", Map.of("version", ruleset.version(), "sha256", ruleset.sha256()));
        root.put("changes", changes);
        var out = spec.commandLine().getOut();
        boolean en = output.english();
        if (output.json()) {
            out.print(JsonReportWriter.pretty(root));
        } else {
            out.println((en ? "Findings that change between the measures of " : "按 ") + a + (en ? " and " : " 年与 ") + b
                    + (en ? ": " : " 年办法检查，结论变化的检查项：") + changes.size());
            for (Map<String, Object> c : changes) {
                @SuppressWarnings("unchecked") Map<String, Object> x = (Map<String, Object>) c.get("from");
                @SuppressWarnings("unchecked") Map<String, Object> y = (Map<String, Object>) c.get("to");
                out.println("  " + c.get("ruleId") + " " + c.get("subject") + ": " + x.get("outcome") + "/" + x.get("severity")
                        + " → " + y.get("outcome") + "/" + y.get("severity"));
                out.println("    " + a + ": " + x.get(en ? "messageEn" : "message"));
                out.println("    " + b + ": " + y.get(en ? "messageEn" : "message"));
            }
        }
        out.flush();
        return eb.hasErrors() ? 1 : 0;
    }

    static List<Map<String, Object>> changes(Evaluation ea, Evaluation eb) {
        Map<String, Result> before = new LinkedHashMap<>();
        ea.results().forEach(r -> before.put(r.ruleId() + "\u0000" + r.subject(), r));
        List<Map<String, Object>> out = new ArrayList<>();
        for (Result r : eb.results()) {
            Result o = before.get(r.ruleId() + "\u0000" + r.subject());
            if (o != null && o.outcome() == r.outcome() && Objects.equals(o.severity(), r.severity())
                    && Objects.equals(o.evidence().get("limit"), r.evidence().get("limit"))) {
                continue;
            }
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("ruleId", r.ruleId());
            c.put("subject", r.subject());
            c.put("from", o == null ? null : side(o));
            c.put("to", side(r));
            out.add(c);
        }
        return out;
    }

    private static Map<String, Object> side(Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outcome", r.outcome().name());
        m.put("severity", r.severity());
        m.put("limit", r.evidence().get("limit"));
        m.put("actual", r.evidence().get("actual"));
        m.put("message", r.message());
        m.put("messageEn", r.messageEn());
        return m;
    }
}
