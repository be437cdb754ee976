package io.github.xianjie.audit.ledger;

import io.github.xianjie.domain.Project;
import java.math.BigDecimal;

/**
 * A project's payments aggregated over the whole ledger (one fact per plan project, zeros when it has none), 万元.
 *
 * @param project    the plan's project
 * @param rows       ledger rows of the project
 * @param prepaid    sum of PREPAYMENT rows
 * @param progress   sum of PROGRESS rows
 * @param finalPaid  sum of FINAL rows
 * @param recovered  sum of RECOVERY rows
 * @param cumulative prepaid + progress + final − recovered (prepayments deducted: counted once, not on top)
 */
public record LedgerProject(Project project, long rows, BigDecimal prepaid, BigDecimal progress, BigDecimal finalPaid,
                            BigDecimal recovered, BigDecimal cumulative) {
    /** @return the project */
    public Project getProject() { return project; }
    /** @return rows */
    public long getRows() { return rows; }
    /** @return prepaid, 万元 */
    public BigDecimal getPrepaid() { return prepaid; }
    /** @return progress, 万元 */
    public BigDecimal getProgress() { return progress; }
    /** @return final, 万元 */
    public BigDecimal getFinalPaid() { return finalPaid; }
    /** @return recovered, 万元 */
    public BigDecimal getRecovered() { return recovered; }
    /** @return net cumulative payments, 万元 */
    public BigDecimal getCumulative() { return cumulative; }
}
