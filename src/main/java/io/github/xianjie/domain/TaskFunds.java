package io.github.xianjie.domain;

import java.math.BigDecimal;

/**
 * One earmarked task's funds in an allocation (以工代赈任务 1261 万元 …): what AL-07 follows to the projects carrying it
 * (新财规〔2021〕11号 第三条(二)3).
 *
 * @param task   the task (never {@link Task#CONSOLIDATION}, which is not earmarked)
 * @param amount the task's amount in 万元, above 0
 */
public record TaskFunds(Task task, BigDecimal amount) {
    /** @return the task (for DRL) */
    public Task getTask() { return task; }

    /** @return the amount in 万元 (for DRL) */
    public BigDecimal getAmount() { return amount; }
}
