package io.github.xianjie.cli;

import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.engine.Evaluation;
import io.github.xianjie.engine.Ruleset;
import io.github.xianjie.input.InputException;
import io.github.xianjie.input.PlanFacts;
import io.github.xianjie.params.ParameterSet;
import io.github.xianjie.report.JsonReportWriter;
import io.github.xianjie.report.Report;
import io.github.xianjie.report.WorkpaperWriter;
import io.github.xianjie.service.CheckService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code xianjie check PLAN}: checks one county plan — a JSON plan, or a CSV/XLSX project table as notices
 * publish it, with the plan-level facts from options or a {@code --plan-meta} side file — and writes the
 * report as text, JSON, an Excel workpaper or a results CSV.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"检查一个县级项目计划（JSON，或公告中的 CSV/XLSX 项目表）并输出报告。",
                "Check one county plan (JSON, or a published CSV/XLSX project table) and print the report."})
public final class CheckCommand implements Callable<Integer> {
    private static final List<String> FORMATS = List.of("text", "json", "xlsx", "csv");

    @Parameters(arity = "1..*", paramLabel = "PLAN",
            description = "计划文件 (.json) 或项目表 (.csv, .xlsx)；同一县、年度、资金来源的多个批次文件（或一个文件夹）合并为全年检查")
    List<Path> planFiles;

    Path planFile;

    @Option(names = "--format", defaultValue = "text",
            description = "text | json | xlsx（审计底稿，需 -o）| csv（检查结果表）(default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--lang", defaultValue = "zh", description = "zh | en (default: ${DEFAULT-VALUE})")
    String lang;

    @Option(names = {"-o", "--output"}, description = "写入文件而非标准输出 (write to a file)")
    Path output;

    @Mixin
    TableOptions table;

    @Option(names = "--stage", paramLabel = "STAGE",
            description = "plan（计划阶段，批复前：未预付的项目不适用预付规则）| execution（执行阶段）；覆盖计划中的 stage")
    String stage;

    @Mixin
    RulesetOptions rulesetOptions;

    @Mixin
    BatchCheck batch;

    @Override
    public Integer call() throws IOException {
        if (batch.active()) {
            if (planFiles.size() != 1) {
                throw new InputException("--batch: 只接受一个文件夹或清单 (--batch takes one folder or list)");
            }
            return batch.run(planFiles.get(0), rulesetOptions, stage, output);
        }
        if (!FORMATS.contains(format)) {
            throw new InputException("--format: '" + format + "' 无效，可用：" + String.join(", ", FORMATS));
        }
        if (!lang.equals("zh") && !lang.equals("en")) {
            throw new InputException("--lang: '" + lang + "' 无效，可用：zh, en");
        }
        if (format.equals("xlsx") && output == null) {
            throw new InputException("--format xlsx: 需要用 -o FILE 指定输出的 .xlsx 文件 (an Excel workpaper needs -o FILE)");
        }
        List<Path> files = planFiles(planFiles);
        planFile = files.get(0);
        for (Path f : files) {
            if (output != null && Files.exists(output) && Files.exists(f) && Files.isSameFile(output, f)) {
                throw new InputException("-o " + output + ": 输出文件就是输入文件，拒绝覆盖 (output would overwrite the input)");
            }
        }
        PlanFacts facts = table.facts();
        refuseOverwrite(facts.metaFile(), rulesetOptions.folders());
        checkOutputExtension(format, output);
        io.github.xianjie.engine.StartupTrace.mark("picocli parse, options");
        CountyPlan plan = CheckService.readYear(files, facts);
        io.github.xianjie.engine.StartupTrace.mark("read plan");
        if (files.size() > 1) {
            System.err.println("合并全年 " + files.size() + " 个批次 (merged " + files.size() + " batches into the year): "
                    + String.join("；", plan.batches));
        }
        CheckService.applyStage(plan, stage);
        Ruleset ruleset = rulesetOptions.ruleset();
        io.github.xianjie.engine.StartupTrace.mark("load ruleset (DRL, parameters, keywords)");
        ParameterSet params = rulesetOptions.parameters(ruleset);
        knownJustifications(plan, ruleset);
        io.github.xianjie.engine.StartupTrace.mark("catalogue (justifications)");
        int measuresYear = rulesetOptions.measuresYear(plan.getYear(), params);
        CheckService service = new CheckService(rulesetOptions.engine(ruleset), params, rulesetOptions.profileName());
        Report report = service.check(plan, measuresYear, CheckService.inputName(files), CheckService.sha256(files));
        io.github.xianjie.engine.StartupTrace.mark("report model");
        Evaluation ev = report.evaluation();
        boolean english = lang.equals("en");
        if (format.equals("xlsx")) {
            try {
                WorkpaperWriter.write(report, english, output);
            } catch (IOException | org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException e) {
                throw new InputException("-o " + output + ": 无法写入 (cannot write): " + e.getMessage());
            }
            System.err.println("已写入 (written): " + output);
            return ev.hasErrors() ? 1 : 0;
        }
        if (format.equals("json")) {
            streamJson(report, output);
            io.github.xianjie.engine.StartupTrace.mark("write json");
            return ev.hasErrors() ? 1 : 0;
        }
        byte[] bytes = CheckService.render(report, format, english);
        io.github.xianjie.engine.StartupTrace.mark("render " + format);
        if (output != null) {
            try {
                Files.write(output, bytes);
            } catch (IOException e) {
                throw new InputException("-o " + output + ": 无法写入 (cannot write): " + e.getMessage());
            }
            System.err.println("已写入 (written): " + output);
        } else {
            System.out.write(bytes);
            System.out.flush();
        }
        return ev.hasErrors() ? 1 : 0;
    }

