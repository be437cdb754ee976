package io.github.xianjie.engine;

import io.github.xianjie.domain.Project;
import io.github.xianjie.input.InputException;
import io.github.xianjie.input.TextDecoding;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;

/**
 * The word lists of one ruleset, read once when its engine is built and passed to the rules as the
 * global {@code data} ({@code global io.github.xianjie.engine.RulesetData data;}). Immutable, so one
 * instance serves every session and thread of its engine, and two engines over different rulesets
 * never see each other's words.
 *
 * <p>Each list is a CSV in the ruleset's {@code keywords/} folder, one word a row, columns
 * {@code kind,word,source,note}:
 * <ul>
 *   <li>{@value #FEE_USES}: kinds {@code PERMITTED}, {@code EXCLUDED} (AF-02, 新财规〔2021〕11号 第九条);</li>
 *   <li>{@value #BENEFIT_LINKAGE}: kinds {@code DIVIDEND}, {@code LINKAGE} (PM-05, 新财振〔2022〕5号 三(一)3);</li>
 *   <li>{@value #PROJECT_KINDS}: kinds {@code TRANSPORT_SUBSIDY}, {@code PUBLIC_WELFARE_POST} (PM-10, PM-11).</li>
 * </ul>
 */
public final class RulesetData {
    /** Permitted uses of the project management fee (新财规〔2021〕11号 第九条). */
    public static final String FEE_USES = "keywords/management-fee-uses.csv";
    /** Words of benefit-linkage mechanisms and of simple equity dividends (新财振〔2022〕5号 三(一)3). */
    public static final String BENEFIT_LINKAGE = "keywords/benefit-linkage.csv";
    /** Words in the names of one-off transport-subsidy and public-welfare-post projects. */
    public static final String PROJECT_KINDS = "keywords/project-kinds.csv";
    /** Crops a broad reading of 果 (果蔬) counts in 粮棉果畜 (IS-02, parameter industry-share.fruit-reading). */
    public static final String FRUIT_READING = "keywords/fruit-reading.csv";
    /** What M 第三条(二)1 counts as industry besides 产业发展 projects (IS-01): 产业配套基础设施, 帮扶车间, 少数民族特色产业. */
    public static final String INDUSTRY_USE = "keywords/industry-use.csv";
    /** The 项 (7-digit budget subjects under 21305) each project category is booked under (PM-14). */
    public static final String BUDGET_ITEMS = "keywords/budget-subject-items.csv";

    private static final Map<String, Set<String>> KINDS = Map.of(
            FEE_USES, Set.of("PERMITTED", "EXCLUDED"),
            BENEFIT_LINKAGE, Set.of("DIVIDEND", "LINKAGE"),
            PROJECT_KINDS, Set.of("TRANSPORT_SUBSIDY", "PUBLIC_WELFARE_POST"),
            FRUIT_READING, Set.of("BROAD"),
            INDUSTRY_USE, Set.of("SUPPORT_INFRASTRUCTURE", "WORKSHOP", "ETHNIC_INDUSTRY"),
            BUDGET_ITEMS, Set.of("INDUSTRY", "INFRASTRUCTURE", "LIVING_ENVIRONMENT", "CREDIT_SUBSIDY"));

    private final Path root;
    /** file → kind → words; a file absent from the folder maps to null (reported when a rule needs it). */
    private final Map<String, Map<String, List<String>>> lists;

    private RulesetData(Path root, Map<String, Map<String, List<String>>> lists) {
        this.root = root;
        this.lists = lists;
    }

    /**
     * Reads the word lists of a ruleset folder.
     *
     * @param root the ruleset folder (on disk or inside the jar)
     * @return the lists
     * @throws RulesetException when a list is malformed (the message names file, line and column)
     */
    public static RulesetData load(Path root) {
        Map<String, Map<String, List<String>>> lists = new LinkedHashMap<>();
        for (String file : List.of(FEE_USES, BENEFIT_LINKAGE, PROJECT_KINDS, FRUIT_READING, INDUSTRY_USE, BUDGET_ITEMS)) {
            Path f = root.resolve(file);
            if (!Files.isRegularFile(f)) {
                lists.put(file, null);
                continue;
            }
            try {
                lists.put(file, parse(file, Files.readAllBytes(f), f.toString()));
            } catch (IOException e) {
                throw new RulesetException(f + ": " + e.getMessage());
            }
        }
        return new RulesetData(root, lists);
    }

