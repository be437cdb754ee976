package io.github.xianjie.bench;

import io.github.xianjie.classify.NegativeListHit;
import io.github.xianjie.domain.Category;
import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.domain.IndustryChain;
import io.github.xianjie.domain.Project;
import io.github.xianjie.domain.VillageType;
import io.github.xianjie.engine.Money;
import io.github.xianjie.params.Parameter;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The benchmark's baseline: the headline checks written as a plain Java loop, with the same parameters
 * and the same exact {@link Money} comparisons as the rules — negative list by keyword hits (NL-*),
 * prepayment caps (PP-01 on the payable amount, PP-02 infrastructure on the contract amount), the
 * management-fee cap (AF-01, on the whole allocation), the non-poverty-village cap (CP-01) and the
 * industry shares (IS-01 of the allocation, IS-02 grain/cotton/fruit/livestock of industry). It produces
 * outcome counts only (no evidence, no messages): a lower bound on the work, not a replacement for the rules.
 */
public final class HeadlineChecks {
    /** Failures counted, kept so the comparisons cannot be optimised away. */
    private volatile long sink;

    /**
     * @param plan   a plan (already classified)
     * @param hits   the classifier's negative-list hits for it
     * @param params the parameters in force
     * @return the number of outcomes decided (one per check and subject it applies to)
     */
    public long check(CountyPlan plan, List<NegativeListHit> hits, List<Parameter> params) {
        BigDecimal ppCap = value(params, "prepayment.cap");
        BigDecimal ppInfra = value(params, "prepayment.infrastructure-cap");
        BigDecimal feeCap = value(params, "management-fee.cap");
        BigDecimal cpCap = value(params, "county-pooling.non-poverty-cap");
        BigDecimal isMin = value(params, "industry-share.minimum");
        BigDecimal chainMin = value(params, "industry-share.chain-minimum");
        long outcomes = 0;
        long failures = 0;
        Set<String> negative = new HashSet<>();
        for (NegativeListHit h : hits) {
            negative.add(h.getSubject());
        }
        BigDecimal industry = BigDecimal.ZERO;
        BigDecimal chain = BigDecimal.ZERO;
        BigDecimal nonPoverty = BigDecimal.ZERO;
        for (Project p : plan.getProjects()) {
            boolean onList = negative.contains(p.getSubject());
            outcomes += 13; // NL-01 … NL-13, each PASS or FAIL
            failures += onList ? 1 : 0;
            BigDecimal pre = p.getPrepayment();
            if (ppCap != null && pre != null && p.getPayableAmount() != null) {
                outcomes++;
                failures += Money.atMost(pre, ppCap, p.getPayableAmount()) ? 0 : 1;
            }
            if (ppInfra != null && pre != null && Boolean.TRUE.equals(p.getInfrastructure()) && p.getContractAmount() != null) {
                outcomes++;
                failures += Money.atMost(pre, ppInfra, p.getContractAmount()) ? 0 : 1;
            }
            if (p.getCategory() == Category.INDUSTRY && !onList) {
                industry = industry.add(p.getAmount());
                if (p.getIndustryChain() != null && p.getIndustryChain() != IndustryChain.OTHER) {
                    chain = chain.add(p.getAmount());
                }
            }
            if (p.getVillageType() == VillageType.NON_POVERTY) {
                nonPoverty = nonPoverty.add(p.getAmount());
            }
        }
        BigDecimal alloc = plan.getAllocationAmount();
        if (alloc != null) {
            if (feeCap != null && plan.getManagementFeeAmount() != null) {
                outcomes++;
                failures += Money.atMost(plan.getManagementFeeAmount(), feeCap, alloc) ? 0 : 1;
            }
            if (cpCap != null) {
                outcomes++;
                failures += Money.atMost(nonPoverty, cpCap, alloc) ? 0 : 1;
            }
            if (isMin != null) {
                outcomes++;
                failures += Money.atLeast(industry, isMin, alloc) ? 0 : 1;
            }
        }
        if (chainMin != null && industry.signum() > 0) {
            outcomes++;
            failures += Money.atLeast(chain, chainMin, industry) ? 0 : 1;
        }
        sink += failures;
        return outcomes;
    }

    private static BigDecimal value(List<Parameter> params, String name) {
        for (Parameter p : params) {
            if (p.name().equals(name)) {
                return p.value();
            }
        }
        return null;
    }
}
