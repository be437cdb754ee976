package io.github.xianjie.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.xianjie.cli.XianjieCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Runs {@code xianjie audit …} end to end with {@code --format json -o}, and records outcomes for coverage. */
final class AuditRun {
    /** "ruleId outcome" pairs seen across the audit tests. */
    static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

    private AuditRun() {
    }

    /**
     * @param tmp  a temporary folder
     * @param code expected exit code
     * @param args arguments after {@code audit}
     * @return the JSON report
     */
    static JsonNode json(Path tmp, int code, String... args) throws IOException {
        Path out = Files.createTempFile(tmp, "report", ".json");
        List<String> all = new ArrayList<>(List.of("audit"));
        all.addAll(List.of(args));
        all.addAll(List.of("--format", "json", "-o", out.toString()));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = XianjieCommand.commandLine(System.out, new PrintStream(err, true, StandardCharsets.UTF_8)).execute(all.toArray(new String[0]));
        assertEquals(code, rc, err.toString(StandardCharsets.UTF_8));
        JsonNode root = new ObjectMapper().readTree(out.toFile());
        for (JsonNode r : root.get("results")) {
            SEEN.add(r.get("ruleId").asText() + " " + r.get("outcome").asText());
        }
        return root;
    }

    /**
     * @param report  a JSON report
     * @param ruleId  rule
     * @param subject subject
     * @return the results of that rule for that subject
     */
    static List<JsonNode> results(JsonNode report, String ruleId, String subject) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode r : report.get("results")) {
            if (r.get("ruleId").asText().equals(ruleId) && r.get("subject").asText().equals(subject)) {
                out.add(r);
            }
        }
        return out;
    }

    /** @return the single result of that rule for that subject */
    static JsonNode one(JsonNode report, String ruleId, String subject) {
        List<JsonNode> l = results(report, ruleId, subject);
        assertEquals(1, l.size(), ruleId + " " + subject + ": " + l);
        return l.get(0);
    }

    /** @return outcomes of a rule over all subjects, as "subject=OUTCOME" in report order */
    static List<String> outcomes(JsonNode report, String ruleId) {
        List<String> out = new ArrayList<>();
        for (JsonNode r : report.get("results")) {
            if (r.get("ruleId").asText().equals(ruleId)) {
                out.add(r.get("subject").asText() + "=" + r.get("outcome").asText());
            }
        }
        return out;
    }
}
