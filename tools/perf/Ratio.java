package io.github.xianjie.engine;

import io.github.xianjie.bench.HeadlineChecks;
import io.github.xianjie.bench.PlanGenerator;
import io.github.xianjie.classify.Classifier;
import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.params.ParameterSet;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.*;

/** dev harness: single thread, interleaved reps of engine.evaluate vs classifier+HeadlineChecks. args: plans projects reps */
public class Ratio {
    public static void main(String[] a) throws Exception {
        int plans = Integer.parseInt(a[0]), projects = Integer.parseInt(a[1]), reps = Integer.parseInt(a[2]);
        Ruleset rs = Ruleset.load(Path.of("rules"));
        ParameterSet params = rs.parameters();
        PlanGenerator gen = new PlanGenerator(Path.of("fixtures"), 20240101);
        List<CountyPlan> ps = new ArrayList<>();
        for (int i = 0; i < plans; i++) ps.add(gen.plan(i, projects));
        RuleEngine e = RuleEngine.build(rs);
        Classifier cl = new Classifier(rs.keywords());
        HeadlineChecks hc = new HeadlineChecks();
        LocalDate asOf = LocalDate.of(2024, 12, 31);
        var tm = ManagementFactory.getThreadMXBean();
        double se = 0, sb = 0;
        for (int r = 0; r < reps; r++) {
            long c0 = tm.getCurrentThreadCpuTime(); long n = 0;
            for (CountyPlan p : ps) n += e.evaluate(p, params, asOf).results().size();
            long c1 = tm.getCurrentThreadCpuTime();
            for (CountyPlan p : ps) { var c = cl.classify(p); n += hc.check(c.plan(), c.hits(), params.resolve(asOf, p.getFundSource())); }
            long c2 = tm.getCurrentThreadCpuTime();
            double ue = (c1 - c0) / 1e3 / plans / projects, ub = (c2 - c1) / 1e3 / plans / projects;
            if (r >= reps / 2) { se += ue; sb += ub; }
            System.out.printf("rep %2d engine %6.1f us/project (%6.0f/cpu-s)  baseline %6.1f us/project (%6.0f/cpu-s)  ratio %.3f%n", r, ue, 1e6 / ue, ub, 1e6 / ub, ub / ue);
        }
        System.out.printf("second half mean: engine %.1f us, baseline %.1f us, ratio %.3f%n", se / (reps - reps / 2), sb / (reps - reps / 2), sb / se);
    }
}
