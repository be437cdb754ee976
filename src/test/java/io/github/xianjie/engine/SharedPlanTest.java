package io.github.xianjie.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.domain.Project;
import io.github.xianjie.report.JsonReportWriter;
import io.github.xianjie.report.Report;
import io.github.xianjie.support.Engines;
import io.github.xianjie.support.Plans;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 item 4: classification returns facts (a classified copy of the plan) instead of writing its
 * inferences into the input plan, so one plan object evaluated by two engines gives the same report twice —
 * the second engine does not take the first's inferences as explicit input.
 */
class SharedPlanTest {
    @Test
    void onePlanObjectEvaluatedByTwoEnginesGivesIdenticalReports() {
        // the names-only Wusu plan: category, chain, infrastructure all come from inference
        CountyPlan plan = Plans.read("fixtures/wusu-2024/central-names-only.json");
        Ruleset rules = Ruleset.load(Path.of("rules"));
        RuleEngine first = Engines.engine();
        RuleEngine second = RuleEngine.compile(rules);

        String a = report(first.evaluate(plan, rules.parameters(), RuleEngine.referenceDate(2024)), rules);
        String b = report(second.evaluate(plan, rules.parameters(), RuleEngine.referenceDate(2024)), rules);
        String c = report(first.evaluate(plan, rules.parameters(), RuleEngine.referenceDate(2024)), rules);
        assertEquals(a, b, "second engine on the same plan object");
        assertEquals(a, c, "same engine again on the same plan object");

        Project p = plan.getProjects().get(0);
        assertNull(p.getCategory(), "the input plan is not written to");
        assertTrue(p.getInferences().isEmpty(), "no inference recorded on the input project");
        assertTrue(p.getNegativeListHits().isEmpty());
    }

    @Test
    void theEvaluationHoldsTheClassifiedCopy() {
        CountyPlan plan = Plans.read("fixtures/wusu-2024/central-names-only.json");
        Evaluation ev = Engines.evaluate(plan);
        assertNotEquals(plan, ev.plan());
        assertEquals(plan.getProjects().size(), ev.plan().getProjects().size());
        assertEquals(plan.getProjects().get(0).getSubject(), ev.plan().getProjects().get(0).getSubject());
        assertEquals("INDUSTRY", ev.plan().getProjects().get(0).inferenceFor("category").value());
        assertNull(plan.getProjects().get(0).inferenceFor("category"));
    }

    private static String report(Evaluation ev, Ruleset rules) {
        return JsonReportWriter.write(Report.of(ev, rules, "central-names-only.json", "-", 2024, null));
    }
}
