package io.github.xianjie.classify;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import io.github.xianjie.text.NameReader;
import org.apache.commons.csv.CSVRecord;

/**
 * The keyword catalogue (data, editable by bureau staff without a rebuild):
 * {@code rules/keywords/classification.csv} with columns {@code id,target,value,include,exclude,source,note};
 * include and exclude hold words separated by {@code |}; an include word has at least two characters
 * (a single character never matches on its own). Rows are kept in file order: for the
 * classification targets the first matching row wins. {@value #WORDS} holds the user dictionary and the
 * place-suffix rules for the ruleset's {@link NameReader}.
 */
public final class KeywordCatalogue {
    /** Path of the catalogue inside a ruleset folder. */
    public static final String FILE = "keywords/classification.csv";
    /** Path of the user dictionary and place-suffix rules inside a ruleset folder (kinds WORD, PLACE, STRONG_SUFFIX, BARE_SUFFIX). */
    public static final String WORDS = "keywords/words.csv";
    private static final Set<String> TARGETS = Set.of("category", "industryChain", "infrastructure", "location",
            "implementerType", "transportScope", "task");
    /** Targets matched as plain text on the normalised form, places included (location and implementer words: 局、市). */
    private static final Set<String> PLAIN_TARGETS = Set.of("location", "implementerType", "transportScope");
    private static final Set<String> WORD_KINDS = Set.of("WORD", "PLACE", "STRONG_SUFFIX", "BARE_SUFFIX");
    private final List<KeywordRow> rows;
    private final NameReader reader;

    /**
     * A catalogue whose reader knows only its own words (no place-suffix rules): for tests and empty rulesets.
     *
     * @param rows catalogue rows in file order
     */
    public KeywordCatalogue(List<KeywordRow> rows) {
        this(rows, Map.of());
    }

    /**
     * @param rows  catalogue rows in file order
     * @param words the rows of {@value #WORDS} by kind (WORD, PLACE, STRONG_SUFFIX, BARE_SUFFIX)
     */
    public KeywordCatalogue(List<KeywordRow> rows, Map<String, List<String>> words) {
        this.rows = List.copyOf(rows);
        Set<String> dictionary = new LinkedHashSet<>(words.getOrDefault("WORD", List.of()));
        for (KeywordRow r : rows) {
            for (String w : r.include()) {
                for (String part : w.split("…")) {
                    if (part.length() >= 2) {
                        dictionary.add(part);
                    }
                }
            }
        }
        this.reader = new NameReader(dictionary, words.getOrDefault("PLACE", List.of()),
                words.getOrDefault("STRONG_SUFFIX", List.of()), words.getOrDefault("BARE_SUFFIX", List.of()));
    }

    /** @return the reader (segmenter and place masking) of this ruleset, built with its words; loads lazily */
    public NameReader reader() {
        return reader;
    }

    /** @return the rows in file order. */
    public List<KeywordRow> rows() {
        return rows;
    }

