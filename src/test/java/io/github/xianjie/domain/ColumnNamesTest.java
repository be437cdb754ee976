package io.github.xianjie.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.github.xianjie.input.CsvPlanReader;
import io.github.xianjie.input.PlanFacts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every project field of the contract has a Chinese column name, and the table reader accepts it as a header. */
class ColumnNamesTest {
    /** Project fields that are one table column each (the groups libraryEntry, dueDiligence … are named by their parts). */
    static final List<String> COLUMNS = List.of("id", "seq", "name", "location", "content", "town", "village", "amount",
            "investment", "responsibleUnit", "villageType", "category", "industryChain", "infrastructure", "contractAmount",
            "payableAmount", "prepayment", "prepaymentApprovedOn", "implementer.name", "implementer.type", "benefitLinkage",
            "performanceTargets", "libraryEntry.enteredOn", "libraryEntry.libraryId", "publicNotice.noticedOn", "budgetSubject",
            "otherFunding", "expenseItems", "dueDiligence.by", "dueDiligence.on", "justification", "transportScope",
            "duplicatesHrPost", "localMatching", "filedByIntermediary");

    @TempDir
    Path dir;

    @Test
    void everyProjectFieldOfTheContractHasAChineseColumnName() {
        for (java.lang.reflect.Field f : Project.class.getFields()) {
            if (!java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                assertNotNull(ColumnNames.of(f.getName()), "Chinese column name of " + f.getName());
            }
        }
        assertEquals("交通补助范围", ColumnNames.of("transportScope"));
        assertEquals("是否与人社公益性岗位重复", ColumnNames.of("duplicatesHrPost"));
        assertEquals("是否用于地方配套", ColumnNames.of("localMatching"));
        assertEquals("是否中介机构代理申报", ColumnNames.of("filedByIntermediary"));
    }

    @Test
    void theTableReaderAcceptsEveryChineseColumnName() throws IOException {
        List<String> header = new ArrayList<>();
        List<String> row = new ArrayList<>();
        for (String path : COLUMNS) {
            header.add(ColumnNames.of(path));
            row.add(switch (path) {
                case "name" -> "甲村温室大棚建设项目";
                case "amount" -> "100";
                case "seq" -> "1";
                default -> "";
            });
        }
        Path f = dir.resolve("all.csv");
        Files.writeString(f, String.join(",", header) + "\n" + String.join(",", row) + "\n", StandardCharsets.UTF_8);
        CountyPlan plan = CsvPlanReader.read(f, PlanFacts.fromOptions("测试县", null, 2024, "CENTRAL", "100", null, null, null));
        assertEquals(1, plan.getProjects().size());
    }

    @Test
    void missingFieldsAreDescribedByColumn() {
        assertEquals("村类别（项目 C-1、C-2）、到县资金", ColumnNames.describe(List.of("projects[C-1,C-2].villageType", "allocation.amount"), false));
        assertEquals("projects[C-1,C-2].villageType", ColumnNames.describe(List.of("projects[C-1,C-2].villageType"), true));
        // "every project" (AL-08 when none is dated) is not an empty list of projects
        assertEquals("公示日期（各项目）", ColumnNames.describe(List.of("projects[].publicNotice.noticedOn"), false));
    }
}
