package io.github.xianjie.cli;

import io.github.xianjie.audit.AllocationInputs;
import io.github.xianjie.audit.AllocationRow;
import io.github.xianjie.audit.AllocationTable;
import io.github.xianjie.audit.AuditEngine;
import io.github.xianjie.audit.AuditInput;
import io.github.xianjie.audit.AuditReport;
import io.github.xianjie.audit.BudgetLine;
import io.github.xianjie.audit.NoticeDate;
import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.domain.FundSource;
import io.github.xianjie.engine.Result;
import io.github.xianjie.engine.RuleEngine;
import io.github.xianjie.engine.Ruleset;
import io.github.xianjie.input.InputException;
import io.github.xianjie.input.PlanReaders;
import io.github.xianjie.params.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code xianjie audit allocation TABLE… [--plans DIR] [--budget FILE] [--factors FILE] [--notices FILE]}:
 * AL-01/AL-02 on each table, AL-03 against the county plans, AL-04 factor method, AL-05 budget line,
 * AL-06 notice dates.
 */
@Command(name = "allocation", mixinStandardHelpOptions = true,
        description = {"审计资金分配表：各行任务列合计(AL-01)、地区与所辖县(AL-02)、县计划(AL-03)、因素法(AL-04)、预算收入科目(AL-05)、下达时限(AL-06)。",
                "Audit allocation tables: footing (AL-01), cross-footing (AL-02), county plans (AL-03), factor method (AL-04), budget line (AL-05), dates (AL-06)."})
public final class AuditAllocationCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "TABLE", description = "分配表 (.csv, .xlsx)，可多张（如中央和自治区）")
    List<Path> tables;

    @Option(names = "--fund", paramLabel = "FUND", description = "CENTRAL | REGIONAL：表的资金来源（默认从标题判断；仅一张表时适用）")
    String fund;

    @Option(names = "--plans", paramLabel = "DIR", description = "县级计划目录（*.json），逐县与分配表核对 (AL-03)")
    Path plans;

    @Option(names = "--budget", paramLabel = "FILE", description = "预算收入科目表（县市区, 科目编码, 预算数）(AL-05)")
    Path budget;

    @Option(names = "--factors", paramLabel = "FILE", description = "因素数据（县市区与四项因素）(AL-04)，按第一张表复算")
    Path factors;

    @Option(names = "--factor-column", paramLabel = "N", defaultValue = "1", description = "复算的任务列序号，1 为第一个任务列 (default: ${DEFAULT-VALUE})")
    int factorColumn;

    @Option(names = "--notices", paramLabel = "FILE", description = "文件日期表（文号, 级别, 印发日期, 收文日期）(AL-06)")
    Path notices;

    @Mixin
    AuditOutput output;

    @Mixin
    RulesetOptions rulesetOptions;

    @Override
    public Integer call() {
        output.validate();
        FundSource f = null;
        if (fund != null) {
            try {
                f = io.github.xianjie.domain.Coded.parse(FundSource.class, fund);
            } catch (IllegalArgumentException e) {
                throw new InputException("--fund: " + e.getMessage());
            }
            if (tables.size() > 1) {
                throw new InputException("--fund: 只适用于一张表 (only with one table)");
            }
        }
        List<AllocationTable> read = new ArrayList<>();
        for (Path t : tables) {
            AllocationTable at = AllocationTable.read(t, f, "");
            read.add(at);
        }
        final FundSource given = f;
        if (read.size() > 1) {
            read.replaceAll(at -> AllocationTable.read(Path.of(findPath(at)), given,
                    (at.fundSource() == null ? at.file() : at.fundSource().label()) + "/"));
        }
        int year = read.stream().mapToInt(AllocationTable::year).filter(y -> y > 0).findFirst().orElse(LocalDate.now().getYear());
        int measuresYear = rulesetOptions.measuresYear(year);
        Ruleset ruleset = rulesetOptions.ruleset();
        LocalDate asOf = RuleEngine.referenceDate(measuresYear);
        List<Parameter> params = rulesetOptions.parameters(ruleset).resolve(asOf, null);
        List<Object> facts = new ArrayList<>();
        List<String> order = new ArrayList<>();
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (AllocationTable at : read) {
            facts.add(new AuditInput("TABLE", at.fundSource(), at.file()));
            facts.addAll(at.rows());
            facts.addAll(at.cells());
            at.rows().forEach(r -> order.add(r.getSubject()));
            inputs.add(input(Path.of(findPath(at))));
        }
        if (plans != null) {
            if (!Files.isDirectory(plans)) {
                throw new InputException("--plans " + plans + ": 不是目录 (not a folder)");
            }
            for (AllocationTable at : read) {
                if (at.fundSource() == null) {
                    throw new InputException(at.file() + ": 标题未注明中央或自治区资金，请用 --fund CENTRAL|REGIONAL 指定");
                }
            }
            facts.add(new AuditInput("PLANS", null, plans.toString()));
            for (Path p : io.github.xianjie.input.PlanFolder.list(plans, false, "--plans " + plans).plans()) {
                CountyPlan plan = PlanReaders.read(p);
                facts.add(plan);
                order.add(plan.getCounty());
                inputs.add(input(p));
            }
        }
        if (budget != null) {
            for (BudgetLine b : AllocationInputs.budget(budget)) {
                facts.add(b);
                order.add(b.county());
            }
            inputs.add(input(budget));
        }
        if (factors != null) {
            facts.addAll(AllocationInputs.factors(factors, read.get(0), factorColumn, params));
            inputs.add(input(factors));
        }
        if (notices != null) {
            for (NoticeDate n : AllocationInputs.notices(notices)) {
                facts.add(n);
                order.add(n.documentNo());
            }
            inputs.add(input(notices));
        }
        List<Result> results = AuditEngine.build(ruleset).evaluate(facts, params, order);
        Map<String, Object> rs = new LinkedHashMap<>();
        rs.put("version", ruleset.version());
        rs.put("sha256", ruleset.sha256());
        rs.put("measuresYear", measuresYear);
        rs.put("asOf", asOf.toString());
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("kind", "allocation");
        List<String> titles = new ArrayList<>();
        int rows = 0;
        for (AllocationTable at : read) {
            titles.add(at.title() + (at.fundSource() == null ? "" : " (" + at.fundSource().name() + ")"));
            rows += at.rows().size();
        }
        audit.put("tables", titles);
        audit.put("rows", rows);
        return output.write(new AuditReport(rs, inputs, audit, results));
    }

    private String findPath(AllocationTable at) {
        for (Path t : tables) {
            if (t.getFileName().toString().equals(at.file())) {
                return t.toString();
            }
        }
        throw new IllegalStateException(at.file());
    }

    private static Map<String, Object> input(Path p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", p.toString());
        m.put("sha256", AuditOutput.sha256(p));
        return m;
    }

    /** @param row a county row @return its place */
    static String place(AllocationRow row) {
        return row.getPlace();
    }
}
