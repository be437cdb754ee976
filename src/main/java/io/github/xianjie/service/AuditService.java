package io.github.xianjie.service;

import io.github.xianjie.audit.AllocationInputs;
import io.github.xianjie.audit.AllocationTable;
import io.github.xianjie.audit.AuditEngine;
import io.github.xianjie.audit.AuditInput;
import io.github.xianjie.audit.AuditReport;
import io.github.xianjie.audit.BudgetLine;
import io.github.xianjie.audit.NoticeDate;
import io.github.xianjie.domain.Coded;
import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.domain.FundSource;
import io.github.xianjie.engine.Result;
import io.github.xianjie.engine.RuleEngine;
import io.github.xianjie.engine.Ruleset;
import io.github.xianjie.input.InputException;
import io.github.xianjie.input.PlanReaders;
import io.github.xianjie.params.Parameter;
import io.github.xianjie.params.ParameterSet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audits behind {@code xianjie audit allocation} (and the audit engine of {@code audit ledger}), shared by the
 * command line and the web server ({@code POST /api/audit/allocation}, {@code /api/audit/ledger}) so both give the
 * same report for the same files. The inputs are NIO paths: files on disk for the CLI, an in-memory file system
 * for the server's uploads. An instance holds one ruleset, its parameters (profile laid over) and one
 * {@link AuditEngine}, built on first use and then shared: the KieBase is read-only and every audit gets its own
 * session, so one instance serves many threads with no shared mutable state.
 */
public final class AuditService {
    /** The report formats of {@code audit --format}. */
    public static final List<String> FORMATS = List.of("text", "json", "xlsx");

    private final Ruleset ruleset;
    private final ParameterSet parameters;
    private volatile AuditEngine engine;

    /**
     * @param ruleset    the ruleset whose audit DRL ({@link AuditEngine#FILES}) is run
     * @param parameters its parameters, with any jurisdiction profile laid over them
     */
    public AuditService(Ruleset ruleset, ParameterSet parameters) {
        this.ruleset = ruleset;
        this.parameters = parameters;
    }

    /** @return the ruleset */
    public Ruleset ruleset() {
        return ruleset;
    }

    /** @return the parameters in use (profile laid over the ruleset's) */
    public ParameterSet parameters() {
        return parameters;
    }

    /**
     * The audit engine, built ({@link AuditEngine#build}) by the first call and returned to every later one.
     *
     * @return the engine
     * @throws io.github.xianjie.engine.RulesetException when the audit DRL does not compile
     */
    public AuditEngine engine() {
        AuditEngine e = engine;
        if (e == null) {
            synchronized (this) {
                e = engine;
                if (e == null) {
                    e = AuditEngine.build(ruleset);
                    engine = e;
                }
            }
        }
        return e;
    }

    /**
     * What {@code xianjie audit allocation} is given.
     *
     * @param tables       the allocation tables (.csv/.xlsx), at least one, in the order given
     * @param fund         {@code --fund} (CENTRAL/REGIONAL or 中央/自治区) for a single table, or null to read it from the title
     * @param plans        {@code --plans}: a folder of county plan JSON files (AL-03), or null
     * @param budget       {@code --budget}: budget revenue lines (AL-05), or null
     * @param factors      {@code --factors}: factor data (AL-04), recomputed against the first table, or null
     * @param factorColumn {@code --factor-column}: the task column recomputed, 1 = the first task column
     * @param notices      {@code --notices}: notice dates (AL-06), or null
     * @param measuresYear {@code --measures-year}, already checked to be 2000–2100, or null for the tables' year
     */
    public record AllocationRequest(List<Path> tables, String fund, Path plans, Path budget, Path factors,
                                    int factorColumn, Path notices, Integer measuresYear) {
    }

