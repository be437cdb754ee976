package io.github.xianjie.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.domain.Project;
import io.github.xianjie.input.TablePlanReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The bench generator's plans read as {@code check} reads a JSON plan: no plan fails input validation. */
class PlanGeneratorTest {
    @Test
    void everyGeneratedPlanReadsWithoutErrorAndNoProjectIsAFeeRow() {
        PlanGenerator gen = new PlanGenerator(Path.of("fixtures"), 20240101L);
        for (int i = 0; i < 100; i++) {
            CountyPlan plan = gen.plan(i, 200); // throws InputException (e.g. 项目管理费只写一处) when invalid
            assertEquals(200, plan.projects.size(), "plan " + i);
            for (Project p : plan.projects) {
                assertFalse(p.name.contains(TablePlanReader.FEE_WORD), "plan " + i + ": " + p.name);
            }
        }
    }
}
