package io.github.xianjie.audit;

import io.github.xianjie.domain.CountyPlan;
import java.math.BigDecimal;

/**
 * Derived fact (AL-03 against the table): a county plan's project amounts plus its management fee, 万元.
 *
 * @param plan          the plan
 * @param projectsTotal sum of project amounts
 * @param total         projects plus fee
 */
public record PlanTotal(CountyPlan plan, BigDecimal projectsTotal, BigDecimal total) {
    /** @return the plan */
    public CountyPlan getPlan() { return plan; }
    /** @return projects' sum, 万元 */
    public BigDecimal getProjectsTotal() { return projectsTotal; }
    /** @return projects plus fee, 万元 */
    public BigDecimal getTotal() { return total; }
}
