package io.github.xianjie.audit.ledger;

import io.github.xianjie.audit.AuditEngine;
import io.github.xianjie.audit.AuditReport;
import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.domain.Project;
import io.github.xianjie.engine.Result;
import io.github.xianjie.engine.RuleEngine;
import io.github.xianjie.engine.Ruleset;
import io.github.xianjie.input.InputException;
import io.github.xianjie.input.PlanReaders;
import io.github.xianjie.params.Parameter;
import io.github.xianjie.params.ParameterSet;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The ledger audit: read the plans, stream the ledger once ({@link LedgerStream}), then insert the per-project
 * summaries, payment groups and the few kept rows — not the millions of payments — into one session of the
 * audit rules, and report every rule × project.
 */
public final class LedgerAudit {
    private LedgerAudit() {
    }

    /**
     * @param plansDir a folder of plan JSON files, or one plan file
     * @return the plans, in file-name order
     * @throws InputException when there is none, or two projects share an id
     */
    public static List<CountyPlan> plans(Path plansDir) {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(plansDir)) {
            files.addAll(io.github.xianjie.input.PlanFolder.list(plansDir, false, "--plans " + plansDir).plans());
        } else {
            files.add(plansDir);
        }
        if (files.isEmpty()) {
            throw new InputException("--plans " + plansDir + ": 没有计划文件 (*.json) (no plans)");
        }
        List<CountyPlan> out = new ArrayList<>();
        for (Path f : files) {
            out.add(PlanReaders.read(f));
        }
        return out;
    }

    /**
     * @param ledger     the ledger (.csv or .xlsx)
     * @param plans      the plans whose projects the ledger pays
     * @param ruleset    the ruleset
     * @param parameters its parameters (with a profile, if any)
     * @param year       the year whose measures apply
     * @param progress   where to draw the progress bar, or null
     * @param inputs     the input files for the report (file, sha256)
     * @return the report
     */
    public static AuditReport run(Path ledger, List<CountyPlan> plans, Ruleset ruleset, ParameterSet parameters, int year,
                                  PrintStream progress, List<Map<String, Object>> inputs) {
        return run(ledger, plans, ruleset, () -> AuditEngine.build(ruleset), parameters, year, progress, inputs);
    }

    /**
     * As {@link #run(Path, List, Ruleset, ParameterSet, int, PrintStream, List)} with the audit engine from a
     * supplier (the server's, built once and shared); {@code rulesBuildSeconds} is the time the supplier took.
     *
     * @param ledger     the ledger (.csv or .xlsx)
     * @param plans      the plans whose projects the ledger pays
     * @param ruleset    the ruleset (its version and sha256 go into the report)
     * @param engine     gives the audit engine of that ruleset; called once, before the ledger is read
     * @param parameters its parameters (with a profile, if any)
     * @param year       the year whose measures apply
     * @param progress   where to draw the progress bar, or null
     * @param inputs     the input files for the report (file, sha256)
     * @return the report
     */
    public static AuditReport run(Path ledger, List<CountyPlan> plans, Ruleset ruleset, Supplier<AuditEngine> engine,
                                  ParameterSet parameters, int year, PrintStream progress, List<Map<String, Object>> inputs) {
        LocalDate asOf = RuleEngine.referenceDate(year);
        List<Parameter> params = parameters.resolve(asOf, null);
        Map<String, Project> byId = new LinkedHashMap<>();
        List<Project> projects = new ArrayList<>();
        for (CountyPlan plan : plans) {
            for (Project p : plan.getProjects()) {
                if (p.id == null || p.id.isBlank()) {
                    throw new InputException("--plans: " + plan.getCounty() + " 的项目「" + p.name + "」没有项目编号 id；台账按 id 对应项目");
                }
                if (byId.put(p.id, p) != null) {
                    throw new InputException("--plans: 项目编号 " + p.id + " 重复 (duplicate project id)");
                }
                projects.add(p);
            }
        }
        BigDecimal threshold = value(params, "ledger.split-threshold");
        BigDecimal band = value(params, "ledger.split-band");
        BigDecimal lower = threshold.subtract(threshold.multiply(band));
        long tb = System.nanoTime();
        AuditEngine rules = engine.get(); // compile first: its garbage is gone before the stream's state grows
        long t0 = System.nanoTime();
        LedgerStream stream = new LedgerStream(ledger.toString(), byId, lower, threshold);
        stream.read(ledger, progress);
        long t1 = System.nanoTime();
        List<Object> facts = new ArrayList<>();
        facts.addAll(stream.summaries(projects));
        facts.addAll(stream.groups());
        facts.addAll(stream.kept());
        List<String> order = new ArrayList<>();
        projects.forEach(p -> order.add(p.getSubject()));
        for (String id : stream.unknownProjects()) {
            facts.add(new Derived.UnknownProject(id));
            order.add(id);
        }
        List<Result> results = rules.evaluate(facts, params, order);
        long t2 = System.nanoTime();
        Map<String, Object> rs = new LinkedHashMap<>();
        rs.put("version", ruleset.version());
        rs.put("sha256", ruleset.sha256());
        rs.put("measuresYear", year);
        rs.put("asOf", asOf.toString());
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("kind", "ledger");
        audit.put("rows", stream.rows());
        audit.put("projects", projects.size());
        audit.put("unknownProjectIds", stream.unknownProjects().size());
        audit.put("paymentGroups", stream.groups().size());
        audit.put("rowsKeptForRules", stream.kept().size());
        audit.put("fingerprintBytes", stream.fingerprintBytes());
        audit.put("streamSeconds", String.format("%.2f", (t1 - t0) / 1e9));
        audit.put("rulesBuildSeconds", String.format("%.2f", (t0 - tb) / 1e9));
        audit.put("rulesSeconds", String.format("%.2f", (t2 - t1) / 1e9));
        return new AuditReport(rs, inputs, audit, results);
    }

    private static BigDecimal value(List<Parameter> params, String name) {
        return params.stream().filter(p -> p.name().equals(name)).map(Parameter::value).findFirst()
                .orElseThrow(() -> new InputException("参数 " + name + " 没有有效值 (no value in force)"));
    }
}
