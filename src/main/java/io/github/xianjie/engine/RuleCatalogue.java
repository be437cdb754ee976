package io.github.xianjie.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule catalogue of a ruleset ({@code catalogue.yaml}): every catalogue ID with its section, titles,
 * severity and source, plus what the DRL says about it — the DRL rules that serve it and the parameters
 * they read (found in the DRL text as {@code Parameter( name == "…" )}). It is the one source of a finding's
 * citation, titles and severity: an entry may name what the dated parameter in force gives instead
 * ({@code fromParameter}), the longer titles reports carry ({@code reportTitle}, {@code reportTitleEn}), words a
 * finding's citation adds ({@code sourceNote}), and per-outcome {@code variants} that a DRL rule names with
 * {@code @variant("name")}.
 */
public final class RuleCatalogue {
    private static final Pattern RULE = Pattern.compile("(?m)^rule\\s+\"((?:NL|PP|AF|CP|IS|PM|AL|LG)-\\d\\d)[^\"]*\"");
    private static final Pattern PARAM = Pattern.compile("Parameter\\s*\\(\\s*name\\s*==\\s*\"([^\"]+)\"");

    /** The keys a catalogue entry may have (anything else is a typo and refused). */
    static final Set<String> KEYS = Set.of("id", "section", "severity", "severityByYear", "source", "sourceNote", "title",
            "titleEn", "reportTitle", "reportTitleEn", "wording", "fromParameter", "variants");
    /** The keys a variant may set. */
    static final Set<String> VARIANT_KEYS = Set.of("severity", "source", "title", "titleEn");
    /** The severity levels. */
    static final Set<String> LEVELS = Set.of("ERROR", "WARNING", "INFO");
    /** What a dated parameter in force may give a finding ({@code fromParameter}). */
    static final Set<String> FROM_PARAMETER = Set.of("severity", "source");

    /**
     * One per-outcome override of an entry, named by a DRL rule's {@code @variant("name")} (e.g. AF-02's FAIL for an
     * unlisted use, a WARNING for review). A null field keeps the entry's.
     *
     * @param severity ERROR, WARNING or INFO, or null
     * @param source   the citation, or null
     * @param title    Chinese title, or null
     * @param titleEn  English title, or null
     */
    public record Variant(String severity, String source, String title, String titleEn) {
    }

    /**
     * One catalogue entry.
     *
     * @param id             catalogue ID
     * @param section        catalogue section (1 negative list … 8 ledger)
     * @param severity       one level, ERROR, WARNING or INFO (for a rule whose level is by year: the Measures' level,
     *                       taken when no parameter in force gives one)
     * @param source         the citation
     * @param title          Chinese title (the rulebook's)
     * @param titleEn        English title
     * @param drlRules       names of the DRL rules that serve it (empty: not encoded in this ruleset)
     * @param parameters     names of the parameters those rules read
     * @param wording        the source's words that decided the severity (不得/严禁/必须 → ERROR; 原则上/要 → WARNING), or ""
     * @param severityByYear how the level changes by year, as the rulebook shows it (e.g.
     *                       {@code "WARNING (M 第八条) / ERROR (2024 年通知)"}), or "" when it is the one level
     * @param fromParameter  what the dated parameter in a finding's evidence gives instead of the entry's:
     *                       {@code severity} (its severity), {@code source} (its reference); empty for most rules
     * @param reportTitle    the Chinese title findings carry (e.g. 「负面清单：单位基本支出」), or "" for {@code title}
     * @param reportTitleEn  the English title findings carry, or "" for {@code titleEn}
     * @param sourceNote     words a finding's citation adds after {@code source}, or ""
     * @param variants       per-outcome overrides by name
     */
    public record Entry(String id, int section, String severity, String source, String title, String titleEn,
                        List<String> drlRules, List<String> parameters, String wording, String severityByYear,
                        Set<String> fromParameter, String reportTitle, String reportTitleEn, String sourceNote,
                        Map<String, Variant> variants) {
        /** @return the severity as the rulebook shows it: {@link #severityByYear} when set, else the level */
        public String shownSeverity() {
            return severityByYear.isEmpty() ? severity : severityByYear;
        }

        /** @return true when the dated parameter in force gives a finding's severity */
        public boolean severityFromParameter() {
            return fromParameter.contains("severity");
        }

        /** @return true when the dated parameter in force gives a finding's citation */
        public boolean sourceFromParameter() {
            return fromParameter.contains("source");
        }
    }

