package io.github.xianjie.audit.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.xianjie.audit.AuditReport;
import io.github.xianjie.engine.Outcome;
import io.github.xianjie.engine.Result;
import io.github.xianjie.engine.Ruleset;
import io.github.xianjie.input.InputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * rules/ledger.drl and rules/prepayment-deduction.drl on a generated ledger (seed 42, 30 projects × 20 rows) with
 * one planted fault of every PP/LG kind at known vouchers: the audit finds exactly those, and no others.
 */
class LedgerAuditTest {
    static final Ruleset RULES = Ruleset.load(Path.of("rules"));
    static final List<String> IDS = List.of("PP-01", "PP-02", "PP-03", "PP-04", "LG-01", "LG-02", "LG-03", "LG-11", "LG-12", "LG-13", "LG-14");

    @TempDir
    static Path dir;
    static List<LedgerGenerator.Planted> planted;
    static AuditReport report;

    @BeforeAll
    static void generateAndAudit() throws IOException {
        planted = LedgerGenerator.write(dir, 42, 30, 20);
        report = audit(dir.resolve("ledger.csv"));
        report.results().forEach(r -> io.github.xianjie.support.Engines.FIRED.add(r.ruleName()));
    }

    static AuditReport audit(Path ledger) {
        return LedgerAudit.run(ledger, LedgerAudit.plans(dir.resolve("plans")), RULES, RULES.parameters(), 2024, null, List.of());
    }

    static Set<String> failures(AuditReport r) {
        Set<String> s = new TreeSet<>();
        for (Result x : r.results()) {
            if (x.outcome() == Outcome.FAIL) {
                s.add(x.ruleId() + " " + x.subject());
            }
        }
        return s;
    }

    @Test
    void findsExactlyThePlantedFaults() {
        Set<String> expected = new TreeSet<>();
        planted.forEach(p -> expected.add(p.ruleId() + " " + p.projectId()));
        assertEquals(11, expected.size());
        assertEquals(expected, failures(report));
    }

    @Test
    void findingsNameThePlantedVouchers() {
        for (LedgerGenerator.Planted p : planted) {
            if (p.vouchers().isEmpty()) {
                continue;
            }
            Result r = report.results().stream()
                    .filter(x -> x.outcome() == Outcome.FAIL && x.ruleId().equals(p.ruleId()) && x.subject().equals(p.projectId()))
                    .findFirst().orElseThrow();
            assertEquals(p.vouchers(), r.evidence().get("vouchers"), p.ruleId());
        }
    }

    @Test
    void everyRuleHasAnOutcomeForEveryProject() {
        for (String id : IDS) {
            Set<String> subjects = new TreeSet<>();
            report.results().stream().filter(r -> r.ruleId().equals(id)).forEach(r -> subjects.add(r.subject()));
            assertEquals(30, subjects.size(), id);
            long n = report.results().stream().filter(r -> r.ruleId().equals(id)).count();
            assertEquals(30, n, id + ": one outcome per project");
        }
    }

    @Test
    void everyLedgerIdFailsAndPasses() {
        for (String id : IDS) {
            assertTrue(report.results().stream().anyMatch(r -> r.ruleId().equals(id) && r.outcome() == Outcome.PASS), id + " PASS");
            assertTrue(report.results().stream().anyMatch(r -> r.ruleId().equals(id) && r.outcome() == Outcome.FAIL), id + " FAIL");
        }
    }

    @Test
    void handComputedFigures() {
        Result pp01 = find("PP-01", "P00000", Outcome.FAIL);
        assertEquals("900", pp01.evidence().get("prepaid")); // 60% of 1500
        assertEquals("60.00%", pp01.evidence().get("actualPercent"));
        Result pp02 = find("PP-02", "P00001", Outcome.FAIL);
        assertEquals("525", pp02.evidence().get("prepaid")); // 35% of the 1500 contract, cap 450
        assertEquals("450", pp02.evidence().get("limitAmount"));
        Result lg12 = find("LG-12", "P00008", Outcome.FAIL);
        assertEquals("50", lg12.evidence().get("threshold"));
        // 30 × 20 rows + the LG-03 recovery, the LG-11 duplicate, the two LG-12 payments and P00011's clean recovery
        assertEquals(605L, report.audit().get("rows"));
    }

