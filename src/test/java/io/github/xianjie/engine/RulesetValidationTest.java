package io.github.xianjie.engine;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.xianjie.classify.CatalogueException;
import io.github.xianjie.params.ParameterException;
import io.github.xianjie.params.ParameterSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ruleset or profile that would silently switch rules off is refused, naming the file: missing
 * parameters, missing metadata, typos in profiles, malformed keyword rows.
 */
class RulesetValidationTest {
    @TempDir
    Path dir;

    private Path copyRules() throws IOException {
        Path root = dir.resolve("rules");
        Path src = Path.of("rules");
        try (Stream<Path> files = Files.walk(src)) {
            for (Path f : files.toList()) {
                Path t = root.resolve(src.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(f, t);
                }
            }
        }
        return root;
    }

    @Test
    void aParameterReferencedByDrlMustHaveItsFile() throws IOException {
        Path root = copyRules();
        Files.delete(root.resolve("parameters/management-fee/cap.yaml"));
        RulesetException e = assertThrows(RulesetException.class, () -> Ruleset.load(root));
        assertTrue(e.getMessage().contains("management-fee.cap"), e.getMessage());
    }

    @Test
    void everyRuleNeedsItsCatalogueIdSourceAndSeverity() throws IOException {
        Path root = copyRules();
        Path drl = root.resolve("allocation.drl");
        Files.writeString(drl, Files.readString(drl, StandardCharsets.UTF_8).replaceFirst("@ruleId\\(\"AL-03\"\\) ", ""), StandardCharsets.UTF_8);
        RulesetException e = assertThrows(RulesetException.class, () -> RuleEngine.build(Ruleset.load(root)));
        assertTrue(e.getMessage().contains("@ruleId"), e.getMessage());
    }

    @Test
    void aVariantARuleNamesMustBeDefinedInTheCatalogue() throws IOException {
        Path root = copyRules();
        Path drl = root.resolve("management-fee-uses.drl");
        Files.writeString(drl, Files.readString(drl, StandardCharsets.UTF_8).replace("@variant(\"review\")", "@variant(\"reveiw\")"),
                StandardCharsets.UTF_8);
        RulesetException e = assertThrows(RulesetException.class, () -> RuleEngine.build(Ruleset.load(root)));
        assertTrue(e.getMessage().contains("@variant(\"reveiw\")") && e.getMessage().contains("defined: [forbidden, review]"),
                e.getMessage());
    }

    @Test
    void aCatalogueSeverityIsOneLevelAndAnEntryHasNoUnknownKeys() throws IOException {
        Path root = copyRules();
        Path cat = root.resolve("catalogue.yaml");
        String text = Files.readString(cat, StandardCharsets.UTF_8);
        Files.writeString(cat, text.replace("{id: PM-06, section: 6, severity: WARNING,", "{id: PM-06, section: 6, severity: \"WARNING / ERROR\","),
                StandardCharsets.UTF_8);
        RulesetException e = assertThrows(RulesetException.class, () -> RuleCatalogue.load(Ruleset.load(root)));
        assertTrue(e.getMessage().contains("PM-06") && e.getMessage().contains("severityByYear"), e.getMessage());
        Files.writeString(cat, text.replace("{id: NL-08, section: 1,", "{id: NL-08, section: 1, sourcenote: x,"), StandardCharsets.UTF_8);
        e = assertThrows(RulesetException.class, () -> RuleCatalogue.load(Ruleset.load(root)));
        assertTrue(e.getMessage().contains("NL-08") && e.getMessage().contains("sourcenote"), e.getMessage());
        Files.writeString(cat, text.replace("variants: {review: {severity: WARNING}}", "variants: {review: {severity: WARN}}"),
                StandardCharsets.UTF_8);
        e = assertThrows(RulesetException.class, () -> RuleCatalogue.load(Ruleset.load(root)));
        assertTrue(e.getMessage().contains("NL-09") && e.getMessage().contains("WARN"), e.getMessage());
    }

    @Test
    void aFolderWithoutDrlOrVersionIsNotARuleset() throws IOException {
        Path root = copyRules();
        Files.delete(root.resolve("ruleset.yaml"));
        assertTrue(assertThrows(RulesetException.class, () -> Ruleset.load(root)).getMessage().contains("ruleset.yaml"));
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("ruleset.yaml"), "version: x\n");
        assertTrue(assertThrows(RulesetException.class, () -> Ruleset.load(empty)).getMessage().contains(".drl"));
    }

    @Test
    void aBadKeywordRowIsReportedWhenTheRulesetLoads() throws IOException {
        Path root = copyRules();
        Path kw = root.resolve("keywords/classification.csv");
        Files.writeString(kw, Files.readString(kw, StandardCharsets.UTF_8) + "K999,category,FARMING,农场,,x,y\n", StandardCharsets.UTF_8);
        CatalogueException e = assertThrows(CatalogueException.class, () -> Ruleset.load(root));
        assertTrue(e.getMessage().contains("FARMING") && e.getMessage().contains("value"), e.getMessage());
    }

    private Path profile(String file, String yaml) throws IOException {
        Path f = dir.resolve("profile/parameters/" + file);
        Files.createDirectories(f.getParent());
        Files.writeString(f, yaml, StandardCharsets.UTF_8);
        return dir.resolve("profile");
    }

    @Test
    void profileTyposAreRefused() throws IOException {
        ParameterSet base = ParameterSet.load(Path.of("rules"));
        String ok = "description: d\nunit: fraction\nreference: r\nvalues:\n  2021-08-05:\n    ";
        Path p1 = profile("management-fee/cap.yaml", ok + "valeu: 0.03\n");
        assertTrue(assertThrows(ParameterException.class, () -> ParameterSet.loadProfile(p1, base)).getMessage().contains("valeu"));
        Path p2 = profile("management-fee/cap.yaml", ok + "value: 0.03\n    value: 0.5\n");
        assertTrue(assertThrows(ParameterException.class, () -> ParameterSet.loadProfile(p2, base)).getMessage().contains("Duplicate"));
        Files.delete(p2.resolve("parameters/management-fee/cap.yaml"));
        Path p3 = profile("management-fee/cpa.yaml", ok + "value: 0.03\n");
        assertTrue(assertThrows(ParameterException.class, () -> ParameterSet.loadProfile(p3, base)).getMessage().contains("management-fee.cpa"));
        Files.delete(p3.resolve("parameters/management-fee/cpa.yaml"));
        Path p4 = profile("management-fee/cap.yaml", ok + "value: 3\n");
        assertTrue(assertThrows(ParameterException.class, () -> ParameterSet.loadProfile(p4, base)).getMessage().contains("0 到 1"));
    }
}
