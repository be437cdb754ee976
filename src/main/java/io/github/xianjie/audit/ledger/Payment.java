package io.github.xianjie.audit.ledger;

import io.github.xianjie.domain.Project;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One ledger row (拨付明细) kept as a Drools fact. The stream keeps only the rows a rule may need to name
 * (recoveries, prepayments before their approval, rows outside the project's dates, rows just under the
 * split threshold, repeated fingerprints); everything else is aggregated in {@link LedgerProject}.
 *
 * @param line        1-based line in the ledger file
 * @param voucherNo   凭证号
 * @param projectId   项目编号 as written
 * @param project     the plan's project, or null when the id is not in the plans
 * @param paidOn      支付日期
 * @param epochDay    paidOn as days since 1970-01-01 (for day windows)
 * @param amount      支付金额, 万元
 * @param type        PREPAYMENT, PROGRESS, FINAL or RECOVERY
 * @param payee       收款人
 * @param accountType ENTERPRISE, COOPERATIVE, VILLAGE_COLLECTIVE, INDIVIDUAL, FISCAL, HOLDING or IMPLEMENTER_OWN
 * @param repeated    true when an earlier row had the same payee, amount and date (LG-11 fingerprint)
 */
public record Payment(long line, String voucherNo, String projectId, Project project, LocalDate paidOn, long epochDay,
                      BigDecimal amount, String type, String payee, String accountType, boolean repeated) {
    /** @return 凭证号 */
    public String getVoucherNo() { return voucherNo; }
    /** @return 项目编号 */
    public String getProjectId() { return projectId; }
    /** @return the project or null */
    public Project getProject() { return project; }
    /** @return 支付日期 */
    public LocalDate getPaidOn() { return paidOn; }
    /** @return days since the epoch */
    public long getEpochDay() { return epochDay; }
    /** @return 万元 */
    public BigDecimal getAmount() { return amount; }
    /** @return payment type code */
    public String getType() { return type; }
    /** @return 收款人 */
    public String getPayee() { return payee; }
    /** @return account type code */
    public String getAccountType() { return accountType; }
    /** @return true for a repeated fingerprint */
    public boolean isRepeated() { return repeated; }
    /** @return the line */
    public long getLine() { return line; }
}
