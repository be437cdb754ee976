package io.github.xianjie.classify;

import java.util.List;

/**
 * One row of the keyword catalogue {@code rules/keywords/classification.csv}.
 *
 * @param id      stable row id, e.g. {@code K012}
 * @param target  {@code category}, {@code industryChain}, {@code infrastructure}, {@code location}, or an NL rule ID
 * @param value   the inferred value's code (empty for negative-list rows)
 * @param include the row matches a text containing any of these words ({@code A…B}: A, then later B)
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
            if (contains(text, x)) {
                return List.of();
            }
        }
        return include.stream().filter(w -> contains(text, w)).toList();
    }

    /**
     * A word of the catalogue is found in a text: a plain word as a substring; a word with {@code …}
     * (e.g. {@code 购置…车}) when its parts appear in that order, with anything between them.
     *
     * @param text a text
     * @param word a catalogue word
     * @return true when found
     */
    static boolean contains(String text, String word) {
        if (!word.contains("…")) {
            return text.contains(word);
        }
        int from = 0;
        for (String part : word.split("…")) {
            if (part.isEmpty()) {
                continue;
            }
            int at = text.indexOf(part, from);
            if (at < 0) {
                return false;
            }
            from = at + part.length();
        }
        return true;
    }

    /** @return true for a negative-list row (target NL-xx or NL-05-EXCEPTION). */
    public boolean isNegativeList() {
        return target.startsWith("NL-");
    }
}
