package io.github.xianjie.audit;

import java.math.BigDecimal;

/**
 * One amount cell of an allocation table row (a Drools fact). Column 0 is 总规模; columns 1… are the task
 * columns. A blank task cell is 0 万元 (the tables leave tasks a county does not receive blank); a blank
 * total has no cell.
 *
 * @param row    the row
 * @param column 0 for the total, 1… for the task columns in table order
 * @param header the column's header text
 * @param amount 万元
 */
public record AllocationCell(AllocationRow row, int column, String header, BigDecimal amount) {
    /** @return the row */
    public AllocationRow getRow() { return row; }
    /** @return the column index */
    public int getColumn() { return column; }
    /** @return the header */
    public String getHeader() { return header; }
    /** @return the amount, 万元 */
    public BigDecimal getAmount() { return amount; }
}