    /**
     * {@code -o} must end as its format does: {@code .xlsx} for xlsx, {@code .csv} for csv, {@code .json} for json;
     * a text report may not go to a file named {@code .xlsx}, {@code .xls}, {@code .csv} or {@code .json}; a name
     * without an extension is taken as given.
     *
     * @param format the {@code --format}
     * @param output the {@code -o} file, or null
     * @throws InputException naming the extension and the format that would fit it
     */
    static void checkOutputExtension(String format, Path output) {
        if (output == null || output.getFileName() == null) {
            return;
        }
        String name = output.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        String wanted = switch (format) {
            case "xlsx" -> "xlsx";
            case "csv" -> "csv";
            case "json" -> "json";
            default -> null;
        };
        // a name without an extension (a device such as /dev/stdout, or a bare name) is taken as given
        boolean fits = ext.isEmpty() || (wanted != null ? ext.equals(wanted) : !List.of("xlsx", "xls", "csv", "json").contains(ext));
        if (!fits) {
            String suggest = switch (ext) {
                case "xlsx", "xls" -> "--format xlsx -o …" + (ext.equals("xls") ? ".xlsx" : ".xlsx");
                case "csv" -> "--format csv";
                case "json" -> "--format json";
                default -> "-o …." + wanted;
            };
            throw new InputException("-o " + output + ": 文件扩展名与 --format " + format + " 不符"
                    + (wanted != null ? "，应为 ." + wanted : "") + "；是否想用 " + suggest + "？"
                    + " (the output file's extension does not match --format " + format + ")");
        }
    }

    /**
     * The plan files to read: the arguments, or the plan files inside a single folder argument (.json except
     * *.meta.json, .csv, .xlsx; sorted by name).
     *
     * @param args the PLAN arguments
     * @return the files, at least one
     * @throws InputException when a folder holds no plan file
     */
    static List<Path> planFiles(List<Path> args) throws IOException {
        if (args.size() == 1 && Files.isDirectory(args.get(0))) {
            List<Path> out;
            try (var s = Files.list(args.get(0))) {
                out = s.filter(Files::isRegularFile).filter(p -> {
                    String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                    return (n.endsWith(".json") && !n.endsWith(".meta.json")) || n.endsWith(".csv") || n.endsWith(".xlsx");
                }).sorted().toList();
            }
            if (out.isEmpty()) {
                throw new InputException(args.get(0) + ": 文件夹中没有计划文件 (.json/.csv/.xlsx) (no plan files in the folder)");
            }
            return out;
        }
        return args;
    }

    /** @return the sha256 of one file, or of the files' bytes in order when several. */
    static String sha256(List<Path> files) {
        return CheckService.sha256(files);
    }

    /** Streams the JSON report to a file or standard output (never held whole in memory). */
    static void streamJson(Report report, Path output) throws IOException {
        if (output == null) {
            JsonReportWriter.write(report, new java.io.BufferedOutputStream(System.out, 1 << 16));
            return;
        }
        try (java.io.OutputStream os = new java.io.BufferedOutputStream(Files.newOutputStream(output), 1 << 16)) {
            JsonReportWriter.write(report, os);
        } catch (IOException e) {
            throw new InputException("-o " + output + ": 无法写入 (cannot write): " + e.getMessage());
        }
        System.err.println("已写入 (written): " + output);
    }

    /** -o may not overwrite the --plan-meta side file, nor a file inside the --rules or --profile folder. */
    private void refuseOverwrite(Path metaFile, List<Path> folders) throws IOException {
        if (output == null) {
            return;
        }
        Path out = output.toAbsolutePath().normalize();
        if (metaFile != null && (out.equals(metaFile.toAbsolutePath().normalize())
                || Files.exists(output) && Files.exists(metaFile) && Files.isSameFile(output, metaFile))) {
            throw new InputException("-o " + output + ": 输出文件就是 --plan-meta 计划信息文件，拒绝覆盖 (output would overwrite the --plan-meta file)");
        }
        for (Path folder : folders) {
            Path f = folder.toAbsolutePath().normalize();
            Path real = Files.exists(folder) ? folder.toRealPath() : f;
            Path outReal = Files.exists(output) ? output.toRealPath() : out;
            if (out.startsWith(f) || outReal.startsWith(real)) {
                throw new InputException("-o " + output + ": 输出文件位于输入目录 " + folder + " 中，拒绝覆盖 (output inside an input folder)");
            }
        }
    }

    /** A justification must name a rule of the catalogue: one for a misspelt ID would silently justify nothing. */
    private void knownJustifications(CountyPlan plan, Ruleset ruleset) {
        CheckService.requireKnownJustifications(planFile.toString(), plan, ruleset);
    }

    static String sha256(Path file) {
        return CheckService.sha256(file);
    }
}
