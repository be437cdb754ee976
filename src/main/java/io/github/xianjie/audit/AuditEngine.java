package io.github.xianjie.audit;

import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.engine.Findings;
import io.github.xianjie.engine.Precompiled;
import io.github.xianjie.engine.RuleCatalogue;
import io.github.xianjie.engine.Result;
import io.github.xianjie.engine.RuleIds;
import io.github.xianjie.engine.Ruleset;
import io.github.xianjie.engine.RulesetException;
import io.github.xianjie.params.Parameter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieSession;

/**
 * The audit rules of a ruleset ({@code allocation-audit.drl}, {@code ledger.drl}, {@code prepayment-deduction.drl})
 * in their own KieBase, and one session per audit: insert the audit's facts and the parameters in force, fire,
 * return every rule × subject outcome in subject order. The KieBase comes from the rules precompiled into the jar
 * (their packages only) when the ruleset's DRL is the DRL they were compiled from, as for
 * {@link io.github.xianjie.engine.RuleEngine}, else from compiling the audit files at run time. The rules' source,
 * titles and severity come from the ruleset's {@code catalogue.yaml} where the rule does not state them.
 */
public final class AuditEngine {
    /** The DRL files of the audit, relative to the ruleset folder. */
    public static final List<String> FILES = List.of("allocation-audit.drl", "ledger.drl", "prepayment-deduction.drl");
    private static final AtomicLong BUILDS = new AtomicLong();
    private static final java.util.regex.Pattern PACKAGE = java.util.regex.Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;?");
    private final KieBase kieBase;
    private final boolean precompiled;
    private final Map<String, RuleCatalogue.Entry> catalogue;

    private AuditEngine(KieBase kieBase, boolean precompiled, Map<String, RuleCatalogue.Entry> catalogue) {
        this.kieBase = kieBase;
        this.precompiled = precompiled;
        this.catalogue = catalogue;
    }

    /** @return true when the KieBase came from the rules precompiled into the jar, false when compiled at run time. */
    public boolean precompiled() {
        return precompiled;
    }

    /**
     * The audit engine for a ruleset: the precompiled audit packages when the ruleset's DRL files are those
     * compiled into the jar (same SHA-256 over the DRL set), else {@link #compile}.
     *
     * @param ruleset the ruleset
     * @return the engine
     * @throws RulesetException listing Drools errors with file, line and column (runtime compilation)
     */
    public static AuditEngine build(Ruleset ruleset) {
        Set<String> packages = new TreeSet<>();
        for (Map.Entry<String, String> e : ruleset.drl().entrySet()) {
            java.util.regex.Matcher m = PACKAGE.matcher(e.getValue());
            if (FILES.contains(e.getKey()) && m.find()) {
                packages.add(m.group(1));
            }
        }
        KieBase base = packages.isEmpty() ? null : Precompiled.kieBaseFor(ruleset, packages);
        if (base != null) {
            return new AuditEngine(base, true, catalogue(ruleset));
        }
        return compile(ruleset);
    }

    /**
     * Compiles the audit DRL files of the ruleset at run time (the path for {@code --rules DIR} with edited rules).
     *
     * @param ruleset the ruleset; only its audit DRL files are compiled
     * @return the engine
     * @throws RulesetException listing Drools errors with file, line and column
     */
    public static AuditEngine compile(Ruleset ruleset) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId rid = ks.newReleaseId("io.github.xianjie", "audit", "1.0." + BUILDS.incrementAndGet());
        kfs.generateAndWritePomXML(rid);
        int n = 0;
        for (Map.Entry<String, String> e : ruleset.drl().entrySet()) {
            if (FILES.contains(e.getKey())) {
                kfs.write("src/main/resources/rules/" + e.getKey(), e.getValue());
                n++;
            }
        }
        if (n == 0) {
            throw new RulesetException(ruleset.root() + ": 没有审计规则文件 (no audit DRL: " + String.join(", ", FILES) + ")");
        }
        KieBuilder kb = ks.newKieBuilder(kfs).buildAll();
        List<Message> problems = kb.getResults().getMessages(Message.Level.ERROR, Message.Level.WARNING);
        if (!problems.isEmpty()) {
            ks.getRepository().removeKieModule(rid);
            StringBuilder sb = new StringBuilder("审计规则编译失败 (audit DRL build failed):");
            for (Message m : problems) {
                sb.append("\n  ").append(m.getLevel()).append(' ').append(m.getPath()).append(':').append(m.getLine())
                        .append(':').append(m.getColumn()).append(' ').append(m.getText());
            }
            throw new RulesetException(sb.toString());
        }
        KieBase compiled;
        try {
            compiled = ks.newKieContainer(rid).getKieBase();
        } finally {
            ks.getRepository().removeKieModule(rid);
        }
        return new AuditEngine(compiled, false, catalogue(ruleset));
    }

    /** The catalogue entries by ID, or none when the ruleset has no catalogue.yaml. */
    private static Map<String, RuleCatalogue.Entry> catalogue(Ruleset ruleset) {
        Map<String, RuleCatalogue.Entry> byId = new java.util.HashMap<>();
        if (java.nio.file.Files.isRegularFile(ruleset.root().resolve("catalogue.yaml"))) {
            for (RuleCatalogue.Entry e : RuleCatalogue.load(ruleset)) {
                byId.put(e.id(), e);
            }
        }
        return Map.copyOf(byId);
    }

    /**
     * @param facts        the audit's facts
     * @param parameters   parameters in force
     * @param subjectOrder subject names in report order (others follow, sorted)
     * @return results sorted by subject order, then rule ID, then rule name
     */
    public List<Result> evaluate(Collection<?> facts, List<Parameter> parameters, List<String> subjectOrder) {
        Findings out = new Findings(new CountyPlan(), catalogue);
        KieSession session = kieBase.newKieSession();
        try {
            session.setGlobal("out", out);
            facts.forEach(session::insert);
            parameters.forEach(session::insert);
            session.fireAllRules();
        } finally {
            session.dispose();
        }
        Map<String, Integer> order = new java.util.HashMap<>();
        for (String s : subjectOrder) {
            order.putIfAbsent(s, order.size());
        }
        List<Result> results = new ArrayList<>(out.results());
        results.sort(Comparator.comparing((Result r) -> order.getOrDefault(r.subject(), Integer.MAX_VALUE))
                .thenComparing(Result::subject)
                .thenComparing(r -> RuleIds.sortKey(r.ruleId()))
                .thenComparing(Result::ruleName)
                .thenComparing((Result r) -> r.message()));
        return results;
    }
}
