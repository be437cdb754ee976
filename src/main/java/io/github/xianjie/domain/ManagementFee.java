package io.github.xianjie.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * The county's project management fee (项目管理费), 新财规〔2021〕11号 第九条.
 *
 * @param amount amount in 万元; null when not stated
 * @param uses   what the fee pays for (e.g. 前期设计, 评审, 招标, 监理, 验收); may be empty
 */
public record ManagementFee(BigDecimal amount, List<String> uses) {
    /** Normalises a missing list of uses to an empty one. */
    public ManagementFee {
        uses = uses == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(uses));
    }
}
