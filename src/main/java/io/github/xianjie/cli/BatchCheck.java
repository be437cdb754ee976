package io.github.xianjie.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.xianjie.domain.Coded;
import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.domain.PlanStage;
import io.github.xianjie.engine.Evaluation;
import io.github.xianjie.engine.Outcome;
import io.github.xianjie.engine.Result;
import io.github.xianjie.engine.RuleEngine;
import io.github.xianjie.engine.Ruleset;
import io.github.xianjie.input.InputException;
import io.github.xianjie.input.PlanJsonReader;
import io.github.xianjie.params.ParameterSet;
import io.github.xianjie.report.Report;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Option;

/**
 * {@code xianjie check --batch DIR|FILE.jsonl}: checks many independent county plans with one KieBase —
 * every {@code *.json} plan of a folder (sorted by name), or every line of a JSON Lines file — one
 * session per plan, the plans evaluated in parallel on the available cores. Writes one JSON line per
 * plan in input order (the report contract on one line; a plan that cannot be read gives a line with
 * {@code error}); a progress bar on a terminal only. Exit code: the worst of the plans (0 ok, 1 an
 * ERROR finding, 2 a bad plan).
 */
public final class BatchCheck {
    private static final ObjectMapper MAPPER = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    @Option(names = "--batch",
            description = "批量检查：PLAN 为目录（其中每个 .json 计划）或 JSON Lines 文件（每行一个计划）；按输入顺序输出 JSON Lines (batch of independent plans)")
    boolean batch;

    @Option(names = "--batch-results", paramLabel = "all|findings", defaultValue = "all",
            description = "批量输出的结果：all（全部）| findings（只列出 FAIL 与 UNDETERMINED；summary 仍计全部）(default: ${DEFAULT-VALUE})")
    String batchResults;

    @Option(names = "--threads", paramLabel = "N",
            description = "批量检查的并行线程数（默认：可用处理器数）(batch worker threads)")
    Integer threads;

    /** @return true when {@code --batch} was given */
    public boolean active() {
        return batch;
    }

    /** One plan of the batch: where it came from, and its bytes. */
    record Item(String name, byte[] bytes) {
    }

