package io.github.xianjie.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.xianjie.domain.FundSource;
import io.github.xianjie.engine.Evaluation;
import io.github.xianjie.engine.Outcome;
import io.github.xianjie.engine.Result;
import io.github.xianjie.support.Engines;
import io.github.xianjie.support.Outcomes;
import io.github.xianjie.support.Plans;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PP-03 (rules/prepayment-review.drl): a prepayment needs the industry department's review opinion (新财规〔2021〕11号 第十三条). */
class PrepaymentReviewRulesTest {

    private static Evaluation evaluate(String prepayment, String approvedOn) {
        return Engines.evaluate(Plans.plan(2024, FundSource.CENTRAL, null, null,
                Plans.project("P1", "某乡某村测试项目", "100", p -> {
                    p.prepayment = prepayment == null ? null : new BigDecimal(prepayment);
                    p.prepaymentApprovedOn = approvedOn == null ? null : LocalDate.parse(approvedOn);
                })));
    }

    @ParameterizedTest(name = "prepayment {0}, opinion {1} → {2}")
    @CsvSource({
            // prepayment, approvedOn, outcome
            "30,   2024-03-01, PASS",
            "0.01, 2024-03-01, PASS",
            "30,             , FAIL",
            "0.01,           , FAIL",
            "0,              , NOT_APPLICABLE",
            "0.00, 2024-03-01, NOT_APPLICABLE",
            "    , 2024-03-01, UNDETERMINED",
            "    ,           , UNDETERMINED",
    })
    void prepaymentNeedsAReviewOpinion(String prepayment, String approvedOn, Outcome outcome) {
        Result r = Outcomes.assertOutcome(evaluate(prepayment, approvedOn), "PP-03", "P1", outcome, "ERROR");
        switch (outcome) {
            case PASS -> assertEquals(approvedOn, r.evidence().get("approvedOn"));
            case FAIL -> {
                assertEquals(new BigDecimal(prepayment).stripTrailingZeros().toPlainString(), r.evidence().get("prepayment"));
                assertEquals("absent", r.evidence().get("prepaymentApprovedOn"));
            }
            case UNDETERMINED -> assertEquals(List.of("prepayment"), r.missing());
            default -> assertEquals("0", r.evidence().get("prepayment"));
        }
    }
}
