package io.github.xianjie.input;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Inputs found by trying to break the checker: each is an input error naming the field (exit 2), never
 * a hang, an internal error or a silently wrong number.
 */
class BadInputTest {
    @TempDir
    Path dir;

    private static final String HEAD = "{\"county\":\"测试县\",\"year\":2024,\"fundSource\":\"CENTRAL\",";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "huge exponent (hung before)          | \"allocation\":{\"amount\":\"1000\"},\"projects\":[{\"name\":\"a\",\"amount\":\"1e9999999\"}]} | projects[0].amount",
            "tiny exponent                         | \"projects\":[{\"name\":\"a\",\"amount\":\"1e-999999999\"}]}                              | projects[0].amount",
            "negative task flips the fee base      | \"allocation\":{\"amount\":\"1000\",\"tasks\":{\"WORK_FOR_RELIEF\":\"-1000\"}},\"projects\":[{\"name\":\"a\",\"amount\":\"985\"}]} | allocation.tasks.WORK_FOR_RELIEF",
            "tasks above the allocation            | \"allocation\":{\"amount\":\"1000\",\"tasks\":{\"CONSOLIDATION\":\"1500\"}},\"projects\":[{\"name\":\"a\",\"amount\":\"1\"}]} | allocation.tasks",
            "zero allocation                       | \"allocation\":{\"amount\":\"0\"},\"projects\":[{\"name\":\"a\",\"amount\":\"1\"}]}        | allocation.amount",
            "investment below the amount           | \"projects\":[{\"name\":\"a\",\"amount\":\"3500\",\"investment\":\"1\"}]}              | projects[0].investment",
            "empty due diligence passes PM-04      | \"projects\":[{\"name\":\"a\",\"amount\":\"1\",\"dueDiligence\":{}}]}                  | projects[0].dueDiligence",
            "date as a number (read as day count)  | \"projects\":[{\"name\":\"a\",\"amount\":\"1\",\"publicNotice\":{\"noticedOn\":20231015}}]} | projects[0].publicNotice.noticedOn",
            "null expense item (was exit 3)        | \"projects\":[{\"name\":\"a\",\"amount\":\"1\",\"expenseItems\":[null]}]}              | projects[0].expenseItems[0]",
            "null other funding (phantom finding)  | \"projects\":[{\"name\":\"a\",\"amount\":\"1\",\"otherFunding\":[null]}]}              | projects[0].otherFunding[0]",
            "null fee use                          | \"managementFee\":{\"amount\":\"1\",\"uses\":[null]},\"projects\":[{\"name\":\"a\",\"amount\":\"1\"}]} | managementFee.uses[0]",
            "negative other funding                | \"projects\":[{\"name\":\"a\",\"amount\":\"1\",\"otherFunding\":[{\"source\":\"x\",\"amount\":\"-5\",\"content\":\"y\"}]}]} | otherFunding[0].amount",
            "justification for an unknown rule     | \"justifications\":{\"XX-99\":\"because\"},\"projects\":[{\"name\":\"a\",\"amount\":\"1\"}]} | justifications",
            "amount given as true                  | \"projects\":[{\"name\":\"a\",\"amount\":true}]}                                      | 金额",
    })
    void rejectedNamingTheField(String what, String body, String field) throws IOException {
        Path f = dir.resolve("plan.json");
        Files.writeString(f, HEAD + body.strip(), StandardCharsets.UTF_8);
        InputException e = assertThrows(InputException.class, () -> PlanJsonReader.read(f), what);
        assertTrue(e.getMessage().contains(field.strip()), what + ": " + e.getMessage());
        assertFalse(e.getMessage().contains("Exception"), what + ": " + e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a footnote states another unit | 注：本表金额单位为元 | 第6行",
            "a section heading over its rows | 一、产业发展类,,,1001, | 第4行",
    })
    void tableProblemsNameTheRow(String what, String extra, String row) throws IOException {
        Path f = dir.resolve("plan.csv");
        String body = extra.startsWith("一") ? extra + "\n1,某村肉牛养殖项目,某村,700,某乡\n2,某村肉羊养殖项目,某村,300,某乡\n"
                : "1,某村肉牛养殖项目,某村,700,某乡\n2,某村肉羊养殖项目,某村,300,某乡\n" + extra + "\n";
        Files.writeString(f, "测试表\n单位：万元\n序号,项目名称,建设地点,投资规模,责任单位\n" + body, StandardCharsets.UTF_8);
        InputException e = assertThrows(InputException.class, () -> CsvPlanReader.read(f,
                PlanFacts.fromOptions("测试县", null, 2024, "CENTRAL", null, null, null, null)), what);
        assertTrue(e.getMessage().contains(row), what + ": " + e.getMessage());
    }
}
