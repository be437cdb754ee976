package io.github.xianjie.cli;

import io.github.xianjie.bench.HeadlineChecks;
import io.github.xianjie.bench.PlanGenerator;
import io.github.xianjie.classify.Classifier;
import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.engine.Evaluation;
import io.github.xianjie.engine.RuleEngine;
import io.github.xianjie.engine.Ruleset;
import io.github.xianjie.input.InputException;
import io.github.xianjie.params.ParameterSet;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code xianjie bench}: measures KieBase load (precompiled and compiled at run time), batch evaluation
 * throughput on seeded realistic plans ({@link PlanGenerator}), the same headline checks as a plain Java
 * loop ({@link HeadlineChecks}) as the baseline, peak heap, and how time grows with projects per plan.
 * Speed and memory are measured here, never in timed unit tests. See BENCHMARKS.md.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"性能测试：规则加载时间、批量检查吞吐量（项目/秒）、纯 Java 基线、峰值内存、规模增长。",
                "Benchmark: KieBase load, batch projects/s, plain-Java baseline, peak heap, growth with plan size."})
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--plans", defaultValue = "100", description = "批量计划数 (default: ${DEFAULT-VALUE})")
    int plans;

    @Option(names = "--projects", defaultValue = "200", description = "每个计划的项目数 (default: ${DEFAULT-VALUE})")
    int projects;

    @Option(names = "--seed", defaultValue = "20240101", description = "随机种子 (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--threads", description = "并行线程数（默认：可用处理器数）")
    Integer threads;

    @Option(names = "--fixtures", defaultValue = "fixtures", description = "词汇来源 fixtures/ 目录 (default: ${DEFAULT-VALUE})")
    Path fixtures;

    @Option(names = "--growth", description = "另测每计划 10、100、1000、10000 个项目时的耗时 (time per plan as plans grow)")
    boolean growth;

    @Option(names = "--no-baseline", description = "不运行纯 Java 基线")
    boolean noBaseline;

    @Option(names = "--write-jsonl", paramLabel = "FILE",
            description = "只把生成的计划写成 JSON Lines 文件（供 check --batch 使用）后退出")
    Path writeJsonl;

    @Mixin
    RulesetOptions rulesetOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (projects < 1 || plans < 1) {
            throw new InputException("--projects 与 --plans 至少为 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        PlanGenerator gen = new PlanGenerator(fixtures, seed);
        if (writeJsonl != null) {
            try (BufferedWriter w = Files.newBufferedWriter(writeJsonl, StandardCharsets.UTF_8)) {
                for (int i = 0; i < plans; i++) {
                    w.write(gen.json(i, projects));
                    w.write('\n');
                }
            }
            out.printf("wrote %d plans × %d projects (seed %d) to %s%n", plans, projects, seed, writeJsonl);
            out.flush();
            return 0;
        }
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        Runtime rt = Runtime.getRuntime();
        out.printf("machine: %d cores available, Java %s, max heap %d MiB, %d threads%n",
                rt.availableProcessors(), System.getProperty("java.version"), rt.maxMemory() >> 20, n);

        Ruleset ruleset = rulesetOptions.ruleset();
        ParameterSet params = rulesetOptions.parameters(ruleset);
        long t0 = System.nanoTime();
        RuleEngine engine = RuleEngine.build(ruleset);
        long preMs = (System.nanoTime() - t0) / 1_000_000;
        t0 = System.nanoTime();
        RuleEngine.compile(ruleset);
        long rtMs = (System.nanoTime() - t0) / 1_000_000;
        out.printf("kiebase: %d rules; %s %d ms, compiled from DRL at run time %d ms (first load in this JVM pays class loading)%n",
                engine.rules().size(), engine.precompiled() ? "precompiled model" : "(DRL differs from the build: compiled)",
                preMs, rtMs);
        out.printf("segmenter: HanLP loaded in %.0f ms (user dictionary of the ruleset; loaded once, on first need)%n",
                ruleset.keywords().reader().load());
        if (rulesetOptions.rules != null) {
            engine = RuleEngine.compile(ruleset);
        }
        out.flush();

        LocalDate asOf = RuleEngine.referenceDate(rulesetOptions.measuresYear(2024));
        RuleEngine e = engine;
        // warm-up, not counted
        for (int i = 0; i < Math.min(4, plans); i++) {
            e.evaluate(gen.plan(i, Math.min(projects, 200)), params, asOf);
        }
        resetPeaks();
        long[] engineRun = run(n, plans, i -> gen.plan(i, projects), plan -> e.evaluate(plan, params, asOf).results().size());
        long peak = peakHeap();
        double engineRate = (double) plans * projects / (engineRun[0] / 1e9 / n);
        double engineCpuRate = (double) plans * projects / (engineRun[3] / 1e9);
        out.printf("batch (engine): %d plans × %d projects = %d projects on %d threads: wall %.2f s (incl. generating the plans), "
                        + "evaluation %.0f projects/s by wall, %.0f projects per CPU-second of the workers, GC %d ms, %d results%n",
                plans, projects, (long) plans * projects, n, engineRun[1] / 1e9, engineRate, engineCpuRate, engineRun[4], engineRun[2]);
        out.printf("heap: peak %d MiB during the batch (max %d MiB)%n", peak >> 20, rt.maxMemory() >> 20);
        out.flush();

        if (!noBaseline) {
            Classifier classifier = new Classifier(ruleset.keywords());
            HeadlineChecks checks = new HeadlineChecks();
            long[] base = run(n, plans, i -> gen.plan(i, projects), plan -> {
                Classifier.Classification c = classifier.classify(plan);
                return checks.check(c.plan(), c.hits(), params.resolve(asOf, plan.getFundSource()));
            });
            double baseRate = (double) plans * projects / (base[0] / 1e9 / n);
            double baseCpuRate = (double) plans * projects / (base[3] / 1e9);
            out.printf("baseline (plain Java: classifier + NL by keywords, PP-01/02, AF-01, CP-01, IS-01/02): %.0f projects/s by wall, "
                    + "%.0f per CPU-second, GC %d ms, %d outcomes; engine/baseline = %.2f by wall, %.2f by CPU%n",
                    baseRate, baseCpuRate, base[4], base[2], engineRate / baseRate, engineCpuRate / baseCpuRate);
            out.flush();
        }

        if (growth) {
            for (int size : new int[] {10, 100, 1000, 10000}) {
                int count = Math.max(2, Math.min(200, 20_000 / size));
                long[] g = run(1, count, i -> gen.plan(i, size), plan -> e.evaluate(plan, params, asOf).results().size());
                out.printf("growth: %6d projects/plan: %9.1f ms per plan (wall), %8.1f ms CPU, GC %6d ms in all, "
                                + "%6.0f projects per CPU-second (%d plans, 1 thread)%n",
                        size, g[0] / 1e6 / count, g[3] / 1e6 / count, g[4], (double) count * size / (g[3] / 1e9), count);
                out.flush();
            }
        }
        return 0;
    }

    /** The timed check of one plan, returning a count (results or outcomes), so its work cannot be skipped. */
    interface PlanTask {
        long apply(CountyPlan plan);
    }

    /**
     * Generates plans 0..count-1 (untimed) and checks each (timed) on n threads.
     *
     * @return {check nanos summed over threads, wall nanos including generation, sum of counts,
     *         check CPU nanos of the worker threads, GC milliseconds meanwhile}
     */
    private static long[] run(int n, int count, java.util.function.IntFunction<CountyPlan> make, PlanTask task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        AtomicLong busy = new AtomicLong();
        AtomicLong cpu = new AtomicLong();
        AtomicLong sum = new AtomicLong();
        java.lang.management.ThreadMXBean tm = ManagementFactory.getThreadMXBean();
        long gc0 = gcMillis();
        long w0 = System.nanoTime();
        try {
            List<Future<?>> fs = new ArrayList<>();
            java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
            for (int t = 0; t < n; t++) {
                fs.add(pool.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < count; ) {
                        CountyPlan plan = make.apply(i);
                        long c = tm.getCurrentThreadCpuTime();
                        long s = System.nanoTime();
                        sum.addAndGet(task.apply(plan));
                        busy.addAndGet(System.nanoTime() - s);
                        cpu.addAndGet(tm.getCurrentThreadCpuTime() - c);
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new long[] {busy.get(), System.nanoTime() - w0, sum.get(), cpu.get(), gcMillis() - gc0};
    }

    private static long gcMillis() {
        long ms = 0;
        for (java.lang.management.GarbageCollectorMXBean g : ManagementFactory.getGarbageCollectorMXBeans()) {
            ms += Math.max(0, g.getCollectionTime());
        }
        return ms;
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
