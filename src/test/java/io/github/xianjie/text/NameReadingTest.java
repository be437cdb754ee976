package io.github.xianjie.text;

import static io.github.xianjie.support.Outcomes.assertOutcome;
import static io.github.xianjie.support.Plans.plan;
import static io.github.xianjie.support.Plans.project;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.xianjie.classify.CatalogueException;
import io.github.xianjie.classify.KeywordCatalogue;
import io.github.xianjie.domain.Category;
import io.github.xianjie.domain.FundSource;
import io.github.xianjie.domain.Implementer;
import io.github.xianjie.domain.ImplementerType;
import io.github.xianjie.domain.Project;
import io.github.xianjie.engine.Evaluation;
import io.github.xianjie.engine.Outcome;
import io.github.xianjie.engine.Result;
import io.github.xianjie.report.Report;
import io.github.xianjie.report.TextReportWriter;
import io.github.xianjie.report.WorkpaperWriter;
import io.github.xianjie.support.Engines;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 7: names read as words, places masked, inferences with evidence, the 需人工复核 list. */
class NameReadingTest {
    private static Evaluation one(String name, java.util.function.Consumer<Project> more) {
        return Engines.evaluate(plan(2024, FundSource.CENTRAL, "1000", "0", project("P1", name, "100", more)));
    }

    private static NameReader reader() {
        return KeywordCatalogue.load(Path.of("rules")).reader();
    }

    @Test
    void placeNamesAreMaskedAndSingleCharactersNeverMatch() {
        NameReader r = reader();
        ReadText t = r.read("某县购买生产母羊发放车排子镇脱贫户项目", List.of());
        assertTrue(t.places().contains("车排子镇"), t.describeWords().toString());
        assertFalse(t.contains("购买…车"), "车 of 车排子镇 is a place");
        assertTrue(t.contains("母羊"));
        ReadText village = r.read("红枣村党群服务中心", List.of());
        assertFalse(village.contains("红枣"), "红枣村 is a village: " + village.describeWords());
        assertFalse(r.read("为脱贫户发放棉被棉衣", List.of()).contains("棉花"));
        assertFalse(r.read("关注资金使用", List.of()).contains("注资"), "注资 straddles two words");
        assertFalse(r.read("乐山牛华镇某村路面维修及黑化", List.of()).contains("牛"), "a single character never matches alone");
    }

    @Test
    void anExcludeWordQualifiesOnlyTheOccurrenceItTouches() {
        NameReader r = reader();
        List<String> permitted = List.of("就业", "务工");
        assertFalse(r.read("帮扶车间吸纳就业工资补贴", List.of()).containsUnqualified("工资", permitted, ReadText.Mode.WORD),
                "就业 adjoins 工资: one phrase, a permitted use");
        assertTrue(r.read("某县乡村振兴局工作人员工资发放及就业服务项目", List.of())
                .containsUnqualified("工资", permitted, ReadText.Mode.WORD), "就业 after 及 does not qualify 工资");
        assertTrue(r.read("务工补助及干部工资", List.of()).containsUnqualified("工资", permitted, ReadText.Mode.WORD),
                "a second, unqualified occurrence still counts");
        assertFalse(r.read("务工工资", List.of()).containsUnqualified("工资", permitted, ReadText.Mode.WORD));
        assertTrue(r.read("某县为某某有限公司补充资本金及贷款贴息项目", List.of())
                .containsUnqualified("资本金", List.of("贴息"), ReadText.Mode.WORD));
        assertFalse(r.read("扶贫互助资金周转金", List.of()).containsUnqualified("资金周转", List.of("互助资金"), ReadText.Mode.WORD),
                "overlapping qualifier");
        assertFalse(r.read("机关事业单位基本养老保险缴费", List.of())
                .containsUnqualified("养老保险", List.of("机关事业单位…保险"), ReadText.Mode.WORD), "an ordered qualifier spans its parts");
        assertTrue(r.read("县城人民广场", List.of()).containsUnqualified("县城…广场", List.of("村"), ReadText.Mode.PLAIN));
        assertFalse(r.read("城区某村文化广场", List.of()).containsUnqualified("城区…广场", List.of("村"), ReadText.Mode.PLAIN),
                "村 inside the stretch 城区…广场 qualifies it");
    }

    @Test
    void theProjectsOwnLocationIsMaskedInItsName() {
        ReadText t = reader().read("羊场肉牛养殖", List.of("羊场"));
        assertTrue(t.places().contains("羊场") || t.describeWords().toString().contains("［"), t.describeWords().toString());
        assertTrue(t.contains("肉牛"));
    }

