package io.github.xianjie.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.xianjie.domain.Category;
import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.domain.Project;
import io.github.xianjie.support.Engines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Section headings of county tables (一、产业发展类): not projects, totals when they carry an amount, hints for classification. */
class SectionHeadingTest {
    @TempDir
    Path dir;

    private CountyPlan read(String body) throws IOException {
        Path f = dir.resolve("plan.csv");
        Files.writeString(f, "某县项目计划\n单位：万元\n序号,项目名称,建设地点,投资规模,责任单位\n" + body, StandardCharsets.UTF_8);
        return CsvPlanReader.read(f, PlanFacts.fromOptions("某县", null, 2024, "CENTRAL", "350", null, null, null));
    }

    @Test
    void headingsAreSectionsNotProjects() throws IOException {
        CountyPlan plan = read("一,产业发展类,,300,\n1,某村特色产品基地项目,某村,200,某乡\n2,某村肉羊养殖项目,某村,100,某乡\n"
                + "二、基础设施类,,,,\n3,某村道路硬化项目,某村,50,某乡\n合计,,,350,\n");
        assertEquals(3, plan.getProjects().size());
        assertEquals("产业发展类", plan.getProjects().get(0).getSectionHeading());
        assertEquals("二、基础设施类", plan.getProjects().get(2).getSectionHeading());
    }

    @Test
    void aHeadingAmountIsCheckedAgainstItsSection() throws IOException {
        InputException e = assertThrows(InputException.class, () -> read(
                "一,产业发展类,,301,\n1,某村肉牛养殖项目,某村,200,某乡\n2,某村肉羊养殖项目,某村,100,某乡\n二、基础设施类,,,,\n3,某村道路硬化项目,某村,50,某乡\n"));
        assertTrue(e.getMessage().contains("第4行") && e.getMessage().contains("301"), e.getMessage());
    }

    @Test
    void theHeadingIsAClassificationHintWhenTheNameGivesNone() throws IOException {
        CountyPlan plan = read("一,产业发展类,,300,\n1,某村特色产品基地项目,某村,300,某乡\n二,其他,,50,\n2,某项目,某村,50,某乡\n");
        CountyPlan classified = Engines.evaluate(plan).plan();
        Project p = classified.getProjects().get(0);
        assertEquals(Category.INDUSTRY, p.getCategory());
        assertTrue(p.inferenceFor("category").basis().startsWith("sectionHeading"), p.inferenceFor("category").toString());
        assertNull(classified.getProjects().get(1).getCategory());
    }

    @Test
    void yearAndFundComeFromTheTitleWhenNotGiven() throws IOException {
        Path f = dir.resolve("title.csv");
        Files.writeString(f, "2024年中央财政衔接推进乡村振兴补助资金分配情况表\n单位：万元\n序号,项目名称,建设地点,投资规模,责任单位\n"
                + "1,某村肉羊养殖项目,某村,100,某乡\n", StandardCharsets.UTF_8);
        CountyPlan plan = CsvPlanReader.read(f, PlanFacts.fromOptions("某县", null, null, null, null, null, null, null));
        assertEquals(2024, plan.getYear());
        assertEquals(io.github.xianjie.domain.FundSource.CENTRAL, plan.getFundSource());
        CountyPlan regional = CsvPlanReader.read(f, PlanFacts.fromOptions("某县", null, 2025, "自治区", null, null, null, null));
        assertEquals(2025, regional.getYear());
        assertEquals(io.github.xianjie.domain.FundSource.REGIONAL, regional.getFundSource());
    }
}
