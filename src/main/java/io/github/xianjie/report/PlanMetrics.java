package io.github.xianjie.report;

import io.github.xianjie.domain.Category;
import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.domain.IndustryChain;
import io.github.xianjie.domain.Project;
import io.github.xianjie.domain.VillageType;
import io.github.xianjie.engine.Money;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The plan's headline shares for the report's {@code metrics} block (descriptive; the rules decide
 * on exact values). Each share is a fraction rounded HALF_UP to 4 decimals, or absent when a field
 * needed to compute it is missing.
 */
public final class PlanMetrics {
    private PlanMetrics() {
    }

    /**
     * @param plan an evaluated plan (inferred fields filled)
     * @return ordered metrics: projectsTotal (万元), industryShare, chainShareOfIndustry, nonPovertyShare, managementFeeShare
     */
    public static Map<String, String> of(CountyPlan plan) {
        Map<String, String> m = new LinkedHashMap<>();
        BigDecimal total = sum(plan, p -> true);
        m.put("projectsTotal", total.toPlainString());
        BigDecimal alloc = plan.getAllocationAmount();
        boolean categoriesKnown = plan.getProjects().stream().allMatch(p -> p.getCategory() != null);
        BigDecimal industry = sum(plan, p -> p.getCategory() == Category.INDUSTRY);
        if (alloc != null && alloc.signum() > 0 && categoriesKnown) {
            m.put("industryShare", Money.ratio(industry, alloc));
        }
        boolean chainsKnown = plan.getProjects().stream()
                .noneMatch(p -> p.getCategory() == Category.INDUSTRY && p.getIndustryChain() == null);
        if (categoriesKnown && chainsKnown && industry.signum() > 0) {
            BigDecimal chain = sum(plan, p -> p.getCategory() == Category.INDUSTRY
                    && p.getIndustryChain() != IndustryChain.OTHER);
            m.put("chainShareOfIndustry", Money.ratio(chain, industry));
        }
        boolean villagesKnown = plan.getProjects().stream().allMatch(p -> p.getVillageType() != null);
        if (alloc != null && alloc.signum() > 0 && villagesKnown) {
            m.put("nonPovertyShare", Money.ratio(sum(plan, p -> p.getVillageType() == VillageType.NON_POVERTY), alloc));
        }
        if (alloc != null && alloc.signum() > 0 && plan.getManagementFeeAmount() != null) {
            m.put("managementFeeShare", Money.ratio(plan.getManagementFeeAmount(), alloc));
        }
        return m;
    }

    private static BigDecimal sum(CountyPlan plan, Predicate<Project> which) {
        return Money.sum(plan.getProjects().stream().filter(which).map(Project::getAmount).toList());
    }
}
