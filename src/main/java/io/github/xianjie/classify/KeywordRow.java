package io.github.xianjie.classify;

import java.util.List;

/**
 * One row of the keyword catalogue {@code rules/keywords/classification.csv}.
 *
 * @param id      stable row id, e.g. {@code K012}
 * @param target  {@code category}, {@code industryChain}, {@code infrastructure}, {@code location}, or an NL rule ID
 * @param value   the inferred value's code (empty for negative-list rows)
 * @param include the row matches a text containing any of these words
 * @param exclude ... unless the text contains any of these
 * @param source  the article the row serves
 * @param note    why the row exists
 */
public record KeywordRow(String id, String target, String value, List<String> include, List<String> exclude,
                         String source, String note) {

    /**
     * @param text a project name or expense description
     * @return the include words found, or an empty list when the row does not match (none found, or an exclude word found)
     */
    public List<String> match(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        for (String x : exclude) {
            if (text.contains(x)) {
                return List.of();
            }
        }
        return include.stream().filter(text::contains).toList();
    }

    /** @return true for a negative-list row (target NL-xx or NL-05-EXCEPTION). */
    public boolean isNegativeList() {
        return target.startsWith("NL-");
    }
}
