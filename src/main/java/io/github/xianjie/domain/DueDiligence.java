package io.github.xianjie.domain;

import java.time.LocalDate;

/**
 * Due diligence (尽职调查) on an enterprise project, 新财振〔2022〕5号 三(一)3.
 *
 * @param by who performed it, e.g. 地区农业农村局
 * @param on when
 */
public record DueDiligence(String by, LocalDate on) {
}
