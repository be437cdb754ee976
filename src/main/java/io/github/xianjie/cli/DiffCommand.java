package io.github.xianjie.cli;

import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.engine.Evaluation;
import io.github.xianjie.engine.Ruleset;
import io.github.xianjie.input.InputException;
import io.github.xianjie.report.JsonReportWriter;
import io.github.xianjie.input.PlanReaders;
import io.github.xianjie.params.ParameterSet;
import io.github.xianjie.service.CheckService;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
        CheckService.Diff diff = new CheckService(rulesetOptions.engine(ruleset), params, rulesetOptions.profileName())
                .diff(planA, planB, a, b, planFile.toString());
        List<Map<String, Object>> changes = diff.changes();
        Map<String, Object> root = diff.tree();
        var out = spec.commandLine().getOut();
        boolean en = output.english();
        if (output.json()) {
            out.print(JsonReportWriter.pretty(root));
        } else {
            out.print(diff.text(en));
        }
        out.flush();
        return diff.hasErrors() ? 1 : 0;
    }

    static List<Map<String, Object>> changes(Evaluation ea, Evaluation eb) {
        return CheckService.changes(ea, eb);
    }
}
