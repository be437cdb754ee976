package io.github.xianjie.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.domain.FundSource;
import io.github.xianjie.domain.ManagementFee;
import io.github.xianjie.engine.Evaluation;
import io.github.xianjie.engine.Outcome;
import io.github.xianjie.engine.Result;
import io.github.xianjie.engine.RulesetData;
import io.github.xianjie.engine.RulesetException;
import io.github.xianjie.support.Engines;
import io.github.xianjie.support.Outcomes;
import io.github.xianjie.support.Plans;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * AF-02 (rules/management-fee-uses.drl): the management fee pays only for design, review, bidding, supervision and
 * acceptance (新财规〔2021〕11号 第九条); the permitted words are data in rules/keywords/management-fee-uses.csv.
 */
class ManagementFeeUsesRulesTest {

    private static Evaluation evaluate(String fee, String uses) {
        CountyPlan plan = Plans.plan(2024, FundSource.CENTRAL, "10000", null, Plans.project("P1", "某乡某村测试项目", "9900", p -> { }));
        if (fee != null) {
            plan.managementFee = new ManagementFee(new BigDecimal(fee), uses == null ? List.of() : Arrays.asList(uses.split("\\|", -1)));
        }
        return Engines.evaluate(plan);
    }

    @ParameterizedTest(name = "fee {0}, uses [{1}] → {2} {3}")
    @CsvSource({
            // fee, uses separated by |, outcome, severity, the uses that decided a FAIL separated by |
            "100,  前期设计|评审|招标|监理|验收,           PASS, ERROR,   ",
            "100,  勘察设计费|工程监理费|竣工验收质量检测, PASS, ERROR,   ",
            "0.01, 可行性研究报告编制,                     PASS, ERROR,   ",
            "100,  前期设计|办公用品,                      FAIL, ERROR,   办公用品",          // 办公: basic expenditure
            "100,  验收人员补贴,                           FAIL, ERROR,   验收人员补贴",
            "100,  监理|工作人员工资|宣传费,               FAIL, ERROR,   工作人员工资",      // the forbidden use decides
            "100,  评审专家差旅费,                         FAIL, ERROR,   评审专家差旅费",
            "100,  差旅费|工作餐费,                        FAIL, ERROR,   差旅费|工作餐费",   // issue 8 item 6
            "100,  监理|宣传费,                            FAIL, WARNING, 宣传费",            // 主要用于…等: unlisted, for review
    })
    void listedUsesPassBasicExpenditureIsAnErrorOtherUnlistedUsesAWarning(String fee, String uses, Outcome outcome,
                                                                         String severity, String decided) {
        Result r = Outcomes.assertOutcome(evaluate(fee, uses), "AF-02", "plan", outcome, severity);
        assertEquals(fee, r.evidence().get("fee"));
        if (outcome == Outcome.FAIL) {
            assertEquals(List.of(decided.split("\\|")), r.evidence().get("ERROR".equals(severity) ? "unpermitted" : "unlisted"));
        } else {
            assertEquals(List.of(uses.split("\\|")), r.evidence().get("uses"));
        }
    }

    @Test
    void theExplanationNamesTheExcludedWord() {
        Result r = Outcomes.result(evaluate("100", "验收人员补贴|宣传费"), "AF-02", "plan");
        assertEquals(List.of("验收人员补贴（含“补贴”）"), r.evidence().get("explained"));
    }

    @ParameterizedTest(name = "fee {0}, uses [{1}] → {2} {3}")
    @CsvSource({
            // fee, uses, outcome, missing field
            "0,    ,         NOT_APPLICABLE, ",
            "0,    宣传费,   NOT_APPLICABLE, ",
            "100,  ,         UNDETERMINED,   managementFee.uses",
            "0.01, ' | ',    UNDETERMINED,   managementFee.uses",
            ",     ,         UNDETERMINED,   managementFee.amount",
    })
    void noFeeOrNoUses(String fee, String uses, Outcome outcome, String missing) {
        Result r = Outcomes.assertOutcome(evaluate(fee, uses), "AF-02", "plan", outcome, "ERROR");
        assertEquals(missing == null ? List.of() : List.of(missing), r.missing());
    }

    @Test
    void thePermittedWordsAreDataInTheRulesetFolder(@TempDir Path dir) throws IOException {
        Path kw = Files.createDirectories(dir.resolve("keywords"));
        Files.copy(Path.of("rules", RulesetData.FEE_USES), kw.resolve("management-fee-uses.csv"));
        Files.writeString(kw.resolve("management-fee-uses.csv"), "PERMITTED,宣传,测试,添加一行即放行\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        RulesetData checkout = RulesetData.load(Path.of("rules"));
        RulesetData edited = RulesetData.load(dir);
        assertFalse(checkout.isPermittedFeeUse("项目宣传费"));
        assertTrue(edited.isPermittedFeeUse("项目宣传费"));
        assertTrue(edited.isPermittedFeeUse("监理"));
        assertFalse(checkout.isPermittedFeeUse("项目宣传费"), "one ruleset's words do not leak into another's");
    }

    @Test
    void aMalformedWordListIsReportedWithFileAndLine(@TempDir Path dir) throws IOException {
        Path kw = Files.createDirectories(dir.resolve("keywords"));
        Files.writeString(kw.resolve("management-fee-uses.csv"), "kind,word,source,note\nPERMITTED,监理,x,y\nALLOWED,验收,x,y\n",
                StandardCharsets.UTF_8);
        RulesetException e = assertThrows(RulesetException.class, () -> RulesetData.load(dir));
        assertTrue(e.getMessage().contains("management-fee-uses.csv 第3行「kind」"), e.getMessage());
    }
}
