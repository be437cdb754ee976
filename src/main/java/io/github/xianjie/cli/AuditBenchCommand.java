package io.github.xianjie.cli;

import io.github.xianjie.audit.AuditReport;
import io.github.xianjie.audit.ledger.LedgerAudit;
import io.github.xianjie.audit.ledger.LedgerGenerator;
import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.engine.Ruleset;
import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code xianjie audit bench}: generates a seeded ledger (if absent) and measures, side by side in one JVM, parsing it
 * with commons-csv alone (every cell read) and the whole ledger audit; prints rows, seconds, rows/s, the ratio and the
 * peak heap. Run with {@code JAVA_OPTS=-Xmx256m}. Not part of {@code mvn test}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"台账审计基准：生成台账，对比仅用 commons-csv 解析与完整审计的用时和内存。",
                "Ledger audit benchmark: generated ledger, commons-csv parsing alone vs the whole audit."})
public final class AuditBenchCommand implements Callable<Integer> {
    @Option(names = "--rows", defaultValue = "1000000", description = "台账行数（约）(default: ${DEFAULT-VALUE})")
    long rows;

    @Option(names = "--rows-per-project", defaultValue = "1000", description = "每个项目的支付笔数 (default: ${DEFAULT-VALUE})")
    int rowsPerProject;

    @Option(names = "--dir", defaultValue = "target/bench-ledger", description = "生成数据的目录 (default: ${DEFAULT-VALUE})")
    Path dir;

    @Option(names = "--seed", defaultValue = "42", description = "随机种子 (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--generate-only", description = "只生成台账和计划，不计时 (write the ledger and plan only)")
    boolean generateOnly;

    @Mixin
    RulesetOptions rulesetOptions;

    @Override
    public Integer call() throws IOException {
        int projects = (int) Math.max(LedgerGenerator.PLANTED_PROJECTS, rows / rowsPerProject);
        Path marker = dir.resolve("generated-" + seed + "-" + projects + "x" + rowsPerProject);
        if (!Files.exists(marker)) {
            long g0 = System.nanoTime();
            LedgerGenerator.write(dir, seed, projects, rowsPerProject);
            Files.writeString(marker, "");
            System.out.printf("generated %d projects × %d rows in %.1f s%n", projects, rowsPerProject, (System.nanoTime() - g0) / 1e9);
        }
        Path ledger = dir.resolve("ledger.csv");
        if (generateOnly) {
            System.out.println("ledger " + ledger + ", plans " + dir.resolve("plans"));
            return 0;
        }
        System.out.printf("ledger %s, %,d bytes; max heap %,d MB; %d cores%n", ledger, Files.size(ledger),
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        long n = 0;
        double parse = Double.MAX_VALUE;
        double parseCpu = Double.MAX_VALUE;
        for (int run = 0; run < 2; run++) {
            long c0 = cpu();
            long t0 = System.nanoTime();
            n = parseOnly(ledger);
            parse = Math.min(parse, (System.nanoTime() - t0) / 1e9);
            parseCpu = Math.min(parseCpu, (cpu() - c0) / 1e9);
        }
        System.out.printf("commons-csv parse only: %,d records in %.2f s wall, %.2f s CPU (%,.0f rows/s)%n", n, parse, parseCpu, n / parse);
        Ruleset ruleset = rulesetOptions.ruleset();
        List<CountyPlan> plans = LedgerAudit.plans(dir.resolve("plans"));
        resetPeaks();
        long c0 = cpu();
        long t0 = System.nanoTime();
        AuditReport r = LedgerAudit.run(ledger, plans, ruleset, rulesetOptions.parameters(ruleset), 2024, null, List.of());
        double audit = (System.nanoTime() - t0) / 1e9;
        double auditCpu = (cpu() - c0) / 1e9;
        long rowsRead = (Long) r.audit().get("rows");
        System.out.printf("ledger audit: %,d rows in %.2f s (%,.0f rows/s); rule build %s s, stream %s s, rules %s s%n", rowsRead, audit,
                rowsRead / audit, r.audit().get("rulesBuildSeconds"), r.audit().get("streamSeconds"), r.audit().get("rulesSeconds"));
        System.out.printf("audit CPU %.2f s (process, GC included); ratio audit / parse: %.2f wall, %.2f CPU (stream only: %.2f wall)%n",
                auditCpu, audit / parse, auditCpu / parseCpu, Double.parseDouble((String) r.audit().get("streamSeconds")) / parse);
        System.out.printf("peak heap during the audit: %,d MB; LG-11 fingerprints %,d MB (%.1f bytes/row); results %,d; summary %s%n",
                peakHeap() >> 20, ((Long) r.audit().get("fingerprintBytes")) >> 20,
                (Long) r.audit().get("fingerprintBytes") / (double) rowsRead, r.results().size(), r.summary());
        return 0;
    }

    private static long parseOnly(Path ledger) throws IOException {
        long n = 0;
        long chars = 0;
        try (BufferedReader in = Files.newBufferedReader(ledger, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get().parse(in)) {
            for (CSVRecord rec : p) {
                for (int i = 0; i < rec.size(); i++) {
                    chars += rec.get(i).length();
                }
                n++;
            }
        }
        return chars < 0 ? -1 : n;
    }

    /** @return CPU time of the whole process (all threads, GC included), ns */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean b : ManagementFactory.getMemoryPoolMXBeans()) {
            if (b.getType() == MemoryType.HEAP) {
                b.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean b : ManagementFactory.getMemoryPoolMXBeans()) {
            if (b.getType() == MemoryType.HEAP) {
                sum += b.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
