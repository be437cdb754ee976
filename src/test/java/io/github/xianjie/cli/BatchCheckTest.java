package io.github.xianjie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --batch}: one JSON line per plan in input order, each plan's results exactly those of a
 * single {@code check --format json}, a bad plan reported on its own line, exit code the worst plan's.
 */
class BatchCheckTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static String compact(String file) throws IOException {
        return MAPPER.readTree(Path.of(file).toFile()).toString();
    }

    @Test
    void jsonLinesInInputOrderWithTheWorstExitCode(@TempDir Path dir) throws IOException {
        Path jsonl = dir.resolve("plans.jsonl");
        Files.writeString(jsonl, String.join("\n", compact("fixtures/acceptance/breaches-2024-central.json"),
                "{\"county\": 1,", compact("fixtures/wusu-2024/central.json"), "", compact("fixtures/wusu-2024/regional.json")) + "\n",
                StandardCharsets.UTF_8);
        CheckCommandTest.Run r = CheckCommandTest.run("check", "--batch", jsonl.toString(), "--threads", "3");
        assertEquals(2, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(4, lines.size(), r.out());
        assertTrue(MAPPER.readTree(lines.get(0)).at("/input/file").asText().endsWith("plans.jsonl 第1行"));
        JsonNode bad = MAPPER.readTree(lines.get(1));
        assertTrue(bad.at("/input/file").asText().endsWith("第2行"));
        assertTrue(bad.get("error").asText().contains("第2行"), bad.toString());
        assertEquals("乌苏市", MAPPER.readTree(lines.get(2)).at("/plan/county").asText());
        assertTrue(MAPPER.readTree(lines.get(3)).at("/input/file").asText().endsWith("第5行"), "blank lines are skipped, numbering is kept");
        assertTrue(MAPPER.readTree(lines.get(0)).at("/summary/ERROR").asInt() > 0);

        JsonNode single = MAPPER.readTree(CheckCommandTest.run("check", "fixtures/wusu-2024/central.json", "--format", "json").out());
        assertEquals(single.get("results"), MAPPER.readTree(lines.get(2)).get("results"));
        assertEquals(single.get("summary"), MAPPER.readTree(lines.get(2)).get("summary"));
    }

    @Test
    void aFolderOfPlansFindingsOnly(@TempDir Path dir) throws IOException {
        Files.copy(Path.of("fixtures/wusu-2024/central.json"), dir.resolve("a-central.json"));
        Files.copy(Path.of("fixtures/acceptance/breaches-2024-central.json"), dir.resolve("b-breaches.json"));
        CheckCommandTest.Run r = CheckCommandTest.run("check", "--batch", dir.toString(), "--batch-results", "findings");
        assertEquals(1, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(2, lines.size());
        assertTrue(MAPPER.readTree(lines.get(0)).at("/input/file").asText().endsWith("a-central.json"));
        for (String line : lines) {
            for (JsonNode res : MAPPER.readTree(line).get("results")) {
                assertFalse(List.of("PASS", "NOT_APPLICABLE").contains(res.get("outcome").asText()), res.toString());
            }
        }
        assertTrue(MAPPER.readTree(lines.get(1)).get("results").size() > 0);
    }

    /**
     * A batch refuses a plan year before the Measures (2021) as a single check does: that plan's line carries the
     * error, the others are checked, the exit code is the worst (2). The folder's *.meta.json side file and README are
     * not plans (the folder-listing rule of check DIR).
     */
    @Test
    void aPlanBeforeTheMeasuresIsAnErrorLineAndSideFilesAreNotPlans(@TempDir Path dir) throws IOException {
        Files.copy(Path.of("fixtures/wusu-2024/central.json"), dir.resolve("a-central.json"));
        Files.writeString(dir.resolve("b-2020.json"), Files.readString(Path.of("fixtures/wusu-2024/central.json"))
                .replace("\"year\": 2024", "\"year\": 2020"));
        Files.copy(Path.of("fixtures/wusu-2024/central-notice.meta.json"), dir.resolve("c-notice.meta.json"));
        Files.writeString(dir.resolve("README.md"), "说明");
        CheckCommandTest.Run r = CheckCommandTest.run("check", "--batch", dir.toString());
        assertEquals(2, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(2, lines.size(), r.out());
        assertTrue(MAPPER.readTree(lines.get(0)).has("results"));
        JsonNode old = MAPPER.readTree(lines.get(1));
        assertTrue(old.at("/input/file").asText().endsWith("b-2020.json"), old.toString());
        assertFalse(old.has("results"), old.toString());
        assertTrue(old.get("error").asText().contains("计划年度 2020 早于办法施行"), old.toString());
        assertTrue(old.get("error").asText().contains("首个适用年度为 2021 年"), old.toString());
        CheckCommandTest.Run asked = CheckCommandTest.run("check", "--batch", dir.toString(), "--measures-year", "2021");
        assertEquals(0, asked.exit(), asked.out());
    }
}
