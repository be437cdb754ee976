package io.github.xianjie.rules;

import static io.github.xianjie.support.Outcomes.assertOutcome;
import static io.github.xianjie.support.Outcomes.evidence;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.xianjie.domain.Allocation;
import io.github.xianjie.domain.Category;
import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.domain.FundSource;
import io.github.xianjie.domain.Inference;
import io.github.xianjie.domain.Task;
import io.github.xianjie.engine.Evaluation;
import io.github.xianjie.engine.Outcome;
import io.github.xianjie.support.Engines;
import io.github.xianjie.support.Plans;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * rules/task-funds.drl — AL-07: an allocation's earmarked task amounts (以工代赈, 少数民族发展 …) reach the projects carrying
 * that task (新财规〔2021〕11号 第三条(二)3, 新财振〔2022〕5号 三(二)); ERROR (确保).
 */
class TaskFundsRulesTest {

    /** 1000 万元: 巩固拓展 700, 以工代赈 300; a road project of {@code road} named 「（以工代赈资金）」, the rest livestock. */
    private static Evaluation plan(String road, Task livestockTask) {
        String rest = new BigDecimal("1000").subtract(new BigDecimal(road)).toPlainString();
        CountyPlan p = Plans.plan(2024, FundSource.CENTRAL, null, "0",
                Plans.project("R", "某村道路建设项目（以工代赈资金）", road, x -> x.category = Category.INFRASTRUCTURE),
                Plans.project("L", "某村肉羊养殖项目", rest, x -> { x.category = Category.INDUSTRY; x.task = livestockTask; }));
        p.allocation = new Allocation(new BigDecimal("1000"), null, null, null, null,
                Map.of(Task.CONSOLIDATION, new BigDecimal("700"), Task.WORK_FOR_RELIEF, new BigDecimal("300")));
        return Engines.evaluate(p);
    }

    @Test
    void theTaskIsReadFromTheNameWithAnInference() {
        Evaluation ev = plan("300", Task.CONSOLIDATION);
        var road = ev.plan().getProjects().get(0);
        assertEquals(Task.WORK_FOR_RELIEF, road.getTask());
        Inference inf = road.inferenceFor("task");
        assertEquals("WORK_FOR_RELIEF", inf.value());
    }

    @Test
    void taskFundsInFullOnTheirProjectsPass() {
        Evaluation ev = plan("300", Task.CONSOLIDATION);
        assertOutcome(ev, "AL-07", "plan", Outcome.PASS, "ERROR");
        assertEquals("[以工代赈任务 300 万元：承担该任务的项目 300 万元（R）]", evidence(ev, "AL-07", "plan", "tasks"));
    }

    @Test
    void oneHundredthShortFailsWhenEveryOtherProjectNamesItsTask() {
        Evaluation ev = plan("299.99", Task.CONSOLIDATION);
        assertOutcome(ev, "AL-07", "plan", Outcome.FAIL, "ERROR");
        assertEquals("[以工代赈任务 300 万元：承担该任务的项目 299.99 万元（R）]", evidence(ev, "AL-07", "plan", "shortTasks"));
    }

    @Test
    void projectsWithoutATaskLeaveItUndetermined() {
        Evaluation ev = plan("200", null);
        assertEquals(List.of("projects[L].task"), assertOutcome(ev, "AL-07", "plan", Outcome.UNDETERMINED, "ERROR").missing());
        assertEquals("800", evidence(ev, "AL-07", "plan", "unknownAmount"));
    }

    @Test
    void withoutTaskColumnsItIsUndeterminedAndWithoutEarmarkedTasksNotApplicable() {
        CountyPlan p = Plans.plan(2024, FundSource.CENTRAL, "100", "0", Plans.project("L", "某村肉羊养殖项目", "100", x -> { }));
        assertEquals(List.of("allocation.tasks"),
                assertOutcome(Engines.evaluate(p), "AL-07", "plan", Outcome.UNDETERMINED, null).missing());
        p.allocation = new Allocation(new BigDecimal("100"), null, null, null, null, Map.of(Task.CONSOLIDATION, new BigDecimal("100")));
        assertOutcome(Engines.evaluate(p), "AL-07", "plan", Outcome.NOT_APPLICABLE, null);
    }
}
