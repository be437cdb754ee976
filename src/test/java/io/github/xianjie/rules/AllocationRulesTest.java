package io.github.xianjie.rules;

import static io.github.xianjie.support.Outcomes.assertOutcome;
import static io.github.xianjie.support.Outcomes.evidence;
import static io.github.xianjie.support.Plans.classified;
import static io.github.xianjie.support.Plans.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.xianjie.domain.Category;
import io.github.xianjie.domain.FundSource;
import io.github.xianjie.domain.IndustryChain;
import io.github.xianjie.domain.VillageType;
import io.github.xianjie.engine.Evaluation;
import io.github.xianjie.engine.Outcome;
import io.github.xianjie.support.Engines;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** rules/allocation.drl — AL-03: the plan's projects plus the management fee equal the allocation, exactly. */
class AllocationRulesTest {

    @ParameterizedTest(name = "projects 990 + fee {0} vs allocation {1} → {2}")
    @CsvSource({
            "10,    1000,    PASS, 0",
            "10.01, 1000,    FAIL, 0.01",
            "9.99,  1000,    FAIL, -0.01",
            "10,    1000.00, PASS, 0",
    })
    void projectsPlusFeeEqualTheAllocation(String fee, String allocation, Outcome outcome, String difference) {
        Evaluation ev = Engines.evaluate(plan(2024, FundSource.CENTRAL, allocation, fee,
                classified("A", "490.5", Category.INDUSTRY, IndustryChain.FRUIT, VillageType.POVERTY_EXITED),
                classified("B", "499.5", Category.INFRASTRUCTURE, null, VillageType.POVERTY_EXITED)));
        assertOutcome(ev, "AL-03", "plan", outcome, "WARNING");   // no text states it: a data check
        assertEquals("990", evidence(ev, "AL-03", "plan", "projectsTotal"));
        if (outcome == Outcome.FAIL) {
            assertEquals(difference, evidence(ev, "AL-03", "plan", "difference"));
        }
    }

    @Test
    void missingFeeIsUndetermined() {
        Evaluation ev = Engines.evaluate(plan(2024, FundSource.CENTRAL, "1000", null,
                classified("A", "1000", Category.INDUSTRY, IndustryChain.FRUIT, VillageType.POVERTY_EXITED)));
        assertEquals(List.of("managementFee.amount"),
                assertOutcome(ev, "AL-03", "plan", Outcome.UNDETERMINED, null).missing());
    }
}
