package io.github.xianjie.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.input.Json;
import io.github.xianjie.input.PlanValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One table-driven case under {@code fixtures/cases/<area>/<name>.json}: a full-sentence name, a plan
 * (inline, or {@code planFile} relative to the case), an optional {@code measuresYear}, and the expected
 * results: {@code [{ruleId, subject, outcome, severity?, evidence?: {key: value}}]}.
 *
 * @param file         the case file
 * @param name         full-sentence name
 * @param plan         the plan
 * @param measuresYear year whose measures apply
 * @param expect       expected results
 */
public record Case(Path file, String name, CountyPlan plan, int measuresYear, List<Expected> expect) {
    /** The case folder. */
    public static final Path ROOT = Path.of("fixtures", "cases");
    private static final ObjectMapper MAPPER = Json.mapper();

    /**
     * @param ruleId   catalogue ID
     * @param subject  subject
     * @param outcome  PASS, FAIL, UNDETERMINED or NOT_APPLICABLE
     * @param severity expected severity or null
     * @param evidence expected evidence values (as text), possibly empty
     */
    public record Expected(String ruleId, String subject, String outcome, String severity, Map<String, String> evidence) {
    }

    /** @return every case file, sorted. */
    public static List<Path> files() throws IOException {
        try (Stream<Path> s = Files.walk(ROOT)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    /**
     * @param file a case file
     * @return the case, with its plan validated
     */
    public static Case load(Path file) throws IOException {
        JsonNode root = MAPPER.readTree(file.toFile());
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!List.of("name", "plan", "planFile", "measuresYear", "expect").contains(k)) {
                throw new IllegalArgumentException(file + ": unknown key " + k);
            }
        }
        JsonNode planNode = root.has("plan") ? root.get("plan")
                : MAPPER.readTree(file.getParent().resolve(root.get("planFile").asText()).toFile());
        CountyPlan plan = MAPPER.treeToValue(planNode, CountyPlan.class);
        PlanValidator.validate(plan, file.toString());
        List<Expected> expect = new ArrayList<>();
        for (JsonNode e : root.get("expect")) {
            Map<String, String> ev = new LinkedHashMap<>();
            if (e.has("evidence")) {
                e.get("evidence").fields().forEachRemaining(f -> ev.put(f.getKey(), f.getValue().asText()));
            }
            expect.add(new Expected(e.get("ruleId").asText(), e.get("subject").asText(), e.get("outcome").asText(),
                    e.hasNonNull("severity") ? e.get("severity").asText() : null, ev));
        }
        int year = root.hasNonNull("measuresYear") ? root.get("measuresYear").asInt() : plan.getYear();
        return new Case(file, root.get("name").asText(), plan, year, expect);
    }
}
