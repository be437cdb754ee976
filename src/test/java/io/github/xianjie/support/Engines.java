package io.github.xianjie.support;

import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.engine.Evaluation;
import io.github.xianjie.engine.Result;
import io.github.xianjie.engine.RuleEngine;
import io.github.xianjie.engine.Ruleset;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The KieBase built once per test JVM from the checkout's {@code rules/} folder, and a record of every
 * DRL rule that produced a result across the suite (for the never-fired report).
 */
public final class Engines {
    /** The checkout's ruleset folder. */
    public static final Path RULES = Path.of("rules");
    /** DRL rule names that produced at least one result in this JVM. */
    public static final Set<String> FIRED = ConcurrentHashMap.newKeySet();
    private static volatile RuleEngine engine;

    private Engines() {
    }

    /** @return the shared engine over {@code rules/}. */
    public static RuleEngine engine() {
        if (engine == null) {
            synchronized (Engines.class) {
                if (engine == null) {
                    engine = RuleEngine.build(Ruleset.load(RULES));
                }
            }
        }
        return engine;
    }

    /**
     * Evaluates a plan under the measures of its own year.
     *
     * @param plan a validated plan
     * @return the evaluation
     */
    public static Evaluation evaluate(CountyPlan plan) {
        return evaluate(plan, plan.getYear());
    }

    /**
     * Evaluates a plan under the measures of another year.
     *
     * @param plan         a validated plan
     * @param measuresYear year whose parameters apply
     * @return the evaluation
     */
    public static Evaluation evaluate(CountyPlan plan, int measuresYear) {
        RuleEngine e = engine();
        Evaluation ev = e.evaluate(plan, e.ruleset().parameters(), RuleEngine.referenceDate(measuresYear));
        for (Result r : ev.results()) {
            FIRED.add(r.ruleName());
        }
        return ev;
    }
}
