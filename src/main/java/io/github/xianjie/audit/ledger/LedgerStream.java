package io.github.xianjie.audit.ledger;

import io.github.xianjie.domain.Project;
import io.github.xianjie.input.InputException;
import io.github.xianjie.input.Limits;
import io.github.xianjie.input.Units;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * One pass over a payment ledger (CSV in UTF-8 or GB18030 through commons-csv; XLSX through POI's streaming
 * SAX reader), keeping state per project and per (project, payee, account type), never the rows:
 * <ul>
 *   <li>per project: rows and sums by type ({@link LedgerProject});</li>
 *   <li>per (project, payee, account type): count, amount, last date, and the vouchers — all of them when
 *       the group may be a finding (account type not one of the four payee types, payee not the project's,
 *       project not in the plans), else the first {@link #VOUCHERS_KEPT} ({@link PaymentGroup});</li>
 *   <li>one 64-bit fingerprint of (payee, amount, date) per row for LG-11, in an open-addressing table:
 *       about 10.7 bytes per row;</li>
 *   <li>the few rows a rule may name ({@link Payment}): recoveries, prepayments not after their approval,
 *       rows outside the project's dates, rows in the band just under the split threshold, repeated fingerprints.</li>
 * </ul>
 * These screens only choose what to keep; the rules in ledger.drl decide.
 */
public final class LedgerStream {
    /** Vouchers kept per group that cannot be a finding. */
    public static final int VOUCHERS_KEPT = 3;
    /** Largest number of kept rows before the stream stops with an error (memory bound). */
    public static final int MAX_KEPT_ROWS = 1_000_000;
    private static final java.util.Set<String> PAYEE_ACCOUNTS = java.util.Set.of("ENTERPRISE", "COOPERATIVE", "VILLAGE_COLLECTIVE", "INDIVIDUAL");
    private static final String[][] FIELDS = {
            {"voucherNo", "凭证号"}, {"projectId", "项目编号"}, {"paidOn", "支付日期"}, {"amount", "支付金额"},
            {"type", "支付类型"}, {"payee", "收款人"}, {"payeeAccountType", "收款账户类型"}, {"memo", "摘要"}};

    private final String file;
    private final Map<String, Project> projects;
    private final BigDecimal bandLower;
    private final BigDecimal threshold;
    private final Map<String, Acc> perProject = new LinkedHashMap<>();
    private long groupCount;
    private final List<Payment> kept = new ArrayList<>();
    private FingerprintSet fingerprints;
    private VoucherIndex vouchers;
    private long fingerprintBytes;
    private int[] col;
    private BigDecimal scale = BigDecimal.ONE;
    private long unitRow;
    private String unitWord;
    private long rows;
    private long line;
    private String title = "";

    /**
     * @param file      the ledger as given (for messages)
     * @param projects  plan projects by id
     * @param bandLower lower end of the split band, 万元 (threshold × (1 − band))
     * @param threshold split threshold, 万元
     */
    public LedgerStream(String file, Map<String, Project> projects, BigDecimal bandLower, BigDecimal threshold) {
        this.file = file;
        this.projects = projects;
        this.bandLower = bandLower;
        this.threshold = threshold;
    }

    private static final class Acc {
        final List<Group> groups = new ArrayList<>(2);
        long rows;
        BigDecimal prepaid = BigDecimal.ZERO;
        BigDecimal progress = BigDecimal.ZERO;
        BigDecimal finalPaid = BigDecimal.ZERO;
        BigDecimal recovered = BigDecimal.ZERO;
    }

    private static final class Group {
        final Project project;
        final String projectId;
        final String payee;
        final String accountType;
        final boolean keepAll;
        long count;
        BigDecimal amount = BigDecimal.ZERO;
        LocalDate last;
        final List<String> vouchers = new ArrayList<>(2);

        Group(Project project, String projectId, String payee, String accountType, boolean keepAll) {
            this.project = project;
            this.projectId = projectId;
            this.payee = payee;
            this.accountType = accountType;
            this.keepAll = keepAll;
        }
    }

    /**
     * Reads the whole ledger.
     *
     * @param path     .csv or .xlsx
     * @param progress where to draw a progress bar (rows, rows/s, ETA), or null for none
     * @throws InputException naming file, line and field for unreadable input
     */
    public void read(Path path, PrintStream progress) {
        long size;
        try {
            size = Files.size(path);
        } catch (IOException e) {
            throw new InputException(file + ": 文件不存在或无法读取 (cannot read)");
        }
        Progress bar = new Progress(progress, size);
        if (path.toString().toLowerCase().endsWith(".xlsx")) {
            fingerprints = new FingerprintSet(size / 40);
            vouchers = new VoucherIndex(size / 40);
            readXlsx(path, bar);
        } else {
            long expected = estimateRows(path, size);
            fingerprints = new FingerprintSet(expected);
            vouchers = new VoucherIndex(expected);
            readCsv(path, bar);
        }
        bar.done(rows);
        fingerprintBytes = fingerprints.bytes();
        vouchers = null;
        fingerprints = null; // the rules need only the repeated rows, already kept
        if (col == null) {
            throw new InputException(file + ": 找不到表头行（应含「凭证号」「项目编号」「支付日期」「支付金额」…）(no header row)");
        }
    }

    private void readCsv(Path path, Progress bar) {
        Charset cs = sniff(path);
        try (CountingStream in = new CountingStream(Files.newInputStream(path));
             BufferedReader r = new BufferedReader(new InputStreamReader(in, cs.newDecoder()
                     .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
             CSVParser p = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get().parse(r)) {
            String[] cells = new String[0];
            for (CSVRecord rec : p) {
                line++;
                if (cells.length != rec.size()) {
                    cells = new String[rec.size()];
                }
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = rec.get(i);
                }
                if (line == 1 && cells.length > 0 && cells[0].startsWith("\uFEFF")) {
                    cells[0] = cells[0].substring(1);
                }
                row(cells);
                if ((line & 0x3FFF) == 0) {
                    bar.update(rows, in.count);
                }
            }
        } catch (CharacterCodingException e) {
            throw new InputException(file + " 第 " + (line + 1) + " 行附近: 不是有效的 " + cs + " 编码 (malformed text)");
        } catch (UncheckedIOException e) {
            throw new InputException(file + " 第 " + (line + 1) + " 行附近: CSV 无法解析 (malformed CSV): " + e.getMessage());
        } catch (IOException e) {
            throw new InputException(file + ": 无法读取 (cannot read): " + e.getMessage());
        }
    }

    /** Rows expected from the newlines in the first megabyte, plus 5%. */
    private long estimateRows(Path path, long size) {
        byte[] head = new byte[1 << 20];
        int n;
        try (InputStream in = Files.newInputStream(path)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new InputException(file + ": 文件不存在或无法读取 (cannot read)");
        }
        long lines = 0;
        for (int i = 0; i < n; i++) {
            if (head[i] == '\n') {
                lines++;
            }
        }
        return n == 0 ? 0 : (long) (size * (double) Math.max(lines, 1) / n * 1.05);
    }

    /** UTF-8 when the first megabyte decodes as UTF-8, else GB18030. */
    private Charset sniff(Path path) {
        byte[] head = new byte[1 << 20];
        int n;
        try (InputStream in = Files.newInputStream(path)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new InputException(file + ": 文件不存在或无法读取 (cannot read)");
        }
        int end = n;
        while (n == head.length && end > n - 4 && end > 0 && (head[end - 1] & 0xC0) == 0x80) {
            end--;
        }
        if (n == head.length && end > 0 && (head[end - 1] & 0x80) != 0) {
            end--;
        }
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        try {
            d.decode(ByteBuffer.wrap(head, 0, end));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return Charset.forName("GB18030");
        }
    }

    private void readXlsx(Path path, Progress bar) {
        try (OPCPackage pkg = OPCPackage.open(path.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            XMLReader xml = org.apache.poi.util.XMLHelper.newXMLReader();
            List<String> cells = new ArrayList<>();
            xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings,
                    new XSSFSheetXMLHandler.SheetContentsHandler() {
                        @Override
                        public void startRow(int rowNum) {
                            cells.clear();
                            while (line < rowNum) {
                                line++;
                                if (line < rowNum) {
                                    row(new String[0]);
                                }
                            }
                        }

                        @Override
                        public void endRow(int rowNum) {
                            row(cells.toArray(new String[0]));
                            if ((line & 0x3FFF) == 0) {
                                bar.update(rows, -1);
                            }
                        }

                        @Override
                        public void cell(String ref, String value, XSSFComment comment) {
                            int c = new CellReference(ref).getCol();
                            while (cells.size() < c) {
                                cells.add("");
                            }
                            cells.add(value == null ? "" : value);
                        }
                    }, new IsoDates(), false));
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!it.hasNext()) {
                throw new InputException(file + ": 工作簿没有工作表 (no sheet)");
            }
            try (InputStream sheet = it.next()) {
                line = 0;
                xml.parse(new InputSource(sheet));
            }
        } catch (InputException e) {
            throw e;
        } catch (Exception e) {
            throw new InputException(file + ": 不是可读的 XLSX 文件 (not a readable XLSX file): " + e.getMessage());
        }
    }

    /** Formats date cells as yyyy-MM-dd, other cells as Excel shows them. */
    private static final class IsoDates extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (org.apache.poi.ss.usermodel.DateUtil.isADateFormat(formatIndex, formatString)
                    && org.apache.poi.ss.usermodel.DateUtil.isValidExcelDate(value)) {
                return org.apache.poi.ss.usermodel.DateUtil.getLocalDateTime(value, use1904).toLocalDate().toString();
            }
            // the same reading as plan tables: Excel's 15 significant digits, so 79.71 stays 79.71
            return io.github.xianjie.input.TablePlanReader.fromSpreadsheetNumber(value).toPlainString();
        }
    }

    private void row(String[] cells) {
        if (col == null) {
            header(cells);
            return;
        }
        boolean blank = true;
        for (String c : cells) {
            if (!c.isBlank()) {
                blank = false;
                break;
            }
        }
        if (blank) {
            return;
        }
        rows++;
        String voucher = need(cells, 0);
        long first = vouchers.firstLine(voucher, line);
        if (first > 0) {
            throw new InputException(file + " 第 " + line + " 行「凭证号」(voucherNo): '" + voucher + "' 与第 " + first
                    + " 行重复；凭证号应每行唯一 (duplicate voucher number)");
        }
        String pid = need(cells, 1);
        LocalDate on = date(need(cells, 2));
        BigDecimal amount = amount(need(cells, 3));
        String type = type(need(cells, 4));
        String payee = need(cells, 5).trim();
        String account = account(need(cells, 6));
        Project p = projects.get(pid);
        Acc acc = perProject.computeIfAbsent(pid, k -> new Acc());
        acc.rows++;
        switch (type) {
            case "PREPAYMENT" -> acc.prepaid = acc.prepaid.add(amount);
            case "PROGRESS" -> acc.progress = acc.progress.add(amount);
            case "FINAL" -> acc.finalPaid = acc.finalPaid.add(amount);
            default -> acc.recovered = acc.recovered.add(amount);
        }
        boolean recovery = type.equals("RECOVERY");
        BigDecimal norm = amount.stripTrailingZeros();
        boolean repeated = !recovery && fingerprints.addAndCheck(FingerprintSet.of(payee, norm.unscaledValue().longValue(), norm.scale(), on.toEpochDay()));
        if (!recovery) {
            Group g = null;
            for (Group x : acc.groups) {
                if (x.payee.equals(payee) && x.accountType.equals(account)) {
                    g = x;
                    break;
                }
            }
            if (g == null) {
                boolean keepAll = p == null || !PAYEE_ACCOUNTS.contains(account) || (p.payee != null && !p.payee.equals(payee));
                g = new Group(p, pid, payee, account, keepAll);
                acc.groups.add(g);
                groupCount++;
            }
            g.count++;
            g.amount = g.amount.add(amount);
            if (g.last == null || on.isAfter(g.last)) {
                g.last = on;
            }
            if (g.keepAll || g.vouchers.size() < VOUCHERS_KEPT) {
                g.vouchers.add(voucher);
            }
        }
        boolean keep = recovery || repeated
                || (type.equals("PREPAYMENT") && (p == null || p.prepaymentApprovedOn == null || on.isBefore(p.prepaymentApprovedOn)))
                || (p != null && ((p.startOn != null && on.isBefore(p.startOn)) || (p.endOn != null && on.isAfter(p.endOn))))
                || (!recovery && amount.compareTo(bandLower) >= 0 && amount.compareTo(threshold) < 0);
        if (keep) {
            if (kept.size() >= MAX_KEPT_ROWS) {
                throw new InputException(file + ": 需逐笔列出的支付超过 " + MAX_KEPT_ROWS + " 笔，请按项目拆分台账 (too many flagged rows)");
            }
            kept.add(new Payment(line, voucher, pid, p, on, on.toEpochDay(), amount, type, payee, account, repeated));
        }
    }

    private void header(String[] cells) {
        String joined = String.join("", cells);
        String unit = joined.contains("凭证号") ? null : Units.noteUnit(joined);
        if (unit != null) {
            if (Units.scale(unit) < 0) {
                throw new InputException(file + " 第 " + line + " 行: " + Units.unsupported(unit));
            }
            scale = Units.factor(Units.scale(unit));
            unitRow = line;
            unitWord = unit;
        }
        if (col == null && !joined.contains("凭证号") && !joined.contains("voucherNo")) {
            if (title.isEmpty() && !joined.isBlank() && !joined.contains("单位")) {
                title = joined.trim();
            }
            return;
        }
        int[] c = new int[FIELDS.length];
        java.util.Arrays.fill(c, -1);
        for (int i = 0; i < cells.length; i++) {
            String h = cells[i].replaceAll("\\s", "");
            for (int f = 0; f < FIELDS.length; f++) {
                if (h.equals(FIELDS[f][0]) || h.startsWith(FIELDS[f][1])) {
                    c[f] = i;
                }
            }
            String hu = Units.headerUnit(cells[i]);
            if (hu != null) {
                if (Units.scale(hu) < 0) {
                    throw new InputException(file + " 第 " + line + " 行「" + cells[i].strip() + "」: " + Units.unsupported(hu));
                }
                if (unitRow > 0 && Units.scale(hu) != Units.scale(unitWord)) {
                    throw new InputException(file + ": " + Units.conflict(unitRow, unitWord, cells[i]));
                }
                if (unitRow == 0) {
                    scale = Units.factor(Units.scale(hu));
                }
            }
        }
        for (int f = 0; f < 7; f++) {
            if (c[f] < 0) {
                throw new InputException(file + " 第 " + line + " 行: 表头缺少「" + FIELDS[f][1] + "」(" + FIELDS[f][0] + ") 列");
            }
        }
        col = c;
    }

    private String need(String[] cells, int f) {
        int i = col[f];
        String v = i < cells.length ? cells[i].trim() : "";
        if (v.isEmpty()) {
            throw new InputException(file + " 第 " + line + " 行「" + FIELDS[f][1] + "」(" + FIELDS[f][0] + "): 为空 (blank)");
        }
        return v;
    }

    private LocalDate date(String v) {
        try {
            if (v.length() == 10 && v.charAt(4) == '-' && v.charAt(7) == '-') {
                return LocalDate.of(digits(v, 0, 4), digits(v, 5, 7), digits(v, 8, 10));
            }
            String[] p = v.replaceAll("[年/.]", "-").replace("月", "-").replace("日", "").split("-");
            if (p.length == 3) {
                return LocalDate.of(Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()), Integer.parseInt(p[2].trim()));
            }
        } catch (RuntimeException e) {
            // fall through
        }
        throw new InputException(file + " 第 " + line + " 行「支付日期」(paidOn): '" + v + "' 不是日期 (yyyy-mm-dd)");
    }

    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException(s);
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private BigDecimal amount(String v) {
        BigDecimal a;
        try {
            a = new BigDecimal(v.indexOf(',') >= 0 ? v.replace(",", "") : v);
        } catch (NumberFormatException e) {
            throw new InputException(file + " 第 " + line + " 行「支付金额」(amount): '" + v + "' 不是金额 (not an amount)");
        }
        if (a.signum() < 0) {
            throw new InputException(file + " 第 " + line + " 行「支付金额」(amount): '" + v + "' 为负数；收回请用支付类型「收回」(RECOVERY)");
        }
        BigDecimal wan = scale.compareTo(BigDecimal.ONE) == 0 ? a : a.multiply(scale);
        Limits.projectAmount(wan, file + " 第 " + line + " 行「支付金额」(amount)");
        return wan;
    }

    private String type(String v) {
        return switch (v) {
            case "PREPAYMENT", "预付", "预付款" -> "PREPAYMENT";
            case "PROGRESS", "进度款" -> "PROGRESS";
            case "FINAL", "结算", "结算款" -> "FINAL";
            case "RECOVERY", "收回", "追回" -> "RECOVERY";
            default -> throw new InputException(file + " 第 " + line + " 行「支付类型」(type): '" + v
                    + "' 无效，可用：预付 PREPAYMENT、进度款 PROGRESS、结算 FINAL、收回 RECOVERY");
        };
    }

    private String account(String v) {
        return switch (v) {
            case "ENTERPRISE", "企业" -> "ENTERPRISE";
            case "COOPERATIVE", "合作社" -> "COOPERATIVE";
            case "VILLAGE_COLLECTIVE", "村集体" -> "VILLAGE_COLLECTIVE";
            case "INDIVIDUAL", "个人" -> "INDIVIDUAL";
            case "FISCAL", "财政" -> "FISCAL";
            case "HOLDING", "代管或过渡户", "代管户", "过渡户" -> "HOLDING";
            case "IMPLEMENTER_OWN", "实施单位本单位", "本单位" -> "IMPLEMENTER_OWN";
            default -> throw new InputException(file + " 第 " + line + " 行「收款账户类型」(payeeAccountType): '" + v
                    + "' 无效，可用：企业、合作社、村集体、个人、财政、代管或过渡户、实施单位本单位");
        };
    }

    /** @return data rows read */
    public long rows() {
        return rows;
    }

    /** @return the title row, or "" */
    public String title() {
        return title;
    }

    /** @return bytes held by the LG-11 fingerprints */
    public long fingerprintBytes() {
        return fingerprints == null ? fingerprintBytes : fingerprints.bytes();
    }

    /** @return the kept rows */
    public List<Payment> kept() {
        return kept;
    }

    /**
     * @param plans plan projects in plan order
     * @return one summary per plan project (zeros when it has no rows)
     */
    public List<LedgerProject> summaries(List<Project> plans) {
        List<LedgerProject> out = new ArrayList<>();
        for (Project p : plans) {
            Acc a = perProject.getOrDefault(p.id, new Acc());
            BigDecimal cum = a.prepaid.add(a.progress).add(a.finalPaid).subtract(a.recovered);
            out.add(new LedgerProject(p, a.rows, a.prepaid, a.progress, a.finalPaid, a.recovered, cum));
        }
        return out;
    }

    /** @return the payment groups */
    public List<PaymentGroup> groups() {
        List<PaymentGroup> out = new ArrayList<>();
        for (Acc a : perProject.values()) for (Group g : a.groups) {
            out.add(new PaymentGroup(g.project, g.projectId, g.payee, g.accountType, g.count, g.amount, g.last, List.copyOf(g.vouchers)));
        }
        return out;
    }

    /** @return 项目编号 values of the ledger that are not plan projects */
    public List<String> unknownProjects() {
        List<String> out = new ArrayList<>();
        for (String id : perProject.keySet()) {
            if (!projects.containsKey(id)) {
                out.add(id);
            }
        }
        return out;
    }

    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    /** A one-line progress bar on a terminal: rows, rows/s, ETA. */
    static final class Progress {
        private final PrintStream out;
        private final long size;
        private final long start = System.nanoTime();
        private long lastDraw;

        Progress(PrintStream out, long size) {
            this.out = out;
            this.size = size;
        }

        void update(long rows, long bytes) {
            if (out == null) {
                return;
            }
            long now = System.nanoTime();
            if (now - lastDraw < 500_000_000L) {
                return;
            }
            lastDraw = now;
            double secs = (now - start) / 1e9;
            long rate = (long) (rows / Math.max(secs, 1e-3));
            String eta = bytes > 0 ? String.format("%.0f s", secs * (size - bytes) / bytes) : "?";
            String bar = "";
            if (bytes > 0) {
                int done = (int) (30 * bytes / Math.max(size, 1));
                bar = "[" + "#".repeat(done) + " ".repeat(30 - done) + "] ";
            }
            out.print("\r" + bar + String.format("%,d 行  %,d 行/秒  剩余约 %s   ", rows, rate, eta));
            out.flush();
        }

        void done(long rows) {
            if (out != null) {
                double secs = (System.nanoTime() - start) / 1e9;
                out.print(String.format("\r%,d 行，%.1f 秒，%,d 行/秒%s%n", rows, secs, (long) (rows / Math.max(secs, 1e-3)), " ".repeat(30)));
                out.flush();
            }
        }
    }

    /** @return map helper for tests: projects by id */
    static Map<String, Project> byId(List<Project> ps) {
        Map<String, Project> m = new HashMap<>();
        ps.forEach(p -> m.put(p.id, p));
        return m;
    }
}
