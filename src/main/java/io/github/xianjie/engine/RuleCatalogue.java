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
 * they read (found in the DRL text as {@code Parameter( name == "…" )}).
 */
public final class RuleCatalogue {
    private static final Pattern RULE = Pattern.compile("(?m)^rule\\s+\"((?:NL|PP|AF|CP|IS|PM|AL|LG)-\\d\\d)[^\"]*\"");
    private static final Pattern PARAM = Pattern.compile("Parameter\\s*\\(\\s*name\\s*==\\s*\"([^\"]+)\"");

    /**
     * One catalogue entry.
     *
     * @param id         catalogue ID
     * @param section    catalogue section (1 negative list … 8 ledger)
     * @param severity   severity as the catalogue states it
     * @param source     the citation
     * @param title      Chinese title
     * @param titleEn    English title
     * @param drlRules   names of the DRL rules that serve it (empty: not encoded in this ruleset)
     * @param parameters names of the parameters those rules read
     * @param wording    the source's words that decided the severity (不得/严禁/必须 → ERROR; 原则上/要 → WARNING), or ""
     */
    public record Entry(String id, int section, String severity, String source, String title, String titleEn,
                        List<String> drlRules, List<String> parameters, String wording) {
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
        for (JsonNode r : list) {
            String id = r.path("id").asText();
            out.add(new Entry(id, r.path("section").asInt(), r.path("severity").asText(), r.path("source").asText(),
                    r.path("title").asText(), r.path("titleEn").asText(),
                    List.copyOf(rules.getOrDefault(id, Set.of())), List.copyOf(params.getOrDefault(id, Set.of())),
                    r.path("wording").asText("")));
        }
        return out;
    }
}
