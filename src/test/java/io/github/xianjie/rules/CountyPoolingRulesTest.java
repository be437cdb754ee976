package io.github.xianjie.rules;

import static io.github.xianjie.support.Outcomes.assertOutcome;
import static io.github.xianjie.support.Outcomes.evidence;
import static io.github.xianjie.support.Plans.classified;
import static io.github.xianjie.support.Plans.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.xianjie.domain.Category;
import io.github.xianjie.domain.FundSource;
import io.github.xianjie.domain.IndustryChain;
import io.github.xianjie.domain.Project;
import io.github.xianjie.domain.VillageType;
import io.github.xianjie.engine.Evaluation;
import io.github.xianjie.engine.Outcome;
import io.github.xianjie.support.Engines;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** rules/county-pooling.drl — CP-01, 新财规〔2021〕11号 第七条: non-poverty villages ≤ 30% of the county's funds. */
class CountyPoolingRulesTest {

    private static Evaluation nonPoverty(String amount, VillageType otherVillage) {
        Project np = classified("NP", amount, Category.INDUSTRY, IndustryChain.LIVESTOCK, VillageType.NON_POVERTY);
        Project other = classified("PV", "100", Category.INDUSTRY, IndustryChain.GRAIN, otherVillage);
        return Engines.evaluate(plan(2024, FundSource.CENTRAL, "10000", "0", np, other));
    }

    @ParameterizedTest(name = "non-poverty {0} of 10000 → {1}")
    @CsvSource({
            "2999.99, PASS, 0.3000",
            "3000,    PASS, 0.3000",  // exactly 30.00%
            "3000.01, FAIL, 0.3000",  // one hundredth of a 万元 over
            "3001,    FAIL, 0.3001",
    })
    void againstTheThirtyPercentCap(String amount, Outcome outcome, String ratio) {
        Evaluation ev = nonPoverty(amount, VillageType.POVERTY_EXITED);
        assertOutcome(ev, "CP-01", "plan", outcome, "ERROR");
        assertEquals(ratio, evidence(ev, "CP-01", "plan", "actual"));
        assertEquals("[NP]", evidence(ev, "CP-01", "plan", "projects"));
    }

    @Test
    void overTheCapFailsEvenWhenOtherVillagesAreUnknownInACountyWithPovertyExitedVillages() {
        Project np = classified("NP", "3001", Category.INDUSTRY, IndustryChain.LIVESTOCK, VillageType.NON_POVERTY);
        Project other = classified("PV", "100", Category.INDUSTRY, IndustryChain.GRAIN, null);
        io.github.xianjie.domain.CountyPlan p = plan(2024, FundSource.CENTRAL, "10000", "0", np, other);
        p.hasPovertyExitedVillages = true;
        assertOutcome(Engines.evaluate(p), "CP-01", "plan", Outcome.FAIL, "ERROR");
    }

    @Test
    void overTheCapWithNoPovertyExitedVillageProjectAndNothingSaidIsUndeterminedNotHundredPercentPooling() {
        // 3001 of 10000 in non-poverty villages, no project in a 脱贫村: the county may have none (第七条 兼顾非贫困县)
        Evaluation ev = nonPoverty("3001", null);
        assertOutcome(ev, "CP-01", "plan", Outcome.UNDETERMINED, "ERROR");
        assertEquals("30.01%", evidence(ev, "CP-01", "plan", "actualPercent"));
        assertEquals(List.of("hasPovertyExitedVillages"), io.github.xianjie.support.Outcomes.result(ev, "CP-01", "plan").missing());
    }

    @Test
    void aCountyWithoutPovertyExitedVillagesHasNoPoolingCap() {
        Project np = classified("NP", "10000", Category.INDUSTRY, IndustryChain.LIVESTOCK, VillageType.NON_POVERTY);
        io.github.xianjie.domain.CountyPlan p = plan(2024, FundSource.CENTRAL, "10000", "0", np);
        p.hasPovertyExitedVillages = false;
        Evaluation ev = Engines.evaluate(p);
        assertOutcome(ev, "CP-01", "plan", Outcome.NOT_APPLICABLE, "ERROR");
        assertOutcome(ev, "CP-02", "NP", Outcome.PASS, "ERROR");   // the purposes still apply
    }

    @Test
    void withinTheCapButWithUnknownVillagesIsUndeterminedNamingThem() {
        // 2950 non-poverty + 100 unknown: 29.5% known, up to 30.5% — the unknown village decides
        var r = assertOutcome(nonPoverty("2950", null), "CP-01", "plan", Outcome.UNDETERMINED, null);
        assertEquals(List.of("projects[PV].villageType"), r.missing());
    }

    @Test
    void noAllocationIsUndetermined() {
        Evaluation ev = Engines.evaluate(plan(2024, FundSource.REGIONAL, null, "0",
                classified("P1", "100", Category.INDUSTRY, IndustryChain.COTTON, VillageType.NON_POVERTY)));
        assertEquals(List.of("allocation.amount"),
                assertOutcome(ev, "CP-01", "plan", Outcome.UNDETERMINED, null).missing());
    }

    @Test
    void withinTheCapEvenIfEveryUnknownVillageWereNonPovertyPasses() {
        // 2000 non-poverty + 100 unknown = 2100 ≤ 3000 of 10000
        Evaluation ev = nonPoverty("2000", null);
        assertOutcome(ev, "CP-01", "plan", Outcome.PASS, "ERROR");
        assertEquals("100", evidence(ev, "CP-01", "plan", "unclassifiedAmount"));
    }
}
