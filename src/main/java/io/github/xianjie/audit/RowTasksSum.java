package io.github.xianjie.audit;

import java.math.BigDecimal;

/**
 * Derived fact (AL-01): the sum of a row's task columns, 万元.
 *
 * @param row the row
 * @param sum sum of its task cells
 */
public record RowTasksSum(AllocationRow row, BigDecimal sum) {
    /** @return the row */
    public AllocationRow getRow() { return row; }
    /** @return the sum, 万元 */
    public BigDecimal getSum() { return sum; }
}
