package io.github.xianjie.classify;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;

/**
 * The keyword catalogue (data, editable by bureau staff without a rebuild):
 * {@code rules/keywords/classification.csv} with columns {@code id,target,value,include,exclude,source,note};
 * include and exclude hold words separated by {@code |}. Rows are kept in file order: for the
 * classification targets the first matching row wins.
 */
public final class KeywordCatalogue {
    /** Path of the catalogue inside a ruleset folder. */
    public static final String FILE = "keywords/classification.csv";
    private static final Set<String> TARGETS = Set.of("category", "industryChain", "infrastructure", "location");
    private final List<KeywordRow> rows;

    /** @param rows catalogue rows in file order */
    public KeywordCatalogue(List<KeywordRow> rows) {
        this.rows = List.copyOf(rows);
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
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            return parse(r, f.toString());
        } catch (IOException e) {
            throw new CatalogueException(f + ": " + e.getMessage());
        }
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
            if (!TARGETS.contains(target) && !target.matches("NL-\\d\\d(-EXCEPTION)?")) {
                throw new CatalogueException(file + " 第" + line + "行「target」: '" + target + "' 不是有效目标");
            }
            List<String> include = words(rec.get("include"));
            if (include.isEmpty()) {
                throw new CatalogueException(file + " 第" + line + "行「include」: 不能为空");
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
