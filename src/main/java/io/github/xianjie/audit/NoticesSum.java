package io.github.xianjie.audit;

import java.math.BigDecimal;
import java.util.List;

/**
 * Derived fact (AL-05): the sum of a county's 总规模 over the allocation tables given, 万元.
 *
 * @param line       the budget line
 * @param sum        sum of the county's rows
 * @param tables     the tables (with fund source) whose rows were summed
 * @param fundCount  how many distinct fund sources (central, regional) the rows came from
 */
public record NoticesSum(BudgetLine line, BigDecimal sum, List<String> tables, int fundCount) {
    /** @return the budget line */
    public BudgetLine getLine() { return line; }
    /** @return the sum, 万元 */
    public BigDecimal getSum() { return sum; }
    /** @return the tables summed */
    public List<String> getTables() { return tables; }
    /** @return the number of fund sources */
    public int getFundCount() { return fundCount; }
}