    /**
     * The words of one kind in one word-list file, in file order.
     *
     * @param file one of {@link #FEE_USES}, {@link #BENEFIT_LINKAGE}, {@link #PROJECT_KINDS}
     * @param kind a kind that file declares, e.g. {@code PERMITTED}
     * @return the words (possibly empty)
     * @throws RulesetException when the ruleset has no such file
     */
    public List<String> words(String file, String kind) {
        Set<String> kinds = KINDS.get(file);
        if (kinds == null || !kinds.contains(kind)) {
            throw new IllegalArgumentException("unknown word list " + file + " / " + kind);
        }
        Map<String, List<String>> l = lists.get(file);
        if (l == null) {
            throw new RulesetException(root.resolve(file) + ": 规则目录中缺少词表 " + file + "（keywords/ word list not found）");
        }
        return l.getOrDefault(kind, List.of());
    }

    private static Map<String, List<String>> parse(String file, byte[] bytes, String where) throws IOException {
        String text;
        try {
            text = TextDecoding.utf8Strict(bytes, where);
        } catch (InputException e) {
            throw new RulesetException(e.getMessage());
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (CSVRecord rec : io.github.xianjie.classify.RuleCsv.records(new StringReader(text), where,
                List.of("kind", "word", "source", "note"), RulesetException::new)) {
            long line = rec.getRecordNumber() + 1;
            String kind = rec.get("kind");
            String word = rec.get("word");
            if (!KINDS.get(file).contains(kind)) {
                throw new RulesetException(where + " 第" + line + "行「kind」: '" + kind + "' 应为 " + KINDS.get(file));
            }
            if (word.isEmpty()) {
                throw new RulesetException(where + " 第" + line + "行「word」: 不能为空");
            }
            out.computeIfAbsent(kind, k -> new ArrayList<>()).add(word);
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return out;
    }

    // ---- PM-05: benefit linkage -----------------------------------------------------------------

    /**
     * @param text a benefit-linkage text
     * @return the dividend words it contains ({@value #BENEFIT_LINKAGE}, kind DIVIDEND)
     */
    public List<String> dividendWords(String text) {
        return ProjectChecks.matches(text, words(BENEFIT_LINKAGE, "DIVIDEND"));
    }

    /**
     * @param text a benefit-linkage text
     * @return the linkage words other than dividends it contains ({@value #BENEFIT_LINKAGE}, kind LINKAGE)
     */
    public List<String> linkageWords(String text) {
        return ProjectChecks.matches(text, words(BENEFIT_LINKAGE, "LINKAGE"));
    }

    /**
     * PM-05: a mechanism that is only a simple equity dividend (简单入股分红): it names a dividend and
     * no other way of linking farmers (land transfer, jobs, driving production, sales …).
     *
     * @param text a non-blank benefit-linkage text
     * @return true when it has a dividend word and no linkage word
     */
    public boolean isSimpleDividend(String text) {
        return !dividendWords(text).isEmpty() && linkageWords(text).isEmpty();
    }

    // ---- PM-10, PM-11: project kinds ------------------------------------------------------------

    /**
     * PM-10: is the project a one-off transport subsidy? Its name has a word of kind TRANSPORT_SUBSIDY
     * ({@value #PROJECT_KINDS}), or the input gives {@code transportScope} (a field only for this rule,
     * so giving it declares the project one).
     *
     * @param p a project
     * @return true when it is
     */
    public boolean isTransportSubsidy(Project p) {
        return !ProjectChecks.matches(p.getName(), words(PROJECT_KINDS, "TRANSPORT_SUBSIDY")).isEmpty()
                || !ProjectChecks.isBlank(p.getTransportScope());
    }

    /**
     * PM-11: is the project a public-welfare post? Its name has a word of kind PUBLIC_WELFARE_POST
     * ({@value #PROJECT_KINDS}), or the input gives {@code duplicatesHrPost} (a field only for this rule).
     *
     * @param p a project
     * @return true when it is
     */
    public boolean isPublicWelfarePost(Project p) {
        return !ProjectChecks.matches(p.getName(), words(PROJECT_KINDS, "PUBLIC_WELFARE_POST")).isEmpty()
                || p.getDuplicatesHrPost() != null;
    }

    // ---- AF-02: management-fee uses --------------------------------------------------------------

    /**
     * AF-02: is a use of the management fee one of the permitted purposes? It must contain a PERMITTED
     * word and no EXCLUDED word ({@value #FEE_USES}).
     *
     * @param use one stated use
     * @return true when permitted
     */
    public boolean isPermittedFeeUse(String use) {
        return !ProjectChecks.matches(use, words(FEE_USES, "PERMITTED")).isEmpty()
                && ProjectChecks.matches(use, words(FEE_USES, "EXCLUDED")).isEmpty();
    }

    /**
     * AF-02: the stated uses that are not permitted.
     *
     * @param uses the fee's uses, possibly null
     * @return the non-blank uses that are not permitted, in order
     */
    public List<String> unpermittedFeeUses(List<String> uses) {
        List<String> out = new ArrayList<>();
        for (String u : ProjectChecks.nonBlank(uses)) {
            if (!isPermittedFeeUse(u)) {
                out.add(u);
            }
        }
        return out;
    }

    /**
     * IS-01: the words of one kind of {@value #INDUSTRY_USE} a project name contains (产业路, 帮扶车间, 特色产业 …).
     *
     * @param name the project name, possibly null
     * @param kind SUPPORT_INFRASTRUCTURE, WORKSHOP or ETHNIC_INDUSTRY
     * @return the matched words in list order; empty when none (or no name)
     */
    public List<String> industryUseWords(String name, String kind) {
        return name == null ? List.of() : ProjectChecks.matches(name, words(INDUSTRY_USE, kind));
    }

    /**
     * PM-14: the 项 a category's projects are booked under ({@value #BUDGET_ITEMS}).
     *
     * @param category a project category (INDUSTRY, INFRASTRUCTURE …), possibly null
     * @return the 7-digit subject codes; empty for a category the list does not map
     */
    public List<String> budgetItems(io.github.xianjie.domain.Category category) {
        return category == null || !KINDS.get(BUDGET_ITEMS).contains(category.name()) ? List.of() : words(BUDGET_ITEMS, category.name());
    }

    /**
     * IS-02: does a project's name name a crop that only the broad reading of 果 (果蔬) counts ({@value #FRUIT_READING})?
     *
     * @param name the project name, possibly null
     * @return true when it contains a BROAD word (e.g. 辣椒烘干厂)
     */
    public boolean isBroadFruit(String name) {
        return name != null && !ProjectChecks.matches(name, words(FRUIT_READING, "BROAD")).isEmpty();
    }

    /**
     * AF-02: the stated uses that name basic expenditure or another use 第四条 forbids (an EXCLUDED word) — a breach.
     *
     * @param uses the fee's uses, possibly null
     * @return those uses, in order
     */
    public List<String> excludedFeeUses(List<String> uses) {
        List<String> out = new java.util.ArrayList<>();
        for (String u : ProjectChecks.nonBlank(uses)) {
            if (!ProjectChecks.matches(u, words(FEE_USES, "EXCLUDED")).isEmpty()) {
                out.add(u);
            }
        }
        return out;
    }

    /**
     * AF-02: the stated uses that are neither listed in 第九条 nor forbidden — "主要用于…等" is not "only", so these are
     * for review, not a breach of the list.
     *
     * @param uses the fee's uses, possibly null
     * @return those uses, in order
     */
    public List<String> unlistedFeeUses(List<String> uses) {
        List<String> out = new java.util.ArrayList<>();
        for (String u : ProjectChecks.nonBlank(uses)) {
            if (ProjectChecks.matches(u, words(FEE_USES, "EXCLUDED")).isEmpty()
                    && ProjectChecks.matches(u, words(FEE_USES, "PERMITTED")).isEmpty()) {
                out.add(u);
            }
        }
        return out;
    }

    /**
     * AF-02: for evidence, each unpermitted use with the words that decided it.
     *
     * @param uses the fee's uses
     * @return e.g. {@code ["验收人员补贴（含“补贴”）", "宣传费（无第九条所列用途）"]}
     */
    public List<String> explainUnpermitted(List<String> uses) {
        List<String> out = new ArrayList<>();
        for (String u : unpermittedFeeUses(uses)) {
            List<String> excluded = ProjectChecks.matches(u, words(FEE_USES, "EXCLUDED"));
            out.add(excluded.isEmpty() ? u + "（无第九条所列用途）" : u + "（含“" + String.join("、", excluded) + "”）");
        }
        return out;
    }
}