    private RuleCatalogue() {
    }

    /**
     * @param ruleset a loaded ruleset
     * @return the entries in catalogue order
     * @throws RulesetException when catalogue.yaml is missing or malformed
     */
    public static List<Entry> load(Ruleset ruleset) {
        Path f = ruleset.root().resolve("catalogue.yaml");
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(f, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RulesetException(f + ": " + e.getMessage());
        }
        Map<String, Set<String>> rules = new TreeMap<>();
        Map<String, Set<String>> params = new TreeMap<>();
        for (String drl : ruleset.drl().values()) {
            Matcher m = RULE.matcher(drl);
            List<int[]> starts = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            List<String> names = new ArrayList<>();
            while (m.find()) {
                starts.add(new int[] {m.start()});
                ids.add(m.group(1));
                names.add(drl.substring(m.start(), m.end()).replaceFirst("^rule\\s+\"", "").replaceFirst("\"$", ""));
            }
            for (int i = 0; i < ids.size(); i++) {
                int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : drl.length();
                String body = drl.substring(starts.get(i)[0], end);
                rules.computeIfAbsent(ids.get(i), k -> new TreeSet<>()).add(names.get(i));
                Matcher p = PARAM.matcher(body);
                while (p.find()) {
                    params.computeIfAbsent(ids.get(i), k -> new TreeSet<>()).add(p.group(1));
                }
            }
        }
        List<Entry> out = new ArrayList<>();
        JsonNode list = root == null ? null : root.get("rules");
        if (list == null || !list.isArray()) {
            throw new RulesetException(f + ": 缺少 rules 列表");
        }
        Set<String> seen = new TreeSet<>();
        for (JsonNode r : list) {
            String id = r.path("id").asText();
            String where = f + ": " + (id.isEmpty() ? "rules[" + out.size() + "]" : id) + ": ";
            if (!seen.add(id)) {
                throw new RulesetException(where + "目录编号重复 (duplicate id)");
            }
            r.fieldNames().forEachRemaining(k -> {
                if (!KEYS.contains(k)) {
                    throw new RulesetException(where + "未知的键 " + k + "（可用：" + new TreeSet<>(KEYS) + "）(unknown key)");
                }
            });
            String severity = r.path("severity").asText();
            if (!LEVELS.contains(severity)) {
                throw new RulesetException(where + "severity 须为 ERROR、WARNING 或 INFO 之一，得到「" + severity
                        + "」（按年度变化的写在 severityByYear，由 fromParameter 取参数的严重程度）(severity must be one level)");
            }
            Set<String> fromParameter = new TreeSet<>();
            for (JsonNode v : r.path("fromParameter")) {
                if (!FROM_PARAMETER.contains(v.asText())) {
                    throw new RulesetException(where + "fromParameter 只能含 severity、source，得到「" + v.asText() + "」");
                }
                fromParameter.add(v.asText());
            }
            Map<String, Variant> variants = new TreeMap<>();
            r.path("variants").fields().forEachRemaining(v -> {
                v.getValue().fieldNames().forEachRemaining(k -> {
                    if (!VARIANT_KEYS.contains(k)) {
                        throw new RulesetException(where + "variants." + v.getKey() + ": 未知的键 " + k + "（可用：" + new TreeSet<>(VARIANT_KEYS) + "）");
                    }
                });
                String vs = text(v.getValue(), "severity");
                if (vs != null && !LEVELS.contains(vs)) {
                    throw new RulesetException(where + "variants." + v.getKey() + ".severity 须为 ERROR、WARNING 或 INFO 之一，得到「" + vs + "」");
                }
                variants.put(v.getKey(), new Variant(vs, text(v.getValue(), "source"), text(v.getValue(), "title"), text(v.getValue(), "titleEn")));
            });
            out.add(new Entry(id, r.path("section").asInt(), severity, r.path("source").asText(),
                    r.path("title").asText(), r.path("titleEn").asText(),
                    List.copyOf(rules.getOrDefault(id, Set.of())), List.copyOf(params.getOrDefault(id, Set.of())),
                    r.path("wording").asText(""), r.path("severityByYear").asText(""), Set.copyOf(fromParameter),
                    r.path("reportTitle").asText(""), r.path("reportTitleEn").asText(""), r.path("sourceNote").asText(""),
                    Map.copyOf(variants)));
        }
        return out;
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }
}
