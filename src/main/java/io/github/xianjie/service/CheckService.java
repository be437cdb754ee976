package io.github.xianjie.service;

import io.github.xianjie.domain.Coded;
import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.domain.FundSource;
import io.github.xianjie.domain.PlanStage;
import io.github.xianjie.domain.PlanYear;
import io.github.xianjie.engine.Evaluation;
import io.github.xianjie.engine.Money;
import io.github.xianjie.engine.Result;
import io.github.xianjie.engine.RuleCatalogue;
import io.github.xianjie.engine.RuleEngine;
import io.github.xianjie.engine.Ruleset;
import io.github.xianjie.input.InputException;
import io.github.xianjie.input.InputFiles;
import io.github.xianjie.input.PlanFacts;
import io.github.xianjie.input.PlanReaders;
import io.github.xianjie.input.PlanValidator;
import io.github.xianjie.params.Parameter;
import io.github.xianjie.params.ParameterDefinition;
import io.github.xianjie.params.ParameterSet;
import io.github.xianjie.report.CsvResultsWriter;
import io.github.xianjie.report.JsonReportWriter;
import io.github.xianjie.report.Report;
import io.github.xianjie.report.TextReportWriter;
import io.github.xianjie.report.WorkpaperWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The checks behind {@code xianjie check}, {@code rules} and {@code diff}, shared by the command line and
 * the web server ({@code xianjie serve}) so both give the same bytes for the same input: read a plan,
 * evaluate it with an engine built once, render the report, list the rulebook, compare two years.
 * An instance holds one ruleset, its parameters (profile laid over) and one {@link RuleEngine}; it keeps
 * no per-plan state, so one instance serves many threads as far as the engine does (one rule session per
 * evaluation). A plan given to {@link #check} or {@link #diff} is not modified: the engine classifies a copy
 * ({@link io.github.xianjie.classify.Classifier.Classification}), which the report holds.
 */
public final class CheckService {
    /** The report formats of {@code check --format}. */
    public static final List<String> FORMATS = List.of("text", "json", "xlsx", "csv");

    private final Ruleset ruleset;
    private final ParameterSet parameters;
    private final String profile;
    private final RuleEngine engine;

    /**
     * Builds the engine (compiles the ruleset's DRL) once.
     *
     * @param ruleset    the ruleset
     * @param parameters its parameters, with any jurisdiction profile laid over them
     * @param profile    the profile folder's name as given, or null
     * @throws io.github.xianjie.engine.RulesetException when the DRL does not compile
     */
    public CheckService(Ruleset ruleset, ParameterSet parameters, String profile) {
        this(RuleEngine.build(ruleset), parameters, profile);
    }

    /**
     * Over an engine already built.
     *
     * @param engine     the engine (its ruleset is the service's)
     * @param parameters the ruleset's parameters, with any jurisdiction profile laid over them
     * @param profile    the profile folder's name as given, or null
     */
    public CheckService(RuleEngine engine, ParameterSet parameters, String profile) {
        this.ruleset = engine.ruleset();
        this.parameters = parameters;
        this.profile = profile;
        this.engine = engine;
    }

    /** @return the ruleset this service checks with */
    public Ruleset ruleset() {
        return ruleset;
    }

    /** @return the parameters in use (profile laid over the ruleset's) */
    public ParameterSet parameters() {
        return parameters;
    }

    /**
     * Reads one plan and applies a {@code --stage} override.
     *
     * @param file  a {@code .json} plan or a {@code .csv}/{@code .xlsx} table (any NIO path, also in memory)
     * @param facts plan facts for a table ({@link PlanFacts#NONE} for JSON)
     * @param stage {@code plan}/{@code execution} (or the Chinese labels), or null to keep the plan's
     * @return a new plan object, owned by the caller
     * @throws InputException naming file, row and field of the first problem, or the bad stage
     */
    public static CountyPlan read(Path file, PlanFacts facts, String stage) {
        CountyPlan plan = PlanReaders.read(file, facts);
        applyStage(plan, stage);
        return plan;
    }

    /**
     * Reads the plan files of one check: one plan, or several batch plans of one county, year and fund source merged
     * into the year ({@link PlanYear#merge}) and validated as one plan. No {@code --stage} is applied.
     *
     * @param files the files, in the order given (at least one; any NIO path, also in memory)
     * @param facts plan facts for tables ({@link PlanFacts#NONE} for JSON), the same for every file
     * @return a new plan object, owned by the caller
     * @throws InputException naming file, row and field of the first problem, or the files when they do not merge
     */
    public static CountyPlan readYear(List<Path> files, PlanFacts facts) {
        if (files.size() == 1) {
            return PlanReaders.read(files.get(0), facts);
        }
        List<CountyPlan> batches = new ArrayList<>();
        for (Path f : files) {
            batches.add(PlanReaders.read(f, facts));
        }
        return mergeYear(batches, files);
    }

    /**
     * Merges plans already read into the year's plan (see {@link #readYear}).
     *
     * @param batches the plans read, one per file, in file order
     * @param files   the files they were read from, for messages
     * @return the year's plan, validated
     * @throws InputException when they are not of one county, year and fund, or the year's plan is invalid
     */
    public static CountyPlan mergeYear(List<CountyPlan> batches, List<Path> files) {
        if (batches.size() == 1) {
            return batches.get(0);
        }
        CountyPlan plan;
        try {
            plan = PlanYear.merge(batches);
        } catch (IllegalArgumentException e) {
            throw new InputException(String.join(", ", files.stream().map(Path::toString).toList()) + ": " + e.getMessage());
        }
        PlanValidator.validate(plan, inputName(files));
        return plan;
    }

    /**
     * @param files the plan files of one check
     * @return the input's name in the report: the file, or the files joined by {@code " + "}
     */
    public static String inputName(List<Path> files) {
        return String.join(" + ", files.stream().map(Path::toString).toList());
    }

    /**
     * Applies a {@code --stage} override.
     *
     * @param plan  the plan read
     * @param stage {@code plan}/{@code execution} (or the Chinese labels), or null to keep the plan's
     * @throws InputException for an unknown stage
     */
    public static void applyStage(CountyPlan plan, String stage) {
        if (stage != null) {
            try {
                plan.stage = Coded.parse(PlanStage.class, stage);
            } catch (IllegalArgumentException e) {
                throw new InputException("--stage: " + e.getMessage());
            }
        }
    }

    /**
     * The measures year for a plan, refusing a plan year before the Measures took effect unless the user asked for a
     * year (a 2019 plan is not judged by 2021 rules by accident).
     *
     * @param option   the option or field that gives the year ({@code --measures-year}), for the message
     * @param given    the year asked for, or null
     * @param planYear the plan's year
     * @param params   the parameters, whose {@code instruments.measures} gives the date the Measures took effect
     * @return the year asked for, or the plan's year
     * @throws InputException when the year is outside 2000–2100, or naming the first year in force when the plan's
     *                        year is before it
     */
    public static int measuresYear(String option, Integer given, int planYear, ParameterSet params) {
        int y = given != null ? given : planYear;
        if (y < 2000 || y > 2100) {
            throw new InputException((given != null ? option : "年度 (year)") + ": " + y + " 不在 2000–2100 之间");
        }
        var measures = params.get("instruments.measures");
        if (given == null && measures != null) {
            LocalDate from = measures.firstEffective();
            if (from != null && planYear < from.getYear()) {
                throw new InputException("计划年度 " + planYear + " 早于办法施行：" + String.join("；", measures.reference())
                        + "，首个适用年度为 " + from.getYear() + " 年；如确需按某年度办法检查，请用 " + option + " YEAR"
                        + " (plan year before the Measures took effect; first year in force " + from.getYear() + "; use "
                        + option + ")");
            }
        }
        return y;
    }

    /**
     * A justification must name a rule of the catalogue: one for a misspelt ID would silently justify nothing.
     *
     * @param inputName the input as the user named it, for the message
     * @param plan      the plan read
     * @param ruleset   the ruleset whose catalogue names the rules
     * @throws InputException naming the unknown rule ID under {@code justifications}
     */
    public static void requireKnownJustifications(String inputName, CountyPlan plan, Ruleset ruleset) {
        java.util.Set<String> ids = new java.util.TreeSet<>();
        RuleCatalogue.load(ruleset).forEach(e -> ids.add(e.id()));
        for (String id : plan.getJustifications() == null ? java.util.Set.<String>of() : plan.getJustifications().keySet()) {
            if (!ids.contains(id)) {
                throw new InputException(inputName + " 字段 justifications." + id + ": 规则编号「" + id + "」不在规则目录中 (no such rule ID)");
            }
        }
    }

    /**
     * Evaluates one plan and builds its report.
     *
     * @param plan         the plan read; not modified (the rules see a classified copy, which the report holds)
     * @param measuresYear the year whose measures and parameters apply
     * @param inputName    the input as the user named it (the report's {@code input.file})
     * @param inputSha256  SHA-256 of the input bytes, hex
     * @return the report
     */
    public Report check(CountyPlan plan, int measuresYear, String inputName, String inputSha256) {
        Evaluation ev = engine.evaluate(plan, parameters, RuleEngine.referenceDate(measuresYear));
        return Report.of(ev, ruleset, inputName, inputSha256, measuresYear, profile);
    }

    /**
     * @param report  a report
     * @param format  {@code text}, {@code json}, {@code csv} or {@code xlsx}
     * @param english true for English text, headers and messages
     * @return the report in that format: UTF-8 text, or the workbook's bytes for xlsx
     * @throws InputException for an unknown format
     */
    public static byte[] render(Report report, String format, boolean english) {
        return switch (format) {
            case "json" -> JsonReportWriter.write(report).getBytes(StandardCharsets.UTF_8);
            case "csv" -> CsvResultsWriter.write(report, english);
            case "text" -> TextReportWriter.write(report, english).getBytes(StandardCharsets.UTF_8);
            case "xlsx" -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try {
                    WorkpaperWriter.write(report, english, out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                yield out.toByteArray();
            }
            default -> throw new InputException("--format: '" + format + "' 无效，可用：" + String.join(", ", FORMATS));
        };
    }

    /**
     * @param option the option that gave the year, for the message
     * @param year   a year
     * @return the year
     * @throws InputException when it is outside 2000–2100
     */
    public static int checkYear(String option, int year) {
        if (year < 2000 || year > 2100) {
            throw new InputException(option + ": " + year + " 不在 2000–2100 之间 (year out of range)");
        }
        return year;
    }

    /**
     * @param file a file
     * @return SHA-256 of its bytes, hex
     * @throws InputException when it cannot be read
     */
    public static String sha256(Path file) {
        return sha256(InputFiles.read(file, file.toString()));
    }

    /**
     * @param files the plan files of one check
     * @return SHA-256 of the one file's bytes, or of the files' bytes in order when several, hex
     * @throws InputException when one cannot be read
     */
    public static String sha256(List<Path> files) {
        if (files.size() == 1) {
            return sha256(files.get(0));
        }
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Path f : files) {
                md.update(InputFiles.read(f, f.toString()));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param bytes some bytes
     * @return their SHA-256, hex
     */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The rulebook ({@code xianjie rules --format json}): every catalogue rule with its titles, severity, source,
     * wording, the parameter values in force on 31 December of the year for each fund source (with
     * {@code notLoaded} when the year's notice is not loaded) and the severity in force per fund.
     *
     * @param year  the measures year (2000–2100)
     * @param funds the fund sources to list parameters for
     * @return the ordered tree: {@code ruleset}, {@code year}, {@code asOf}, {@code rules}
     */
    public Map<String, Object> rulebook(int year, List<FundSource> funds) {
        return rulebook(ruleset, parameters, year, funds);
    }

    /**
     * As {@link #rulebook(int, List)}, without building an engine.
     *
     * @param ruleset    the ruleset
     * @param parameters its parameters (profile laid over)
     * @param year       the measures year (2000–2100)
     * @param funds      the fund sources to list parameters for
     * @return the ordered tree: {@code ruleset}, {@code year}, {@code asOf}, {@code rules}
     */
    public static Map<String, Object> rulebook(Ruleset ruleset, ParameterSet parameters, int year, List<FundSource> funds) {
        LocalDate asOf = RuleEngine.referenceDate(year);
        List<Map<String, Object>> rules = new ArrayList<>();
        for (RuleCatalogue.Entry e : RuleCatalogue.load(ruleset)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.id());
            m.put("section", e.section());
            m.put("title", e.title());
            m.put("titleEn", e.titleEn());
            m.put("severity", e.shownSeverity());
            m.put("source", e.source());
            m.put("wording", e.wording());
            m.put("encoded", !e.drlRules().isEmpty());
            m.put("drlRules", e.drlRules());
            List<Map<String, Object>> ps = new ArrayList<>();
            for (String name : e.parameters()) {
                ParameterDefinition d = parameters.get(name);
                for (FundSource f : funds) {
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("name", name);
                    p.put("fundSource", f.name());
                    Optional<Parameter> v = d == null ? Optional.empty() : d.resolve(asOf, f);
                    if (v.isPresent()) {
                        p.put("value", Money.plain(v.get().value()).toPlainString());
                        p.put("unit", v.get().unit());
                        if (v.get().severity() != null) {
                            p.put("severity", v.get().severity());
                        }
                        p.put("effectiveFrom", v.get().effectiveFrom().toString());
                        p.put("reference", v.get().reference());
                        if (v.get().notLoaded() != null) {
                            p.put("notLoaded", v.get().notLoaded());
                        }
                    } else {
                        p.put("value", null);
                        Optional<String> lapsed = d == null ? Optional.empty() : d.lapsed(asOf, f);
                        if (lapsed.isPresent()) {
                            p.put("notLoaded", lapsed.get());
                            p.put("note", "该年度通知未载入，无有效值（待定）");
                        } else {
                            p.put("note", "该年度、该资金来源无有效值（不适用）");
                        }
                    }
                    ps.add(p);
                }
            }
            m.put("parameters", ps);
            m.put("severityInForce", severityInForce(e, ps, funds));
            rules.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("ruleset", rulesetInfo(ruleset));
        root.put("year", year);
        root.put("asOf", asOf.toString());
        root.put("rules", rules);
        return root;
    }

    /** The ruleset's version and digest, in that order (Map.of would iterate in an order that changes between runs). */
    private static Map<String, Object> rulesetInfo(Ruleset ruleset) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", ruleset.version());
        m.put("sha256", ruleset.sha256());
        return m;
    }

    /**
     * The severity each fund's plan would get this year: a dated parameter's severity (e.g. IS-01: WARNING under the
     * Measures, ERROR under the 2024 notice) when the entry takes its severity from the parameter, else the catalogue's
     * level (none for a fund with no parameter in force when the level is by year).
     */
    private static Map<String, String> severityInForce(RuleCatalogue.Entry e, List<Map<String, Object>> ps, List<FundSource> funds) {
        Map<String, String> out = new LinkedHashMap<>();
        for (FundSource f : funds) {
            String sev = null;
            if (e.severityFromParameter()) {
                for (Map<String, Object> p : ps) {
                    if (f.name().equals(p.get("fundSource")) && p.get("severity") != null) {
                        sev = (String) p.get("severity");
                    }
                }
            }
            // a level by year with no parameter in force for this fund: the rule does not apply to it (IS-01, regional)
            if (sev == null && e.severityByYear().isEmpty()) {
                sev = e.severity();
            }
            if (sev != null) {
                out.put(f.name(), sev);
            }
        }
        return out;
    }


    /**
     * The diff ({@code xianjie diff --format json}): one plan under two years' measures.
     *
     * @param planA     the plan, evaluated under the older measures; not modified
     * @param planB     the plan evaluated under the newer measures (the same object as {@code planA} will do: each
     *                  evaluation classifies its own copy)
     * @param from      the older year
     * @param to        the newer year
     * @param inputName the input as the user named it
     * @return the diff: its ordered tree ({@code input}, {@code from}, {@code to}, {@code ruleset}, {@code changes}),
     *         the changes, and whether the newer year has an ERROR-severity failure
     */
    public Diff diff(CountyPlan planA, CountyPlan planB, int from, int to, String inputName) {
        Evaluation ea = engine.evaluate(planA, parameters, RuleEngine.referenceDate(from));
        Evaluation eb = engine.evaluate(planB, parameters, RuleEngine.referenceDate(to));
        List<Map<String, Object>> changes = changes(ea, eb);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("input", inputName);
        root.put("from", from);
        root.put("to", to);
        root.put("ruleset", rulesetInfo(ruleset));
        root.put("changes", changes);
        return new Diff(root, changes, eb.hasErrors());
    }

    /**
     * A diff's result.
     *
     * @param tree      the JSON tree
     * @param changes   the changed findings (also under {@code changes} in the tree)
     * @param hasErrors true when the newer year's evaluation has an ERROR-severity failure
     */
    public record Diff(Map<String, Object> tree, List<Map<String, Object>> changes, boolean hasErrors) {
        /**
         * @param en true for English
         * @return the text {@code xianjie diff} prints: a count line per kind of change, then the changes of outcome
         *         (结论变化), of severity only (严重程度变化, the outcome unchanged) and of the limit only (限值变化), each
         *         with both outcomes in words and both messages
         */
        @SuppressWarnings("unchecked")
        public String text(boolean en) {
            Object a = tree.get("from");
            Object b = tree.get("to");
            String nl = System.lineSeparator();
            Map<String, List<Map<String, Object>>> byKind = new LinkedHashMap<>();
            for (String k : List.of("outcome", "severity", "limit")) {
                byKind.put(k, new ArrayList<>());
            }
            changes.forEach(c -> byKind.get(String.valueOf(c.get("change"))).add(c));
            StringBuilder sb = new StringBuilder();
            if (en) {
                sb.append("Findings that change between the measures of ").append(a).append(" and ").append(b).append(": ")
                        .append(changes.size()).append(" (outcome ").append(byKind.get("outcome").size())
                        .append(", severity only ").append(byKind.get("severity").size())
                        .append(", limit only ").append(byKind.get("limit").size()).append(')').append(nl);
            } else {
                sb.append("按 ").append(a).append(" 年与 ").append(b).append(" 年办法检查同一计划：结论变化 ")
                        .append(byKind.get("outcome").size()).append(" 项；严重程度变化（结论不变）")
                        .append(byKind.get("severity").size()).append(" 项；限值变化（结论与严重程度不变）")
                        .append(byKind.get("limit").size()).append(" 项").append(nl);
            }
            String[][] headings = {{"outcome", "结论变化", "Outcome changes"}, {"severity", "严重程度变化（结论不变）", "Severity changes (same outcome)"},
                    {"limit", "限值变化（结论与严重程度不变）", "Limit changes (same outcome and severity)"}};
            for (String[] h : headings) {
                List<Map<String, Object>> cs = byKind.get(h[0]);
                if (cs.isEmpty()) {
                    continue;
                }
                sb.append(nl).append("== ").append(en ? h[2] : h[1]).append(" ==").append(nl);
                for (Map<String, Object> c : cs) {
                    Map<String, Object> x = (Map<String, Object>) c.get("from");
                    Map<String, Object> y = (Map<String, Object>) c.get("to");
                    String subject = "plan".equals(c.get("subject")) ? (en ? "plan (whole plan)" : "plan（计划整体）") : String.valueOf(c.get("subject"));
                    sb.append("  ").append(c.get("ruleId")).append(' ').append(subject).append(en ? ": " : "：");
                    if (h[0].equals("outcome")) {
                        sb.append(x == null ? (en ? "(not evaluated)" : "（未检查）") : verdict(x, en)).append(" → ").append(verdict(y, en));
                    } else {
                        sb.append(outcomeLabel(y, en));
                        if (h[0].equals("severity")) {
                            sb.append(en ? ", rule severity " : "，规则级别 ").append(severityLabel(x, en)).append(" → ").append(severityLabel(y, en));
                        }
                    }
                    if (x != null && !Objects.equals(x.get("limit"), y.get("limit"))) {
                        sb.append(en ? "; limit " : "；限值 ").append(limit(x)).append(" → ").append(limit(y));
                    }
                    sb.append(nl);
                    sb.append("    ").append(a).append(en ? ": " : "：").append(x == null ? "-" : x.get(en ? "messageEn" : "message")).append(nl);
                    sb.append("    ").append(b).append(en ? ": " : "：").append(y.get(en ? "messageEn" : "message")).append(nl);
                }
            }
            return sb.toString();
        }

        private static String outcomeLabel(Map<String, Object> side, boolean en) {
            return io.github.xianjie.engine.Outcome.valueOf(String.valueOf(side.get("outcome"))).label(en);
        }

        private static String severityLabel(Map<String, Object> side, boolean en) {
            return io.github.xianjie.report.WorkpaperWriter.severityLabel((String) side.get("severity"), en);
        }

        /** @return e.g. 不符合（警告）: the severity beside a failure, the outcome alone otherwise */
        private static String verdict(Map<String, Object> side, boolean en) {
            return outcomeLabel(side, en) + ("FAIL".equals(side.get("outcome"))
                    ? (en ? " (" + severityLabel(side, en) + ")" : "（" + severityLabel(side, en) + "）") : "");
        }

        private static String limit(Map<String, Object> side) {
            Object p = side.get("limitPercent");
            Object l = side.get("limit");
            return p != null ? p.toString() : l != null ? l.toString() : "-";
        }
    }

    /**
     * @param ea the evaluation under the older measures
     * @param eb the evaluation under the newer measures
     * @return each finding of {@code eb} whose outcome, severity or limit differs from {@code ea}'s, with both sides and
     *         {@code change}: {@code outcome}, {@code severity} (outcome unchanged) or {@code limit} (outcome and severity
     *         unchanged)
     */
    public static List<Map<String, Object>> changes(Evaluation ea, Evaluation eb) {
        Map<String, Result> before = new LinkedHashMap<>();
        ea.results().forEach(r -> before.put(r.ruleId() + "\u0000" + r.subject(), r));
        List<Map<String, Object>> out = new ArrayList<>();
        for (Result r : eb.results()) {
            Result o = before.get(r.ruleId() + "\u0000" + r.subject());
            if (o != null && o.outcome() == r.outcome() && Objects.equals(o.severity(), r.severity())
                    && Objects.equals(o.evidence().get("limit"), r.evidence().get("limit"))) {
                continue;
            }
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("ruleId", r.ruleId());
            c.put("subject", r.subject());
            // what changed: the outcome (or a finding new in the newer year), else the severity only, else the limit only
            c.put("change", o == null || o.outcome() != r.outcome() ? "outcome"
                    : !Objects.equals(o.severity(), r.severity()) ? "severity" : "limit");
            c.put("from", o == null ? null : side(o));
            c.put("to", side(r));
            out.add(c);
        }
        return out;
    }

    private static Map<String, Object> side(Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outcome", r.outcome().name());
        m.put("severity", r.severity());
        m.put("limit", r.evidence().get("limit"));
        m.put("limitPercent", r.evidence().get("limitPercent"));
        m.put("actual", r.evidence().get("actual"));
        m.put("message", r.message());
        m.put("messageEn", r.messageEn());
        return m;
    }
}
