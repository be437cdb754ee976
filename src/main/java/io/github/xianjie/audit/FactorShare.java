package io.github.xianjie.audit;

import java.math.BigDecimal;

/**
 * A county's allocation recomputed by the factor method (AL-04, 新财规〔2021〕11号 第六条):
 * {@code recomputed = pool × Σ weight_f × score_f / Σ_counties score_f}, and its deviation from the table,
 * {@code |recomputed − actual| / actual} as a fraction (4 decimals, half-up).
 *
 * @param row        the county row
 * @param header     the task column recomputed
 * @param actual     the table's amount, 万元
 * @param recomputed the recomputed amount, 万元 (2 decimals, half-up)
 * @param deviation  fraction
 */
public record FactorShare(AllocationRow row, String header, BigDecimal actual, BigDecimal recomputed, BigDecimal deviation) {
    /** @return the row */
    public AllocationRow getRow() { return row; }
    /** @return the column header */
    public String getHeader() { return header; }
    /** @return the table's amount */
    public BigDecimal getActual() { return actual; }
    /** @return the recomputed amount */
    public BigDecimal getRecomputed() { return recomputed; }
    /** @return the deviation fraction */
    public BigDecimal getDeviation() { return deviation; }
}
