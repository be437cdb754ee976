package io.github.xianjie.engine;

import io.github.xianjie.bench.PlanGenerator;
import io.github.xianjie.classify.Classifier;
import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.params.Parameter;
import io.github.xianjie.params.ParameterSet;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.*;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/** dev harness: thread CPU per DRL package over pre-classified plans. args: plans projects reps [pkg...] */
public class PkgProf {
    public static void main(String[] a) throws Exception {
        int plans = Integer.parseInt(a[0]), projects = Integer.parseInt(a[1]), reps = Integer.parseInt(a[2]);
        Ruleset rs = Ruleset.load(Path.of("rules"));
        ParameterSet params = rs.parameters();
        PlanGenerator gen = new PlanGenerator(Path.of("fixtures"), 20240101);
        Classifier cl = new Classifier(rs.keywords());
        LocalDate asOf = LocalDate.of(2024, 12, 31);
        List<Classifier.Classification> cs = new ArrayList<>();
        for (int i = 0; i < plans; i++) cs.add(cl.classify(gen.plan(i, projects)));
        RulesetData data = RulesetData.load(rs.root());
        Map<String, RuleCatalogue.Entry> catalogue = new HashMap<>();
        for (RuleCatalogue.Entry e : RuleCatalogue.load(rs)) catalogue.put(e.id(), e);
        List<String> pkgs = new ArrayList<>();
        if (a.length > 3) pkgs.addAll(Arrays.asList(a).subList(3, a.length));
        else for (String f : rs.drl().keySet()) pkgs.add(f);
        var tm = ManagementFactory.getThreadMXBean();
        Map<String, KieBase> bases = new LinkedHashMap<>();
        bases.put("ALL", Precompiled.kieBaseFor(rs));
        for (String f : pkgs) { if (f.equals("NONE")) continue;
            String pkg = rs.drl().get(f).lines().filter(l -> l.startsWith("package ")).findFirst().get().substring(8).replace(";", "").trim();
            KieBase b = Precompiled.kieBaseFor(rs, List.of(pkg));
            if (b != null) bases.put(f, b);
        }
        for (int r = 0; r < reps; r++) {
            for (var e : bases.entrySet()) {
                long c0 = tm.getCurrentThreadCpuTime(); long n = 0;
                for (var c : cs) n += run(e.getValue(), c, catalogue, params, asOf, data);
                long c1 = tm.getCurrentThreadCpuTime();
                if (r == reps - 1 || r == 0) System.out.printf("%d %-28s %8.1f ms  %7d results  %6.1f us/project%n", r, e.getKey(), (c1 - c0) / 1e6, n, (c1 - c0) / 1e3 / plans / projects);
            }
        }
    }
    static long run(KieBase base, Classifier.Classification c, Map<String, RuleCatalogue.Entry> catalogue, ParameterSet parameters, LocalDate asOf, RulesetData data) {
        CountyPlan plan = c.plan();
        List<Parameter> params = parameters.resolve(asOf, plan.getFundSource());
        Findings out = new Findings(plan, catalogue);
        KieSession s = base.newKieSession();
        try {
            s.setGlobal("out", out);
            try { s.setGlobal("data", data); } catch (RuntimeException ignore) {}
            s.insert(new Measures(asOf.getYear(), asOf));
            s.insert(plan);
            plan.getProjects().forEach(s::insert);
            params.forEach(s::insert);
            parameters.notLoaded(asOf, plan.getFundSource()).forEach(s::insert);
            c.hits().forEach(s::insert);
            s.fireAllRules();
        } finally { s.dispose(); }
        return out.results().size();
    }
}
