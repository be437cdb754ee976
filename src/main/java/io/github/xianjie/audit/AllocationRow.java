package io.github.xianjie.audit;

import io.github.xianjie.domain.FundSource;
import java.math.BigDecimal;

/**
 * One row of an allocation table (资金分配表) as a Drools fact: a prefecture (地区合计) or county row with its
 * 总规模 (total, 万元, null when the cell is blank) and, as {@link AllocationCell} facts, its task columns.
 */
public final class AllocationRow {
    /** Row kind. */
    public enum Level { PREFECTURE, COUNTY }

    private final String table;
    private final FundSource fundSource;
    private final int line;
    private final String place;
    private final Level level;
    private final AllocationRow parent;
    private final BigDecimal total;
    private final String subject;

    /**
     * @param table      the table's label (file name)
     * @param fundSource CENTRAL or REGIONAL as the title says, or null
     * @param line       1-based line of the row in its file
     * @param place      地州市、县市区 name
     * @param level      PREFECTURE or COUNTY
     * @param parent     the prefecture row a county row belongs to, or null
     * @param total      总规模 in 万元, or null when blank
     * @param subject    the subject name in reports
     */
    public AllocationRow(String table, FundSource fundSource, int line, String place, Level level, AllocationRow parent,
                         BigDecimal total, String subject) {
        this.table = table;
        this.fundSource = fundSource;
        this.line = line;
        this.place = place;
        this.level = level;
        this.parent = parent;
        this.total = total;
        this.subject = subject;
    }

    /** @return the table label */
    public String getTable() { return table; }
    /** @return the fund source of the table, or null */
    public FundSource getFundSource() { return fundSource; }
    /** @return the row's line in its file */
    public int getLine() { return line; }
    /** @return the place name */
    public String getPlace() { return place; }
    /** @return PREFECTURE or COUNTY */
    public Level getLevel() { return level; }
    /** @return the prefecture row of a county row, or null */
    public AllocationRow getParent() { return parent; }
    /** @return 总规模 in 万元, or null */
    public BigDecimal getTotal() { return total; }
    /** @return the subject named in reports */
    public String getSubject() { return subject; }

    @Override
    public String toString() {
        return subject;
    }
}
