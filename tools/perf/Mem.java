package io.github.xianjie.engine;

import io.github.xianjie.bench.PlanGenerator;
import io.github.xianjie.domain.CountyPlan;
import java.nio.file.Path;
import java.time.LocalDate;

/** dev harness: heap retained by one evaluation's results (10,000 projects), and GC count/time of evaluating it. */
public class Mem {
    static long used() { for (int i = 0; i < 3; i++) System.gc(); Runtime r = Runtime.getRuntime(); return r.totalMemory() - r.freeMemory(); }
    static long gc() { long n = 0; for (var g : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) n += g.getCollectionCount(); return n; }
    public static void main(String[] a) throws Exception {
        int projects = Integer.parseInt(a[0]);
        Ruleset rs = Ruleset.load(Path.of("rules"));
        RuleEngine e = RuleEngine.build(rs);
        PlanGenerator gen = new PlanGenerator(Path.of("fixtures"), 20240101);
        LocalDate asOf = LocalDate.of(2024, 12, 31);
        e.evaluate(gen.plan(99, 200), rs.parameters(), asOf);
        CountyPlan p = gen.plan(0, projects);
        long u0 = used(); long g0 = gc();
        Evaluation ev = e.evaluate(p, rs.parameters(), asOf);
        long g1 = gc();
        long u1 = used();
        System.out.printf("%d projects: %d results, retained %.1f MiB = %.0f bytes/result, %d collections during the evaluation%n",
                projects, ev.results().size(), (u1 - u0) / 1048576.0, (double) (u1 - u0) / ev.results().size(), g1 - g0);
    }
}
