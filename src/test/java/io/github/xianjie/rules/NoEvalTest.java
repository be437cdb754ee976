package io.github.xianjie.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rules read as Drools means them (issue 10 item 2): no {@code eval(…)} in a rule file. Every DRL file in
 * {@code rules/} is checked, with no exemptions: a single {@code eval(} anywhere fails the build. Comments are ignored,
 * so a header may still mention eval.
 */
class NoEvalTest {
    private static final Pattern BLOCK_COMMENT = Pattern.compile("(?s)/\\*.*?\\*/");
    private static final Pattern EVAL = Pattern.compile("\\beval\\s*\\(");

    @Test
    void noRuleFileUsesEval() throws IOException {
        List<String> found = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".drl")).sorted().toList()) {
                checked++;
                found.addAll(evals(f));
            }
        }
        assertEquals(List.of(), found, "eval in rule files");
        assertTrue(checked >= 16, "files checked: " + checked);
    }

    @Test
    void theCheckSeesAnEvalInARuleButNotInAComment() {
        assertEquals(1, evals("r.drl", "// eval( x )\n/* eval(y) */\nrule \"a\"\nwhen\n  eval( true )\nthen\nend\n").size());
    }

    private static List<String> evals(Path f) throws IOException {
        return evals(f.toString(), Files.readString(f, StandardCharsets.UTF_8));
    }

    /** @return "file:line: text" for each eval( outside comments */
    static List<String> evals(String name, String drl) {
        String code = BLOCK_COMMENT.matcher(drl).replaceAll(c -> c.group().replaceAll("[^\\n]", " "))
                .replaceAll("//[^\\n]*", "");
        List<String> out = new ArrayList<>();
        Matcher m = EVAL.matcher(code);
        while (m.find()) {
            int line = 1 + (int) code.substring(0, m.start()).chars().filter(c -> c == '\n').count();
            out.add(name + ":" + line + ": " + drl.split("\n", -1)[line - 1].trim());
        }
        return out;
    }
}
