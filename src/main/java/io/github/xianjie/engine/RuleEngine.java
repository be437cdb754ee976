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
import org.drools.compiler.kie.builder.impl.DrlProject;

/**
 * Holds one KieBase and evaluates county plans against it: classify the projects from their words,
 * insert the plan, its projects, the parameters in force and the negative-list hits as facts, fire all
 * rules, and return the results in a stable order. The KieBase comes from the rules precompiled into
 * the jar (the executable model) when the ruleset's DRL is the DRL they were compiled from, else from
 * compiling the DRL at run time. An engine keeps no mutable state: one engine serves many threads (one
 * session per plan), and engines over different rulesets run side by side.
 */
public final class RuleEngine {
    private static final AtomicLong BUILDS = new AtomicLong();
    /** The DRL global through which rules reach the ruleset's word lists. */
    static final String DATA_GLOBAL = "data";
    private final Ruleset ruleset;
    private final KieBase kieBase;
    private final Classifier classifier;
    private final RulesetData data;
    private final boolean precompiled;
    private final boolean wantsData;
    private final Map<String, RuleCatalogue.Entry> catalogue;

    private RuleEngine(Ruleset ruleset, KieBase kieBase, boolean precompiled) {
        this.ruleset = ruleset;
        this.kieBase = kieBase;
        this.precompiled = precompiled;
        this.classifier = new Classifier(ruleset.keywords());
        this.data = RulesetData.load(ruleset.root());
        StartupTrace.mark("classifier, ruleset data");
        boolean wants = false;
        for (KiePackage p : kieBase.getKiePackages()) {
            wants |= p.getGlobalVariables().stream().anyMatch(g -> g.getName().equals(DATA_GLOBAL));
        }
        this.wantsData = wants;
        this.catalogue = catalogue(ruleset);
        checkMetadata(ruleset, kieBase, catalogue);
        StartupTrace.mark("catalogue, rule metadata check");
    }

    /**
     * The engine for a ruleset: from the precompiled rules when its DRL files are those compiled into
     * the jar (SHA-256 of the DRL set, {@link Ruleset#drlDigest}), else compiled at run time as
     * {@link #compile} does. Parameters and keyword data are always the ruleset's own.
     *
     * @param ruleset the ruleset
     * @return the engine
     * @throws RulesetException listing every Drools ERROR and WARNING with file, line and column
     */
    public static RuleEngine build(Ruleset ruleset) {
        preloadSegmenter(ruleset);
        KieBase base = Precompiled.kieBaseFor(ruleset);
        if (base != null) {
            StartupTrace.mark("KieBase from the precompiled model");
            return new RuleEngine(ruleset, base, true);
        }
        return compile(ruleset);
    }

