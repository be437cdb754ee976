package io.github.xianjie.report;

import io.github.xianjie.domain.Category;
import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.domain.IndustryChain;
import io.github.xianjie.domain.Project;
import io.github.xianjie.domain.VillageType;
import io.github.xianjie.engine.Money;
import io.github.xianjie.engine.Result;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
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

    /**
     * The metrics, with the 粮棉果畜 share under the reading of 果 in force: IS-02's plan result states the
     * share it decided on ({@code actual}) and the reading used ({@code fruitReading}); the share computed
     * here from the projects' chains alone is the narrow reading, so under the broad reading (a profile's
     * {@code industry-share/fruit-reading.yaml} = 1) the headline and this block would otherwise disagree.
     *
     * @param plan    an evaluated plan (inferred fields filled)
     * @param results the plan's results
     * @return as {@link #of(CountyPlan)}, plus {@code chainShareReading} (e.g. {@code 宽读}) and
     *     {@code chainShareOtherReading} (the share, a fraction to 4 decimals, under the other reading)
     *     when IS-02 decided on a share
     */
    public static Map<String, String> of(CountyPlan plan, List<Result> results) {
        Map<String, String> m = industryAsDecided(of(plan), results);
        for (Result r : results) {
            if (!"IS-02".equals(r.ruleId()) || !"plan".equals(r.subject())) {
                continue;
            }
            Map<String, Object> e = r.evidence();
            if (e.get("actual") instanceof String actual && e.get("fruitReading") instanceof String reading) {
                Map<String, String> out = new LinkedHashMap<>();
                for (Map.Entry<String, String> x : m.entrySet()) {
                    out.put(x.getKey(), x.getKey().equals("chainShareOfIndustry") ? actual : x.getValue());
                    if (x.getKey().equals("chainShareOfIndustry")) {
                        out.put("chainShareReading", shortReading(reading));
                        if (e.get("otherReadingPercent") instanceof String other && other.endsWith("%")) {
                            out.put("chainShareOtherReading", new BigDecimal(other.substring(0, other.length() - 1))
                                    .movePointLeft(2).setScale(4, RoundingMode.HALF_UP).toPlainString());
                        }
                    }
                }
                return out;
            }
        }
        return m;
    }

    /**
     * The industry share as IS-01 decided it: IS-01 counts what the projects carry for industry (an ethnic-minority
     * task's 特色产业 project too, 新财规〔2021〕11号 第三条(二)1、3) on the base in force, so its {@code actual} replaces
     * the share of {@link #of(CountyPlan)} (the {@code INDUSTRY} category over the allocation), and the other base's
     * share is given beside it: {@code industryShareBase} (e.g. {@code 基数：年度到县的中央衔接资金（含各任务）}),
     * {@code industryShareOtherBase} (its label) and {@code industryShareOtherBaseShare} (a fraction to 4 decimals), the
     * last two only when the other base gives another share (a plan with earmarked task funds).
     */
    private static Map<String, String> industryAsDecided(Map<String, String> m, List<Result> results) {
        for (Result r : results) {
            if (!"IS-01".equals(r.ruleId()) || !"plan".equals(r.subject())) {
                continue;
            }
            Map<String, Object> e = r.evidence();
            if (!(e.get("actual") instanceof String actual)) {
                return m;
            }
            Map<String, String> out = new LinkedHashMap<>();
            boolean placed = false;
            for (Map.Entry<String, String> x : m.entrySet()) {
                if (x.getKey().equals("industryShare")) {
                    continue;
                }
                if (!placed && !x.getKey().equals("projectsTotal")) {
                    putIndustry(out, actual, e);
                    placed = true;
                }
                out.put(x.getKey(), x.getValue());
            }
            if (!placed) {
                putIndustry(out, actual, e);
            }
            return out;
        }
        return m;
    }

    private static void putIndustry(Map<String, String> out, String actual, Map<String, Object> e) {
        out.put("industryShare", actual);
        if (e.get("baseReading") instanceof String base) {
            out.put("industryShareBase", base);
        }
        if (e.get("otherBaseReading") instanceof String other && e.get("otherBasePercent") instanceof String pct && pct.endsWith("%")) {
            String share = new BigDecimal(pct.substring(0, pct.length() - 1)).movePointLeft(2).setScale(4, RoundingMode.HALF_UP).toPlainString();
            if (!share.equals(actual)) {              // without earmarked task funds both bases are one
                out.put("industryShareOtherBase", other);
                out.put("industryShareOtherBaseShare", share);
            }
        }
    }

    /** {@code 宽读：“果”含果蔬（…）} → {@code 宽读}. */
    private static String shortReading(String label) {
        int i = label.indexOf('：');
        return i > 0 ? label.substring(0, i) : label;
    }

    private static BigDecimal sum(CountyPlan plan, Predicate<Project> which) {
        return Money.sum(plan.getProjects().stream().filter(which).map(Project::getAmount).toList());
    }
}
