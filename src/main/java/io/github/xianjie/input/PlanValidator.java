package io.github.xianjie.input;

import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.domain.Project;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;

/** Checks the required fields of plan-format.md and assigns each project its report subject. */
public final class PlanValidator {
    private PlanValidator() {
    }

    /**
     * @param plan the plan as read
     * @param file file name for messages
     * @throws InputException naming the field of the first problem
     */
    public static void validate(CountyPlan plan, String file) {
        if (plan.county == null || plan.county.isBlank()) {
            throw new InputException(file + " 字段 county: 缺少县（市）名称 (required)");
        }
        if (plan.year == null || plan.year < 2000 || plan.year > 2100) {
            throw new InputException(file + " 字段 year: " + (plan.year == null ? "缺少年度 (required)" : "年度 " + plan.year + " 不在 2000–2100 之间"));
        }
        if (plan.fundSource == null) {
            throw new InputException(file + " 字段 fundSource: 缺少资金来源，应为 CENTRAL(中央) 或 REGIONAL(自治区)");
        }
        if (plan.projects == null || plan.projects.isEmpty()) {
            throw new InputException(file + " 字段 projects: 没有项目 (no projects)");
        }
        nonNegative(plan.getAllocationAmount(), file, "allocation.amount");
        nonNegative(plan.getManagementFeeAmount(), file, "managementFee.amount");
        Set<String> subjects = new HashSet<>();
        for (int i = 0; i < plan.projects.size(); i++) {
            Project p = plan.projects.get(i);
            String at = file + " 字段 projects[" + i + "]";
            if (p == null) {
                throw new InputException(at + ": 为空");
            }
            if (p.name == null || p.name.isBlank()) {
                throw new InputException(at + ".name: 缺少项目名称 (required)");
            }
            if (p.amount == null) {
                throw new InputException(at + ".amount: 缺少金额 (required)");
            }
            nonNegative(p.amount, file, "projects[" + i + "].amount");
            nonNegative(p.investment, file, "projects[" + i + "].investment");
            nonNegative(p.contractAmount, file, "projects[" + i + "].contractAmount");
            nonNegative(p.payableAmount, file, "projects[" + i + "].payableAmount");
            nonNegative(p.prepayment, file, "projects[" + i + "].prepayment");
            p.assignSubject(i + 1);
            if (!subjects.add(p.getSubject())) {
                throw new InputException(at + ": 项目编号「" + p.getSubject() + "」重复 (duplicate id/序号)");
            }
        }
    }

    private static void nonNegative(BigDecimal v, String file, String field) {
        if (v != null && v.signum() < 0) {
            throw new InputException(file + " 字段 " + field + ": 金额 " + v.toPlainString() + " 为负数");
        }
    }
}
