package io.github.xianjie.classify;

import io.github.xianjie.text.ReadText;
import java.util.List;

/**
 * One row of the keyword catalogue {@code rules/keywords/classification.csv}.
 *
 * @param id      stable row id, e.g. {@code K012}
 * @param target  {@code category}, {@code industryChain}, {@code infrastructure}, {@code location}, or an NL rule ID
 * @param value   the inferred value's code (empty for negative-list rows)
 * @param include the row matches a text containing any of these words ({@code A…B}: A, then later B), as words
 * @param exclude permitted uses that qualify an include word: an occurrence of an include word does not count when an
 *                exclude word overlaps or directly adjoins it (就业工资补贴, 还款贴息); an exclude word elsewhere in
 *                the name (工资发放及就业服务) does not clear it. On an exception row ({@code NL-05-EXCEPTION}) the
 *                exclude words are prohibited uses and void the exception wherever they occur
 * @param source  the article the row serves
 * @param note    why the row exists
 * @param includePhrases the include words split and normalised once ({@link ReadText.Phrase}), same order
 * @param excludePhrases the exclude words so, same order
 */
public record KeywordRow(String id, String target, String value, List<String> include, List<String> exclude,
                         String source, String note, List<ReadText.Phrase> includePhrases,
                         List<ReadText.Phrase> excludePhrases) {

    /** A row as the catalogue file gives it; its words' phrases are computed here, once. */
    public KeywordRow(String id, String target, String value, List<String> include, List<String> exclude,
                      String source, String note) {
        this(id, target, value, include, exclude, source, note, ReadText.Phrase.all(include), ReadText.Phrase.all(exclude));
    }

    /**
     * @param text a project name, heading or expense description as read ({@link io.github.xianjie.text.ReadText})
     * @return the include words found with at least one occurrence no exclude word touches
     *         ({@link ReadText#containsUnqualified}), or an empty list. Include words match as words and word
     *         sequences outside place names (see {@link ReadText#contains}); exclude words are read as plain
     *         characters, places included.
     */
    public List<String> match(io.github.xianjie.text.ReadText text) {
        if (text == null || text.text().isEmpty()) {
            return List.of();
        }
        if (target.endsWith("-EXCEPTION")) {
            // an exception row's exclude words are prohibited uses: anywhere in the name they void the exception
            for (ReadText.Phrase x : excludePhrases) {
                if (text.containsPlain(x)) {
                    return List.of();
                }
            }
            return include.stream().filter(text::contains).toList();
        }
        return found(text, ReadText.Mode.WORD);
    }

    /** The include words found unqualified by {@code mode}, in row order (an empty list when none). */
    private List<String> found(ReadText text, ReadText.Mode mode) {
        List<String> out = null;
        for (ReadText.Phrase w : includePhrases) {
            if (text.containsUnqualified(w, excludePhrases, mode)) {
                if (out == null) {
                    out = new java.util.ArrayList<>(2);
                }
                out.add(w.word());
            }
        }
        return out == null ? List.of() : List.copyOf(out);
    }

    /**
     * For location, implementer and transport-scope rows and NL-07 rows: plain words in the normalised text, places
     * included; location words must start a word (塔城市 does not contain the location word 城市).
     *
     * @param text a text as read
     * @return the include words found with an occurrence no exclude word touches, or an empty list
     */
    public List<String> matchPlain(io.github.xianjie.text.ReadText text) {
        if (text == null || text.text().isEmpty()) {
            return List.of();
        }
        ReadText.Mode mode = target.equals("location") ? ReadText.Mode.WORD_START : ReadText.Mode.PLAIN;
        return found(text, mode);
    }

    /** @return true for a negative-list row (target NL-xx or NL-05-EXCEPTION). */
    public boolean isNegativeList() {
        return target.startsWith("NL-");
    }
}
