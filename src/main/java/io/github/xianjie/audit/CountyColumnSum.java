package io.github.xianjie.audit;

import java.math.BigDecimal;

/**
 * Derived fact (AL-02): for one prefecture row and one column, the sum of its counties' cells and the
 * prefecture's own cell, 万元.
 *
 * @param prefecture       the prefecture row
 * @param column           column index (0 total)
 * @param header           column header
 * @param sum              sum over the prefecture's county rows
 * @param prefectureAmount the prefecture row's cell
 */
public record CountyColumnSum(AllocationRow prefecture, int column, String header, BigDecimal sum, BigDecimal prefectureAmount) {
    /** @return the prefecture row */
    public AllocationRow getPrefecture() { return prefecture; }
    /** @return the column index */
    public int getColumn() { return column; }
    /** @return the header */
    public String getHeader() { return header; }
    /** @return counties' sum, 万元 */
    public BigDecimal getSum() { return sum; }
    /** @return the prefecture's cell, 万元 */
    public BigDecimal getPrefectureAmount() { return prefectureAmount; }

    @Override
    public String toString() {
        return header + "：县合计 " + sum.toPlainString() + "，地区 " + prefectureAmount.toPlainString();
    }
}