    @Test
    void gb18030AndXlsxLedgersGiveTheSameFindings() throws IOException {
        String text = Files.readString(dir.resolve("ledger.csv"), StandardCharsets.UTF_8);
        Path gb = dir.resolve("ledger-gb18030.csv");
        Files.write(gb, text.getBytes(Charset.forName("GB18030")));
        assertEquals(failures(report), failures(audit(gb)));
        Path xlsx = dir.resolve("ledger.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream os = Files.newOutputStream(xlsx)) {
            Sheet s = wb.createSheet("拨付明细");
            String[] lines = text.split("\n");
            for (int i = 0; i < lines.length; i++) {
                Row row = s.createRow(i);
                String[] cells = lines[i].split(",", -1);
                for (int c = 0; c < cells.length; c++) {
                    if (i > 2 && c == 3) {
                        row.createCell(c).setCellValue(Double.parseDouble(cells[c]));
                    } else {
                        row.createCell(c).setCellValue(cells[c]);
                    }
                }
            }
            wb.write(os);
        }
        assertEquals(failures(report), failures(audit(xlsx)));
    }

    @Test
    void aBadRowNamesFileLineAndField() throws IOException {
        Path bad = dir.resolve("bad.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(dir.resolve("ledger.csv"), StandardCharsets.UTF_8));
        lines.set(5, lines.get(5).replace("进度款,", "借款,"));
        Files.write(bad, lines, StandardCharsets.UTF_8);
        InputException e = assertThrows(InputException.class, () -> audit(bad));
        assertTrue(e.getMessage().contains("bad.csv 第 6 行「支付类型」(type): '借款' 无效"), e.getMessage());
    }

    @Test
    void textCapsFindingsJsonHasAll() {
        String text = report.text(false, 0);
        assertTrue(text.contains("LG-11 重复支付"), text);
        assertTrue(text.contains("…… 另有 1 条"), text);
        assertTrue(report.json().contains("\"PZ2024"));
    }

    @Test
    void paymentsAndRecoveriesUnderAnUnknownProjectIdAreFindings() throws IOException {
        Path f = dir.resolve("unknown-id.csv");
        String extra = "PZX0000001,P99999,2024-05-06,12.5,进度款,某公司,企业,\nPZX0000002,P99999,2024-06-01,2,收回,某公司,企业,\n";
        Files.writeString(f, Files.readString(dir.resolve("ledger.csv"), StandardCharsets.UTF_8) + extra, StandardCharsets.UTF_8);
        AuditReport r = audit(f);
        r.results().forEach(x -> io.github.xianjie.support.Engines.FIRED.add(x.ruleName()));
        Set<String> expected = new TreeSet<>(failures(report));
        expected.add("LG-14 P99999");
        expected.add("LG-03 P99999");
        assertEquals(expected, failures(r));
        Result lg14 = r.results().stream().filter(x -> x.ruleId().equals("LG-14") && x.subject().equals("P99999")).findFirst().orElseThrow();
        assertEquals(List.of("PZX0000001"), lg14.evidence().get("vouchers"));
        assertEquals("12.5", lg14.evidence().get("amount"));
    }

    @Test
    void workpaperHasASheetPerTestWithEveryResult() throws IOException {
        Path wp = dir.resolve("wp.xlsx");
        report.xlsx(false, wp);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(wp))) {
            assertEquals(1 + IDS.size(), wb.getNumberOfSheets());
            assertEquals("汇总", wb.getSheetName(0));
            Sheet lg11 = wb.getSheet("LG-11");
            assertEquals(30, lg11.getLastRowNum()); // header + 30 projects
            String dup = planted.stream().filter(p -> p.ruleId().equals("LG-11")).findFirst().orElseThrow().vouchers().get(0);
            boolean named = false;
            for (Row r : lg11) {
                named |= r.getCell(4) != null && r.getCell(4).getStringCellValue().equals(dup);
            }
            assertTrue(named, "the duplicate's voucher is in the LG-11 sheet");
        }
    }

    private static Result find(String id, String subject, Outcome o) {
        return report.results().stream().filter(r -> r.ruleId().equals(id) && r.subject().equals(subject) && r.outcome() == o)
                .findFirst().orElseThrow(() -> new AssertionError(id + " " + subject + " " + o));
    }
}
