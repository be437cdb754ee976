package io.github.xianjie.audit;

import io.github.xianjie.domain.FundSource;

/**
 * Marker fact: which optional inputs the auditor gave, so that rules can tell "not given" (UNDETERMINED)
 * from "given and absent" (a finding).
 *
 * @param kind       {@code TABLE}, {@code PLANS}, {@code FACTORS}
 * @param fundSource for {@code TABLE}: the table's fund source (may be null)
 * @param label      file or folder as given
 */
public record AuditInput(String kind, FundSource fundSource, String label) {
    /** @return the kind */
    public String getKind() { return kind; }
    /** @return the fund source or null */
    public FundSource getFundSource() { return fundSource; }
    /** @return the file or folder */
    public String getLabel() { return label; }
}
