package io.github.xianjie.input;

import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.domain.ExpenseItem;
import io.github.xianjie.domain.OtherFunding;
import io.github.xianjie.domain.Project;
import io.github.xianjie.domain.Task;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a plan as read against the contract of plan-format.md — required fields, amounts that are
 * money (non-negative, at most {@link #MAX_AMOUNT} 万元, at most {@link #MAX_SCALE} decimals), lists without
 * null items, consistent totals — and assigns each project its report subject.
 */
public final class PlanValidator {
    /** The largest amount accepted, in 万元 (10¹² yuan): anything larger is a typo or garbage. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000");
    /** The most decimals accepted in 万元 (4 for yuan, 6 more for fractions of a fen converted from 元). */
    public static final int MAX_SCALE = 10;
    private static final Pattern RULE_ID = Pattern.compile("(NL|PP|AF|CP|IS|PM|AL|LG)-\\d\\d");

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
        BigDecimal allocation = plan.getAllocationAmount();
        amount(allocation, file, "allocation.amount");
        if (allocation != null && allocation.signum() == 0) {
            throw new InputException(file + " 字段 allocation.amount: 到县资金为 0，无法计算比例 (allocation must be positive)");
        }
        if (plan.allocation != null) {
            BigDecimal tasks = BigDecimal.ZERO;
            for (Map.Entry<Task, BigDecimal> t : plan.allocation.tasks().entrySet()) {
                String field = "allocation.tasks." + t.getKey().name();
                if (t.getValue() == null) {
                    throw new InputException(file + " 字段 " + field + ": 缺少金额");
                }
                amount(t.getValue(), file, field);
                tasks = tasks.add(t.getValue());
            }
            if (allocation != null && tasks.compareTo(allocation) > 0) {
                throw new InputException(file + " 字段 allocation.tasks: 各任务之和 " + tasks.stripTrailingZeros().toPlainString()
                        + " 万元大于到县资金 " + allocation.stripTrailingZeros().toPlainString() + " 万元 (tasks exceed the allocation)");
            }
        }
        if (plan.managementFee != null) {
            amount(plan.getManagementFeeAmount(), file, "managementFee.amount");
            noNulls(plan.managementFee.uses(), file, "managementFee.uses");
        }
        if (plan.justifications != null) {
            for (String id : plan.justifications.keySet()) {
                if (!RULE_ID.matcher(id).matches()) {
                    throw new InputException(file + " 字段 justifications: '" + id + "' 不是规则编号（如 IS-02）(not a rule ID)");
                }
            }
        }
        Set<String> subjects = new HashSet<>();
        for (int i = 0; i < plan.projects.size(); i++) {
            project(plan.projects.get(i), i, file);
            Project p = plan.projects.get(i);
            p.assignSubject(i + 1);
            if (p.getSubject().strip().equalsIgnoreCase("plan")) {
                throw new InputException(file + " 字段 projects[" + i + "]: 项目编号「" + p.getSubject()
                        + "」与计划整体的结果（plan）同名，无法区分，请改用其他编号或序号 (id 'plan' is reserved for plan-level results)");
            }
            if (!subjects.add(p.getSubject())) {
                throw new InputException(file + " 字段 projects[" + i + "]: 项目编号「" + p.getSubject() + "」重复 (duplicate id/序号)");
            }
        }
    }

    private static void project(Project p, int i, String file) {
        String at = "projects[" + i + "]";
        if (p == null) {
            throw new InputException(file + " 字段 " + at + ": 为空 (null project)");
        }
        if (p.name == null || p.name.isBlank()) {
            throw new InputException(file + " 字段 " + at + ".name: 缺少项目名称 (required)");
        }
        if (p.amount == null) {
            throw new InputException(file + " 字段 " + at + ".amount: 缺少金额 (required)");
        }
        amount(p.amount, file, at + ".amount");
        Limits.projectAmount(p.amount, file + " 字段 " + at + ".amount");
        amount(p.investment, file, at + ".investment");
        amount(p.contractAmount, file, at + ".contractAmount");
        amount(p.payableAmount, file, at + ".payableAmount");
        amount(p.prepayment, file, at + ".prepayment");
        if (p.investment != null && p.investment.compareTo(p.amount) < 0) {
            throw new InputException(file + " 字段 " + at + ".investment: 总投资 " + p.investment.toPlainString()
                    + " 万元小于衔接资金金额 " + p.amount.toPlainString() + " 万元 (total investment below the amount)");
        }
        if (p.dueDiligence != null && p.dueDiligence.by() == null && p.dueDiligence.on() == null) {
            throw new InputException(file + " 字段 " + at + ".dueDiligence: 应至少给出 by（实施单位）或 on（日期）；未开展请省略该字段");
        }
        noNulls(p.performanceTargets, file, at + ".performanceTargets");
        noNulls(p.expenseItems, file, at + ".expenseItems");
        noNulls(p.otherFunding, file, at + ".otherFunding");
        if (p.expenseItems != null) {
            for (int k = 0; k < p.expenseItems.size(); k++) {
                ExpenseItem e = p.expenseItems.get(k);
                amount(e.amount(), file, at + ".expenseItems[" + k + "].amount");
            }
        }
        if (p.otherFunding != null) {
            for (int k = 0; k < p.otherFunding.size(); k++) {
                OtherFunding o = p.otherFunding.get(k);
                amount(o.amount(), file, at + ".otherFunding[" + k + "].amount");
            }
        }
    }

    /**
     * Checks one amount in 万元.
     *
     * @param v     the amount, or null (not checked)
     * @param file  file name for messages
     * @param field the field path
     * @throws InputException when it is negative, larger than {@link #MAX_AMOUNT} or has more than {@link #MAX_SCALE} decimals
     */
    public static void amount(BigDecimal v, String file, String field) {
        if (v == null) {
            return;
        }
        Limits.amount(v, file + " 字段 " + field);
        if (v.signum() < 0) {
            throw new InputException(file + " 字段 " + field + ": 金额 " + v.toPlainString() + " 为负数 (negative)");
        }
        if (v.compareTo(MAX_AMOUNT) > 0 || v.precision() - v.scale() > 9) {
            throw new InputException(file + " 字段 " + field + ": 金额过大（超过 " + MAX_AMOUNT.toPlainString()
                    + " 万元），请检查单位 (amount too large)");
        }
        if (v.stripTrailingZeros().scale() > MAX_SCALE) {
            throw new InputException(file + " 字段 " + field + ": 金额小数位过多（超过 " + MAX_SCALE + " 位）(too many decimals)");
        }
    }

    private static void noNulls(List<?> list, String file, String field) {
        if (list == null) {
            return;
        }
        for (int k = 0; k < list.size(); k++) {
            if (list.get(k) == null) {
                throw new InputException(file + " 字段 " + field + "[" + k + "]: 为空 (null item)");
            }
        }
    }
}
