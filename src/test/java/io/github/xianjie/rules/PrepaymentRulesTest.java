package io.github.xianjie.rules;

import static io.github.xianjie.support.Outcomes.assertOutcome;
import static io.github.xianjie.support.Outcomes.evidence;
import static io.github.xianjie.support.Plans.plan;
import static io.github.xianjie.support.Plans.project;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.xianjie.domain.Category;
import io.github.xianjie.domain.FundSource;
import io.github.xianjie.engine.Evaluation;
import io.github.xianjie.engine.Outcome;
import io.github.xianjie.support.Engines;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * rules/prepayment.drl — PP-01 (prepayment ≤ 50% of the payable amount) and PP-02 (infrastructure:
 * ≤ 30% of the contract amount), 新财规〔2021〕11号 第十三条, both 原则上 → WARNING.
 */
class PrepaymentRulesTest {

    private static Evaluation one(String prepayment, String payable, String contract, Boolean infrastructure) {
        return Engines.evaluate(plan(2024, FundSource.CENTRAL, "1000", "0",
                project("P1", "某村道路硬化项目", "1000", p -> {
                    p.category = Category.INFRASTRUCTURE;
                    p.infrastructure = infrastructure;
                    p.prepayment = prepayment == null ? null : new BigDecimal(prepayment);
                    p.payableAmount = payable == null ? null : new BigDecimal(payable);
                    p.contractAmount = contract == null ? null : new BigDecimal(contract);
                })));
    }

    @ParameterizedTest(name = "prepayment {0} of payable {1} → {2}")
    @CsvSource({
            "400,    1000, PASS, 40.00%",
            "500,    1000, PASS, 50.00%",   // exactly 50%
            "500.01, 1000, FAIL, 50.00%",   // one hundredth of a 万元 over
            "600,    1000, FAIL, 60.00%",
            "39.86,  79.71, PASS, 50.01%",  // 39.86 > 39.855 → displayed 50.01% …
    })
    void pp01AgainstTheFiftyPercentCap(String prepayment, String payable, String expected, String percent) {
        Evaluation ev = one(prepayment, payable, "2000", false);
        if (prepayment.equals("39.86")) {
            // … and decided exactly: 39.86 > 0.5 × 79.71 = 39.855, so it fails although it rounds to 50.01%
            assertOutcome(ev, "PP-01", "P1", Outcome.FAIL, "WARNING");
        } else {
            assertOutcome(ev, "PP-01", "P1", Outcome.valueOf(expected), "WARNING");
        }
        assertEquals(percent, evidence(ev, "PP-01", "P1", "actualPercent"));
    }

    @ParameterizedTest(name = "infrastructure prepayment {0} of contract {1} → {2}")
    @CsvSource({
            "300,    1000, PASS",
            "300.01, 1000, FAIL",
            "299.99, 1000, PASS",
    })
    void pp02AgainstTheThirtyPercentOfContractCap(String prepayment, String contract, Outcome expected) {
        Evaluation ev = one(prepayment, "1000", contract, true);
        assertOutcome(ev, "PP-02", "P1", expected, "WARNING");
        assertEquals("0.3", evidence(ev, "PP-02", "P1", "limit"));
    }

    @Test
    void pp02DoesNotApplyToNonInfrastructureProjects() {
        Evaluation ev = one("400", "1000", "1000", false);
        assertOutcome(ev, "PP-02", "P1", Outcome.NOT_APPLICABLE, null);
        assertOutcome(ev, "PP-01", "P1", Outcome.PASS, null);
    }

    @Test
    void zeroPrepaymentIsNotApplicable() {
        Evaluation ev = one("0", "1000", "1000", true);
        assertOutcome(ev, "PP-01", "P1", Outcome.NOT_APPLICABLE, null);
        assertOutcome(ev, "PP-02", "P1", Outcome.NOT_APPLICABLE, null);
    }

    @Test
    void missingFieldsAreNamed() {
        assertEquals(List.of("prepayment", "payableAmount"),
                assertOutcome(one(null, null, null, true), "PP-01", "P1", Outcome.UNDETERMINED, null).missing());
        assertEquals(List.of("payableAmount"),
                assertOutcome(one("10", null, null, true), "PP-01", "P1", Outcome.UNDETERMINED, null).missing());
        assertEquals(List.of("contractAmount"),
                assertOutcome(one("10", "100", null, true), "PP-02", "P1", Outcome.UNDETERMINED, null).missing());
        Evaluation unknownKind = Engines.evaluate(plan(2024, FundSource.CENTRAL, "1000", "0",
                project("P1", "某项目", "1000", p -> {
                    p.prepayment = new BigDecimal("10");
                    p.payableAmount = new BigDecimal("100");
                    p.contractAmount = new BigDecimal("100");
                })));
        assertEquals(List.of("infrastructure"),
                assertOutcome(unknownKind, "PP-02", "P1", Outcome.UNDETERMINED, null).missing());
    }

    @Test
    void anInfrastructureCategoryMakesTheProjectInfrastructureWithEvidence() {
        Evaluation ev = Engines.evaluate(plan(2024, FundSource.CENTRAL, "1000", "0",
                project("P1", "某项目", "1000", p -> {
                    p.category = Category.INFRASTRUCTURE;
                    p.prepayment = new BigDecimal("301");
                    p.payableAmount = new BigDecimal("1000");
                    p.contractAmount = new BigDecimal("1000");
                })));
        assertOutcome(ev, "PP-02", "P1", Outcome.FAIL, "WARNING");
        assertEquals("category", ev.plan().getProjects().get(0).inferenceFor("infrastructure").basis());
    }

    @Test
    void aJustifiedBreachBecomesInfoQuotingTheJustification() {
        Evaluation ev = Engines.evaluate(plan(2024, FundSource.CENTRAL, "1000", "0",
                project("P1", "某村道路硬化项目", "1000", p -> {
                    p.infrastructure = false;
                    p.prepayment = new BigDecimal("600");
                    p.payableAmount = new BigDecimal("1000");
                    p.justification = "施工季节短，经县乡村振兴领导小组同意提高预付比例";
                })));
        var r = assertOutcome(ev, "PP-01", "P1", Outcome.FAIL, "INFO");
        assertEquals("施工季节短，经县乡村振兴领导小组同意提高预付比例", r.evidence().get("justification"));
        org.junit.jupiter.api.Assertions.assertTrue(r.message().contains("施工季节短"));
    }

    @Test
    void atThePlanStageProjectsWithoutAPrepaymentAreNotApplicable() {
        var plan = plan(2024, FundSource.CENTRAL, "1000", "0",
                project("P1", "某村道路硬化项目", "500", p -> p.infrastructure = true),
                project("P2", "某村供水工程", "500", p -> {
                    p.infrastructure = true;
                    p.prepayment = new BigDecimal("200");
                    p.payableAmount = new BigDecimal("500");
                    p.contractAmount = new BigDecimal("500");
                }));
        plan.stage = io.github.xianjie.domain.PlanStage.PLAN;
        Evaluation ev = Engines.evaluate(plan);
        for (String id : List.of("PP-01", "PP-02", "PP-03")) {
            assertOutcome(ev, id, "P1", Outcome.NOT_APPLICABLE, null);
        }
        assertOutcome(ev, "PP-01", "P2", Outcome.PASS, null);
        assertOutcome(ev, "PP-02", "P2", Outcome.FAIL, "WARNING");   // 200 > 30% of 500
    }
}
