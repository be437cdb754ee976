package io.github.xianjie.report;

import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.domain.Inference;
import io.github.xianjie.domain.Project;
import io.github.xianjie.engine.Money;
import io.github.xianjie.engine.Outcome;
import io.github.xianjie.engine.Result;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The human-readable report, Chinese by default, English with {@code --lang en}: what fails which
 * article first, then what could not be decided and why, then every test performed per subject.
 */
public final class TextReportWriter {
    private TextReportWriter() {
    }

    /**
     * @param report  the report
     * @param english true for English
     * @return the text, ending with a newline
     */
    public static String write(Report report, boolean english) {
        CountyPlan plan = report.evaluation().plan();
        Map<String, Project> bySubject = new LinkedHashMap<>();
        plan.getProjects().forEach(p -> bySubject.put(p.getSubject(), p));
        StringBuilder sb = new StringBuilder();
        String fund = english ? plan.getFundSource().name().toLowerCase() : plan.getFundSource().label();
        sb.append(english ? "xianjie — linkage-fund compliance report\n" : "xianjie 衔接资金合规检查报告\n");
        firstScreen(sb, report, english, bySubject);
        sb.append(english ? "Plan: " : "计划：").append(plan.getCounty()).append(' ').append(plan.getYear())
                .append(english ? " " + fund + " linkage funds" : "年" + fund + "衔接资金");
        if (plan.getAllocationAmount() != null) {
            sb.append(english ? ", allocation " : "，到县资金 ").append(Money.plain(plan.getAllocationAmount()).toPlainString())
                    .append(english ? " (10k CNY)" : " 万元");
        }
        if (plan.getAllocation() != null && plan.getAllocation().documentNo() != null) {
            sb.append(english ? ", " : "，").append(plan.getAllocation().documentNo());
        }
        sb.append(english ? "; " : "；").append(plan.getProjects().size()).append(english ? " projects" : " 个项目");
        sb.append(english ? "; stage " : "；阶段 ").append(plan.getStage() == null
                ? (english ? "not stated (execution rules apply)" : "未注明（按执行阶段检查）")
                : english ? plan.getStage().name().toLowerCase() : plan.getStage().label() + "（--stage " + plan.getStage().name().toLowerCase() + "）");
        String batch = batch(plan);
        if (batch != null) {
            sb.append(english ? "; batch " : "；批次 ").append(batch);
        }
        sb.append('\n');
        Map<String, Object> rs = report.ruleset();
        sb.append(english ? "Ruleset: " : "规则集：").append(rs.get("version"))
                .append(english ? ", measures of " : "，适用 ").append(rs.get("measuresYear"))
                .append(english ? " (parameters as of " : " 年度办法（参数基准日 ").append(rs.get("asOf"))
                .append(english ? ")" : "）");
        sb.append(", sha256 ").append(((String) rs.get("sha256")), 0, 12);
        if (rs.containsKey("profile")) {
            sb.append(english ? "; profile " : "；地方配置 ").append(rs.get("profile"));
            if (rs.get("profileSha256") instanceof String ps) {
                sb.append(", sha256 ").append(ps, 0, Math.min(12, ps.length()));
            }
        } else {
            sb.append(english ? "; no profile" : "；未用地方配置");
        }
        sb.append('\n');
        sb.append(english ? "Input: " : "输入：").append(report.input().get("file")).append('\n');
        Map<String, Integer> s = report.summary();
        sb.append(english ? "Summary: " : "汇总：")
                .append(english ? "FAIL(ERROR) " : "不符合(ERROR) ").append(s.get("ERROR"))
                .append(english ? " · FAIL(WARNING) " : " · 不符合(WARNING) ").append(s.get("WARNING"))
                .append(english ? " · justified(INFO) " : " · 已说明理由(INFO) ").append(s.get("INFO"))
                .append(english ? " · undetermined " : " · 无法判定 ").append(s.get("UNDETERMINED"))
                .append(english ? " · pass " : " · 通过 ").append(s.get("PASS"))
                .append(english ? " · not applicable " : " · 不适用 ").append(s.get("NOT_APPLICABLE")).append('\n');
        sb.append(english ? "  (counts are checks, rule × subject: each rule once per project and once for the plan)\n"
                : "  （以上为检查次数：每条规则对每个项目、对计划整体各检查一次，规则 × 对象）\n");
        Map<String, String> metrics = PlanMetrics.of(plan, report.evaluation().results());
        List<String> ms = new ArrayList<>();
        metric(ms, metrics, "industryShare", english ? "industry share" : "产业发展比例");
        if (metrics.containsKey("industryShareOtherBaseShare") && !ms.isEmpty()) {
            // IS-01's deciding figure on the base in force, and the other base's beside it, labelled
            ms.set(ms.size() - 1, ms.get(ms.size() - 1) + (english ? " (base in force; on the other base, the allocation less earmarked task funds, "
                    + metrics.get("industryShareOtherBaseShare") + ")" : "（" + metrics.get("industryShareBase") + "；"
                    + metrics.get("industryShareOtherBase") + "为 " + metrics.get("industryShareOtherBaseShare") + "）"));
        }
        metric(ms, metrics, "chainShareOfIndustry", english ? "grain/cotton/fruit/livestock share of industry" : "粮棉果畜占产业资金比例");
        if (metrics.containsKey("chainShareReading") && !ms.isEmpty() && ms.get(ms.size() - 1).startsWith(english ? "grain" : "粮棉果畜")) {
            boolean broad = metrics.get("chainShareReading").startsWith("宽读");
            String other = metrics.get("chainShareOtherReading");
            String inForce = english ? (broad ? "broad reading of 果" : "narrow reading of 果") : metrics.get("chainShareReading");
            String otherName = english ? (broad ? "narrow" : "broad") : (broad ? "窄读" : "宽读");
            ms.set(ms.size() - 1, ms.get(ms.size() - 1) + (english ? " (" : "（") + inForce
                    + (other == null ? "" : (english ? "; " + otherName + " " : "；" + otherName + " ") + other) + (english ? ")" : "）"));
        }
        metric(ms, metrics, "nonPovertyShare", english ? "non-poverty villages" : "非贫困村资金比例");
        metric(ms, metrics, "managementFeeShare", english ? "management fee" : "项目管理费比例");
        if (!ms.isEmpty()) {
            sb.append(english ? "Shares (4 decimals, half-up): " : "比例（四位小数，四舍五入）：").append(String.join(english ? "; " : "；", ms)).append('\n');
        }
        List<Result> results = report.evaluation().results();
        section(sb, results, english, Outcome.FAIL, english ? "\n== Failed ==\n" : "\n== 不符合 ==\n", bySubject);
        undetermined(sb, results, english, bySubject);
        manualReview(sb, results, english, bySubject);
        List<String> inferred = new ArrayList<>();
        for (Project p : plan.getProjects()) {
            for (Inference i : p.getInferences()) {
                inferred.add("  " + p.getSubject() + " " + InferenceText.describe(i, english));
            }
        }
        if (!inferred.isEmpty()) {
            sb.append(english ? "\n== Inferred from names (evidence) ==\n" : "\n== 由名称推断（证据）==\n");
            inferred.forEach(l -> sb.append(l).append('\n'));
        }
        sb.append(english ? "\n== Every test performed ==\n" : "\n== 全部检查项 ==\n");
        Map<String, Map<Outcome, List<String>>> grid = new LinkedHashMap<>();
        for (Result r : results) {
            grid.computeIfAbsent(r.subject(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.outcome(), k -> new ArrayList<>()).add(r.ruleId());
        }
        for (Map.Entry<String, Map<Outcome, List<String>>> e : grid.entrySet()) {
            sb.append("  ").append(label(e.getKey(), bySubject, english)).append('\n');
            for (Outcome o : Outcome.values()) {
                List<String> ids = e.getValue().get(o);
                if (ids != null) {
                    sb.append("    ").append(o.label(english)).append(": ").append(String.join(" ", ids)).append('\n');
                }
                if (o == Outcome.PASS && ids != null) {
                    // a PASS shows the figure that passed: every plan-level PASS, and a project's PASS decided by a figure
                    String subject = e.getKey();
                    results.stream().filter(r -> r.outcome() == Outcome.PASS && subject.equals(r.subject())
                                    && ("plan".equals(subject) || decidedByFigure(r)))
                            .forEach(r -> sb.append("      ").append(r.ruleId()).append(' ').append(r.message(english)).append('\n'));
                }
            }
        }
        sb.append(english
                ? "\nExit codes (legend): 0 no ERROR failed; 1 an ERROR rule failed; 2 invalid input; 3 internal error.\n"
                : "\n退出码说明：0 无 ERROR 级不符合；1 有 ERROR 级不符合；2 输入无效；3 内部错误。\n");
        return sb.toString();
    }

    /** The three shares a leader asks about, in order: the rule whose evidence holds each, and its name. */
    private static final List<String[]> SHARES = List.of(
            new String[] {"IS-01", "产业发展比例", "industry share"},
            new String[] {"IS-02", "粮棉果畜比例", "grain/cotton/fruit/livestock share of industry"},
            new String[] {"AF-01", "项目管理费比例", "management-fee share"});

    /** How many rules with failures the first screen lists before pointing to the full list. */
    static final int FIRST_SCREEN_RULES = 4;

    /**
     * The first screen: the verdict; each share as a percentage beside its limit and outcome, read from
     * the deciding result's evidence ({@code actualPercent}, {@code limitPercent}, {@code unclassifiedAmount},
     * the parameter's name for the direction), shown as a bound when projects are unclassified; and which
     * projects fail which article.
     */
    private static void firstScreen(StringBuilder sb, Report report, boolean english, Map<String, Project> bySubject) {
        List<Result> results = report.evaluation().results();
        long errors = results.stream().filter(Result::isError).count();
        long warnings = results.stream().filter(r -> r.outcome() == Outcome.FAIL && "WARNING".equals(r.severity())).count();
        long undetermined = results.stream().filter(r -> r.outcome() == Outcome.UNDETERMINED).count();
        if (english) {
            sb.append("Verdict: ").append(errors > 0 ? "FAILS — " + errors + " ERROR finding(s)" : "passes — no ERROR finding");
            if (warnings > 0) {
                sb.append("; ").append(warnings).append(" WARNING finding(s) to justify");
            }
            if (undetermined > 0) {
                sb.append("; ").append(undetermined).append(" check(s) undetermined for missing data");
            }
        } else {
            sb.append("结论：").append(errors > 0 ? "不通过 — " + errors + " 项 ERROR 级不符合" : "通过 — 未发现 ERROR 级不符合");
            if (warnings > 0) {
                sb.append("；").append(warnings).append(" 项 WARNING 级不符合（原则上的要求，需说明理由）");
            }
            if (undetermined > 0) {
                sb.append("；").append(undetermined).append(" 项因缺少数据无法判定");
            }
        }
        sb.append('\n');
        for (String[] share : SHARES) {
            Result r = results.stream().filter(x -> x.ruleId().equals(share[0]) && "plan".equals(x.subject())).findFirst().orElse(null);
            if (r != null) {
                sb.append("  ").append(shareLine(r, english ? share[2] : share[1], english)).append('\n');
            }
        }
        Map<String, List<Result>> failed = new LinkedHashMap<>();
        results.stream().filter(r -> r.outcome() == Outcome.FAIL)
                .sorted(java.util.Comparator.comparing((Result r) -> !"ERROR".equals(r.severity())))
                .forEach(r -> failed.computeIfAbsent(r.ruleId(), k -> new ArrayList<>()).add(r));
        sb.append(english ? "Failing: " : "不符合：").append(failed.isEmpty() ? (english ? "none" : "无") : "").append('\n');
        int shown = 0;
        for (List<Result> rs : failed.values()) {
            if (shown++ == FIRST_SCREEN_RULES) {
                sb.append(english ? "  … " + (failed.size() - FIRST_SCREEN_RULES) + " more rule(s), see \"Failed\" below\n"
                        : "  …另有 " + (failed.size() - FIRST_SCREEN_RULES) + " 条规则不符合，见下文「不符合」\n");
                break;
            }
            Result first = rs.get(0);
            List<String> who = rs.stream().map(r -> "plan".equals(r.subject()) ? (english ? "the plan" : "计划整体")
                    : r.subject() + (bySubject.containsKey(r.subject()) ? " " + bySubject.get(r.subject()).getName() : "")).toList();
            String list = who.size() > 3 ? String.join(english ? ", " : "、", who.subList(0, 3)) + (english ? " and " + (who.size() - 3) + " more"
                    : " 等 " + who.size() + " 项") : String.join(english ? ", " : "、", who);
            sb.append("  [").append(first.severity()).append("] ").append(first.ruleId()).append(' ').append(first.title(english))
                    .append(english ? ": " : "：").append(list).append(english ? " — " : " — 依据 ").append(first.source()).append('\n');
        }
    }

    /**
     * One share as a leader reads it, e.g. {@code 产业发展比例 79.06%（不低于 65%）通过}; with unclassified
     * projects the figure is a bound ({@code ≥ 60.12%}, the classified projects alone) and says how much is unclassified.
     */
    static String shareLine(Result r, String name, boolean english) {
        Map<String, Object> ev = r.evidence() == null ? Map.of() : r.evidence();
        String verdict = switch (r.outcome()) {
            case PASS -> english ? "pass" : "通过";
            case FAIL -> (english ? "FAIL" : "不符合") + "(" + r.severity() + ")";
            case UNDETERMINED -> english ? "undetermined" : "无法判定";
            case NOT_APPLICABLE -> english ? "not applicable" : "不适用";
        };
        Object actual = ev.get("actualPercent");
        Object limit = ev.get("limitPercent");
        if (actual == null || limit == null) {
            return name + " " + verdict + (english ? ": " : "：") + r.message(english);
        }
        boolean minimum = direction(ev);
        Object unclassified = ev.get("unclassifiedAmount");
        boolean bound = unclassified != null && new java.math.BigDecimal(unclassified.toString()).signum() != 0;
        StringBuilder line = new StringBuilder(name).append(' ');
        if (bound) {
            line.append(minimum ? "≥ " : "≤ ");
        }
        line.append(actual);
        line.append(english ? " (" + (minimum ? "at least " : "at most ") + limit + ") " : "（" + (minimum ? "不低于 " : "不超过 ") + limit + "）")
                .append(verdict);
        if (bound) {
            line.append(english ? " — " + unclassified + " (10k CNY) of projects unclassified"
                    : "，另有未分类项目 " + unclassified + " 万元");
        }
        return line.toString();
    }

    /** @return true for a minimum (不低于), false for a cap (不超过), from the parameter's name in the evidence. */
    private static boolean direction(Map<String, Object> ev) {
        Object p = ev.get("parameter");
        String name = p instanceof io.github.xianjie.params.Parameter par ? par.getName()
                : p instanceof Map<?, ?> m ? String.valueOf(m.get("name")) : String.valueOf(p);
        return !(name.contains("cap") || name.contains("max"));
    }

    /**
     * The plan's batch (批次): its {@code batch}, or the batches merged into the year (joined by ；), or null.
     *
     * @param plan the plan
     * @return the batch text for the header, or null when the plan names none
     */
    static String batch(CountyPlan plan) {
        if (plan.getBatch() != null && !plan.getBatch().isBlank()) {
            return plan.getBatch();
        }
        return plan.batches == null || plan.batches.isEmpty() ? null : String.join("；", plan.batches);
    }

    /** @return true when the result's evidence holds a figure compared with a limit (actual, limit) */
    private static boolean decidedByFigure(Result r) {
        return r.evidence() != null && (r.evidence().containsKey("limit") || r.evidence().containsKey("actual"));
    }

    private static void metric(List<String> out, Map<String, String> metrics, String key, String label) {
        String v = metrics.get(key);
        if (v != null) {
            out.add(label + " " + v);
        }
    }

    private static void section(StringBuilder sb, List<Result> results, boolean english, Outcome outcome,
                                String heading, Map<String, Project> bySubject) {
        List<Result> rs = results.stream().filter(r -> r.outcome() == outcome).toList();
        sb.append(heading);
        if (rs.isEmpty()) {
            sb.append(english ? "  (none)\n" : "  （无）\n");
            return;
        }
        for (Result r : rs) {
            sb.append("  [").append(r.severity()).append("] ").append(r.ruleId()).append(' ')
                    .append(label(r.subject(), bySubject, english)).append('\n');
            sb.append("      ").append(r.message(english)).append('\n');
            Project p = bySubject.get(r.subject());
            if (p != null && p.getContent() != null) {
                sb.append(english ? "      Content (建设内容): " : "      建设内容：").append(p.getContent()).append('\n');
            }
            sb.append(english ? "      Source: " : "      依据：").append(r.source()).append('\n');
        }
    }

    /** Plan-level UNDETERMINED results one by one; project-level ones grouped by rule and missing fields. */
    private static void undetermined(StringBuilder sb, List<Result> results, boolean english, Map<String, Project> bySubject) {
        sb.append(english ? "\n== Undetermined (missing data) ==\n" : "\n== 无法判定（缺少数据）==\n");
        List<Result> rs = results.stream().filter(r -> r.outcome() == Outcome.UNDETERMINED).toList();
        if (rs.isEmpty()) {
            sb.append(english ? "  (none)\n" : "  （无）\n");
            return;
        }
        Map<String, List<Result>> groups = new LinkedHashMap<>();
        for (Result r : rs) {
            String key = "plan".equals(r.subject()) ? "plan\u0000" + r.ruleId() : r.ruleId() + "\u0000" + r.missing();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        List<Map.Entry<String, List<Result>>> ordered = new ArrayList<>(groups.entrySet());
        ordered.sort(java.util.Comparator.comparing((Map.Entry<String, List<Result>> e) -> !e.getKey().startsWith("plan\u0000"))
                .thenComparing(e -> io.github.xianjie.engine.RuleIds.sortKey(e.getValue().get(0).ruleId())));
        for (Map.Entry<String, List<Result>> e : ordered) {
            Result first = e.getValue().get(0);
            sb.append("  ").append(first.ruleId()).append(english ? " [rule severity " : " [规则级别 ").append(first.severity()).append("] ");
            if ("plan".equals(first.subject())) {
                sb.append(label("plan", bySubject, english)).append('\n');
                sb.append("      ").append(first.message(english)).append('\n');
            } else {
                List<String> subjects = e.getValue().stream().map(Result::subject).toList();
                sb.append(first.title(english)).append('\n');
                sb.append("      ").append(english ? subjects.size() + " project(s): " : subjects.size() + " 个项目：")
                        .append(String.join(english ? ", " : "、", subjects)).append('\n');
                sb.append(english ? "      missing: " : "      缺少（表格列）：").append(io.github.xianjie.domain.ColumnNames.describe(first.missing(), english)).append('\n');
            }
            sb.append(english ? "      Source: " : "      依据：").append(first.source()).append('\n');
        }
    }

    private static String label(String subject, Map<String, Project> bySubject, boolean english) {
        if ("plan".equals(subject)) {
            return english ? "plan (whole plan)" : "plan（计划整体）";
        }
        Project p = bySubject.get(subject);
        return p == null ? subject : subject + " " + p.getName() + "（" + Money.plain(p.getAmount()).toPlainString()
                + (english ? " ×10k CNY）" : " 万元）");
    }

    /**
     * 需人工复核: the projects whose purpose was not recognised (NL-99 FAIL, WARNING, or INFO when justified),
     * each with the words read in its name (新财规〔2021〕11号 第四条第8项、第三条). Nothing is written when none.
     */
    private static void manualReview(StringBuilder sb, List<Result> results, boolean english, Map<String, Project> bySubject) {
        List<Result> rs = results.stream().filter(r -> r.ruleId().equals("NL-99") && r.outcome() == Outcome.FAIL).toList();
        if (rs.isEmpty()) {
            return;
        }
        sb.append(english ? "\n== Manual review (需人工复核): no permitted purpose recognised ==\n" : "\n== 需人工复核（未识别出第三条所列支持方向）==\n");
        for (Result r : rs) {
            Object words = r.evidence().get("words");
            sb.append("  [").append(r.severity()).append("] ").append(label(r.subject(), bySubject, english)).append('\n')
                    .append(english ? "      words read: " : "      已读词语：")
                    .append(words instanceof List<?> l ? String.join(" / ", l.stream().map(String::valueOf).toList()) : "—")
                    .append('\n');
        }
    }
}
