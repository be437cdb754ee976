package io.github.xianjie.cli;

import io.github.xianjie.audit.ledger.LedgerAudit;
import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.engine.Ruleset;
import java.nio.file.Path;
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
 * {@code xianjie audit ledger LEDGER --plans DIR}: streams a payment ledger once and reports PP-01…PP-04, LG-01…LG-03
 * and the population tests LG-11…LG-14 per project, each finding with its vouchers.
 */
@Command(name = "ledger", mixinStandardHelpOptions = true,
        description = {"审计拨付台账（流式读取，适用于数百万行）：预付(PP-01…PP-04)、以拨代支(LG-01)、结余(LG-02)、收回(LG-03)、重复/拆分/日期/收款人(LG-11…LG-14)。",
                "Audit a payment ledger (streamed; millions of rows): prepayments, transfers as expenditure, idle balances, recoveries, duplicates, splits, dates, payees."})
public final class AuditLedgerCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "LEDGER", description = "台账 (.csv UTF-8/GB18030, .xlsx)")
    Path ledger;

    @Option(names = "--plans", required = true, paramLabel = "DIR", description = "计划目录（*.json）或一个计划文件；台账的项目编号对应其中项目的 id")
    Path plans;

    @Option(names = "--progress", negatable = true, description = "显示进度条（默认仅在终端上显示）")
    Boolean progress;

    @Mixin
    AuditOutput output;

    @Mixin
    RulesetOptions rulesetOptions;

    @Override
    public Integer call() {
        output.validate();
        List<CountyPlan> ps = LedgerAudit.plans(plans);
        Ruleset ruleset = rulesetOptions.ruleset();
        int year = rulesetOptions.measuresYear(ps.get(0).getYear());
        List<Map<String, Object>> inputs = new ArrayList<>();
        inputs.add(input(ledger));
        boolean bar = progress != null ? progress : System.console() != null;
        return output.write(LedgerAudit.run(ledger, ps, ruleset, rulesetOptions.parameters(ruleset), year,
                bar ? System.err : null, inputs));
    }

    private static Map<String, Object> input(Path p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", p.toString());
        m.put("sha256", AuditOutput.sha256(p));
        return m;
    }
}
