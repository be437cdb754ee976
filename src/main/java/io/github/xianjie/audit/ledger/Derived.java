package io.github.xianjie.audit.ledger;

import io.github.xianjie.domain.Project;
import java.math.BigDecimal;

/** Derived facts the ledger's classify rules insert. */
public final class Derived {
    private Derived() {
    }

    /**
     * A cap in 万元 for a project: {@code name} is the parameter (or {@code payable-ceiling}), {@code limit} the amount.
     *
     * @param project the project
     * @param name    what limit it is
     * @param limit   万元
     */
    public record ProjectLimit(Project project, String name, BigDecimal limit) {
        /** @return the project */
        public Project getProject() { return project; }
        /** @return the limit's name */
        public String getName() { return name; }
        /** @return 万元 */
        public BigDecimal getLimit() { return limit; }
    }

    /**
     * LG-02: the project's balance (amount − net payments) and the idle limit (share × amount), 万元.
     *
     * @param project the project
     * @param balance 万元
     * @param limit   万元
     */
    public record ProjectBalance(Project project, BigDecimal balance, BigDecimal limit) {
        /** @return the project */
        public Project getProject() { return project; }
        /** @return 万元 */
        public BigDecimal getBalance() { return balance; }
        /** @return 万元 */
        public BigDecimal getLimit() { return limit; }
    }

    /**
     * LG-12: the band just under the split threshold, and the window in days.
     *
     * @param lower     threshold × (1 − band), 万元
     * @param threshold 万元
     * @param days      window
     */
    public record SplitBand(BigDecimal lower, BigDecimal threshold, long days) {
        /** @return 万元 */
        public BigDecimal getLower() { return lower; }
        /** @return 万元 */
        public BigDecimal getThreshold() { return threshold; }
        /** @return days */
        public long getDays() { return days; }
    }

    /**
     * LG-12: two payments to one payee, both in the band, within the window.
     *
     * @param first  earlier payment
     * @param second later payment
     */
    public record SplitPair(Payment first, Payment second) {
        /** @return earlier */
        public Payment getFirst() { return first; }
        /** @return later */
        public Payment getSecond() { return second; }
        /** @return the project */
        public Project getProject() { return first.project(); }
    }

    /**
     * A 项目编号 of the ledger that no plan project has (found by lookup while streaming).
     *
     * @param projectId the id as written
     */
    public record UnknownProject(String projectId) {
        /** @return the id */
        public String getProjectId() { return projectId; }
    }
}
