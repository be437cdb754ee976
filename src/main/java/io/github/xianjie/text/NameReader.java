package io.github.xianjie.text;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.DynamicCustomDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads project names, headings and expense descriptions into words, with HanLP's segmenter (portable
 * 1.8.4, place recognition on) and a user dictionary that is data of the ruleset: the keyword catalogue's
 * own words and the {@code WORD}/{@code PLACE} rows of {@code rules/keywords/words.csv}. One instance per
 * ruleset (owned by its keyword catalogue); the segmenter is built on first need, so a plan whose names hold
 * no catalogue word never loads it.
 *
 * <p>Place names are masked before purpose words are matched: a word the segmenter tags as a place
 * ({@code ns}), a word ending in a strong administrative suffix (村, 镇, 乡, 县, 州, 省 — {@code
 * PLACE_SUFFIX} rows marked strong), a bare suffix word (村, 镇, 社区, 组, 队 …) together with the words
 * before it that name it (红枣 + 村, 甘 河子 + 镇), and every occurrence of the project's own
 * 建设地点/乡镇/村 columns. Dictionary words (catalogue words) are never places except right before a
 * bare 村/镇/乡 (红枣村 is a village, not dates).
 */
public final class NameReader {
    private final Set<String> dictionary;
    private final Set<String> places;
    private final Set<String> strongSuffixes;
    private final Set<String> bareSuffixes;
    /** Segmented texts by text and own places (names and expense descriptions repeat across a list); bounded. */
    private final java.util.Map<String, List<ReadText.Word>> cache = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, List<ReadText.Word>> e) {
                    return size() > 20_000;
                }
            });
    private volatile Segment segment;
    private volatile long loadNanos = -1;

    /**
     * @param dictionary     words that are not places (catalogue words, WORD rows)
     * @param places         known place names (PLACE rows)
     * @param strongSuffixes suffixes that make any word ending in them a place (村, 镇, 乡 …)
     * @param bareSuffixes   suffixes that, as a word of their own, make the word before them a place
     */
    public NameReader(Collection<String> dictionary, Collection<String> places, Collection<String> strongSuffixes,
                      Collection<String> bareSuffixes) {
        this.dictionary = Set.copyOf(dictionary);
        this.places = Set.copyOf(places);
        this.strongSuffixes = Set.copyOf(strongSuffixes);
        this.bareSuffixes = Set.copyOf(bareSuffixes);
    }

    /**
     * @param text       a text (may be null)
     * @param knownPlaces the project's own place columns (建设地点, 乡镇, 村), masked wherever they occur
     * @return the text, read lazily (segmented only when a catalogue word could match)
     */
    public ReadText read(String text, Collection<String> knownPlaces) {
        List<String> own = new ArrayList<>();
        if (knownPlaces != null) {
            for (String k : knownPlaces) {
                String n = TextNormalizer.normalize(k);
                if (n.length() >= 2) {
                    own.add(n);
                }
            }
        }
        return new ReadText(text, rt -> {
            String key = rt.text() + "\u0001" + String.join("\u0001", own);
            List<ReadText.Word> w = cache.get(key);
            if (w == null) {
                w = List.copyOf(segment(rt.text(), own));
                cache.put(key, w);
            }
            return w;
        });
    }

    /** @return milliseconds the segmenter took to load, or −1 when it has not been loaded */
    public double loadMillis() {
        return loadNanos < 0 ? -1 : loadNanos / 1e6;
    }

    /** @return true once the segmenter has been loaded */
    public boolean loaded() {
        return segment != null;
    }

    /**
     * Loads the segmenter now (for {@code bench}); later calls return at once.
     *
     * @return the load time in milliseconds
     */
    public double load() {
        segmenter();
        return loadMillis();
    }

    private Segment segmenter() {
        Segment s = segment;
        if (s == null) {
            synchronized (this) {
                if (segment == null) {
                    long t0 = System.nanoTime();
                    DynamicCustomDictionary d = new DynamicCustomDictionary();
                    for (String w : dictionary) {
                        d.insert(w, "n 1000");
                    }
                    for (String w : places) {
                        d.insert(w, "ns 1000");
                    }
                    Segment seg = HanLP.newSegment().enableCustomDictionary(d).enablePlaceRecognize(true);
                    seg.seg("预热");
                    segment = seg;
                    loadNanos = System.nanoTime() - t0;
                }
                s = segment;
            }
        }
        return s;
    }

    private List<ReadText.Word> segment(String text, List<String> own) {
        List<Term> terms;
        Segment seg = segmenter();
        synchronized (seg) {
            terms = seg.seg(text);
        }
        int n = terms.size();
        boolean[] place = new boolean[n];
        int[] start = new int[n];
        int off = 0;
        for (int i = 0; i < n; i++) {
            Term t = terms.get(i);
            int at = text.indexOf(t.word, off);
            start[i] = at < 0 ? off : at;
            off = start[i] + t.word.length();
            String w = t.word;
            String nature = t.nature == null ? "" : t.nature.toString();
            boolean dict = dictionary.contains(w);
            if (places.contains(w)) {
                place[i] = true;
            } else if (!dict && nature.startsWith("ns")) {
                place[i] = true;
            } else if (!dict && w.length() >= 2 && endsWithAny(w, strongSuffixes)) {
                place[i] = true;
            }
        }
        for (int i = 0; i < n; i++) {
            String w = terms.get(i).word;
            if (!bareSuffixes.contains(w) || i == 0) {
                continue;
            }
            place[i] = true;
            int j = i - 1;
            boolean village = strongSuffixes.contains(w);
            if (village || !dictionary.contains(terms.get(j).word)) {
                place[j] = true;
                j--;
                while (j >= 0 && namesPlace(terms.get(j))) {
                    place[j] = true;
                    j--;
                }
            } else {
                place[i] = false;
            }
        }
        Set<Integer> ownChars = new LinkedHashSet<>();
        for (String k : own) {
            for (int at = text.indexOf(k); at >= 0; at = text.indexOf(k, at + 1)) {
                for (int c = at; c < at + k.length(); c++) {
                    ownChars.add(c);
                }
            }
        }
        List<ReadText.Word> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Term t = terms.get(i);
            boolean p = place[i];
            if (!p && !ownChars.isEmpty()) {
                for (int c = start[i]; c < start[i] + t.word.length(); c++) {
                    p |= ownChars.contains(c);
                }
            }
            out.add(new ReadText.Word(t.word, t.nature == null ? "" : t.nature.toString(), start[i], p));
        }
        return out;
    }

    /** A word before a bare suffix that is still part of the place's name: not a verb, not a catalogue word. */
    private boolean namesPlace(Term t) {
        String nature = t.nature == null ? "" : t.nature.toString();
        return !dictionary.contains(t.word) && !bareSuffixes.contains(t.word)
                && (nature.startsWith("n") && !nature.startsWith("nis") || nature.equals("m") || nature.equals("q")
                || nature.equals("rg") || nature.equals("ag") || nature.equals("ng") || nature.equals("j"));
    }

    private static boolean endsWithAny(String w, Set<String> suffixes) {
        for (String s : suffixes) {
            if (w.endsWith(s)) {
                return true;
            }
        }
        return false;
    }
}
