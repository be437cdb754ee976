package io.github.xianjie.engine;

import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.domain.FundSource;
import io.github.xianjie.domain.ImplementerType;
import io.github.xianjie.domain.OtherFunding;
import io.github.xianjie.domain.Project;
import io.github.xianjie.input.InputException;
import io.github.xianjie.input.TextDecoding;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.csv.CSVRecord;

/**
 * Static helpers for the project-management, prepayment-review, management-fee-uses and
 * county-pooling-purposes rules (PM-01 … PM-13, PP-03, AF-02, CP-02), called from DRL.
 *
 * <p>Thresholds never live here: they come in as {@code Parameter} facts and are passed in. Words
 * (permitted management-fee uses, benefit-linkage words, names of transport-subsidy and
 * public-welfare-post projects) are data in the ruleset's {@code keywords/} folder, one word a row
 * with columns {@code kind,word,source,note}:
 * <ul>
 *   <li>{@value #FEE_USES}: kinds {@code PERMITTED}, {@code EXCLUDED} (AF-02);</li>
 *   <li>{@value #BENEFIT_LINKAGE}: kinds {@code DIVIDEND}, {@code LINKAGE} (PM-05);</li>
 *   <li>{@value #PROJECT_KINDS}: kinds {@code TRANSPORT_SUBSIDY}, {@code PUBLIC_WELFARE_POST} (PM-10, PM-11).</li>
 * </ul>
 * The folder they are read from is, in order: the one given to {@link #useRules(Path)}; the system
 * property {@code xianjie.rules}; the environment variable {@code XIANJIE_RULES}; {@code ./rules} when it
 * holds the file; the copy bundled in the jar ({@code xianjie-rules/}). Files are re-read when they change.
 */
public final class ProjectChecks {
    /** Permitted uses of the project management fee (新财规〔2021〕11号 第九条). */
    public static final String FEE_USES = "keywords/management-fee-uses.csv";
    /** Words of benefit-linkage mechanisms and of simple equity dividends (新财振〔2022〕5号 三(一)3). */
    public static final String BENEFIT_LINKAGE = "keywords/benefit-linkage.csv";
    /** Words in the names of one-off transport-subsidy and public-welfare-post projects. */
    public static final String PROJECT_KINDS = "keywords/project-kinds.csv";
    /** Crops a broad reading of 果 (果蔬) counts in 粮棉果畜 (IS-02, parameter industry-share.fruit-reading). */
    public static final String FRUIT_READING = "keywords/fruit-reading.csv";

    private static final Map<String, Set<String>> KINDS = Map.of(
            FEE_USES, Set.of("PERMITTED", "EXCLUDED"),
            BENEFIT_LINKAGE, Set.of("DIVIDEND", "LINKAGE"),
            PROJECT_KINDS, Set.of("TRANSPORT_SUBSIDY", "PUBLIC_WELFARE_POST"),
            FRUIT_READING, Set.of("BROAD"));
    private static final Set<ImplementerType> BUSINESS_ENTITIES = Set.of(ImplementerType.ENTERPRISE,
            ImplementerType.COOPERATIVE, ImplementerType.VILLAGE_COLLECTIVE, ImplementerType.FAMILY_FARM);
    private static final Map<String, Loaded> CACHE = new ConcurrentHashMap<>();
    private static volatile Path rulesRoot;

    private ProjectChecks() {
    }

    private record Loaded(String location, long modified, Map<String, List<String>> words) {
    }

    // ---- where the word lists come from -----------------------------------------------------------

    /**
     * Names the ruleset folder whose {@code keywords/} the word lists are read from (call it with the
     * folder a {@link Ruleset} was loaded from, so that {@code --rules DIR} is honoured).
     *
     * @param root the ruleset folder, or null to fall back to the default search
     */
    public static void useRules(Path root) {
        rulesRoot = root;
        CACHE.clear();
    }

