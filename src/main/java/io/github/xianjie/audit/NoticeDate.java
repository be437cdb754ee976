package io.github.xianjie.audit;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An allocation notice with its dates (AL-06, 新财规〔2021〕11号 第十一条).
 *
 * @param documentNo  文号
 * @param level       REGION (自治区), PREFECTURE (地州市) or COUNTY (县市区): the level that issued it
 * @param issuedOn    印发日期
 * @param receivedOn  date the issuing level received the funds document it passes down, or null
 * @param upstream    the document passed down, or null
 * @param daysTaken   issuedOn − receivedOn in calendar days, or null when a date is missing
 */
public record NoticeDate(String documentNo, String level, LocalDate issuedOn, LocalDate receivedOn, String upstream,
                         BigDecimal daysTaken) {
    /** @return 文号 */
    public String getDocumentNo() { return documentNo; }
    /** @return REGION, PREFECTURE or COUNTY */
    public String getLevel() { return level; }
    /** @return 印发日期 */
    public LocalDate getIssuedOn() { return issuedOn; }
    /** @return 收文日期 or null */
    public LocalDate getReceivedOn() { return receivedOn; }
    /** @return the upstream document or null */
    public String getUpstream() { return upstream; }
    /** @return days taken, or null */
    public BigDecimal getDaysTaken() { return daysTaken; }
}
