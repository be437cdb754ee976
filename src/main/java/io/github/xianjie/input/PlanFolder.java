package io.github.xianjie.input;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The one rule by which every command lists a folder of plans ({@code check DIR}, {@code check --batch DIR},
 * {@code audit allocation --plans DIR}, {@code audit ledger --plans DIR}): regular files, sorted by name; a JSON plan
 * is a {@code .json} file that is not a {@code *.meta.json} side file (the plan facts of a table); a table is a
 * {@code .csv}, {@code .xlsx} or {@code .xlsm} file; hidden files ({@code .name}) and Office lock files
 * ({@code ~$name}) are never plans.
 */
public final class PlanFolder {
    private PlanFolder() {
    }

    /**
     * @param plans   the plan files, sorted by name
     * @param skipped the other regular files of the folder (side files, tables a command does not read, others), sorted
     */
    public record Listing(List<Path> plans, List<Path> skipped) {
    }

    /**
     * @param dir    the folder
     * @param tables true to count CSV/XLSX tables as plans (only {@code check DIR} reads tables, with plan facts);
     *               false for JSON plans only
     * @param label  how to name the folder in messages, e.g. {@code --plans fixtures/x}
     * @return the plan files and the skipped files
     * @throws InputException when the folder cannot be listed
     */
    public static Listing list(Path dir, boolean tables, String label) {
        List<Path> plans = new ArrayList<>();
        List<Path> skipped = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                Kind k = kind(p);
                if (k == Kind.JSON_PLAN || (tables && k == Kind.TABLE)) {
                    plans.add(p);
                } else if (k != Kind.HIDDEN) {
                    skipped.add(p);
                }
            }
        } catch (IOException e) {
            throw new InputException(label + ": 无法列出文件夹 (cannot list the folder): " + e.getMessage());
        }
        return new Listing(List.copyOf(plans), List.copyOf(skipped));
    }

    /** What a file in a folder of plans is, by its name. */
    public enum Kind {
        /** a {@code .json} plan */
        JSON_PLAN,
        /** a {@code *.meta.json} side file: the plan facts of a table, not a plan */
        META,
        /** a {@code .csv}, {@code .xlsx} or {@code .xlsm} project table */
        TABLE,
        /** a hidden file or an Office lock file */
        HIDDEN,
        /** anything else (README.md, .xls, .txt …) */
        OTHER
    }

    /**
     * @param file a file
     * @return its kind by name (case ignored)
     */
    public static Kind kind(Path file) {
        String n = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.startsWith(".") || n.startsWith("~$")) {
            return Kind.HIDDEN;
        }
        if (n.endsWith(".meta.json")) {
            return Kind.META;
        }
        if (n.endsWith(".json")) {
            return Kind.JSON_PLAN;
        }
        if (n.endsWith(".csv") || n.endsWith(".xlsx") || n.endsWith(".xlsm")) {
            return Kind.TABLE;
        }
        return Kind.OTHER;
    }

    /**
     * @param table a CSV/XLSX table
     * @return its side file {@code <name>.meta.json} beside it (for {@code a.csv}, {@code a.meta.json}), or null when
     *         there is none
     */
    public static Path sideFile(Path table) {
        String n = table.getFileName().toString();
        int dot = n.lastIndexOf('.');
        Path meta = table.resolveSibling((dot < 0 ? n : n.substring(0, dot)) + ".meta.json");
        return Files.isRegularFile(meta) ? meta : null;
    }
}
