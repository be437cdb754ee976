package io.github.xianjie.audit;

import java.math.BigDecimal;

/**
 * A county's budget revenue line (AL-05), e.g. 乌苏市 1100231 巩固脱贫攻坚成果衔接乡村振兴转移支付收入 5923 万元.
 *
 * @param county  县市区
 * @param code    revenue subject code, e.g. {@code 1100231}
 * @param amount  预算数, 万元
 * @param source  file and line it came from
 */
public record BudgetLine(String county, String code, BigDecimal amount, String source) {
    /** @return the county */
    public String getCounty() { return county; }
    /** @return the subject code */
    public String getCode() { return code; }
    /** @return the amount, 万元 */
    public BigDecimal getAmount() { return amount; }
    /** @return where it came from */
    public String getSource() { return source; }
}
