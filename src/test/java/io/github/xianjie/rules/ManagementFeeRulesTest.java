package io.github.xianjie.rules;

import static io.github.xianjie.support.Outcomes.assertOutcome;
import static io.github.xianjie.support.Outcomes.evidence;
import static io.github.xianjie.support.Plans.classified;
import static io.github.xianjie.support.Plans.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.xianjie.domain.Category;
import io.github.xianjie.domain.FundSource;
import io.github.xianjie.domain.VillageType;
import io.github.xianjie.engine.Evaluation;
import io.github.xianjie.engine.Outcome;
import io.github.xianjie.support.Engines;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** rules/management-fee.drl — AF-01, 新财规〔2021〕11号 第九条: fee ≤ 1% of the county's linkage funds. */
class ManagementFeeRulesTest {

    private static Evaluation withFee(String allocation, String fee) {
        return Engines.evaluate(plan(2024, FundSource.CENTRAL, allocation, fee,
                classified("P1", "100", Category.INDUSTRY, null, VillageType.POVERTY_EXITED)));
    }

    @ParameterizedTest(name = "allocation {0}, fee {1} → {2} ({3})")
    @CsvSource({
            "10000, 0,      PASS, 0.0000",
            "10000, 99.99,  PASS, 0.0100",
            "10000, 100,    PASS, 0.0100",   // exactly 1.00%: 不超过 includes the limit
            "10000, 100.01, FAIL, 0.0100",   // one hundredth of a 万元 over
            "10000, 101,    FAIL, 0.0101",
            "3460,  34.6,   PASS, 0.0100",
            "3460,  34.61,  FAIL, 0.0100",
    })
    void feeAgainstTheOnePercentCap(String allocation, String fee, Outcome outcome, String ratio) {
        Evaluation ev = withFee(allocation, fee);
        assertOutcome(ev, "AF-01", "plan", outcome, "ERROR");
        assertEquals(ratio, evidence(ev, "AF-01", "plan", "actual"));
        assertEquals("0.01", evidence(ev, "AF-01", "plan", "limit"));
    }

    @Test
    void failureCitesTheArticleAndTheLimitAmount() {
        Evaluation ev = withFee("10000", "101");
        var r = assertOutcome(ev, "AF-01", "plan", Outcome.FAIL, "ERROR");
        assertEquals("新财规〔2021〕11号 第九条", r.source());
        assertEquals("100", evidence(ev, "AF-01", "plan", "limitAmount"));
        assertEquals("项目管理费 101 万元，占到县资金 10000 万元的 1.01%，超过上限 1%（100 万元）", r.message());
    }

    @Test
    void missingFeeOrAllocationIsUndeterminedNamingTheField() {
        var r = assertOutcome(withFee("10000", null), "AF-01", "plan", Outcome.UNDETERMINED, null);
        assertEquals(java.util.List.of("managementFee.amount"), r.missing());
        r = assertOutcome(withFee(null, "10"), "AF-01", "plan", Outcome.UNDETERMINED, null);
        assertEquals(java.util.List.of("allocation.amount"), r.missing());
    }

    @Test
    void aZeroFeePassesEvenWithoutTheAllocation() {
        assertOutcome(withFee(null, "0"), "AF-01", "plan", Outcome.PASS, "ERROR");
    }

    @Test
    void beforeTheMeasuresTookEffectTheRuleDoesNotApply() {
        Evaluation ev = Engines.evaluate(plan(2020, FundSource.CENTRAL, "1000", "50",
                classified("P1", "950", Category.INDUSTRY, null, VillageType.POVERTY_EXITED)));
        assertOutcome(ev, "AF-01", "plan", Outcome.NOT_APPLICABLE, null);
    }
}
