package io.github.xianjie.domain;

import java.util.List;

/**
 * A value the checker inferred for a field the input left empty, with its evidence.
 *
 * @param field      the project field, e.g. {@code category}
 * @param value      the inferred value's code, e.g. {@code INDUSTRY}
 * @param basis      where it came from: {@code name}, {@code expenseItems[0].description}, {@code category}
 * @param matched    the words that matched
 * @param catalogueRow the keyword catalogue row id (e.g. {@code K012}), or a rule of derivation
 */
public record Inference(String field, String value, String basis, List<String> matched, String catalogueRow) {
}
