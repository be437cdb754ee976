package io.github.xianjie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Usage errors in Chinese first, with picocli's suggestion, exit 2 and no stack trace (issue 9 item 6). */
class UsageErrorsTest {
    @TempDir
    Path dir;

    static CheckCommandTest.Run run(String... args) {
        return CheckCommandTest.run(args);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "check fixtures/wusu-2024/central.json --foramt json|未知选项 --foramt，是否想用 --format？",
            "chek fixtures/wusu-2024/central.json|未知子命令 chek，是否想用 check",
            "check fixtures/wusu-2024/central.json --year abc|--year 的值 'abc' 无效，应为整数",
            "rules extra|多余的参数 extra",
            "diff fixtures/wusu-2024/central.json --measures-year 2023|未知选项 --measures-year，diff 用 --from YEAR --to YEAR",
            "diff fixtures/wusu-2024|fixtures/wusu-2024: 是文件夹，此处需要一个计划文件",   // check takes a folder of batch plans; diff does not
            "check fixtures/wusu-2024/central.json --format xlsx -o out.csv|文件扩展名与 --format xlsx 不符，应为 .xlsx",
            "check fixtures/wusu-2024/central.json -o out.xlsx|文件扩展名与 --format text 不符；是否想用 --format xlsx",
            "check fixtures/wusu-2024/central.json --format json -o out.txt|应为 .json"})
    void usageErrorsSayWhatWasMeantInChinese(String args, String expected) {
        CheckCommandTest.Run r = run(args.split(" "));
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void aMissingPlanIsNamed() {
        CheckCommandTest.Run r = run("check");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("缺少必需的参数 PLAN"), r.err());
    }

    @Test
    void aTruncatedPlanGetsLineAndColumnInChinese() throws IOException {
        Path f = dir.resolve("cut.json");
        Files.writeString(f, "{\n  \"county\": \"乌苏市\",\n  \"projects\": [ {\"name\": \"温室", StandardCharsets.UTF_8);
        CheckCommandTest.Run r = run("check", f.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("第3行") && r.err().contains("列") && r.err().contains("文件在此处意外结束"), r.err());
    }

    @Test
    void diffHelpDoesNotOfferAnOptionItIgnores() {
        CheckCommandTest.Run r = run("diff", "--help");
        assertFalse(r.out().contains("--measures-year"), r.out());
        assertTrue(r.out().contains("--from"), r.out());
        CheckCommandTest.Run rules = run("rules", "--help");
        assertTrue(rules.out().contains("--measures-year"), "rules honours --measures-year as its year: " + rules.out());
    }
}
