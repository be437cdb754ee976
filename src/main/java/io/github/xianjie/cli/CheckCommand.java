package io.github.xianjie.cli;

import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.engine.Evaluation;
import io.github.xianjie.engine.Ruleset;
import io.github.xianjie.input.InputException;
import io.github.xianjie.input.PlanFacts;
import io.github.xianjie.input.PlanFolder;
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
        List<CountyPlan> batches = files.size() > 1
                ? readBatches(planFiles.size() == 1 && Files.isDirectory(planFiles.get(0)) ? planFiles.get(0) : null, files, facts) : null;
        CountyPlan plan = batches != null ? CheckService.mergeYear(batches, files) : CheckService.readYear(files, facts);
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
     * The plan files to read: the arguments, or the plan files inside a single folder argument, listed by
     * {@link PlanFolder} (.json except *.meta.json, .csv, .xlsx; sorted by name).
     *
     * @param args the PLAN arguments
     * @return the files, at least one
     * @throws InputException when a folder holds no plan file
     */
    static List<Path> planFiles(List<Path> args) throws IOException {
        if (args.size() == 1 && Files.isDirectory(args.get(0))) {
            List<Path> out = PlanFolder.list(args.get(0), true, args.get(0).toString()).plans();
            if (out.isEmpty()) {
                throw new InputException(args.get(0) + ": 文件夹中没有计划文件 (.json/.csv/.xlsx) (no plan files in the folder)");
            }
            return out;
        }
        return args;
    }

    /**
     * Reads several files as the batches of one county, year and fund — or, when they are not, says what they are and
     * what to run instead: JSON plans grouped by county, year and fund (two of one allocation document named), tables
     * that need plan facts (with their {@code *.meta.json} side file when one lies beside them), the files not read.
     *
     * @param folder the folder argument, or null when the files were named one by one
     * @param files  the plan files, at least two
     * @param facts  the table options
     * @return the plans read, in file order, when they are batches of one county, year and fund (and not tables, which
     *         the caller reads), or null when every file is a table read with the facts given
     * @throws InputException with the survey when they are not, or naming the file a JSON plan is invalid in
     */
    static List<CountyPlan> readBatches(Path folder, List<Path> files, PlanFacts facts) {
        List<Path> tables = files.stream().filter(f -> PlanFolder.kind(f) == PlanFolder.Kind.TABLE).toList();
        List<Path> jsons = files.stream().filter(f -> !tables.contains(f)).toList();
        if (jsons.isEmpty() && !facts.isEmpty()) {
            return null;                        // tables with the plan facts given: read as batches of one plan
        }
        java.util.Map<String, List<Path>> groups = new java.util.LinkedHashMap<>();
        java.util.Map<String, java.util.Map<String, List<Path>>> docs = new java.util.LinkedHashMap<>();
        List<CountyPlan> plans = new java.util.ArrayList<>();
        if (facts.isEmpty()) {
            for (Path f : jsons) {
                CountyPlan p = io.github.xianjie.input.PlanReaders.read(f);
                plans.add(p);
                String key = p.getCounty() + " " + p.getYear() + "年 "
                        + (p.getFundSource() == null ? "资金来源未注明" : p.getFundSource().label() + "衔接资金");
                groups.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(f);
                String doc = p.getAllocation() == null ? null : p.getAllocation().documentNo();
                if (doc != null && !doc.isBlank()) {
                    docs.computeIfAbsent(key, k -> new java.util.LinkedHashMap<>())
                            .computeIfAbsent(doc.strip(), k -> new java.util.ArrayList<>()).add(f);
                }
            }
            if (tables.isEmpty() && groups.size() == 1) {
                return plans;                   // batches of one plan; PlanYear names a document merged twice
            }
        }
        StringBuilder m = new StringBuilder();
        String where = folder != null ? folder.toString() : String.join("、", files.stream().map(Path::toString).toList());
        m.append(where).append(": 各文件不是同一县、年度和资金来源的批次，不能合并为一份全年计划检查。");
        m.append(folder != null ? "文件夹中有：" : "给出的文件：");
        for (var g : groups.entrySet()) {
            m.append("\n  ").append(g.getKey()).append("：").append(names(g.getValue()));
            for (var d : docs.getOrDefault(g.getKey(), java.util.Map.of()).entrySet()) {
                if (d.getValue().size() > 1) {
                    m.append("（").append(d.getValue().size() == g.getValue().size() ? "均" : names(d.getValue()) + " ")
                            .append("为 ").append(d.getKey()).append(" 下达的同一批资金，是同一计划的不同版本，只能选其一）");
                }
            }
        }
        if (!facts.isEmpty() && !jsons.isEmpty()) {
            m.append("\n  JSON 计划（自带计划信息，不接受 --county、--plan-meta 等表格选项）：").append(names(jsons));
        }
        Path exampleTable = null;
        Path exampleMeta = null;
        if (!tables.isEmpty()) {
            List<String> parts = new java.util.ArrayList<>();
            for (Path t : tables) {
                Path meta = PlanFolder.sideFile(t);
                parts.add(t.getFileName() + (meta == null ? "" : "（计划信息 " + meta.getFileName() + "）"));
                if (exampleTable == null || exampleMeta == null && meta != null) {
                    exampleTable = t;
                    exampleMeta = meta;
                }
            }
            m.append("\n  项目表").append(facts.isEmpty() ? "（需要计划信息：--county、--year、--fund、--allocation 或 --plan-meta FILE）" : "")
                    .append("：").append(String.join("、", parts));
        }
        if (folder != null) {
            List<Path> skipped = PlanFolder.list(folder, true, folder.toString()).skipped();
            if (!skipped.isEmpty()) {
                m.append("\n  不是计划、未读取：").append(names(skipped));
            }
        }
        m.append("\n请改为：");
        Path oneJson = jsons.isEmpty() ? null : jsons.get(0);
        if (oneJson != null) {
            m.append("\n  一次检查一份计划：xianjie check ").append(oneJson);
        }
        if (exampleTable != null) {
            m.append("\n  检查一张项目表：xianjie check ").append(exampleTable)
                    .append(exampleMeta != null ? " --plan-meta " + exampleMeta : " --county 县（市） --year 年度 --fund 中央|自治区 --allocation 万元");
        }
        m.append("\n  同一县、年度、资金来源的多个批次合并为全年：xianjie check 批次1.json 批次2.json（或只含这些批次的文件夹）");
        if (folder != null && !jsons.isEmpty()) {
            m.append("\n  逐份检查文件夹中的每份 JSON 计划（每份一行 JSON 结果，项目表不读）：xianjie check --batch ").append(folder);
        }
        m.append("\n(the files are not batches of one county, year and fund source: check one plan at a time, a table with its"
                + " --plan-meta file, or every JSON plan of a folder with check --batch)");
        throw new InputException(m.toString());
    }

    private static String names(List<Path> files) {
        return String.join("、", files.stream().map(f -> f.getFileName().toString()).toList());
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
