package io.github.xianjie.classify;

import java.util.List;

/**
 * One row of the keyword catalogue {@code rules/keywords/classification.csv}.
 *
 * @param id      stable row id, e.g. {@code K012}
 * @param target  {@code category}, {@code industryChain}, {@code infrastructure}, {@code location}, or an NL rule ID
 * @param value   the inferred value's code (empty for negative-list rows)
 * @param include the row matches a text containing any of these words ({@code A…B}: A, then later B), as words
 * @param exclude ... unless the text contains any of these
 * @param source  the article the row serves
 * @param note    why the row exists
 */
public record KeywordRow(String id, String target, String value, List<String> include, List<String> exclude,
                         String source, String note) {

    /**
     * @param text a project name, heading or expense description as read ({@link io.github.xianjie.text.ReadText})
     * @return the include words found, or an empty list when the row does not match (none found, or an
     *         exclude word found). Include words match as words and word sequences outside place names
     *         (see {@link io.github.xianjie.text.ReadText#contains}); exclude words match anywhere in the
     *         normalised text, so that an exclusion errs towards no finding.
     */
    public List<String> match(io.github.xianjie.text.ReadText text) {
        if (text == null || text.text().isEmpty()) {
            return List.of();
        }
        for (String x : exclude) {
            if (text.containsPlain(x)) {
                return List.of();
            }
        }
        return include.stream().filter(text::contains).toList();
    }

    /**
     * For location, implementer and transport-scope rows and NL-07 rows: plain words in the normalised text, places
     * included; location words must start a word (塔城市 does not contain the location word 城市).
     *
     * @param text a text as read
     * @return the include words found, or an empty list (none found, or an exclude word found)
     */
    public List<String> matchPlain(io.github.xianjie.text.ReadText text) {
        if (text == null || text.text().isEmpty()) {
            return List.of();
        }
        for (String x : exclude) {
            if (text.containsPlain(x)) {
                return List.of();
            }
        }
        return include.stream().filter(target.equals("location") ? text::containsAtWordStart : text::containsPlain).toList();
    }

    /** @return true for a negative-list row (target NL-xx or NL-05-EXCEPTION). */
    public boolean isNegativeList() {
        return target.startsWith("NL-");
    }
}
