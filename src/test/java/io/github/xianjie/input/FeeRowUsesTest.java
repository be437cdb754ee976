package io.github.xianjie.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.domain.FundSource;
import io.github.xianjie.engine.Evaluation;
import io.github.xianjie.engine.Outcome;
import io.github.xianjie.support.Engines;
import io.github.xianjie.support.Outcomes;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table's fee row that names its uses ("项目管理费（用于差旅费、工作餐费）") gives the fee's uses (issue 8 item 6), so AF-02
 * judges them: 差旅费 and 工作餐费 are basic expenditure (新财规〔2021〕11号 第四条第1项) → FAIL at ERROR.
 */
class FeeRowUsesTest {
    @TempDir
    Path dir;

    @Test
    void theUsesInTheFeeRowsBrackets() {
        assertEquals(List.of("差旅费", "工作餐费"), TablePlanReader.feeUsesOf("项目管理费（用于差旅费、工作餐费）"));
        assertEquals(List.of("前期设计", "监理", "验收"), TablePlanReader.feeUsesOf("项目管理费(主要用于前期设计、监理和验收等)"));
        assertEquals(List.of(), TablePlanReader.feeUsesOf("项目管理费"));
    }

    @Test
    void aTableFeeRowNamingBasicExpenditureFailsAf02() throws IOException {
        Path f = dir.resolve("plan.csv");
        Files.writeString(f, """
                序号,项目名称,建设地点,投资规模,责任单位
                1,某村肉牛养殖项目,某乡某村,99,农业农村局
                2,项目管理费（用于差旅费、工作餐费）,,1,乡村振兴局
                """, StandardCharsets.UTF_8);
        CountyPlan plan = CsvPlanReader.read(f, new PlanFacts("示例县", null, 2024, FundSource.CENTRAL, new BigDecimal("100"),
                null, null, null, null));
        assertEquals(List.of("差旅费", "工作餐费"), plan.managementFee.uses());
        Evaluation ev = Engines.evaluate(plan);
        Outcomes.assertOutcome(ev, "AF-02", "plan", Outcome.FAIL, "ERROR");
        assertEquals("[差旅费, 工作餐费]", Outcomes.evidence(ev, "AF-02", "plan", "unpermitted"));
    }
}