    /**
     * Runs the allocation audit: AL-01/AL-02 on each table, AL-03 against the county plans, AL-04 factor method
     * (新财规〔2021〕11号 第六条), AL-05 budget line, AL-06 notice dates (第十一条). Several tables are audited together
     * with their rows named {@code 中央/…} and {@code 自治区/…}. The report names every input as its path reads
     * ({@link Path#toString()}).
     *
     * @param request the inputs and options
     * @return the report: every rule × subject, in table, plan, budget and notice order
     * @throws InputException naming file, row and column of the first unreadable input, or the bad option
     */
    public AuditReport allocation(AllocationRequest request) {
        List<Path> tables = request.tables();
        if (tables == null || tables.isEmpty()) {
            throw new InputException("TABLE: 缺少分配表 (no allocation table)");
        }
        FundSource f = null;
        if (request.fund() != null) {
            try {
                f = Coded.parse(FundSource.class, request.fund());
            } catch (IllegalArgumentException e) {
                throw new InputException("--fund: " + e.getMessage());
            }
            if (tables.size() > 1) {
                throw new InputException("--fund: 只适用于一张表 (only with one table)");
            }
        }
        List<AllocationTable> read = new ArrayList<>();
        for (Path t : tables) {
            read.add(AllocationTable.read(t, f, ""));
        }
        if (read.size() > 1) {
            // several tables: their rows are named by fund source (中央/托里县), read again with that prefix
            for (int i = 0; i < read.size(); i++) {
                AllocationTable at = read.get(i);
                read.set(i, AllocationTable.read(tables.get(i), f,
                        (at.fundSource() == null ? at.file() : at.fundSource().label()) + "/"));
            }
        }
        int year = read.stream().mapToInt(AllocationTable::year).filter(y -> y > 0).findFirst().orElse(LocalDate.now().getYear());
        int measuresYear = request.measuresYear() != null ? request.measuresYear() : CheckService.checkYear("年度 (year)", year);
        LocalDate asOf = RuleEngine.referenceDate(measuresYear);
        List<Parameter> params = parameters.resolve(asOf, null);
        List<Object> facts = new ArrayList<>();
        List<String> order = new ArrayList<>();
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (int i = 0; i < read.size(); i++) {
            AllocationTable at = read.get(i);
            facts.add(new AuditInput("TABLE", at.fundSource(), at.file()));
            facts.addAll(at.rows());
            facts.addAll(at.cells());
            at.rows().forEach(r -> order.add(r.getSubject()));
            inputs.add(input(tables.get(i)));
        }
        Path plans = request.plans();
        if (plans != null) {
            List<Path> files = planFiles(plans);
            for (AllocationTable at : read) {
                if (at.fundSource() == null) {
                    throw new InputException(at.file() + ": 标题未注明中央或自治区资金，请用 --fund CENTRAL|REGIONAL 指定");
                }
            }
            facts.add(new AuditInput("PLANS", null, plans.toString()));
            for (Path p : files) {
                CountyPlan plan = PlanReaders.read(p);
                facts.add(plan);
                order.add(plan.getCounty());
                inputs.add(input(p));
            }
        }
        if (request.budget() != null) {
            for (BudgetLine b : AllocationInputs.budget(request.budget())) {
                facts.add(b);
                order.add(b.county());
            }
            inputs.add(input(request.budget()));
        }
        if (request.factors() != null) {
            facts.addAll(AllocationInputs.factors(request.factors(), read.get(0), request.factorColumn(), params));
            inputs.add(input(request.factors()));
        }
        if (request.notices() != null) {
            for (NoticeDate n : AllocationInputs.notices(request.notices())) {
                facts.add(n);
                order.add(n.documentNo());
            }
            inputs.add(input(request.notices()));
        }
        List<Result> results = engine().evaluate(facts, params, order);
        Map<String, Object> rs = new LinkedHashMap<>();
        rs.put("version", ruleset.version());
        rs.put("sha256", ruleset.sha256());
        rs.put("measuresYear", measuresYear);
        rs.put("asOf", asOf.toString());
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("kind", "allocation");
        List<String> titles = new ArrayList<>();
        int rows = 0;
        for (AllocationTable at : read) {
            titles.add(at.title() + (at.fundSource() == null ? "" : " (" + at.fundSource().name() + ")"));
            rows += at.rows().size();
        }
        audit.put("tables", titles);
        audit.put("rows", rows);
        return new AuditReport(rs, inputs, audit, results);
    }

    /**
     * The plan files of {@code --plans DIR}: its {@code *.json} plans as {@link io.github.xianjie.input.PlanFolder} lists
     * them (not {@code *.meta.json}), sorted by name.
     *
     * @param dir the folder
     * @return the files
     * @throws InputException when it is not a folder or cannot be listed
     */
    public static List<Path> planFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InputException("--plans " + dir + ": 不是目录 (not a folder)");
        }
        // the folder-listing rule of check DIR: *.meta.json side files, README, lock files are not plans
        return io.github.xianjie.input.PlanFolder.list(dir, false, "--plans " + dir).plans();
    }

    /**
     * @param report  an audit report
     * @param format  {@code text}, {@code json} or {@code xlsx}
     * @param english English labels and messages
     * @param cap     findings listed per test in text
     * @return the report as {@code audit --format} writes it: UTF-8 text, or the workpaper's bytes for xlsx
     * @throws InputException for an unknown format
     */
    public static byte[] render(AuditReport report, String format, boolean english, int cap) {
        return switch (format) {
            case "json" -> report.json().getBytes(StandardCharsets.UTF_8);
            case "text" -> report.text(english, cap).getBytes(StandardCharsets.UTF_8);
            case "xlsx" -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try {
                    report.xlsx(english, out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                yield out.toByteArray();
            }
            default -> throw new InputException("--format: '" + format + "' 无效，可用：" + String.join(", ", FORMATS));
        };
    }

    /**
     * @param file an input file
     * @return the report's entry for it: {@code file} (the path as it reads) and {@code sha256}
     * @throws InputException when it cannot be read
     */
    public static Map<String, Object> input(Path file) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file.toString());
        m.put("sha256", sha256(file));
        return m;
    }

    /**
     * @param file a file (read streaming, any size)
     * @return SHA-256 of its bytes, hex
     * @throws InputException when it cannot be read
     */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new InputException(file + ": 无法读取 (cannot read): " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