    /**
     * Runs the batch.
     *
     * @param input   a folder of {@code .json} plans or a {@code .jsonl} file
     * @param options the ruleset options of the check command
     * @param stage   {@code --stage} or null
     * @param output  {@code -o} or null for standard output
     * @return the exit code: the worst of the plans
     * @throws IOException when the input cannot be listed or the output written
     */
    public int run(Path input, RulesetOptions options, String stage, Path output) throws IOException {
        if (!batchResults.equals("all") && !batchResults.equals("findings")) {
            throw new InputException("--batch-results: '" + batchResults + "' 无效，可用：all, findings");
        }
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (n < 1 || n > 256) {
            throw new InputException("--threads: " + n + " 应在 1–256 之间");
        }
        PlanStage stageCode = null;
        if (stage != null) {
            try {
                stageCode = Coded.parse(PlanStage.class, stage);
            } catch (IllegalArgumentException e) {
                throw new InputException("--stage: " + e.getMessage());
            }
        }
        if (output != null) {
            Path out = output.toAbsolutePath().normalize();
            Path in = input.toAbsolutePath().normalize();
            if (out.equals(in) || out.startsWith(in) || Files.exists(output) && Files.isSameFile(output, input)) {
                throw new InputException("-o " + output + ": 输出文件是输入文件或位于输入目录中，拒绝覆盖 (output would overwrite the input)");
            }
        }
        List<Item> items = items(input);
        Ruleset ruleset = options.ruleset();
        ParameterSet params = options.parameters(ruleset);
        RuleEngine engine = options.engine(ruleset);
        boolean findingsOnly = batchResults.equals("findings");
        PrintStream progress = System.console() != null ? System.err : null;
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "xianjie-batch");
            t.setDaemon(true);
            return t;
        });
        int worst = 0;
        OutputStream out = output == null ? new BufferedOutputStream(System.out, 1 << 16)
                : new BufferedOutputStream(Files.newOutputStream(output), 1 << 16);
        try {
            ArrayDeque<Future<Line>> window = new ArrayDeque<>();
            Iterator<Item> it = items.iterator();
            int done = 0;
            PlanStage st = stageCode;
            while (it.hasNext() || !window.isEmpty()) {
                while (it.hasNext() && window.size() < 4 * n) {
                    Item item = it.next();
                    window.add(pool.submit(() -> check(item, engine, ruleset, params, options, st, findingsOnly)));
                }
                Line line = window.poll().get();
                out.write(line.json());
                worst = Math.max(worst, line.exitCode());
                done++;
                if (progress != null) {
                    progress(progress, done, items.size());
                }
            }
            out.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
            if (output != null) {
                out.close();
            }
            if (progress != null) {
                progress.println();
            }
        }
        if (output != null) {
            System.err.println("已写入 (written): " + output + "（" + items.size() + " 个计划 plans）");
        }
        return worst;
    }

    /** One output line and the plan's exit code. */
    record Line(byte[] json, int exitCode) {
    }

    private static Line check(Item item, RuleEngine engine, Ruleset ruleset, ParameterSet params, RulesetOptions options,
                              PlanStage stage, boolean findingsOnly) throws IOException {
        Map<String, Object> tree;
        int code;
        try {
            CountyPlan plan = PlanJsonReader.read(item.bytes(), item.name());
            if (stage != null) {
                plan.stage = stage;
            }
            int year;
            try {
                year = options.measuresYear(plan.getYear(), params);   // as a single check: a year before the Measures is refused
            } catch (InputException e) {
                throw new InputException(item.name() + ": " + e.getMessage());
            }
            Evaluation ev = engine.evaluate(plan, params, RuleEngine.referenceDate(year));
            Report report = Report.of(ev, ruleset, item.name(), sha256(item.bytes()), year, options.profileName());
            tree = report.header();
            List<Map<String, Object>> results = new ArrayList<>();
            for (Result r : ev.results()) {
                if (!findingsOnly || r.outcome() == Outcome.FAIL || r.outcome() == Outcome.UNDETERMINED) {
                    results.add(Report.result(r));
                }
            }
            tree.put("results", results);
            code = ev.hasErrors() ? 1 : 0;
        } catch (InputException e) {
            tree = new LinkedHashMap<>();
            Map<String, Object> in = new LinkedHashMap<>();
            in.put("file", item.name());
            in.put("sha256", sha256(item.bytes()));
            tree.put("input", in);
            tree.put("error", e.getMessage());
            code = 2;
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream(8192);
        MAPPER.writeValue(buf, tree);
        buf.write('\n');
        return new Line(buf.toByteArray(), code);
    }

    private static List<Item> items(Path input) throws IOException {
        if (Files.isDirectory(input)) {
            List<Item> items = new ArrayList<>();
            for (Path f : io.github.xianjie.input.PlanFolder.list(input, false, "--batch " + input).plans()) {
                items.add(new Item(f.toString(), Files.readAllBytes(f)));
            }
            if (items.isEmpty()) {
                throw new InputException("--batch " + input + ": 目录中没有 .json 计划（*.meta.json 计划信息文件不算）(no .json plans in the folder)");
            }
            return items;
        }
        if (!Files.isRegularFile(input)) {
            throw new InputException("--batch " + input + ": 文件或目录不存在 (no such file or folder)");
        }
        if (!input.getFileName().toString().toLowerCase().endsWith(".jsonl")) {
            throw new InputException("--batch " + input + ": 应为目录或 .jsonl 文件（每行一个 JSON 计划）(a folder or a .jsonl file)");
        }
        List<Item> items = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
            int no = 0;
            for (String line; (line = r.readLine()) != null; ) {
                no++;
                if (no == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (!line.isBlank()) {
                    items.add(new Item(input + " 第" + no + "行", line.getBytes(StandardCharsets.UTF_8)));
                }
            }
        } catch (java.nio.charset.MalformedInputException e) {
            throw new InputException("--batch " + input + ": 不是 UTF-8 文本 (not UTF-8)");
        }
        if (items.isEmpty()) {
            throw new InputException("--batch " + input + ": 文件中没有计划 (no plans)");
        }
        return items;
    }

    private static void progress(PrintStream err, int done, int total) {
        int width = 30;
        int filled = (int) ((long) done * width / total);
        err.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total);
        err.flush();
    }

    private static String sha256(byte[] bytes) {
        return io.github.xianjie.service.CheckService.sha256(bytes);
    }
}
