package io.github.xianjie.domain;

import java.math.BigDecimal;

/**
 * Another funding channel on the same project (其他资金来源), 新财振〔2022〕5号 四(三).
 *
 * @param source  the channel, e.g. 高标准农田建设资金
 * @param amount  amount in 万元
 * @param content what that channel pays for (支持内容); blank means not delineated
 */
public record OtherFunding(String source, BigDecimal amount, String content) {
}
