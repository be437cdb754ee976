package io.github.xianjie.engine;

import io.github.xianjie.classify.Classifier;
import io.github.xianjie.classify.NegativeListHit;
import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.domain.Project;
import io.github.xianjie.params.Parameter;
import io.github.xianjie.params.ParameterSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;

/**
 * Builds the KieBase from a ruleset's DRL once, and evaluates county plans against it: classify the
 * projects from their words, insert the plan, its projects, the parameters in force and the
 * negative-list hits as facts, fire all rules, and return the results in a stable order.
 */
public final class RuleEngine {
    private static final AtomicLong BUILDS = new AtomicLong();
    private final Ruleset ruleset;
    private final KieBase kieBase;
    private final Classifier classifier;

    private RuleEngine(Ruleset ruleset, KieBase kieBase) {
        this.ruleset = ruleset;
        this.kieBase = kieBase;
        this.classifier = new Classifier(ruleset.keywords());
    }

    /**
     * Compiles every DRL file of the ruleset.
     *
     * @param ruleset the ruleset
     * @return the engine
     * @throws RulesetException listing every Drools ERROR and WARNING with file, line and column
     */
    public static RuleEngine build(Ruleset ruleset) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId rid = ks.newReleaseId("io.github.xianjie", "ruleset", "1.0." + BUILDS.incrementAndGet());
        kfs.generateAndWritePomXML(rid);
        for (Map.Entry<String, String> e : ruleset.drl().entrySet()) {
            kfs.write("src/main/resources/rules/" + e.getKey(), e.getValue());
        }
        KieBuilder kb = ks.newKieBuilder(kfs).buildAll();
        List<Message> problems = kb.getResults().getMessages(Message.Level.ERROR, Message.Level.WARNING);
        if (!problems.isEmpty()) {
            StringBuilder sb = new StringBuilder("规则编译失败 (DRL build failed):");
            for (Message m : problems) {
                String path = m.getPath() == null ? "?"
                        : ruleset.root().resolve(m.getPath().replaceFirst("^(src/main/resources/)?rules/", "")).toString();
                sb.append("\n  ").append(m.getLevel()).append(' ').append(path)
                        .append(':').append(m.getLine()).append(':').append(m.getColumn())
                        .append(' ').append(m.getText());
            }
            throw new RulesetException(sb.toString());
        }
        ProjectChecks.useRules(ruleset.root());
        KieContainer kc = ks.newKieContainer(rid);
        KieBase base = kc.getKieBase();
        for (KiePackage p : base.getKiePackages()) {
            for (Rule r : p.getRules()) {
                for (String key : List.of("ruleId", "source", "severity")) {
                    if (r.getMetaData().get(key) == null) {
                        throw new RulesetException(ruleset.root() + ": 规则「" + r.getName() + "」缺少 @" + key
                                + " 元数据（每条规则须注明目录编号、出处和严重程度）(rule without @" + key + ")");
                    }
                }
            }
        }
        return new RuleEngine(ruleset, base);
    }

    /** @return the ruleset this engine was built from. */
    public Ruleset ruleset() {
        return ruleset;
    }

    /** @return every rule of the KieBase, sorted by name. */
    public List<Rule> rules() {
        List<Rule> out = new ArrayList<>();
        for (KiePackage p : kieBase.getKiePackages()) {
            out.addAll(p.getRules());
        }
        out.sort(Comparator.comparing(Rule::getName));
        return out;
    }

    /**
     * The reference date for selecting parameters: the last day of the plan's year.
     *
     * @param year the plan year (or the {@code --measures-year})
     * @return 31 December of that year
     */
    public static LocalDate referenceDate(int year) {
        return LocalDate.of(year, 12, 31);
    }

    /**
     * Evaluates one plan under the parameters in force at a reference date.
     *
     * @param plan       the plan; its empty classification fields are filled by inference (recorded as evidence)
     * @param parameters the parameter set to select from
     * @param asOf       reference date for dated parameters
     * @return the evaluation: results sorted by subject (plan first, then projects in input order), then rule ID
     */
    public Evaluation evaluate(CountyPlan plan, ParameterSet parameters, LocalDate asOf) {
        List<NegativeListHit> hits = classifier.classify(plan);
        List<Parameter> params = parameters.resolve(asOf, plan.getFundSource());
        Findings out = new Findings(plan);
        KieSession session = kieBase.newKieSession();
        try {
            session.setGlobal("out", out);
            session.insert(new Measures(asOf.getYear(), asOf));
            session.insert(plan);
            plan.getProjects().forEach(session::insert);
            params.forEach(session::insert);
            parameters.notLoaded(asOf, plan.getFundSource()).forEach(session::insert);
            hits.forEach(session::insert);
            classifier.reviewWords(plan).forEach(session::insert);
            session.fireAllRules();
        } finally {
            session.dispose();
        }
        Map<String, Integer> order = new HashMap<>();
        order.put("plan", 0);
        for (Project p : plan.getProjects()) {
            order.putIfAbsent(p.getSubject(), p.getIndex());
        }
        List<Result> results = new ArrayList<>(out.results());
        results.sort(Comparator.comparing((Result r) -> order.getOrDefault(r.subject(), Integer.MAX_VALUE))
                .thenComparing(Result::subject)
                .thenComparing(r -> RuleIds.sortKey(r.ruleId()))
                .thenComparing(Result::ruleName));
        return new Evaluation(plan, params, hits, asOf, results);
    }
}
