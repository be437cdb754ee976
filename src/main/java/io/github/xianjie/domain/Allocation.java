package io.github.xianjie.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The allocation (资金下达) the county received for one fund source and year.
 *
 * @param amount             allocation in 万元
 * @param documentNo         the county notice, e.g. 乌财振〔2023〕9号
 * @param upstreamDocumentNo the prefecture notice it follows, e.g. 塔地财振〔2023〕11号
 * @param issuedOn           date of the county notice
 * @param budgetSubject      budget subject (支出科目), e.g. 2130505
 * @param tasks              amounts per task column in 万元; may be empty
 */
public record Allocation(BigDecimal amount, String documentNo, String upstreamDocumentNo,
                         LocalDate issuedOn, String budgetSubject, Map<Task, BigDecimal> tasks) {
    /** Normalises missing tasks to an empty map. */
    public Allocation {
        EnumMap<Task, BigDecimal> copy = new EnumMap<>(Task.class);
        if (tasks != null) {
            copy.putAll(tasks);
        }
        tasks = Collections.unmodifiableMap(copy);
    }
}