    @Test
    void theCatalogueRefusesASingleCharacterWord(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("keywords"));
        Files.writeString(dir.resolve(KeywordCatalogue.FILE),
                "id,target,value,include,exclude,source,note\nK1,industryChain,LIVESTOCK,羊|母羊,,M,x\n");
        CatalogueException e = assertThrows(CatalogueException.class, () -> KeywordCatalogue.load(dir));
        assertTrue(e.getMessage().contains("单字") && e.getMessage().contains("第2行"), e.getMessage());
        Files.writeString(dir.resolve(KeywordCatalogue.FILE), "id,target,value,include,exclude,source,note\nK1,industryChain,LIVESTOCK,母羊,,M,x\n");
        Files.writeString(dir.resolve(KeywordCatalogue.WORDS), "kind,word,source,note\nSUFFIX,村,M,x\n");
        e = assertThrows(CatalogueException.class, () -> KeywordCatalogue.load(dir));
        assertTrue(e.getMessage().contains("words.csv") && e.getMessage().contains("kind"), e.getMessage());
    }

    @Test
    void theSegmenterIsLoadedOnlyWhenATextCouldHoldACatalogueWord() {
        NameReader r = reader();
        assertFalse(r.loaded());
        ReadText t = r.read("某某某", List.of());
        assertFalse(t.contains("母羊"));
        assertFalse(r.loaded(), "no catalogue word in the text: nothing to segment");
        assertTrue(r.read("某村母羊", List.of()).contains("母羊"));
        assertTrue(r.loaded() && r.loadMillis() > 0);
    }

    @Test
    void theIssuesNamesGetTheirOutcomes() {
        assertOutcome(one("某县购买生产母羊发放车排子镇脱贫户项目", p -> { }), "NL-02", "P1", Outcome.PASS, null);
        assertOutcome(one("工作用车购置", p -> { }), "NL-02", "P1", Outcome.FAIL, "ERROR");
        assertOutcome(one("入股辽宁某某生物科技有限公司发展薯类加工", p -> { }), "NL-09", "P1", Outcome.FAIL, "ERROR");
        assertOutcome(one("以工代赈项目管理人员工资", p -> { }), "NL-04", "P1", Outcome.FAIL, "ERROR");
        assertOutcome(one("乡村振兴投资公司资本金", p -> { }), "NL-09", "P1", Outcome.FAIL, "ERROR");
        Result review = assertOutcome(one("与\"龙头企业\"合作发展村集体经济", p -> { }), "NL-09", "P1", Outcome.FAIL, "WARNING");
        assertEquals("需人工复核", review.evidence().get("review"));
        assertOutcome(one("龙头企业带动肉羊养殖", p -> { }), "NL-09", "P1", Outcome.PASS, null);
        assertOutcome(one("工业园区道路及管网", p -> { }), "NL-07", "P1", Outcome.FAIL, "ERROR");
        assertOutcome(one("城区农贸市场", p -> { }), "NL-07", "P1", Outcome.FAIL, "ERROR");
        assertOutcome(one("城区公厕", p -> { }), "NL-07", "P1", Outcome.FAIL, "ERROR");
        assertOutcome(one("防返贫动态监测帮扶信息平台运维", p -> { }), "NL-08", "P1", Outcome.FAIL, "ERROR");
        assertOutcome(one("乡政府职工食堂", p -> { }), "NL-03", "P1", Outcome.FAIL, "ERROR");
        for (String image : List.of("文化墙彩绘", "外立面美化", "镇公园栏杆及雕塑", "移民新村牌楼", "景观大门", "绿化美化")) {
            assertOutcome(one(image, p -> { }), "NL-14", "P1", Outcome.FAIL, "ERROR");
        }
        assertOutcome(one("工作餐费", p -> { }), "NL-01", "P1", Outcome.FAIL, "ERROR");
        assertOutcome(one("出借资金", p -> { }), "NL-15", "P1", Outcome.FAIL, "ERROR");
        assertOutcome(one("弥补财政缺口", p -> { }), "NL-15", "P1", Outcome.FAIL, "ERROR");
        assertOutcome(one("慰问金", p -> { }), "NL-04", "P1", Outcome.FAIL, "ERROR");
        for (String clean : List.of("帮扶车间吸纳脱贫劳动力就业工资补贴", "技能培训生活补贴")) {
            assertOutcome(one(clean, p -> { }), "NL-04", "P1", Outcome.PASS, null);
        }
        assertOutcome(one("中职学校就读补助", p -> { }), "NL-13", "P1", Outcome.PASS, null);
        assertOutcome(one("学校周边村道", p -> { }), "NL-13", "P1", Outcome.PASS, null);
        assertOutcome(one("民族手工业展示馆", p -> { }), "NL-03", "P1", Outcome.PASS, null);
        assertOutcome(one("偿还易地扶贫搬迁贷款本金", p -> { }), "NL-05", "P1", Outcome.FAIL, "ERROR");
        assertOutcome(one("清偿易地扶贫搬迁安置区工程款", p -> { }), "NL-05", "P1", Outcome.FAIL, "ERROR");
        Result ex = assertOutcome(one("十三五易地扶贫搬迁贷款贴息", p -> { }), "NL-05", "P1", Outcome.PASS, null);
        assertTrue(ex.evidence().containsKey("exception"));
    }

    @Test
    void permittedPurposesAreRecognised() {
        Map<String, String> chains = Map.of("速冻库建设", "", "果蔬储备库建设", "", "现代牧场建设", "LIVESTOCK",
                "薯类种植", "GRAIN", "芒果种植", "FRUIT");
        chains.forEach((name, chain) -> {
            Evaluation ev = one(name, p -> { });
            Project p = ev.plan().getProjects().get(0);
            assertEquals(Category.INDUSTRY, p.getCategory(), name);
            assertEquals(chain, p.getIndustryChain() == null ? "" : p.getIndustryChain().name(), name);
        });
        assertEquals(Category.CREDIT_SUBSIDY, one("户贷户用 贴息", p -> { }).plan().getProjects().get(0).getCategory());
    }

    @Test
    void anUrbanSiteIsTestedForEveryProjectAndRecordedAsEvidence() {
        Evaluation ev = one("某县公共厕所建设", p -> p.location = "某县城区");
        assertOutcome(ev, "NL-07", "P1", Outcome.FAIL, "ERROR");
        assertEquals("URBAN", ev.plan().getProjects().get(0).inferenceFor("locationType").value());
        Evaluation jobs = one("某县帮扶车间建设", p -> p.location = "某县城区");
        assertOutcome(jobs, "NL-07", "P1", Outcome.PASS, null);
        assertEquals("URBAN", jobs.plan().getProjects().get(0).inferenceFor("locationType").value(), "recorded all the same");
        assertOutcome(one("某乡集镇道路硬化", p -> { }), "NL-07", "P1", Outcome.PASS, null);
        assertNull(one("塔城市阿西尔达斡尔民族乡人口较少民族发展项目", p -> { }).plan().getProjects().get(0).inferenceFor("locationType"));
    }

    @Test
    void implementerTypeIsInferredWithEvidenceAndInputWins() {
        Project p = one("某村肉羊养殖", x -> x.implementer = new Implementer(null, "某县某某农业发展有限公司")).plan().getProjects().get(0);
        assertEquals(ImplementerType.ENTERPRISE, p.getImplementer().type());
        assertEquals("implementer.name", p.inferenceFor("implementer.type").basis());
        assertEquals(ImplementerType.VILLAGE_COLLECTIVE, one("某村肉羊养殖",
                x -> x.implementer = new Implementer(null, "某村股份经济合作社")).plan().getProjects().get(0).getImplementer().type());
        assertEquals(ImplementerType.COOPERATIVE, one("某村肉羊养殖",
                x -> x.implementer = new Implementer(null, "某某养殖专业合作社")).plan().getProjects().get(0).getImplementer().type());
        assertEquals(ImplementerType.FAMILY_FARM, one("某村肉羊养殖",
                x -> x.implementer = new Implementer(null, "某某家庭农场")).plan().getProjects().get(0).getImplementer().type());
        assertEquals(ImplementerType.GOVERNMENT, one("某村道路硬化", x -> x.responsibleUnit = "某县交通运输局")
                .plan().getProjects().get(0).getImplementer().type());
        Project given = one("某村肉羊养殖", x -> x.implementer = new Implementer(ImplementerType.COOPERATIVE, "某某有限公司"))
                .plan().getProjects().get(0);
        assertEquals(ImplementerType.COOPERATIVE, given.getImplementer().type());
        assertNull(given.inferenceFor("implementer.type"));
    }

    @Test
    void theTransportScopeIsReadFromTheNameForPm10() {
        Evaluation central = one("脱贫劳动力跨省务工一次性交通补助", p -> { });
        assertEquals("CROSS_PROVINCE", central.plan().getProjects().get(0).getTransportScope());
        assertOutcome(central, "PM-10", "P1", Outcome.PASS, null);
        Evaluation wrong = one("脱贫劳动力疆内跨地州务工一次性交通补助", p -> { });
        assertOutcome(wrong, "PM-10", "P1", Outcome.FAIL, null);
    }

    @Test
    void nl99ListsTheWordsReadAndAJustificationMakesItInfo() throws IOException {
        Evaluation ev = one("某村党群服务中心文化活动设施", p -> { });
        Result r = assertOutcome(ev, "NL-99", "P1", Outcome.FAIL, "WARNING");
        assertTrue(r.evidence().get("words").toString().contains("党群"), r.evidence().toString());
        assertOutcome(one("某村党群服务中心文化活动设施", p -> p.justification = "村级组织活动场所的产业展示部分，见附件"),
                "NL-99", "P1", Outcome.FAIL, "INFO");
        Report report = Report.of(ev, Engines.engine().ruleset(), "t.json", "abc", 2024, null);
        String text = TextReportWriter.write(report, false);
        assertTrue(text.contains("== 需人工复核（未识别出第三条所列支持方向）=="), text);
        assertTrue(text.contains("已读词语："), text);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WorkpaperWriter.write(report, false, out);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            var sh = wb.getSheet("需人工复核");
            assertEquals("P1", sh.getRow(1).getCell(0).getStringCellValue());
            assertTrue(sh.getRow(1).getCell(3).getStringCellValue().contains("党群"));
        }
    }
}
