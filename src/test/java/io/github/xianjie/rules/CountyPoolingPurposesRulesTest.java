package io.github.xianjie.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.xianjie.domain.Category;
import io.github.xianjie.domain.FundSource;
import io.github.xianjie.domain.VillageType;
import io.github.xianjie.engine.Evaluation;
import io.github.xianjie.engine.Outcome;
import io.github.xianjie.engine.Result;
import io.github.xianjie.support.Engines;
import io.github.xianjie.support.Outcomes;
import io.github.xianjie.support.Plans;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * CP-02 (rules/county-pooling-purposes.drl): projects in non-poverty villages only for industry, necessary
 * infrastructure (including living-environment short boards) or county rural-revitalization plan projects
 * (新财规〔2021〕11号 第七条).
 */
class CountyPoolingPurposesRulesTest {

    private static Evaluation evaluate(VillageType village, Category category) {
        return evaluate(village, category, false);
    }

    private static Evaluation evaluate(VillageType village, Category category, Boolean countyPlanProject) {
        // a name from which the classifier infers no category, so a null category stays null
        return Engines.evaluate(Plans.plan(2024, FundSource.CENTRAL, null, null,
                Plans.project("P1", "某乡某村测试项目", "100", p -> {
                    p.villageType = village;
                    p.category = category;
                    p.countyPlanProject = countyPlanProject;
                })));
    }

    @ParameterizedTest(name = "NON_POVERTY / {0}, countyPlanProject {1} → {2}")
    @CsvSource({
            "EMPLOYMENT, true,  PASS",            // 县级乡村振兴规划相关项目: the third purpose
            "EMPLOYMENT, ,      UNDETERMINED",    // not stated: the third purpose cannot be recognised, unknown is no breach
            "EMPLOYMENT, false, FAIL",
            "OTHER,      ,      UNDETERMINED",
            ",           true,  PASS",
    })
    void theThirdPurposeIsTheCountyPlanProjectField(Category category, Boolean countyPlanProject, Outcome outcome) {
        Result r = Outcomes.assertOutcome(evaluate(VillageType.NON_POVERTY, category, countyPlanProject), "CP-02", "P1", outcome, "ERROR");
        if (outcome == Outcome.PASS) {
            assertEquals("县级乡村振兴规划相关项目", r.evidence().get("purpose"));
        }
        if (outcome == Outcome.UNDETERMINED) {
            assertEquals(List.of("countyPlanProject"), r.missing());
        }
    }

    @ParameterizedTest(name = "{0} / {1} → {2}")
    @CsvSource({
            // villageType, category, outcome
            "NON_POVERTY,    INDUSTRY,           PASS",
            "NON_POVERTY,    INFRASTRUCTURE,     PASS",
            "NON_POVERTY,    LIVING_ENVIRONMENT, PASS",
            "NON_POVERTY,    EMPLOYMENT,         FAIL",
            "NON_POVERTY,    TRAINING,           FAIL",
            "NON_POVERTY,    CREDIT_SUBSIDY,     FAIL",
            "NON_POVERTY,    RELOCATION_SUPPORT, FAIL",
            "NON_POVERTY,    WORK_FOR_RELIEF,    FAIL",
            "NON_POVERTY,    ETHNIC_MINORITY,    FAIL",
            "NON_POVERTY,    OTHER,              FAIL",
            "POVERTY_EXITED, EMPLOYMENT,         NOT_APPLICABLE",
            "POVERTY_EXITED, ,                   NOT_APPLICABLE",
            "RELOCATION_SITE, OTHER,             NOT_APPLICABLE",
    })
    void nonPovertyVillageProjectsServeThePooledPurposes(VillageType village, Category category, Outcome outcome) {
        Result r = Outcomes.assertOutcome(evaluate(village, category), "CP-02", "P1", outcome, "ERROR");
        if (outcome == Outcome.NOT_APPLICABLE) {
            assertEquals(village.name(), r.evidence().get("villageType"));
        } else {
            assertEquals(category.name(), r.evidence().get("category"));
        }
        if (outcome == Outcome.PASS) {
            assertEquals(category == Category.INDUSTRY ? "发展产业" : "补齐必要的基础设施短板", r.evidence().get("purpose"));
        }
    }

    @ParameterizedTest(name = "{0} / {1} → UNDETERMINED naming {2}")
    @CsvSource({
            "NON_POVERTY, ,         category",
            ",            INDUSTRY, villageType",
            ",            ,         villageType",
    })
    void missingVillageTypeOrCategoryIsUndetermined(VillageType village, Category category, String field) {
        Result r = Outcomes.assertOutcome(evaluate(village, category, null), "CP-02", "P1", Outcome.UNDETERMINED, "ERROR");
        assertEquals(List.of(field), r.missing());
    }
}
