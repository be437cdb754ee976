package io.github.xianjie.engine;

import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.domain.Task;
import java.math.BigDecimal;
import java.util.Collection;

/**
 * The base of the management-fee cap (新财规〔2021〕11号 第九条): the county's linkage funds, less the
 * work-for-relief task funds where a jurisdiction profile says so
 * ({@code management-fee.base-excludes-work-for-relief} = 1).
 */
public final class FeeBase {
    private FeeBase() {
    }

    /**
     * @param plan     the plan (allocation.amount must be present)
     * @param excludes the values of the exclusion flag in force (empty or 0: no exclusion)
     * @return the base in 万元
     */
    public static BigDecimal of(CountyPlan plan, Collection<?> excludes) {
        return Money.plain(plan.getAllocationAmount().subtract(excluded(plan, excludes)));
    }

    /**
     * @param plan     the plan
     * @param excludes the values of the exclusion flag in force
     * @return the work-for-relief task amount excluded from the base, 万元 (0 when none)
     */
    public static BigDecimal excluded(CountyPlan plan, Collection<?> excludes) {
        boolean exclude = excludes.stream().anyMatch(v -> v instanceof BigDecimal b && b.signum() != 0);
        if (!exclude || plan.getAllocation() == null) {
            return BigDecimal.ZERO;
        }
        BigDecimal w = plan.getAllocation().tasks().get(Task.WORK_FOR_RELIEF);
        return w == null ? BigDecimal.ZERO : Money.plain(w);
    }
}