    /**
     * The words of one kind in one word-list file, in file order.
     *
     * @param file one of {@link #FEE_USES}, {@link #BENEFIT_LINKAGE}, {@link #PROJECT_KINDS}
     * @param kind a kind that file declares, e.g. {@code PERMITTED}
     * @return the words (possibly empty)
     * @throws RulesetException when the file is missing or malformed (the message names file and line)
     */
    public static List<String> words(String file, String kind) {
        Set<String> kinds = KINDS.get(file);
        if (kinds == null || !kinds.contains(kind)) {
            throw new IllegalArgumentException("unknown word list " + file + " / " + kind);
        }
        return load(file).words().getOrDefault(kind, List.of());
    }

    private static Loaded load(String file) {
        Path onDisk = locate(file);
        if (onDisk != null) {
            long modified;
            try {
                modified = Files.getLastModifiedTime(onDisk).toMillis();
            } catch (IOException e) {
                throw new RulesetException(onDisk + ": " + e.getMessage());
            }
            String location = onDisk.toAbsolutePath().normalize().toString();
            Loaded cached = CACHE.get(file);
            if (cached != null && cached.location().equals(location) && cached.modified() == modified) {
                return cached;
            }
            try {
                Loaded l = new Loaded(location, modified, parse(file, Files.readAllBytes(onDisk), location));
                CACHE.put(file, l);
                return l;
            } catch (IOException e) {
                throw new RulesetException(onDisk + ": " + e.getMessage());
            }
        }
        String resource = Ruleset.BUNDLED + "/" + file;
        Loaded cached = CACHE.get(file);
        if (cached != null && cached.location().equals("classpath:" + resource)) {
            return cached;
        }
        try (InputStream in = ProjectChecks.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new RulesetException("规则目录中缺少词表 " + file + "（keywords/ word list not found）");
            }
            Loaded l = new Loaded("classpath:" + resource, 0, parse(file, in.readAllBytes(), resource));
            CACHE.put(file, l);
            return l;
        } catch (IOException e) {
            throw new RulesetException(resource + ": " + e.getMessage());
        }
    }

    private static Path locate(String file) {
        List<Path> roots = new ArrayList<>();
        if (rulesRoot != null) {
            roots.add(rulesRoot);
        }
        String prop = System.getProperty("xianjie.rules");
        if (prop != null && !prop.isBlank()) {
            roots.add(Path.of(prop));
        }
        String env = System.getenv("XIANJIE_RULES");
        if (env != null && !env.isBlank()) {
            roots.add(Path.of(env));
        }
        roots.add(Path.of("rules"));
        for (Path r : roots) {
            Path f = r.resolve(file);
            if (Files.isRegularFile(f)) {
                return f;
            }
        }
        return null;
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

    /**
     * @param text  a text, possibly null
     * @param words words to look for
     * @return the words contained in the text, in list order
     */
    public static List<String> matches(String text, List<String> words) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String w : words) {
            if (text.contains(w) && !out.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    // ---- small predicates ----------------------------------------------------------------------

    /** @param s a text @return true when null or only whitespace */
    public static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** @param c a collection @return true when null or empty */
    public static boolean isEmpty(Collection<?> c) {
        return c == null || c.isEmpty();
    }

    /**
     * @param texts a list of texts, possibly null
     * @return its non-blank entries, trimmed
     */
    public static List<String> nonBlank(List<String> texts) {
        List<String> out = new ArrayList<>();
        if (texts != null) {
            for (String t : texts) {
                if (!isBlank(t)) {
                    out.add(t.trim());
                }
            }
        }
        return out;
    }

    /**
     * For messages: the value's text, or "—" when absent (a null would leave a {@code {placeholder}} unfilled).
     *
     * @param v a value
     * @return its text or "—"
     */
    public static String orDash(Object v) {
        return v == null || (v instanceof String s && s.isBlank()) ? "—" : v.toString();
    }

    // ---- PM-01, PM-02: the project library -----------------------------------------------------

    /**
     * PM-01: a library entry that says something (an id or a date).
     *
     * @param p a project
     * @return true when {@code libraryEntry} has a non-blank {@code libraryId} or an {@code enteredOn}
     */
    public static boolean hasLibraryEntry(Project p) {
        return p.getLibraryEntry() != null
                && (p.getLibraryEntry().enteredOn() != null || !isBlank(p.getLibraryEntry().libraryId()));
    }

    /**
     * PM-02: the last day by which a project of the plan year must be in the library — the end of the
     * fourth quarter of the year before (当年第四季度完成下年度项目…入库).
     *
     * @param planYear the plan year
     * @return 31 December of {@code planYear − 1}
     */
    public static LocalDate libraryDeadline(int planYear) {
        return LocalDate.of(planYear - 1, 12, 31);
    }

    /**
     * PM-02: entered after the deadline (in the plan year or later).
     *
     * @param enteredOn library entry date
     * @param planYear  plan year
     * @return true when {@code enteredOn} is after 31 December of the year before
     */
    public static boolean enteredLate(LocalDate enteredOn, int planYear) {
        return enteredOn.isAfter(libraryDeadline(planYear));
    }

    /**
     * PM-02: the latest entry date that is already stale when the plan year starts: an entry left
     * unexecuted for the full staleness period (3年未执行) has left the library by 1 January of the plan
     * year. Entries on or before this date are stale.
     *
     * @param planYear plan year
     * @param years    the staleness parameter (whole years)
     * @return 1 January of the plan year minus {@code years}
     */
    public static LocalDate staleOnOrBefore(int planYear, BigDecimal years) {
        return LocalDate.of(planYear, 1, 1).minusYears(years.intValueExact());
    }

    /**
     * PM-02: has the entry been in the library unexecuted for the full staleness period by the start of the plan year?
     *
     * @param enteredOn library entry date
     * @param planYear  plan year
     * @param years     the staleness parameter (whole years)
     * @return true when {@code enteredOn + years ≤ 1 January of planYear}
     */
    public static boolean isStale(LocalDate enteredOn, int planYear, BigDecimal years) {
        return !enteredOn.isAfter(staleOnOrBefore(planYear, years));
    }

    // ---- PM-03: performance targets -------------------------------------------------------------

    /**
     * PM-03: at least one non-blank performance target.
     *
     * @param targets the project's targets, possibly null
     * @return true when there is one
     */
    public static boolean hasTargets(List<String> targets) {
        return !nonBlank(targets).isEmpty();
    }

    // ---- PM-04, PM-05, PM-12: implementers -------------------------------------------------------

    /**
     * PM-04, PM-05: is the implementer a production and business entity (生产经营主体: 龙头企业、专业合作社、
     * 村级集体经济组织、家庭农场, 新财振〔2022〕5号 三(一)3)?
     *
     * @param type implementer type, not null
     * @return true for ENTERPRISE, COOPERATIVE, VILLAGE_COLLECTIVE, FAMILY_FARM
     */
    public static boolean isBusinessEntity(ImplementerType type) {
        return BUSINESS_ENTITIES.contains(type);
    }

    /**
     * PM-04: where the total investment came from.
     *
     * @param p a project
     * @return {@code investment} when the input gave it, else {@code amount} (its default)
     */
    public static String investmentField(Project p) {
        return p.investment != null ? "investment" : "amount";
    }

    // ---- PM-05: benefit linkage -----------------------------------------------------------------

    /**
     * @param text a benefit-linkage text
     * @return the dividend words it contains ({@value #BENEFIT_LINKAGE}, kind DIVIDEND)
     */
    public static List<String> dividendWords(String text) {
        return matches(text, words(BENEFIT_LINKAGE, "DIVIDEND"));
    }

    /**
     * @param text a benefit-linkage text
     * @return the linkage words other than dividends it contains ({@value #BENEFIT_LINKAGE}, kind LINKAGE)
     */
    public static List<String> linkageWords(String text) {
        return matches(text, words(BENEFIT_LINKAGE, "LINKAGE"));
    }

    /**
     * PM-05: a mechanism that is only a simple equity dividend (简单入股分红): it names a dividend and
     * no other way of linking farmers (land transfer, jobs, driving production, sales …).
     *
     * @param text a non-blank benefit-linkage text
     * @return true when it has a dividend word and no linkage word
     */
    public static boolean isSimpleDividend(String text) {
        return !dividendWords(text).isEmpty() && linkageWords(text).isEmpty();
    }

    // ---- PM-07: budget subject ------------------------------------------------------------------

    /**
     * PM-07: the budget subject that applies to a project: its own, else the allocation's.
     *
     * @param p    a project
     * @param plan its plan
     * @return the subject code (trimmed), or null when neither is given
     */
    public static String budgetSubjectOf(Project p, CountyPlan plan) {
        if (!isBlank(p.getBudgetSubject())) {
            return p.getBudgetSubject().trim();
        }
        if (plan.getAllocation() != null && !isBlank(plan.getAllocation().budgetSubject())) {
            return plan.getAllocation().budgetSubject().trim();
        }
        return null;
    }

    /**
     * @param p    a project
     * @param plan its plan
     * @return {@code budgetSubject} or {@code allocation.budgetSubject}: the field {@link #budgetSubjectOf} read
     */
    public static String budgetSubjectField(Project p, CountyPlan plan) {
        return !isBlank(p.getBudgetSubject()) ? "budgetSubject" : "allocation.budgetSubject";
    }

    /**
     * The code prefix a numeric parameter stands for (parameters are decimals: 21305 → "21305").
     *
     * @param code the parameter value, a whole number
     * @return its digits
     */
    public static String code(BigDecimal code) {
        return code.toBigIntegerExact().toString();
    }

    /**
     * PM-07: is the subject under the class (starts with its code)?
     *
     * @param subject budget subject, e.g. {@code 2130505}
     * @param prefix  the class code as a parameter value, e.g. 21305
     * @return true when the subject starts with the class code
     */
    public static boolean underClass(String subject, BigDecimal prefix) {
        return subject.startsWith(code(prefix));
    }

    // ---- PM-08: other funding -------------------------------------------------------------------

    /**
     * PM-08: the other funding entries whose supported content is not delineated (blank {@code content}).
     *
     * @param funding the project's other funding, possibly null
     * @return e.g. {@code ["otherFunding[1]（高标准农田建设资金）"]}, in list order
     */
    public static List<String> undelineatedFunding(List<OtherFunding> funding) {
        List<String> out = new ArrayList<>();
        if (funding == null) {
            return out;
        }
        for (int i = 0; i < funding.size(); i++) {
            OtherFunding f = funding.get(i);
            if (f == null || isBlank(f.content())) {
                out.add("otherFunding[" + i + "]（" + (f == null ? "—" : orDash(f.source())) + "）");
            }
        }
        return out;
    }

    /**
     * PM-08: the input fields that would settle the split — the {@code content} of each entry without one.
     *
     * @param funding the project's other funding, possibly null
     * @return e.g. {@code ["otherFunding[1].content"]}, in list order
     */
    public static List<String> undelineatedContentFields(List<OtherFunding> funding) {
        List<String> out = new ArrayList<>();
        if (funding != null) {
            for (int i = 0; i < funding.size(); i++) {
                if (funding.get(i) == null || isBlank(funding.get(i).content())) {
                    out.add("otherFunding[" + i + "].content");
                }
            }
        }
        return out;
    }

    /**
     * PM-08: a stated overlap — entries whose stated content (trimmed) is the same as another entry's.
     *
     * @param funding the project's other funding, possibly null
     * @return e.g. {@code ["高标准农田建设资金、水利发展资金：渠道防渗"]}, one line per shared content, in first-seen order
     */
    public static List<String> overlappingFunding(List<OtherFunding> funding) {
        java.util.Map<String, List<String>> byContent = new java.util.LinkedHashMap<>();
        if (funding != null) {
            for (OtherFunding f : funding) {
                if (f != null && !isBlank(f.content())) {
                    byContent.computeIfAbsent(f.content().trim(), k -> new ArrayList<>()).add(orDash(f.source()));
                }
            }
        }
        List<String> out = new ArrayList<>();
        byContent.forEach((content, sources) -> {
            if (sources.size() > 1) {
                out.add(String.join("、", sources) + "：" + content);
            }
        });
        return out;
    }

    /**
     * @param funding the project's other funding
     * @return e.g. {@code ["高标准农田建设资金：渠道防渗"]}, in list order
     */
    public static List<String> describeFunding(List<OtherFunding> funding) {
        List<String> out = new ArrayList<>();
        if (funding != null) {
            for (OtherFunding f : funding) {
                if (f != null) {
                    out.add(orDash(f.source()) + "：" + orDash(f.content()));
                }
            }
        }
        return out;
    }

    // ---- PM-10: one-off transport subsidy --------------------------------------------------------

    /**
     * PM-10: is the project a one-off transport subsidy? Its name has a word of kind TRANSPORT_SUBSIDY
     * ({@value #PROJECT_KINDS}), or the input gives its {@code transportScope} (a field that exists only
     * for this rule, so giving it declares the project one).
     *
     * @param p a project
     * @return true when it is
     */
    public static boolean isTransportSubsidy(Project p) {
        return !matches(p.getName(), words(PROJECT_KINDS, "TRANSPORT_SUBSIDY")).isEmpty()
                || !isBlank(p.getTransportScope());
    }

    /**
     * PM-10: the transport scope as a code; the Chinese words are accepted too.
     *
     * @param raw {@code CROSS_PROVINCE} (跨省), {@code CROSS_PREFECTURE} (跨地州, 疆内跨地（州、市）) or
     *            {@code WITHIN_PREFECTURE} (地州内), any case
     * @return the code, or null when blank or not recognised
     */
    public static String transportScopeCode(String raw) {
        if (isBlank(raw)) {
            return null;
        }
        String t = raw.trim();
        for (String c : List.of("CROSS_PROVINCE", "CROSS_PREFECTURE", "WITHIN_PREFECTURE")) {
            if (c.equalsIgnoreCase(t)) {
                return c;
            }
        }
        return switch (t) {
            case "跨省", "跨省区", "跨省就业" -> "CROSS_PROVINCE";
            case "跨地州", "跨地（州、市）", "疆内跨地（州、市）", "疆内跨地州", "跨地州市" -> "CROSS_PREFECTURE";
            case "地州内", "地（州、市）内", "本地州" -> "WITHIN_PREFECTURE";
            default -> null;
        };
    }

    /**
     * PM-10: the only scope each fund may pay a one-off transport subsidy for (新财规〔2021〕11号 第三条(一)3;
     * 新财振〔2022〕5号 三(二)): central funds for work across provinces, regional funds for work across
     * prefectures inside Xinjiang.
     *
     * @param fund the plan's fund source
     * @return {@code CROSS_PROVINCE} for CENTRAL, {@code CROSS_PREFECTURE} for REGIONAL
     */
    public static String requiredTransportScope(FundSource fund) {
        return fund == FundSource.CENTRAL ? "CROSS_PROVINCE" : "CROSS_PREFECTURE";
    }

    // ---- PM-11: public-welfare posts ------------------------------------------------------------

    /**
     * PM-11: is the project a public-welfare post? Its name has a word of kind PUBLIC_WELFARE_POST
     * ({@value #PROJECT_KINDS}), or the input gives {@code duplicatesHrPost} (a field only for this rule).
     *
     * @param p a project
     * @return true when it is
     */
    public static boolean isPublicWelfarePost(Project p) {
        return !matches(p.getName(), words(PROJECT_KINDS, "PUBLIC_WELFARE_POST")).isEmpty()
                || p.getDuplicatesHrPost() != null;
    }

    // ---- PM-13: detailed within N days of the notice -----------------------------------------------

    /**
     * @param plan a plan
     * @return the allocation notice date, or null
     */
    public static LocalDate issuedOn(CountyPlan plan) {
        return plan.getAllocation() == null ? null : plan.getAllocation().issuedOn();
    }

    /**
     * @param from a date
     * @param to   a later (or earlier) date
     * @return days from {@code from} to {@code to} (negative when {@code to} is earlier)
     */
    public static long daysBetween(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to);
    }

    /**
     * @param issuedOn the notice date
     * @param days     the parameter (whole days)
     * @return the last day that is still within the limit: {@code issuedOn + days}
     */
    public static LocalDate lastDay(LocalDate issuedOn, BigDecimal days) {
        return issuedOn.plusDays(days.longValueExact());
    }

    /**
     * PM-13: projects detailed (publicly noticed) more than {@code days} days after the notice.
     *
     * @param projects the plan's projects (objects of type {@link Project})
     * @param issuedOn the allocation notice date
     * @param days     the limit in days; day {@code days} itself is within it
     * @return e.g. {@code ["C-1（2024-01-29，31 日）"]}, in plan order
     */
    public static List<String> lateProjects(Collection<?> projects, LocalDate issuedOn, BigDecimal days) {
        List<String> out = new ArrayList<>();
        for (Project p : inPlanOrder(projects)) {
            LocalDate on = p.getNoticedOn();
            if (on != null && on.isAfter(lastDay(issuedOn, days))) {
                out.add(p.getSubject() + "（" + on + "，" + daysBetween(issuedOn, on) + " 日）");
            }
        }
        return out;
    }

    /**
     * PM-13: projects with no notice date.
     *
     * @param projects the plan's projects
     * @return their subjects, in plan order
     */
    public static List<String> unnoticedProjects(Collection<?> projects) {
        List<String> out = new ArrayList<>();
        for (Project p : inPlanOrder(projects)) {
            if (p.getNoticedOn() == null) {
                out.add(p.getSubject());
            }
        }
        return out;
    }

    /**
     * PM-13: the latest notice date among the projects.
     *
     * @param projects the plan's projects
     * @return the latest {@code publicNotice.noticedOn}, or null when none has one
     */
    public static LocalDate latestNotice(Collection<?> projects) {
        LocalDate max = null;
        for (Project p : inPlanOrder(projects)) {
            LocalDate on = p.getNoticedOn();
            if (on != null && (max == null || on.isAfter(max))) {
                max = on;
            }
        }
        return max;
    }

    private static List<Project> inPlanOrder(Collection<?> projects) {
        List<Project> ps = new ArrayList<>();
        for (Object o : projects) {
            ps.add((Project) o);
        }
        ps.sort(java.util.Comparator.comparingInt(Project::getIndex));
        return ps;
    }

    // ---- IS-02: the reading of 果 ----------------------------------------------------------------

    /**
     * IS-02: does a project's name name a crop that only the broad reading of 果 (果蔬) counts ({@value #FRUIT_READING})?
     *
     * @param name the project name, possibly null
     * @return true when it contains a BROAD word (e.g. 辣椒烘干厂)
     */
    public static boolean isBroadFruit(String name) {
        return name != null && !matches(name, words(FRUIT_READING, "BROAD")).isEmpty();
    }

    // ---- AF-02: management-fee uses --------------------------------------------------------------

    /**
     * AF-02: is a use of the management fee one of the permitted purposes? It must contain a PERMITTED
     * word and no EXCLUDED word ({@value #FEE_USES}).
     *
     * @param use one stated use
     * @return true when permitted
     */
    public static boolean isPermittedFeeUse(String use) {
        return !matches(use, words(FEE_USES, "PERMITTED")).isEmpty()
                && matches(use, words(FEE_USES, "EXCLUDED")).isEmpty();
    }

    /**
     * AF-02: the stated uses that are not permitted.
     *
     * @param uses the fee's uses, possibly null
     * @return the non-blank uses that are not permitted, in order
     */
    public static List<String> unpermittedFeeUses(List<String> uses) {
        List<String> out = new ArrayList<>();
        for (String u : nonBlank(uses)) {
            if (!isPermittedFeeUse(u)) {
                out.add(u);
            }
        }
        return out;
    }

    /**
     * AF-02: the stated uses that name basic expenditure or another use 第四条 forbids (an EXCLUDED word) — a breach.
     *
     * @param uses the fee's uses, possibly null
     * @return those uses, in order
     */
    public static List<String> excludedFeeUses(List<String> uses) {
        List<String> out = new ArrayList<>();
        for (String u : nonBlank(uses)) {
            if (!matches(u, words(FEE_USES, "EXCLUDED")).isEmpty()) {
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
    public static List<String> unlistedFeeUses(List<String> uses) {
        List<String> out = new ArrayList<>();
        for (String u : nonBlank(uses)) {
            if (matches(u, words(FEE_USES, "EXCLUDED")).isEmpty() && matches(u, words(FEE_USES, "PERMITTED")).isEmpty()) {
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
    public static List<String> explainUnpermitted(List<String> uses) {
        List<String> out = new ArrayList<>();
        for (String u : unpermittedFeeUses(uses)) {
            List<String> excluded = matches(u, words(FEE_USES, "EXCLUDED"));
            out.add(excluded.isEmpty() ? u + "（无第九条所列用途）" : u + "（含“" + String.join("、", excluded) + "”）");
        }
        return out;
    }
}