    /**
     * Compiles every DRL file of the ruleset at run time (the path for {@code --rules DIR}). The KieModule
     * the build registers in Drools' global repository is removed again once the KieBase exists.
     *
     * @param ruleset the ruleset
     * @return the engine
     * @throws RulesetException listing every Drools ERROR and WARNING with file, line and column
     */
    public static RuleEngine compile(Ruleset ruleset) {
        preloadSegmenter(ruleset);
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId rid = ks.newReleaseId("io.github.xianjie", "ruleset", "1.0." + BUILDS.incrementAndGet());
        kfs.generateAndWritePomXML(rid);
        for (Map.Entry<String, String> e : ruleset.drl().entrySet()) {
            kfs.write("src/main/resources/rules/" + e.getKey(), e.getValue());
        }
        KieBuilder kb = ks.newKieBuilder(kfs).buildAll(DrlProject.class);
        List<Message> problems = kb.getResults().getMessages(Message.Level.ERROR, Message.Level.WARNING);
        if (!problems.isEmpty()) {
            ks.getRepository().removeKieModule(rid);
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
        KieBase base;
        try {
            KieContainer kc = ks.newKieContainer(rid);
            base = kc.getKieBase();
        } finally {
            ks.getRepository().removeKieModule(rid);
        }
        StartupTrace.mark("KieBase compiled from DRL");
        return new RuleEngine(ruleset, base, false);
    }

    /**
     * Loads the ruleset's word segmenter (HanLP's dictionaries, about a quarter of a cold check's CPU) on a background
     * daemon thread while the KieBase is built, so the two overlap on a second core. The segmenter is built once under
     * its own lock ({@link io.github.xianjie.text.NameReader#load}); a classification that needs it first waits for
     * it. A load that fails here is left to fail again, and be reported, where the segmenter is first used.
     */
    private static void preloadSegmenter(Ruleset ruleset) {
        if (ruleset.keywords() == null || ruleset.keywords().reader().loaded()) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                ruleset.keywords().reader().load();
            } catch (Throwable ignored) {
                // the first use loads it again and reports the error
            }
        }, "xianjie-segmenter-load");
        t.setDaemon(true);
        t.start();
    }

    /** The catalogue entries by ID, or none when the ruleset has no catalogue.yaml. */
    private static Map<String, RuleCatalogue.Entry> catalogue(Ruleset ruleset) {
        Map<String, RuleCatalogue.Entry> byId = new HashMap<>();
        if (java.nio.file.Files.isRegularFile(ruleset.root().resolve("catalogue.yaml"))) {
            for (RuleCatalogue.Entry e : RuleCatalogue.load(ruleset)) {
                byId.put(e.id(), e);
            }
        }
        return Map.copyOf(byId);
    }

    /**
     * Every rule names its catalogue ID; its source and severity come from the rule or, failing that, the catalogue; a
     * rule's {@code @variant("name")} must be defined under its entry's {@code variants} in catalogue.yaml.
     */
    private static void checkMetadata(Ruleset ruleset, KieBase base, Map<String, RuleCatalogue.Entry> catalogue) {
        for (KiePackage p : base.getKiePackages()) {
            for (Rule r : p.getRules()) {
                Object id = r.getMetaData().get("ruleId");
                boolean listed = id != null && catalogue.containsKey(Findings.unquote(id.toString()));
                for (String key : List.of("ruleId", "source", "severity")) {
                    if (r.getMetaData().get(key) == null && !(listed && !key.equals("ruleId"))) {
                        throw new RulesetException(ruleset.root() + ": 规则「" + r.getName() + "」缺少 @" + key
                                + " 元数据（每条规则须注明目录编号、出处和严重程度）(rule without @" + key + ")");
                    }
                }
                Object variant = r.getMetaData().get("variant");
                if (variant != null) {
                    RuleCatalogue.Entry e = id == null ? null : catalogue.get(Findings.unquote(id.toString()));
                    String name = Findings.unquote(variant.toString());
                    if (e == null || !e.variants().containsKey(name)) {
                        throw new RulesetException(ruleset.root() + ": 规则「" + r.getName() + "」的 @variant(\"" + name
                                + "\") 未在 catalogue.yaml 该编号的 variants 中定义 (variant not defined in catalogue.yaml"
                                + (e == null ? "" : "; defined: " + new java.util.TreeSet<>(e.variants().keySet())) + ")");
                    }
                }
            }
        }
    }

    /** @return true when the KieBase came from the rules precompiled into the jar, false when compiled at run time. */
    public boolean precompiled() {
        return precompiled;
    }

    /**
     * Sorts results by subject (plan first, then projects in input order), rule ID in catalogue order,
     * then rule name. Each result's key is computed once, not per comparison.
     */
    private static List<Result> sorted(CountyPlan plan, List<Result> results) {
        Map<String, Integer> order = new HashMap<>();
        order.put("plan", 0);
        for (Project p : plan.getProjects()) {
            order.putIfAbsent(p.getSubject(), p.getIndex());
        }
        Map<String, Long> idKeys = new HashMap<>();
        record Keyed(long key, Result result) {
        }
        List<Keyed> keyed = new ArrayList<>(results.size());
        for (Result r : results) {
            long subject = order.getOrDefault(r.subject(), Integer.MAX_VALUE);
            keyed.add(new Keyed(subject << 27 | idKeys.computeIfAbsent(r.ruleId(), RuleIds::sortOrdinal), r));
        }
        // one long per result: subject order (high bits), then the rule ID's catalogue ordinal (< 2^27)
        keyed.sort(Comparator.comparingLong(Keyed::key)
                .thenComparing(k -> k.result().subject())
                .thenComparing(k -> k.result().ruleId())
                .thenComparing(k -> k.result().ruleName()));
        List<Result> out = new ArrayList<>(keyed.size());
        for (Keyed k : keyed) {
            out.add(k.result());
        }
        return out;
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
     * @param input      the plan; not modified — the rules see a classified copy whose empty classification fields
     *                   are filled by inference (recorded as evidence)
     * @param parameters the parameter set to select from
     * @param asOf       reference date for dated parameters
     * @return the evaluation (its {@code plan()} is the classified copy): results sorted by subject (plan first, then projects in input order), then rule ID
     */
    public Evaluation evaluate(CountyPlan input, ParameterSet parameters, LocalDate asOf) {
        Classifier.Classification classified = classifier.classify(input);
        CountyPlan plan = classified.plan();
        List<NegativeListHit> hits = classified.hits();
        StartupTrace.mark("classify (keywords, segmenter)");
        List<Parameter> params = parameters.resolve(asOf, plan.getFundSource());
        Findings out = new Findings(plan, catalogue);
        KieSession session = kieBase.newKieSession();
        StartupTrace.mark("new session");
        try {
            session.setGlobal("out", out);
            if (wantsData) {
                session.setGlobal(DATA_GLOBAL, data);
            }
            session.insert(new Measures(asOf.getYear(), asOf));
            session.insert(plan);
            plan.getProjects().forEach(session::insert);
            params.forEach(session::insert);
            parameters.notLoaded(asOf, plan.getFundSource()).forEach(session::insert);
            hits.forEach(session::insert);
            classifier.reviewWords(plan).forEach(session::insert);
            StartupTrace.mark("insert facts");
            session.fireAllRules();
            StartupTrace.mark("fire all rules");
        } finally {
            session.dispose();
        }
        return new Evaluation(plan, params, hits, asOf, sorted(plan, out.results()));
    }
}
