package io.github.xianjie.domain;

import java.math.BigDecimal;

/**
 * One expense line of a project (支出明细).
 *
 * @param description   what is bought or paid
 * @param amount        amount in 万元
 * @param economicClass economic classification (经济分类), e.g. {@code 30101 基本工资}
 */
public record ExpenseItem(String description, BigDecimal amount, String economicClass) {
}
