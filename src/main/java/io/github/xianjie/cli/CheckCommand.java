package io.github.xianjie.cli;

import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.engine.Evaluation;
import io.github.xianjie.engine.RuleEngine;
import io.github.xianjie.engine.Ruleset;
import io.github.xianjie.input.InputException;
import io.github.xianjie.input.PlanReaders;
import io.github.xianjie.params.ParameterSet;
import io.github.xianjie.report.JsonReportWriter;
import io.github.xianjie.report.Report;
import io.github.xianjie.report.TextReportWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code xianjie check PLAN}: checks one county plan and prints the report. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"检查一个县级项目计划（JSON）并输出报告。", "Check one county plan (JSON) and print the report."})
public final class CheckCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PLAN", description = "计划文件 (.json)")
    Path planFile;

    @Option(names = "--format", defaultValue = "text", description = "text | json (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--lang", defaultValue = "zh", description = "zh | en (default: ${DEFAULT-VALUE})")
    String lang;

    @Option(names = {"-o", "--output"}, description = "写入文件而非标准输出 (write to a file)")
    Path output;

    @Mixin
    RulesetOptions rulesetOptions;

    @Override
    public Integer call() throws IOException {
        if (!format.equals("text") && !format.equals("json")) {
            throw new InputException("--format: '" + format + "' 无效，可用：text, json");
        }
        if (!lang.equals("zh") && !lang.equals("en")) {
            throw new InputException("--lang: '" + lang + "' 无效，可用：zh, en");
        }
        CountyPlan plan = PlanReaders.read(planFile);
        Ruleset ruleset = rulesetOptions.ruleset();
        ParameterSet params = rulesetOptions.parameters(ruleset);
        int year = rulesetOptions.measuresYear(plan.getYear());
        Evaluation ev = RuleEngine.build(ruleset).evaluate(plan, params, RuleEngine.referenceDate(year));
        Report report = Report.of(ev, ruleset, planFile.toString(), sha256(planFile), year, rulesetOptions.profileName());
        String text = format.equals("json") ? JsonReportWriter.write(report) : TextReportWriter.write(report, lang.equals("en"));
        if (output != null) {
            Files.writeString(output, text, StandardCharsets.UTF_8);
        } else {
            System.out.print(text);
            System.out.flush();
        }
        return ev.hasErrors() ? 1 : 0;
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
