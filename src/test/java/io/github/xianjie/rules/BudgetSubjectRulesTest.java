package io.github.xianjie.rules;

import static io.github.xianjie.support.Outcomes.assertOutcome;
import static io.github.xianjie.support.Outcomes.evidence;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.xianjie.domain.Category;
import io.github.xianjie.domain.FundSource;
import io.github.xianjie.engine.Evaluation;
import io.github.xianjie.engine.Outcome;
import io.github.xianjie.support.Engines;
import io.github.xianjie.support.Plans;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * rules/budget-subject.drl — PM-14: a budget subject under 21305 detailed to the 项 of the actual expenditure
 * (塔地财振〔2023〕11号、13号 “明确至相应项级”; WARNING); the 项 per category in keywords/budget-subject-items.csv.
 */
class BudgetSubjectRulesTest {

    @ParameterizedTest(name = "{0} on {1} → {2}")
    @CsvSource({
            "2130505, INDUSTRY,           PASS",
            "2130505, INFRASTRUCTURE,     FAIL",    // 生产发展 on a road: 2130504 expected
            "2130504, INFRASTRUCTURE,     PASS",
            "2130504, LIVING_ENVIRONMENT, PASS",
            "2130507, CREDIT_SUBSIDY,     PASS",
            "2130505, CREDIT_SUBSIDY,     FAIL",
            "21305,   INDUSTRY,           FAIL",    // not detailed to 项级
            "2130599, TRAINING,           PASS",    // no 项 mapped for 培训: the level alone is checked
            "2120804, INFRASTRUCTURE,     NOT_APPLICABLE", // outside 21305: PM-07's finding
    })
    void subjectAgainstCategory(String subject, Category category, Outcome outcome) {
        Evaluation ev = Engines.evaluate(Plans.plan(2024, FundSource.CENTRAL, "100", "0",
                Plans.project("P1", "某村项目", "100", p -> { p.category = category; p.budgetSubject = subject; })));
        assertOutcome(ev, "PM-14", "P1", outcome, outcome == Outcome.FAIL ? "WARNING" : null);
        if (subject.equals("2130505") && category == Category.INFRASTRUCTURE) {
            assertEquals("[2130504]", evidence(ev, "PM-14", "P1", "expected"));
        }
    }

    @ParameterizedTest(name = "subject {0}, category {1}: undetermined on {2}")
    @CsvSource({"'', INDUSTRY, budgetSubject", "2130505, '', category"})
    void missingFieldsAreUndetermined(String subject, String category, String missing) {
        Evaluation ev = Engines.evaluate(Plans.plan(2024, FundSource.CENTRAL, "100", "0",
                Plans.project("P1", "某某某", "100", p -> {
                    p.budgetSubject = subject.isEmpty() ? null : subject;
                    p.category = category.isEmpty() ? null : Category.valueOf(category);
                })));
        assertEquals(List.of(missing), assertOutcome(ev, "PM-14", "P1", Outcome.UNDETERMINED, null).missing());
    }
}
