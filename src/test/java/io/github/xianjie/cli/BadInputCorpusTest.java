package io.github.xianjie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus ({@code fixtures/bad/cases.csv}): every case runs through the CLI entry point
 * ({@link XianjieCommand#run}) in-process and must end with its exit code, print its message fragment
 * (stdout or stderr) and never a stack trace. Arguments {@code @path} name files under {@code fixtures/bad/};
 * {@code %GEN:name%} names a large or writable input this test generates (a 1,000,000-row CSV, 10,001 projects,
 * a 17 MiB file, copies that {@code -o} tries to overwrite, a rules folder writable by others).
 * Rows with {@code after=words} need text normalisation (issue 12 item 1, the {@code words} helper); they are
 * skipped, saying so, while a zero-width space still hides 办公楼 from NL-03.
 */
class BadInputCorpusTest {
    private static final Path BAD = Path.of("fixtures", "bad");
    private static final String FACTS = "--county 示例县 --year 2024 --fund CENTRAL";

    @TempDir
    static Path gen;
    private static boolean normalisationPresent;

    /** Detects text normalisation by behaviour: does a zero-width space inside 办公楼 still fail NL-03? */
    @BeforeAll
    static void probeNormalisation() throws IOException {
        String plan = "{\"county\":\"示例县\",\"year\":2024,\"fundSource\":\"CENTRAL\",\"projects\":[{\"id\":\"A\",\"name\":\"某村村委会办\u200b公楼新建\",\"amount\":\"100\"}]}";
        Path f = gen.resolve("probe-zwsp.json");
        Files.writeString(f, plan, StandardCharsets.UTF_8);
        normalisationPresent = io.github.xianjie.support.Engines.evaluate(io.github.xianjie.input.PlanJsonReader.read(f)).results().stream()
                .anyMatch(r -> r.ruleId().equals("NL-03") && r.outcome() == io.github.xianjie.engine.Outcome.FAIL);
    }

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (CSVParser p = CSVParser.parse(BAD.resolve("cases.csv"), StandardCharsets.UTF_8,
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            for (CSVRecord r : p) {
                out.add(Arguments.of(r.get("id"), Integer.parseInt(r.get("exit")), r.get("message"), r.get("after"), r.get("args")));
            }
        }
        return out.stream();
    }

    @Test
    void corpusHasAtLeastSixtyCasesAcrossKinds() throws IOException {
        List<Arguments> all = cases().toList();
        assertTrue(all.size() >= 60, "cases: " + all.size());
        for (String kind : List.of("json-", "csv-", "xlsx-", "profile-", "opt-")) {
            assertTrue(all.stream().filter(a -> ((String) a.get()[0]).startsWith(kind)).count() >= 8, kind);
        }
        assertEquals(all.size(), all.stream().map(a -> a.get()[0]).distinct().count(), "duplicate case id");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void corpusCase(String id, int exit, String message, String after, String args) throws IOException {
        if (after.equals("words")) {
            Assumptions.assumeTrue(normalisationPresent, id + ": assumes text normalisation (issue 12 item 1, helper `words`),"
                    + " not present yet: a zero-width space inside 办公楼 still passes NL-03");
        }
        List<String> argv = new ArrayList<>();
        for (String a : args.replace("%FACTS%", FACTS).split(" ")) {
            argv.add(resolve(a));
        }
        long start = System.nanoTime();
        Run r = run(argv);
        long ms = (System.nanoTime() - start) / 1_000_000;
        String all = r.out() + r.err();
        assertEquals(exit, r.exit(), id + ": exit code; stderr: " + r.err());
        assertTrue(all.contains(message), id + ": message「" + message + "」not in: " + r.err() + r.out().lines().limit(5).toList());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception in thread") || r.err().matches("(?s).*\\n\\s+at [a-z]+\\..*"),
                id + ": stack trace on stderr: " + r.err());
        if (exit >= 2) {
            assertEquals(1, r.err().lines().filter(l -> l.startsWith("错误") || l.startsWith("内部错误") || l.startsWith("用法错误")).count(),
                    id + ": one error line expected: " + r.err());
        }
        if (id.equals("csv-rows-1000000")) {
            assertTrue(ms < 10_000, id + ": took " + ms + " ms");
        }
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(List<String> argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        int code;
        System.setOut(o);
        System.setErr(e);
        try {
            code = XianjieCommand.run(argv.toArray(String[]::new), o, e);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String resolve(String a) throws IOException {
        if (a.startsWith("@")) {
            return BAD.resolve(a.substring(1)).toString();
        }
        if (a.startsWith("%GEN:") && a.endsWith("%")) {
            return generated(a.substring(5, a.length() - 1)).toString();
        }
        return a;
    }

    /** The generated inputs, made once per run. */
    private static synchronized Path generated(String name) throws IOException {
        Path f = gen.resolve(name);
        if (Files.exists(f)) {
            return f;
        }
        switch (name) {
            case "projects-10001.json" -> {
                try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
                    w.write("{\"county\":\"示例县\",\"year\":2024,\"fundSource\":\"CENTRAL\",\"projects\":[");
                    for (int i = 0; i < 10_001; i++) {
                        w.write((i == 0 ? "" : ",") + "{\"id\":\"P" + i + "\",\"name\":\"道路\",\"amount\":\"1\"}");
                    }
                    w.write("]}");
                }
            }
            case "big.json", "big.csv" -> {
                try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
                    String line = " ".repeat(1023) + "\n";
                    for (int i = 0; i < 17 * 1024; i++) {
                        w.write(line);
                    }
                }
            }
            case "rows-1000000.csv", "rows-20001.csv" -> {
                int n = name.startsWith("rows-1000000") ? 1_000_000 : 20_001;
                try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
                    w.write("序号,项目名称,投资规模\n");
                    for (int i = 1; i <= n; i++) {
                        w.write(i + ",路," + 1 + "\n");
                    }
                }
            }
            case "rows-200000.xlsx" -> {
                // a real workbook whose sheet holds 200 000 rows (8 MB of XML): refused by the streaming pre-scan
                try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(BAD.resolve("xlsx/too-many-cells.xlsx")));
                     java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(f))) {
                    for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                        byte[] data = in.readAllBytes();
                        out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                        if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                            String xml = new String(data, StandardCharsets.UTF_8);
                            StringBuilder rows = new StringBuilder();
                            for (int r = 10; r < 200_010; r++) {
                                rows.append("<row r=\"").append(r).append("\"><c r=\"D").append(r).append("\"><v>1</v></c></row>");
                            }
                            data = xml.replace("</sheetData>", rows + "</sheetData>").getBytes(StandardCharsets.UTF_8);
                        }
                        out.write(data);
                        out.closeEntry();
                    }
                }
            }
            case "meta.json" -> Files.copy(BAD.resolve("csv/plan-meta.json"), f);
            case "plan.csv" -> Files.copy(BAD.resolve("csv/clean.csv"), f);
            case "rules-o+w" -> {
                Path src = Path.of("rules");
                try (Stream<Path> files = Files.walk(src)) {
                    for (Path p : files.sorted().toList()) {
                        Path to = f.resolve(src.relativize(p).toString());
                        if (Files.isDirectory(p)) {
                            Files.createDirectories(to);
                        } else {
                            Files.copy(p, to);
                        }
                    }
                }
                Path drl = Files.list(f).filter(p -> p.toString().endsWith(".drl")).findFirst().orElseThrow();
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(drl);
                perms.add(PosixFilePermission.OTHERS_WRITE);
                Files.setPosixFilePermissions(drl, perms);
            }
            default -> throw new IllegalArgumentException("no generator for " + name);
        }
        return f;
    }
}