    /**
     * Reads the catalogue of a ruleset folder; an absent file gives an empty catalogue.
     *
     * @param rulesRoot the ruleset folder
     * @return the catalogue
     * @throws CatalogueException naming the file, line and column of a malformed row
     */
    public static KeywordCatalogue load(Path rulesRoot) {
        Path f = rulesRoot.resolve(FILE);
        if (!Files.exists(f)) {
            return new KeywordCatalogue(List.of());
        }
        KeywordCatalogue rows;
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            rows = parse(r, f.toString());
        } catch (IOException e) {
            throw new CatalogueException(f + ": " + e.getMessage());
        }
        Path w = rulesRoot.resolve(WORDS);
        if (!Files.exists(w)) {
            return rows;
        }
        try (Reader r = Files.newBufferedReader(w, StandardCharsets.UTF_8)) {
            return new KeywordCatalogue(rows.rows(), parseWords(r, w.toString()));
        } catch (IOException e) {
            throw new CatalogueException(w + ": " + e.getMessage());
        }
    }

    static Map<String, List<String>> parseWords(Reader reader, String file) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (CSVRecord rec : RuleCsv.records(reader, file, List.of("kind", "word", "source", "note"), CatalogueException::new)) {
            long line = rec.getRecordNumber() + 1;
            String kind = rec.get("kind");
            if (!WORD_KINDS.contains(kind)) {
                throw new CatalogueException(file + " 第" + line + "行「kind」: '" + kind + "' 应为 " + WORD_KINDS);
            }
            String word = io.github.xianjie.text.TextNormalizer.normalize(rec.get("word"));
            if (word.isEmpty()) {
                throw new CatalogueException(file + " 第" + line + "行「word」: 不能为空");
            }
            out.computeIfAbsent(kind, k -> new ArrayList<>()).add(word);
        }
        return out;
    }

    static KeywordCatalogue parse(Reader reader, String file) {
        List<KeywordRow> rows = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (CSVRecord rec : RuleCsv.records(reader, file, List.of("id", "target", "value", "include", "exclude", "source", "note"),
                CatalogueException::new)) {
            long line = rec.getRecordNumber() + 1;
            String id = rec.get("id");
            String target = rec.get("target");
            if (id.isEmpty() || !ids.add(id)) {
                throw new CatalogueException(file + " 第" + line + "行「id」: '" + id + "' 为空或重复");
            }
            if (!TARGETS.contains(target) && !target.matches("NL-\\d\\d(-EXCEPTION|-REVIEW)?")) {
                throw new CatalogueException(file + " 第" + line + "行「target」: '" + target + "' 不是有效目标");
            }
            List<String> include = words(rec.get("include"));
            if (include.isEmpty()) {
                throw new CatalogueException(file + " 第" + line + "行「include」: 不能为空");
            }
            for (String w : include) {
                if (!PLAIN_TARGETS.contains(target) && w.replace("…", "").length() < 2) {
                    throw new CatalogueException(file + " 第" + line + "行「include」: '" + w
                            + "' 是单字，单字不能单独匹配（写成词：母羊、肉牛、棉花）");
                }
            }
            checkValue(file, line, target, rec.get("value"));
            rows.add(new KeywordRow(id, target, rec.get("value"), include, words(rec.get("exclude")),
                    rec.get("source"), rec.get("note")));
        }
        return new KeywordCatalogue(rows);
    }

    private static void checkValue(String file, long line, String target, String value) {
        try {
            switch (target) {
                case "category" -> io.github.xianjie.domain.Coded.parse(io.github.xianjie.domain.Category.class, value);
                case "industryChain" -> io.github.xianjie.domain.Coded.parse(io.github.xianjie.domain.IndustryChain.class, value);
                case "infrastructure" -> {
                    if (!value.equals("true") && !value.equals("false")) {
                        throw new IllegalArgumentException("'" + value + "' 应为 true 或 false");
                    }
                }
                case "location" -> {
                    if (!value.equals("URBAN")) {
                        throw new IllegalArgumentException("'" + value + "' 应为 URBAN");
                    }
                }
                case "implementerType" -> io.github.xianjie.domain.Coded.parse(io.github.xianjie.domain.ImplementerType.class, value);
                case "task" -> io.github.xianjie.domain.Coded.parse(io.github.xianjie.domain.Task.class, value);
                case "transportScope" -> {
                    if (!Set.of("CROSS_PROVINCE", "CROSS_PREFECTURE", "WITHIN_PREFECTURE").contains(value)) {
                        throw new IllegalArgumentException("'" + value + "' 应为 CROSS_PROVINCE、CROSS_PREFECTURE 或 WITHIN_PREFECTURE");
                    }
                }
                default -> {
                    if (!value.isEmpty()) {
                        throw new IllegalArgumentException("负面清单行的 value 应为空");
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            throw new CatalogueException(file + " 第" + line + "行「value」: " + e.getMessage());
        }
    }

    private static List<String> words(String cell) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        return Arrays.stream(cell.split("\\|")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
