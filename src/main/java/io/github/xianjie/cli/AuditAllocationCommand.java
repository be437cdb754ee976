package io.github.xianjie.cli;

import io.github.xianjie.audit.AllocationRow;
import io.github.xianjie.engine.Ruleset;
import io.github.xianjie.service.AuditService;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code xianjie audit allocation TABLE… [--plans DIR] [--budget FILE] [--factors FILE] [--notices FILE]}:
 * AL-01/AL-02 on each table, AL-03 against the county plans, AL-04 factor method, AL-05 budget line,
 * AL-06 notice dates. The audit itself is {@link AuditService#allocation}, which {@code POST /api/audit/allocation}
 * runs too.
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
        Integer given = rulesetOptions.measuresYear == null ? null : rulesetOptions.measuresYear(rulesetOptions.measuresYear);
        Ruleset ruleset = rulesetOptions.ruleset();
        AuditService service = new AuditService(ruleset, rulesetOptions.parameters(ruleset));
        return output.write(service.allocation(new AuditService.AllocationRequest(tables, fund, plans, budget, factors,
                factorColumn, notices, given)));
    }

    /** @param row a county row @return its place */
    static String place(AllocationRow row) {
        return row.getPlace();
    }
}
