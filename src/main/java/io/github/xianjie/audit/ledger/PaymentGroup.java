package io.github.xianjie.audit.ledger;

import io.github.xianjie.domain.Project;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A project's payments (not recoveries) to one payee through one account type, aggregated in the stream:
 * count, amount, the last payment date, and the vouchers (all of them up to {@link LedgerStream#VOUCHERS_KEPT},
 * then counted only).
 *
 * @param project     the project (null when the ledger's 项目编号 is not in the plans)
 * @param projectId   项目编号 as written
 * @param payee       收款人
 * @param accountType account type code
 * @param count       rows
 * @param amount      万元
 * @param lastPaidOn  latest 支付日期
 * @param vouchers    vouchers, in ledger order
 */
public record PaymentGroup(Project project, String projectId, String payee, String accountType, long count, BigDecimal amount,
                           LocalDate lastPaidOn, List<String> vouchers) {
    /** @return the project or null */
    public Project getProject() { return project; }
    /** @return 项目编号 */
    public String getProjectId() { return projectId; }
    /** @return 收款人 */
    public String getPayee() { return payee; }
    /** @return account type */
    public String getAccountType() { return accountType; }
    /** @return rows */
    public long getCount() { return count; }
    /** @return 万元 */
    public BigDecimal getAmount() { return amount; }
    /** @return latest date */
    public LocalDate getLastPaidOn() { return lastPaidOn; }
    /** @return vouchers */
    public List<String> getVouchers() { return vouchers; }
}
