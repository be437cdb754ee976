package io.github.xianjie.engine;

import io.github.xianjie.bench.PlanGenerator;
import io.github.xianjie.classify.Classifier;
import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.params.Parameter;
import io.github.xianjie.params.ParameterSet;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.*;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSession;

/** dev harness: KieBase option variants, thread CPU, results compared. args: plans projects reps variant... */
public class ConfProf {
    static List<Model> models() throws Exception {
        Properties p = new Properties();
        try (InputStream in = ConfProf.class.getClassLoader().getResourceAsStream("xianjie-model/model.properties")) { p.load(new java.io.InputStreamReader(in)); }
        List<Model> ms = new ArrayList<>();
        for (String n : p.getProperty("models").split(",")) if (!n.isBlank()) ms.add((Model) Class.forName(n.trim()).getDeclaredConstructor().newInstance());
        return ms;
    }
    static KieBase base(String v) throws Exception {
        KieBaseConfiguration conf = KieServices.Factory.get().newKieBaseConfiguration();
        switch (v) {
            case "default" -> {}
            case "sequential" -> conf.setOption(org.kie.api.conf.SequentialOption.YES);
            case "anc" -> conf.setProperty("drools.alphaNetworkCompiler", "INMEMORY");
            case "equality" -> conf.setOption(org.kie.api.conf.EqualityBehaviorOption.EQUALITY);
            case "noshare" -> conf.setProperty("drools.shareBetaNodes", "false");
            case "hash1" -> conf.setProperty("drools.alphaNodeHashingThreshold", "1");
            default -> throw new IllegalArgumentException(v);
        }
        return KieBaseBuilder.createKieBaseFromModel(models(), conf);
    }
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
        var tm = ManagementFactory.getThreadMXBean();
        Map<String, KieBase> bases = new LinkedHashMap<>();
        for (String v : Arrays.asList(a).subList(3, a.length)) bases.put(v, base(v));
        Map<String, List<String>> first = new HashMap<>();
        Map<String, Double> sum = new LinkedHashMap<>();
        for (int r = 0; r < reps; r++) {
            for (var e : bases.entrySet()) {
                long c0 = tm.getCurrentThreadCpuTime(); List<String> all = r == 0 ? new ArrayList<>() : null;
                for (var c : cs) run(e.getValue(), c, params, asOf, data, all);
                long c1 = tm.getCurrentThreadCpuTime();
                double us = (c1 - c0) / 1e3 / plans / projects;
                if (r >= reps / 2) sum.merge(e.getKey(), us, Double::sum);
                if (all != null) { Collections.sort(all); first.put(e.getKey(), all); }
                System.out.printf("%d %-12s %6.1f us/project%n", r, e.getKey(), us);
            }
        }
        List<String> ref = first.values().iterator().next();
        first.forEach((k, v) -> System.out.println(k + " results " + v.size() + (v.equals(ref) ? " same" : " DIFFER")));
        sum.forEach((k, v) -> System.out.printf("mean2 %-12s %6.1f us/project%n", k, v / (reps - reps / 2)));
    }
    static void run(KieBase base, Classifier.Classification c, ParameterSet parameters, LocalDate asOf, RulesetData data, List<String> all) {
        CountyPlan plan = c.plan();
        List<Parameter> params = parameters.resolve(asOf, plan.getFundSource());
        Findings out = new Findings(plan, Map.of());
        if (((org.drools.kiesession.rulebase.InternalKnowledgeBase) base).getRuleBaseConfiguration().isSequential()) {
            var st = base.newStatelessKieSession();
            st.setGlobal("out", out);
            st.setGlobal("data", data);
            List<Object> facts = new ArrayList<>();
            facts.add(new Measures(asOf.getYear(), asOf)); facts.add(plan); facts.addAll(plan.getProjects()); facts.addAll(params);
            facts.addAll(parameters.notLoaded(asOf, plan.getFundSource())); facts.addAll(c.hits());
            st.execute(facts);
        } else {
        KieSession s = base.newKieSession();
        try {
            s.setGlobal("out", out);
            s.setGlobal("data", data);
            s.insert(new Measures(asOf.getYear(), asOf));
            s.insert(plan);
            plan.getProjects().forEach(s::insert);
            params.forEach(s::insert);
            parameters.notLoaded(asOf, plan.getFundSource()).forEach(s::insert);
            c.hits().forEach(s::insert);
            s.fireAllRules();
        } finally { s.dispose(); }
        }
        if (all != null) for (Result r : out.results()) all.add(plan.getCounty() + "|" + r.subject() + "|" + r.ruleName() + "|" + r.outcome() + "|" + r.severity() + "|" + r.evidence() + "|" + r.missing());
    }
}
