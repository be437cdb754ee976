package io.github.xianjie.text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A text as the screening reads it: its original form, its matched form ({@link TextNormalizer}), and —
 * segmented on first need — its words, with place names marked. Catalogue words are matched against words
 * and word sequences, never against single characters or inside place names (新财规〔2021〕11号 第四条:
 * the purpose of a project, not where it is).
 *
 * <p>Matching rules, applied by {@link #contains(String)}:
 * <ul>
 *   <li>a catalogue word of two or more characters matches where it occurs in the matched form with no
 *       character inside a place name, and its start or its end falls on a word boundary (so 关注资金 does
 *       not contain 注资, 新增资金 does not contain 增资);</li>
 *   <li>an ordered word {@code A…B} (e.g. 购置…车) matches when its parts occur in order under the same
 *       conditions; a one-character part (车) must begin or end a word (车辆, 巡查车) outside a place name
 *       (车排子镇 is masked);</li>
 *   <li>a single character on its own never matches (the catalogue refuses such rows).</li>
 * </ul>
 * Not thread-safe; one instance per text and screening run.
 */
public final class ReadText {
    /** One word of the segmented text. */
    public record Word(String text, String nature, int start, boolean place) {
        /** @return the end offset (exclusive) in the matched form */
        public int end() {
            return start + text.length();
        }
    }

    private final String original;
    private final String text;
    private final Function<ReadText, List<Word>> segmenter;
    private List<Word> words;
    private boolean[] masked;
    private boolean[] boundary;

    ReadText(String original, Function<ReadText, List<Word>> segmenter) {
        this.original = original;
        this.text = TextNormalizer.normalize(original);
        this.segmenter = segmenter;
    }

    /** @return the text as given (for evidence) */
    public String original() {
        return original;
    }

    /** @return the matched form */
    public String text() {
        return text;
    }

    /** @return true when the matched form differs from the original (NFKC, simplified, invisible characters removed) */
    public boolean normalised() {
        return original != null && !text.equals(original);
    }

    /** @return the words, segmented on first call */
    public List<Word> words() {
        if (words == null) {
            words = text.isEmpty() ? List.of() : segmenter.apply(this);
            masked = new boolean[text.length()];
            boundary = new boolean[text.length() + 1];
            for (Word w : words) {
                boundary[w.start()] = true;
                boundary[Math.min(w.end(), text.length())] = true;
                if (w.place()) {
                    for (int i = w.start(); i < w.end() && i < text.length(); i++) {
                        masked[i] = true;
                    }
                }
            }
            boundary[0] = true;
            boundary[text.length()] = true;
        }
        return words;
    }

    /** @return the words as text, places bracketed: {@code [［车排子镇］, 购买, 母羊]} (for evidence) */
    public List<String> describeWords() {
        List<String> out = new ArrayList<>();
        for (Word w : words()) {
            out.add(w.place() ? "［" + w.text() + "］" : w.text());
        }
        return out;
    }

    /** @return the place names found (segmenter place tags, administrative suffixes, the 建设地点 column) */
    public List<String> places() {
        List<String> out = new ArrayList<>();
        for (Word w : words()) {
            if (w.place()) {
                out.add(w.text());
            }
        }
        return out;
    }

    /**
     * @param plain a text
     * @return true when the matched form contains it as plain characters, parts of {@code A…B} in order
     *         (for exclusions, location and implementer words)
     */
    public boolean containsPlain(String plain) {
        return containsPlain(Phrase.of(plain));
    }

    /**
     * {@link #containsPlain(String)} for a phrase whose parts were normalised once.
     *
     * @param plain a phrase ({@link Phrase#of})
     * @return true when the matched form contains its parts as plain characters, in order
     */
    public boolean containsPlain(Phrase plain) {
        if (plain.word().isEmpty()) {
            return false;
        }
        int from = 0;
        for (int i = 0; i < plain.parts().size(); i++) {
            int at = text.indexOf(plain.normalized().get(i), from);
            if (at < 0) {
                return false;
            }
            from = at + plain.parts().get(i).length();
        }
        return true;
    }

    /**
     * A catalogue word split into its parts ({@code A…B}) with each part's matched form computed once, so that testing a
     * word against many texts does not split and normalise it again for every text.
     *
     * @param word       the word as the catalogue writes it
     * @param parts      its non-empty parts as written
     * @param normalized the matched form of each part ({@link TextNormalizer#normalize}), same order
     */
    public record Phrase(String word, List<String> parts, List<String> normalized) {
        /**
         * @param word a catalogue word, plain or ordered ({@code A…B})
         * @return the word with its parts and their matched forms
         */
        public static Phrase of(String word) {
            List<String> parts = new ArrayList<>();
            List<String> normalized = new ArrayList<>();
            for (String part : word.split("…")) {
                if (!part.isEmpty()) {
                    parts.add(part);
                    normalized.add(TextNormalizer.normalize(part));
                }
            }
            return new Phrase(word, List.copyOf(parts), List.copyOf(normalized));
        }

        /**
         * @param words catalogue words
         * @return each as a phrase, same order
         */
        public static List<Phrase> all(List<String> words) {
            return words.stream().map(Phrase::of).toList();
        }
    }

    /**
     * For location words (城区, 县城, 城市): the word occurs starting on a word boundary, places included — 某县/城区
     * and 县城 match, the 城市 inside the city name 塔城市 does not.
     *
     * @param word a location word
     * @return true when found so
     */
    public boolean containsAtWordStart(String word) {
        String w = TextNormalizer.normalize(word);
        if (w.isEmpty() || !text.contains(w)) {
            return false;
        }
        words();
        for (int at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) {
            if (boundary[at]) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param word a catalogue word, plain or ordered ({@code A…B})
     * @return true when it matches by the rules of this class
     */
    public boolean contains(String word) {
        String[] parts = word.split("…");
        for (String part : parts) {
            if (!part.isEmpty() && !text.contains(part)) {
                return false;
            }
        }
        boolean ordered = parts.length > 1;
        int from = 0;
        for (String part : parts) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.length() == 1 && !ordered) {
                return false;
            }
            int at = find(part, from);
            if (at < 0) {
                return false;
            }
            from = at + part.length();
        }
        return true;
    }

    private int find(String part, int from) {
        words();
        for (int at = text.indexOf(part, from); at >= 0; at = text.indexOf(part, at + 1)) {
            int end = at + part.length();
            boolean clear = true;
            for (int i = at; i < end; i++) {
                clear &= !masked[i];
            }
            if (!clear) {
                continue;
            }
            if (boundary[at] || boundary[end]) {
                return at;
            }
        }
        return -1;
    }

    /** How a catalogue word is found: as words outside places, as plain characters, or starting a word. */
    public enum Mode {
        /** by {@link #contains}: outside place names, on a word boundary */
        WORD,
        /** by {@link #containsPlain}: plain characters, places included */
        PLAIN,
        /** by {@link #containsAtWordStart}: plain characters starting a word, places included */
        WORD_START
    }

    /**
     * A catalogue word found here with no qualifier touching it. A qualifier (a row's exclude word, a permitted
     * use) qualifies an occurrence when one of its occurrences overlaps or directly adjoins it (for {@code A…B}: the
     * stretch from A to B, so 城区某村文化广场 is qualified by 村 for 城区…广场) — it is
     * part of the same phrase (就业工资补贴, 还款贴息, 学校周边, 刺绣彩绘) — not merely somewhere in the text
     * (工作人员工资发放及就业服务 still reads 工资; 补充资本金及贷款贴息 still reads 资本金).
     *
     * @param word       a catalogue word, plain or ordered ({@code A…B})
     * @param qualifiers exclude words, plain or ordered; an ordered one spans from its first part to its last
     * @param mode       how the word is found
     * @return true when some occurrence of the word is found by {@code mode} and touched by no qualifier
     */
    public boolean containsUnqualified(String word, List<String> qualifiers, Mode mode) {
        return containsUnqualified(Phrase.of(word), Phrase.all(qualifiers), mode);
    }

    /**
     * {@link #containsUnqualified(String, List, Mode)} for phrases whose parts were normalised once.
     *
     * @param word       a catalogue word ({@link Phrase#of})
     * @param qualifiers exclude words as phrases
     * @param mode       how the word is found
     * @return true when some occurrence of the word is found by {@code mode} and touched by no qualifier
     */
    public boolean containsUnqualified(Phrase word, List<Phrase> qualifiers, Mode mode) {
        List<String> ps = word.normalized();
        for (String part : ps) {
            if (!text.contains(part)) {
                return false;
            }
        }
        if (ps.isEmpty() || (mode == Mode.WORD && ps.size() == 1 && ps.get(0).length() == 1)) {
            return false;
        }
        words();
        List<int[]> qs = qualifierSpans(qualifiers);
        String first = ps.get(0);
        for (int at = text.indexOf(first); at >= 0; at = text.indexOf(first, at + 1)) {
            if (!valid(first, at, mode)) {
                continue;
            }
            List<int[]> spans = new ArrayList<>();
            spans.add(new int[] {at, at + first.length()});
            int from = at + first.length();
            boolean found = true;
            for (int i = 1; i < ps.size(); i++) {
                int next = nextValid(ps.get(i), from, mode);
                if (next < 0) {
                    found = false;
                    break;
                }
                spans.add(new int[] {next, next + ps.get(i).length()});
                from = next + ps.get(i).length();
            }
            if (!found) {
                return false; // later starts cannot find the remaining parts either
            }
            int start = spans.get(0)[0];
            int end = spans.get(spans.size() - 1)[1];
            boolean touched = false;
            for (int[] q : qs) {
                touched |= q[0] <= end && start <= q[1];
            }
            if (!touched) {
                return true;
            }
        }
        return false;
    }

    private int nextValid(String part, int from, Mode mode) {
        for (int at = text.indexOf(part, from); at >= 0; at = text.indexOf(part, at + 1)) {
            if (valid(part, at, mode)) {
                return at;
            }
        }
        return -1;
    }

    private boolean valid(String part, int at, Mode mode) {
        if (mode == Mode.PLAIN) {
            return true;
        }
        if (mode == Mode.WORD_START) {
            return boundary[at];
        }
        int end = at + part.length();
        for (int i = at; i < end; i++) {
            if (masked[i]) {
                return false;
            }
        }
        return boundary[at] || boundary[end];
    }

    /** Every occurrence of every qualifier, as [start, end) in the matched form (places included). */
    private List<int[]> qualifierSpans(List<Phrase> qualifiers) {
        List<int[]> out = new ArrayList<>();
        for (Phrase q : qualifiers) {
            List<String> ps = q.normalized();
            if (ps.isEmpty()) {
                continue;
            }
            for (int at = text.indexOf(ps.get(0)); at >= 0; at = text.indexOf(ps.get(0), at + 1)) {
                int end = at + ps.get(0).length();
                for (int i = 1; i < ps.size() && end >= 0; i++) {
                    int next = text.indexOf(ps.get(i), end);
                    end = next < 0 ? -1 : next + ps.get(i).length();
                }
                if (end >= 0) {
                    out.add(new int[] {at, end});
                }
            }
        }
        return out;
    }

    /** @return the matched form's length */
    int length() {
        return text.length();
    }
}
