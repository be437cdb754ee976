package io.github.xianjie.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.domain.FundSource;
import io.github.xianjie.domain.Task;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The JSON plan reader: exact decimals, Chinese enum labels, and errors that name file, line and field. */
class PlanJsonReaderTest {
    @TempDir
    Path dir;

    private Path write(String json) throws IOException {
        Path f = dir.resolve("plan.json");
        Files.writeString(f, json, StandardCharsets.UTF_8);
        return f;
    }

    private static String plan(String projectExtra) {
        return "{\"county\":\"测试县\",\"year\":2024,\"fundSource\":\"中央\",\n"
                + "\"projects\":[{\"name\":\"某村养殖项目\",\"amount\":79.71" + projectExtra + "}]}";
    }

    @Test
    void readsTheWusuCentralPlanExactly() {
        CountyPlan p = PlanJsonReader.read(Path.of("fixtures/wusu-2024/central.json"));
        assertEquals(FundSource.CENTRAL, p.getFundSource());
        assertEquals(0, new BigDecimal("3460").compareTo(p.getAllocationAmount()));
        assertEquals(0, new BigDecimal("376").compareTo(p.getAllocation().tasks().get(Task.ETHNIC_MINORITY)));
        assertEquals("79.71", p.getProjects().get(0).getAmount().toPlainString());
        assertEquals("C-1", p.getProjects().get(0).getSubject());
    }

    @Test
    void jsonNumbersAreReadAsExactDecimals() throws IOException {
        CountyPlan p = PlanJsonReader.read(write(plan(",\"prepayment\":0.1")));
        assertEquals("79.71", p.getProjects().get(0).getAmount().toPlainString());
        assertEquals("0.1", p.getProjects().get(0).getPrepayment().toPlainString());
        assertEquals("#1", p.getProjects().get(0).getSubject());
    }

    @Test
    void aTypoInAFieldNameIsAnErrorNamingIt() throws IOException {
        InputException e = assertThrows(InputException.class, () -> PlanJsonReader.read(write(plan(",\"prepaymnet\":\"10\""))));
        assertTrue(e.getMessage().contains("prepaymnet"), e.getMessage());
        assertTrue(e.getMessage().contains("projects[0]"), e.getMessage());
        assertTrue(e.getMessage().contains("第2行"), e.getMessage());
        assertTrue(e.getMessage().contains("prepayment"), "lists the known fields: " + e.getMessage());
    }

    @ParameterizedTest(name = "{0} → message contains {1}")
    @CsvSource(delimiter = '|', value = {
            ",\"amount\":\"12O\"                 | projects[0].amount",
            ",\"category\":\"工业\"               | projects[0].category",
            ",\"prepaymentApprovedOn\":\"2024-13-01\" | projects[0].prepaymentApprovedOn",
            ",\"amount\":-1                      | 为负数",
            ",\"amount\":1,\"amount\":2           | Duplicate field",
    })
    void badValuesNameTheField(String extra, String expected) throws IOException {
        String json = plan("").replace(",\"amount\":79.71", extra);
        if (!extra.contains("\"amount\"")) {
            json = plan(extra);
        }
        String j = json;
        InputException e = assertThrows(InputException.class, () -> PlanJsonReader.read(write(j)));
        assertTrue(e.getMessage().contains(expected.trim()), e.getMessage());
        assertTrue(e.getMessage().startsWith(dir.resolve("plan.json").toString()), e.getMessage());
    }

    @ParameterizedTest(name = "missing {0}")
    @CsvSource({"county", "year", "fundSource"})
    void missingRequiredFieldsAreNamed(String field) throws IOException {
        String json = plan("").replaceFirst("\"" + field + "\":(\"[^\"]*\"|\\d+),", "");
        InputException e = assertThrows(InputException.class, () -> PlanJsonReader.read(write(json)));
        assertTrue(e.getMessage().contains(field), e.getMessage());
    }

    @Test
    void missingProjectNameOrAmountIsNamed() throws IOException {
        InputException e = assertThrows(InputException.class, () -> PlanJsonReader.read(write(
                "{\"county\":\"x\",\"year\":2024,\"fundSource\":\"CENTRAL\",\"projects\":[{\"name\":\"a\"}]}")));
        assertTrue(e.getMessage().contains("projects[0].amount"), e.getMessage());
    }

    @Test
    void malformedJsonNamesLineAndColumn() throws IOException {
        InputException e = assertThrows(InputException.class, () -> PlanJsonReader.read(write("{\"county\": \"x\",\n  \"year\": }")));
        assertTrue(e.getMessage().contains("第2行"), e.getMessage());
    }

    @Test
    void invalidUtf8IsRejectedNotGuessed() throws IOException {
        Path f = dir.resolve("gbk.json");
        Files.write(f, "{\"county\":\"测试县\"}".getBytes(java.nio.charset.Charset.forName("GBK")));
        InputException e = assertThrows(InputException.class, () -> PlanJsonReader.read(f));
        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
    }

    @Test
    void duplicateProjectIdsAreRejected() throws IOException {
        InputException e = assertThrows(InputException.class, () -> PlanJsonReader.read(write(
                "{\"county\":\"x\",\"year\":2024,\"fundSource\":\"CENTRAL\",\"projects\":["
                        + "{\"id\":\"A\",\"name\":\"a\",\"amount\":1},{\"id\":\"A\",\"name\":\"b\",\"amount\":2}]}")));
        assertTrue(e.getMessage().contains("重复"), e.getMessage());
    }
}
