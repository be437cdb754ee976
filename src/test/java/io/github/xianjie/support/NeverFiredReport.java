package io.github.xianjie.support;

import io.github.xianjie.engine.RuleEngine;
import java.util.List;
import java.util.TreeSet;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;
import org.kie.api.definition.rule.Rule;

/** Prints, at the end of the test run, the DRL rules that never produced a result across the suite. */
public final class NeverFiredReport implements TestExecutionListener {
    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (Engines.FIRED.isEmpty()) {
            return;
        }
        RuleEngine e = Engines.engine();
        List<Rule> rules = e.rules();
        TreeSet<String> never = new TreeSet<>();
        for (Rule r : rules) {
            if (!Engines.FIRED.contains(r.getName())) {
                never.add(r.getName());
            }
        }
        System.out.println("[xianjie] rule coverage: " + (rules.size() - never.size()) + " of " + rules.size()
                + " DRL rules fired in the test sessions that record firings (informational: audit sessions and"
                + " CLI/server runs are not recorded, so a rule listed here may well be tested; CatalogueCoverageTest"
                + " and AuditCatalogueTest assert that every catalogue ID fires)");
        never.forEach(n -> System.out.println("[xianjie]   not recorded as fired: " + n));
    }
}
