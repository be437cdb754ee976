package io.github.xianjie.server;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import io.github.xianjie.domain.Coded;
import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.domain.FundSource;
import io.github.xianjie.domain.Project;
import io.github.xianjie.audit.AuditReport;
import io.github.xianjie.audit.ledger.LedgerAudit;
import io.github.xianjie.input.InputException;
import io.github.xianjie.input.PlanFacts;
import io.github.xianjie.report.JsonReportWriter;
import io.github.xianjie.report.Report;
import io.github.xianjie.service.AuditService;
import io.github.xianjie.service.CheckService;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.UploadedFile;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code xianjie serve}: a local web page and REST API over one {@link CheckService} (ruleset compiled once at
 * start) and one {@link AuditService} (audit rules compiled on the first audit), both shared by every request
 * thread: each request gets its own rule session and its own plan objects, so nothing mutable is shared. Each
 * request reads its uploads from an in-memory file system (Jimfs, closed after the response; only the ledger
 * audit, whose reader streams a file, writes its uploads to a temporary folder deleted after the response) and
 * gets the same bytes the CLI writes for the same input. Nothing from an upload is evaluated as code: uploads are
 * read as data by the CLI's readers.
 *
 * <p>Endpoints: {@code POST /api/check} (multipart {@code plan} + plan facts as form fields, or a JSON plan
 * body; {@code ?format=json|xlsx|csv|text}, {@code ?lang=zh|en}), {@code POST /api/diff},
 * {@code GET /api/rules?year=&fund=}, {@code POST /api/audit/allocation} (multipart {@code allocation} + optional
 * {@code plans}, {@code budget}, {@code factors}, {@code notices}), {@code POST /api/audit/ledger} (multipart
 * {@code ledger} + {@code plans}), {@code POST /api/view} and {@code POST /api/facts} (what the page uses),
 * {@code GET /api/openapi.json}; the page itself from {@code /web} in the jar. Errors are JSON
 * {@code {error, file, row, column, message}} with 400 (bad input), 413 (over {@link #MAX_UPLOAD_BYTES}),
 * 415 (not multipart/JSON, or not a .json/.csv/.xlsx file), 503 (over {@link #REQUEST_TIMEOUT_SECONDS}).
 */
public final class XianjieServer implements AutoCloseable {
    /** Largest accepted upload or request body: 20 MiB. */
    public static final long MAX_UPLOAD_BYTES = 20L * 1024 * 1024;
    /** Longest a check or audit may take before the request is answered with 503: 120 seconds. */
    public static final long REQUEST_TIMEOUT_SECONDS = 120;
    private static final List<String> PLAN_TYPES = List.of(".json", ".csv", ".xlsx", ".xlsm");
    /** What the allocation audit's small tables (allocation, budget, factors, notices) are read from. */
    private static final List<String> TABLE_TYPES = List.of(".csv", ".xlsx");
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "json", "application/json; charset=utf-8",
            "text", "text/plain; charset=utf-8",
            "csv", "text/csv; charset=utf-8",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final CheckService service;
    private final AuditService audits;
    private final long timeoutMillis;
    private final ExecutorService workers;
    private final Javalin app;

    private XianjieServer(CheckService service, String host, int port, long timeoutMillis) {
        this.service = service;
        this.audits = new AuditService(service.ruleset(), service.parameters());
        this.timeoutMillis = timeoutMillis;
        this.workers = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
            Thread t = new Thread(r, "xianjie-check");
            t.setDaemon(true);
            return t;
        });
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = MAX_UPLOAD_BYTES;
            // Uploads stay in memory: the in-memory threshold is above the largest accepted file.
            config.jetty.multipartConfig.maxFileSize(MAX_UPLOAD_BYTES, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(MAX_UPLOAD_BYTES + 1024 * 1024, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize((int) MAX_UPLOAD_BYTES + 1, SizeUnit.BYTES);
            config.staticFiles.add(s -> {
                s.hostedPath = "/";
                s.directory = "/web";
                s.location = Location.CLASSPATH;
            });
            config.routes.before("/api/*", this::limitSize);
            config.routes.post("/api/check", this::check);
            config.routes.post("/api/view", this::view);
            config.routes.post("/api/facts", this::facts);
            config.routes.post("/api/diff", this::diff);
            config.routes.get("/api/rules", this::rules);
            config.routes.post("/api/audit/ledger", this::auditLedger);
            config.routes.post("/api/audit/allocation", this::auditAllocation);
            config.routes.get("/api/openapi.json", ctx -> ctx.contentType("application/json; charset=utf-8")
                    .result(resource("/web/openapi.json")));
            config.routes.exception(ApiError.class, (e, ctx) -> fail(ctx, e.status, e.code, e.file, e.getMessage()));
            config.routes.exception(InputException.class, (e, ctx) -> fail(ctx, 400, "bad-input", null, e.getMessage()));
            config.routes.exception(ContentTooLargeResponse.class, (e, ctx) -> tooLarge(ctx));
            config.routes.exception(HttpResponseException.class, (e, ctx) -> fail(ctx, e.getStatus(),
                    code(e.getStatus()), null, e.getMessage()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                if (causedByTooLarge(e)) {
                    tooLarge(ctx);
                } else {
                    fail(ctx, 500, "internal", null, "内部错误 (internal error): " + e.getClass().getSimpleName()
                            + " — 请报告此问题 (please report)");
                }
            });
            config.routes.error(404, "application/json", ctx -> fail(ctx, 404, "not-found", null,
                    "没有这个地址 (no such endpoint): " + ctx.method() + " " + ctx.path()));
            config.routes.error(405, "application/json", ctx -> fail(ctx, 405, "method-not-allowed", null,
                    "不支持该方法 (method not allowed): " + ctx.method() + " " + ctx.path()));
        });
        app.start(host, port);
    }

    /**
     * Starts a server.
     *
     * @param service the shared check service (engine built); the audits run its ruleset and parameters
     * @param host    the address to bind, e.g. {@code 127.0.0.1}
     * @param port    the port, or 0 for any free port
     * @return the running server
     */
    public static XianjieServer start(CheckService service, String host, int port) {
        return new XianjieServer(service, host, port, TimeUnit.SECONDS.toMillis(REQUEST_TIMEOUT_SECONDS));
    }

    /** As {@link #start(CheckService, String, int)} with another request timeout (for tests). */
    static XianjieServer start(CheckService service, String host, int port, long timeoutMillis) {
        return new XianjieServer(service, host, port, timeoutMillis);
    }

    /** @return the port it listens on */
    public int port() {
        return app.port();
    }

    /** Stops the server and its worker threads. */
    @Override
    public void close() {
        app.stop();
        workers.shutdownNow();
    }

    // ---- handlers ---------------------------------------------------------------------------------

    private void check(Context ctx) {
        String format = param(ctx, "format", "json");
        if (!CheckService.FORMATS.contains(format)) {
            throw new ApiError(400, "bad-input", null, "format: '" + format + "' 无效，可用：" + String.join(", ", CheckService.FORMATS));
        }
        boolean english = english(ctx);
        List<Upload> ups = uploads(ctx);
        Upload up = ups.get(0);
        byte[] bytes = timed(up.name(), () -> CheckService.render(checkReport(ctx, ups), format, english));
        ctx.contentType(CONTENT_TYPES.get(format));
        if (format.equals("xlsx") || format.equals("csv")) {
            ctx.header("Content-Disposition", "attachment; filename=\"" + baseName(up.name()) + "-"
                    + (format.equals("xlsx") ? "workpaper.xlsx" : "results.csv") + "\"");
        }
        ctx.result(bytes);
    }

    private void view(Context ctx) {
        List<Upload> ups = uploads(ctx);
        String json = timed(ups.get(0).name(), () -> {
            Report report = checkReport(ctx, ups);
            List<Map<String, Object>> projects = new ArrayList<>();
            for (Project p : report.evaluation().plan().getProjects()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("subject", p.getSubject());
                m.put("name", p.getName());
                m.put("amount", p.getAmount() == null ? null : p.getAmount().toPlainString());
                m.put("category", p.getCategory() == null ? null : p.getCategory().name());
                m.put("industryChain", p.getIndustryChain() == null ? null : p.getIndustryChain().name());
                projects.add(m);
            }
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("report", report.toTree());
            root.put("projects", projects);
            return JsonReportWriter.pretty(root);
        });
        ctx.contentType(CONTENT_TYPES.get("json")).result(json);
    }

    /** The plan facts a table states itself (year and fund source from its title), for prefilling the form. */
    private void facts(Context ctx) {
        Upload up = upload(ctx);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", up.name());
        String json = timed(up.name(), () -> {
            try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix())) {
                Path p = up.write(fs);
                CountyPlan plan;
                if (up.isJson()) {
                    plan = CheckService.read(p, PlanFacts.NONE, null);
                } else {
                    String sheet = param(ctx, "sheet", null);
                    // A placeholder county lets the reader take year and fund source from the title alone.
                    plan = CheckService.read(p, PlanFacts.fromOptions("?", null, null, null, null, null, null, sheet)
                            .withAmountColumn(param(ctx, "amountColumn", param(ctx, "amount-column", null))), null);
                    plan.county = null;
                }
                out.put("county", plan.getCounty());
                out.put("prefecture", plan.getPrefecture());
                out.put("year", plan.getYear());
                out.put("fundSource", plan.getFundSource() == null ? null : plan.getFundSource().name());
                out.put("allocation", plan.getAllocationAmount() == null ? null : plan.getAllocationAmount().toPlainString());
                out.put("projects", plan.getProjects().size());
            } catch (InputException e) {
                out.put("unread", ApiError.body("bad-input", up.name(), e.getMessage()));
            }
            return JsonReportWriter.pretty(out);
        });
        ctx.contentType(CONTENT_TYPES.get("json")).result(json);
    }

    private void diff(Context ctx) {
        boolean json = param(ctx, "format", "json").equals("json");
        boolean english = english(ctx);
        Upload up = upload(ctx);
        String body = timed(up.name(), () -> {
            try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix())) {
                Path p = up.write(fs);
                PlanFacts facts = planFacts(ctx);
                CountyPlan planA = CheckService.read(p, facts, null);
                CountyPlan planB = CheckService.read(p, facts, null);
                int from = CheckService.checkYear("from", intParam(ctx, "from", planA.getYear() - 1));
                int to = CheckService.checkYear("to", intParam(ctx, "to", planA.getYear()));
                CheckService.Diff d = service.diff(planA, planB, from, to, up.name());
                if (json) {
                    return JsonReportWriter.pretty(d.tree());
                }
                return d.text(english);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        ctx.contentType(CONTENT_TYPES.get(json ? "json" : "text")).result(body);
    }

    private void rules(Context ctx) {
        int year = CheckService.checkYear("year", intParam(ctx, "year", LocalDate.now().getYear()));
        String fund = param(ctx, "fund", null);
        List<FundSource> funds;
        try {
            funds = fund == null ? List.of(FundSource.values()) : List.of(Coded.parse(FundSource.class, fund));
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "bad-input", null, "fund: " + e.getMessage());
        }
        ctx.contentType(CONTENT_TYPES.get("json")).result(JsonReportWriter.pretty(service.rulebook(year, funds)));
    }

    /**
     * {@code xianjie audit ledger LEDGER --plans DIR}: multipart {@code ledger} (.csv/.xlsx) and one or more
     * {@code plans} (.json); {@code ?format=json|text}, {@code lang}, {@code maxPerTest}, {@code measuresYear}. The
     * ledger reader streams from a file, so the uploads go to a temporary folder deleted after the response.
     */
    private void auditLedger(Context ctx) {
        String format = param(ctx, "format", "json");
        if (!format.equals("json") && !format.equals("text")) {
            throw new ApiError(400, "bad-input", null, "format: '" + format + "' 无效，可用：json, text");
        }
        boolean english = english(ctx);
        int cap = wholeParam(ctx, "maxPerTest", 20);
        List<Upload> ledgers = parts(ctx, "ledger", List.of(".csv", ".xlsx", ".xlsm"));
        if (ledgers.size() != 1) {
            throw new ApiError(400, "bad-input", null, "ledger: 只接受一个台账文件，收到 " + ledgers.size() + " 个 (one ledger file)");
        }
        List<Upload> plans = planParts(parts(ctx, "plans", List.of(".json")));
        Upload ledger = ledgers.get(0);
        String body = timed(ledger.name(), () -> {
            Path dir = Files.createTempDirectory("xianjie-audit");
            try {
                Path lf = dir.resolve(ledger.name());
                Files.write(lf, ledger.bytes());
                Path pd = Files.createDirectory(dir.resolve("plans"));
                for (Upload u : plans) {
                    Files.write(pd.resolve(u.name()), u.bytes());
                }
                List<CountyPlan> ps = LedgerAudit.plans(pd);
                Integer given = intParam(ctx, "measuresYear", null);
                int year = given != null ? given : ps.get(0).getYear();
                if (year < 2000 || year > 2100) {
                    throw new InputException((given != null ? "measuresYear" : "年度 (year)") + ": " + year + " 不在 2000–2100 之间");
                }
                Map<String, Object> input = new LinkedHashMap<>();
                input.put("file", ledger.name());
                input.put("sha256", CheckService.sha256(ledger.bytes()));
                AuditReport report = LedgerAudit.run(lf, ps, audits.ruleset(), audits::engine, audits.parameters(), year, null,
                        new ArrayList<>(List.of(input)));
                return format.equals("json") ? report.json() : report.text(english, cap);
            } catch (InputException e) {
                // name the uploads as the client named them, not by the server's temporary folder
                throw new InputException(e.getMessage().replace(dir + java.io.File.separator, "").replace(dir.toString(), ""));
            } finally {
                try (java.util.stream.Stream<Path> all = Files.walk(dir)) {
                    all.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        });
        ctx.contentType(CONTENT_TYPES.get(format)).result(body);
    }

    /**
     * {@code xianjie audit allocation TABLE… [--plans DIR] [--budget FILE] [--factors FILE] [--notices FILE]}: multipart
     * {@code allocation} (one or more .csv/.xlsx allocation tables, audited in the order sent), optional {@code budget},
     * {@code factors}, {@code notices} (one .csv/.xlsx each) and {@code plans} (county plan .json files, any number);
     * the options {@code fund}, {@code factorColumn}, {@code measuresYear}, {@code format=json|text|xlsx},
     * {@code lang}, {@code maxPerTest} as query parameters or form fields. The uploads are read from an in-memory file
     * system, the tables and side files by their names and the plans from a folder {@code plans}: the report is the
     * one {@code xianjie audit allocation} writes when run in a folder holding those files with {@code --plans plans}.
     */
    private void auditAllocation(Context ctx) {
        String format = param(ctx, "format", "json");
        if (!AuditService.FORMATS.contains(format)) {
            throw new ApiError(400, "bad-input", null, "format: '" + format + "' 无效，可用：" + String.join(", ", AuditService.FORMATS));
        }
        boolean english = english(ctx);
        int cap = wholeParam(ctx, "maxPerTest", 20);
        int factorColumn = wholeParam(ctx, "factorColumn", wholeParam(ctx, "factor-column", 1));
        Integer measuresYear = intParam(ctx, "measuresYear", null);
        if (measuresYear != null) {
            CheckService.checkYear("measuresYear", measuresYear);
        }
        String fund = param(ctx, "fund", null);
        List<Upload> tables = parts(ctx, "allocation", TABLE_TYPES);
        Upload budget = optionalPart(ctx, "budget", TABLE_TYPES);
        Upload factors = optionalPart(ctx, "factors", TABLE_TYPES);
        Upload notices = optionalPart(ctx, "notices", TABLE_TYPES);
        List<Upload> plans = uploadedFiles(ctx, "plans").isEmpty() ? List.of() : planParts(parts(ctx, "plans", List.of(".json")));
        // the tables and side files lie side by side, the plans in their folder: one name, one file
        Map<String, String> shown = new LinkedHashMap<>();
        List<Upload> flat = new ArrayList<>(tables);
        for (Upload u : new Upload[] {budget, factors, notices}) {
            if (u != null) {
                flat.add(u);
            }
        }
        for (Upload u : flat) {
            if (shown.put(u.name(), u.name()) != null) {
                throw new ApiError(400, "bad-input", u.name(), u.name() + ": 同名文件上传了两次 (the same file name was uploaded twice)");
            }
        }
        plans.forEach(u -> shown.put("plans/" + u.name(), u.name()));
        byte[] body = timed(shown, () -> {
            try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix())) {
                List<Path> ts = new ArrayList<>();
                for (Upload u : tables) {
                    ts.add(u.write(fs));
                }
                Path pd = null;
                if (!plans.isEmpty()) {
                    pd = Files.createDirectory(fs.getPath("plans"));
                    for (Upload u : plans) {
                        Files.write(pd.resolve(u.name()), u.bytes());
                    }
                }
                AuditReport report = audits.allocation(new AuditService.AllocationRequest(ts, fund, pd,
                        budget == null ? null : budget.write(fs), factors == null ? null : factors.write(fs), factorColumn,
                        notices == null ? null : notices.write(fs), measuresYear));
                return AuditService.render(report, format, english, cap);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        ctx.contentType(CONTENT_TYPES.get(format));
        if (format.equals("xlsx")) {
            ctx.header("Content-Disposition", "attachment; filename=\"" + baseName(tables.get(0).name()) + "-audit.xlsx\"");
        }
        ctx.result(body);
    }

    // ---- the check itself -------------------------------------------------------------------------

    /**
     * What {@code xianjie check} does for the same files: one plan, or several batch plans merged into the year
     * (uploaded in the order given), the stage override, the justification check, the measures year.
     */
    private Report checkReport(Context ctx, List<Upload> ups) {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix())) {
            List<Path> files = new ArrayList<>();
            for (Upload up : ups) {
                files.add(up.write(fs));
            }
            CountyPlan plan = CheckService.readYear(files, planFacts(ctx));
            CheckService.applyStage(plan, param(ctx, "stage", null));
            CheckService.requireKnownJustifications(files.get(0).toString(), plan, service.ruleset());
            int year = CheckService.measuresYear("measuresYear", intParam(ctx, "measuresYear", null), plan.getYear(),
                    service.parameters());
            return service.check(plan, year, CheckService.inputName(files), CheckService.sha256(files));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The plan facts of {@code check}'s table options, from query parameters or form fields of the same names. */
    private static PlanFacts planFacts(Context ctx) {
        String document = param(ctx, "documentNo", param(ctx, "document-no", null));
        String issued = param(ctx, "issuedOn", param(ctx, "issued-on", null));
        String amountColumn = param(ctx, "amountColumn", param(ctx, "amount-column", null));
        return PlanFacts.fromOptions(param(ctx, "county", null), param(ctx, "prefecture", null), intParam(ctx, "year", null),
                param(ctx, "fund", null), param(ctx, "allocation", null), document, null, param(ctx, "sheet", null), issued)
                .withAmountColumn(amountColumn);
    }

    /** Runs a check on a worker thread, answering 503 when it takes longer than the request timeout. */
    private <T> T timed(String file, java.util.concurrent.Callable<T> task) {
        return timed(file, Map.of(), task);
    }

    /**
     * As {@link #timed(String, java.util.concurrent.Callable)} for a request of several files: a reader's error names
     * the upload its message starts with ({@code shown}: the path as the readers name it → the upload's name).
     */
    private <T> T timed(Map<String, String> shown, java.util.concurrent.Callable<T> task) {
        return timed(null, shown, task);
    }

    private <T> T timed(String file, Map<String, String> shown, java.util.concurrent.Callable<T> task) {
        Future<T> f = workers.submit(task);
        try {
            return f.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new ApiError(503, "timeout", null, "检查超时（超过 " + timeoutMillis / 1000.0 + " 秒）(the check took too long)");
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new ApiError(503, "timeout", null, "请求被中断 (interrupted)");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof InputException) {
                String named = file;
                int longest = -1;
                for (Map.Entry<String, String> s : shown.entrySet()) {
                    if (c.getMessage().startsWith(s.getKey()) && s.getKey().length() > longest) {
                        named = s.getValue();
                        longest = s.getKey().length();
                    }
                }
                throw new ApiError(400, "bad-input", named, c.getMessage());
            }
            if (c instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(c);
        }
    }

    // ---- request parsing --------------------------------------------------------------------------

    /** An uploaded plan: its sanitised file name and bytes, held in memory. */
    private record Upload(String name, byte[] bytes) {
        boolean isJson() {
            return name.toLowerCase(Locale.ROOT).endsWith(".json");
        }

        Path write(FileSystem fs) throws IOException {
            Path p = fs.getPath(name);
            Files.write(p, bytes);
            return p;
        }
    }

    /** The one uploaded plan of a request that takes one file. */
    private Upload upload(Context ctx) {
        List<Upload> ups = uploads(ctx);
        if (ups.size() > 1) {
            throw new ApiError(400, "bad-input", null, "plan: 此接口只接受一个计划文件，收到 " + ups.size() + " 个 (this endpoint takes one plan file)");
        }
        return ups.get(0);
    }

    /**
     * The uploaded plans: every file in form field {@code plan} (several batch plans of one year, in the order sent),
     * or the JSON body.
     */
    private List<Upload> uploads(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        List<Upload> ups = new ArrayList<>();
        if (type.startsWith("multipart/form-data")) {
            List<UploadedFile> files;
            try {
                files = ctx.uploadedFiles("plan");
            } catch (RuntimeException e) {
                if (causedByTooLarge(e)) {
                    throw new ApiError(413, "too-large", null, tooLargeMessage());
                }
                throw new ApiError(400, "bad-input", null, "无法读取上传内容 (unreadable multipart body)");
            }
            if (files.isEmpty()) {
                throw new ApiError(400, "bad-input", null, "plan: 缺少上传的计划文件（表单字段 plan）(no file in form field plan)");
            }
            long total = 0;
            for (UploadedFile f : files) {
                total += f.size();
                if (f.size() > MAX_UPLOAD_BYTES || total > MAX_UPLOAD_BYTES) {
                    throw new ApiError(413, "too-large", f.filename(), tooLargeMessage());
                }
                Upload up;
                try (InputStream in = f.content()) {
                    up = new Upload(safeName(f.filename()), in.readAllBytes());
                } catch (IOException e) {
                    throw new ApiError(400, "bad-input", f.filename(), "无法读取上传文件 (cannot read the upload): " + e.getMessage());
                }
                if (ups.stream().anyMatch(u -> u.name().equals(up.name()))) {
                    throw new ApiError(400, "bad-input", up.name(), up.name() + ": 同名文件上传了两次 (the same file name was uploaded twice)");
                }
                ups.add(up);
            }
        } else if (type.startsWith("application/json")) {
            String name = safeName(param(ctx, "name", "plan.json"));
            if (!name.toLowerCase(Locale.ROOT).endsWith(".json")) {
                name = name + ".json";
            }
            ups.add(new Upload(name, ctx.bodyAsBytes()));
        } else {
            throw new ApiError(415, "unsupported-media-type", null, "请求类型应为 multipart/form-data（上传文件 plan）或 application/json（JSON 计划），而不是 '"
                    + (type.isEmpty() ? "无" : type) + "' (send multipart/form-data or application/json)");
        }
        for (Upload up : ups) {
            String lower = up.name().toLowerCase(Locale.ROOT);
            if (PLAN_TYPES.stream().noneMatch(lower::endsWith)) {
                throw new ApiError(415, "unsupported-media-type", up.name(), up.name() + (lower.endsWith(".xls")
                        ? ": 不支持旧版 .xls，请在 Excel/WPS 中另存为 .xlsx (legacy .xls is not supported; save as .xlsx)"
                        : ": 不支持的文件类型，应为 .json、.csv 或 .xlsx (unsupported file type)"));
            }
        }
        return ups;
    }

    /** The files of one multipart field, each of one of the given types (by name), within the upload limit. */
    private List<Upload> parts(Context ctx, String field, List<String> types) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("multipart/form-data")) {
            throw new ApiError(415, "unsupported-media-type", null, "请求类型应为 multipart/form-data（上传文件 " + field + "）(send multipart/form-data)");
        }
        List<UploadedFile> files;
        try {
            files = ctx.uploadedFiles(field);
        } catch (RuntimeException e) {
            if (causedByTooLarge(e)) {
                throw new ApiError(413, "too-large", null, tooLargeMessage());
            }
            throw new ApiError(400, "bad-input", null, "无法读取上传内容 (unreadable multipart body)");
        }
        if (files.isEmpty()) {
            throw new ApiError(400, "bad-input", null, field + ": 缺少上传的文件（表单字段 " + field + "）(no file in form field " + field + ")");
        }
        List<Upload> ups = new ArrayList<>();
        for (UploadedFile f : files) {
            if (f.size() > MAX_UPLOAD_BYTES) {
                throw new ApiError(413, "too-large", f.filename(), tooLargeMessage());
            }
            Upload up;
            try (InputStream in = f.content()) {
                up = new Upload(safeName(f.filename()), in.readAllBytes());
            } catch (IOException e) {
                throw new ApiError(400, "bad-input", f.filename(), "无法读取上传文件 (cannot read the upload): " + e.getMessage());
            }
            String lower = up.name().toLowerCase(Locale.ROOT);
            if (types.stream().noneMatch(lower::endsWith)) {
                throw new ApiError(415, "unsupported-media-type", up.name(), up.name() + ": " + field + " 应为 "
                        + String.join("、", types) + " 文件 (unsupported file type)");
            }
            if (ups.stream().anyMatch(u -> u.name().equals(up.name()))) {
                throw new ApiError(400, "bad-input", up.name(), up.name() + ": 同名文件上传了两次 (the same file name was uploaded twice)");
            }
            ups.add(up);
        }
        return ups;
    }

    /**
     * The uploaded plans, each one the folder rule ({@link io.github.xianjie.input.PlanFolder}) reads as a plan: a name
     * starting with "." or "~$", or a {@code *.meta.json} side file, would be written into the plans folder and then
     * skipped by it, the upload silently lost, so it is refused naming the file.
     */
    private static List<Upload> planParts(List<Upload> plans) {
        for (Upload u : plans) {
            if (io.github.xianjie.input.PlanFolder.kind(java.nio.file.Path.of("plans").resolve(u.name()))
                    != io.github.xianjie.input.PlanFolder.Kind.JSON_PLAN) {
                throw new ApiError(400, "bad-input", u.name(), u.name() + ": plans 的文件名以「.」或「~$」开头或以 .meta.json 结尾，"
                        + "按文件夹规则不是计划，不会被读取；请改名后再上传 (not read as a plan by its name; rename it)");
            }
        }
        return plans;
    }

    /** The one file of an optional multipart field, or null when the field is absent. */
    private Upload optionalPart(Context ctx, String field, List<String> types) {
        if (!ctx.isMultipartFormData() || uploadedFiles(ctx, field).isEmpty()) {
            return null;
        }
        List<Upload> ups = parts(ctx, field, types);
        if (ups.size() > 1) {
            throw new ApiError(400, "bad-input", null, field + ": 只接受一个文件，收到 " + ups.size() + " 个 (one file in form field " + field + ")");
        }
        return ups.get(0);
    }

    /** The files of a multipart field, as Javalin gives them; 413/400 for a body that cannot be read. */
    private static List<UploadedFile> uploadedFiles(Context ctx, String field) {
        try {
            return ctx.uploadedFiles(field);
        } catch (RuntimeException e) {
            if (causedByTooLarge(e)) {
                throw new ApiError(413, "too-large", null, tooLargeMessage());
            }
            throw new ApiError(400, "bad-input", null, "无法读取上传内容 (unreadable multipart body)");
        }
    }

    /**
     * The last segment of a client's file name, without control characters; never empty; at most 200 characters and
     * 240 bytes in UTF-8 (its end kept, so the extension stays), so it fits a file name on disk (255 bytes), where the
     * ledger audit writes its uploads: 200 Chinese characters are 600 bytes and failed there with an internal error.
     */
    static String safeName(String name) {
        String n = name == null ? "" : name;
        n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
        n = n.replaceAll("[\\p{Cntrl}]", "").strip();
        if (n.isEmpty() || n.equals(".") || n.equals("..")) {
            n = "plan";
        }
        n = n.length() > 200 ? n.substring(n.length() - 200) : n;
        while (n.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 240) {
            n = n.substring(n.offsetByCodePoints(0, 1));
        }
        return n;
    }

    private static String baseName(String name) {
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name).replaceAll("[\"\\\\;]", "_").replaceAll("[^\\x20-\\x7E]", "_");
    }

    /** A query parameter, else a multipart form field; blank is absent. */
    private static String param(Context ctx, String name, String fallback) {
        String v = ctx.queryParam(name);
        if ((v == null || v.isBlank()) && ctx.isMultipartFormData()) {
            v = ctx.formParam(name);
        }
        return v == null || v.isBlank() ? fallback : v.strip();
    }

    private static Integer intParam(Context ctx, String name, Integer fallback) {
        String v = param(ctx, name, null);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw new ApiError(400, "bad-input", null, "--" + name + ": '" + v + "' 不是年份 (not a year)");
        }
    }

    /** A whole-number option (a count, a column number), from a query parameter or form field. */
    private static int wholeParam(Context ctx, String name, int fallback) {
        String v = param(ctx, name, null);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new ApiError(400, "bad-input", null, "--" + name + ": '" + v + "' 不是整数 (not a whole number)");
        }
    }

    private static boolean english(Context ctx) {
        String lang = param(ctx, "lang", "zh");
        if (!lang.equals("zh") && !lang.equals("en")) {
            throw new ApiError(400, "bad-input", null, "--lang: '" + lang + "' 无效，可用：zh, en");
        }
        return lang.equals("en");
    }

    // ---- errors -----------------------------------------------------------------------------------

    private void limitSize(Context ctx) {
        if (ctx.contentLength() > MAX_UPLOAD_BYTES + 1024 * 1024) {
            throw new ApiError(413, "too-large", null, tooLargeMessage());
        }
    }

    private static String code(int status) {
        return switch (status) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 413 -> "too-large";
            case 415 -> "unsupported-media-type";
            default -> status >= 500 ? "internal" : "bad-request";
        };
    }

    private static String tooLargeMessage() {
        return "上传文件超过 " + MAX_UPLOAD_BYTES / (1024 * 1024) + " MiB 的上限 (upload larger than "
                + MAX_UPLOAD_BYTES / (1024 * 1024) + " MiB)";
    }

    private static boolean causedByTooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ContentTooLargeResponse) {
                return true;
            }
            String m = t.getMessage();
            if (m != null && (m.contains("exceeds") || m.contains("too large") || m.contains("Too Large") || m.contains("max size"))) {
                return true;
            }
        }
        return false;
    }

    private static void tooLarge(Context ctx) {
        fail(ctx, 413, "too-large", null, tooLargeMessage());
    }

    private static void fail(Context ctx, int status, String code, String file, String message) {
        ctx.status(status).contentType(CONTENT_TYPES.get("json")).result(JsonReportWriter.pretty(ApiError.body(code, file, message)));
    }

    private static byte[] resource(String path) {
        try (InputStream in = XianjieServer.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
