package io.github.xianjie.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.xianjie.domain.Allocation;
import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.domain.DueDiligence;
import io.github.xianjie.domain.FundSource;
import io.github.xianjie.domain.Implementer;
import io.github.xianjie.domain.ImplementerType;
import io.github.xianjie.domain.LibraryEntry;
import io.github.xianjie.domain.OtherFunding;
import io.github.xianjie.domain.Project;
import io.github.xianjie.domain.PublicNotice;
import io.github.xianjie.engine.Evaluation;
import io.github.xianjie.engine.Outcome;
import io.github.xianjie.engine.Result;
import io.github.xianjie.support.Engines;
import io.github.xianjie.support.Outcomes;
import io.github.xianjie.support.Plans;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PM-01 … PM-13 (rules/project-management.drl): project management, 新财规〔2021〕11号 and 新财振〔2022〕5号. */
class ProjectManagementRulesTest {
    /** A name from which the classifier infers nothing and in which no word list matches. */
    private static final String NEUTRAL = "某乡某村测试项目";

    private static Evaluation one(int year, FundSource fund, Consumer<Project> more) {
        return Engines.evaluate(Plans.plan(year, fund, null, null, Plans.project("P1", NEUTRAL, "100", more)));
    }

    private static Evaluation one(Consumer<Project> more) {
        return one(2024, FundSource.CENTRAL, more);
    }

    private static LocalDate date(String s) {
        return s == null ? null : LocalDate.parse(s);
    }

    private static Implementer implementer(ImplementerType type) {
        return type == null ? null : new Implementer(type, "某实施主体");
    }

    // ---- PM-01 ------------------------------------------------------------------------------------

    @Test
    void pm01ProjectStatedNotInTheLibraryFailsAsAWarning() {
        Result r = Outcomes.assertOutcome(one(p -> p.setLibraryEntry(null)), "PM-01", "P1", Outcome.FAIL, "WARNING");
        assertEquals("none", r.evidence().get("libraryEntry"));
    }

    @Test
    void pm01LibraryEntryNotGivenIsUndetermined() {
        Result r = Outcomes.assertOutcome(one(p -> { }), "PM-01", "P1", Outcome.UNDETERMINED, "WARNING");
        assertEquals(List.of("libraryEntry"), r.missing());
    }

    @Test
    void pm01AJustifiedMissingEntryIsInfo() {
        Result r = Outcomes.assertOutcome(one(p -> {
                    p.setLibraryEntry(null);
                    p.justification = "应急抗灾项目，经领导小组审定后补录入库";
                }),
                "PM-01", "P1", Outcome.FAIL, "INFO");
        assertEquals("应急抗灾项目，经领导小组审定后补录入库", r.evidence().get("justification"));
    }

    @ParameterizedTest(name = "libraryId {0}, enteredOn {1} → PASS")
    @CsvSource({"XM-2023-001, 2023-10-15", "XM-2023-001, ", ", 2023-10-15"})
    void pm01ProjectInTheLibraryPasses(String id, String on) {
        Result r = Outcomes.assertOutcome(one(p -> p.setLibraryEntry(new LibraryEntry(date(on), id))), "PM-01", "P1", Outcome.PASS, "WARNING");
        assertEquals(id == null ? "—" : id, r.evidence().get("libraryId"));
        assertEquals(on == null ? "—" : on, r.evidence().get("enteredOn"));
    }

    @Test
    void pm01AnEmptyLibraryEntryIsUndetermined() {
        Result r = Outcomes.assertOutcome(one(p -> p.setLibraryEntry(new LibraryEntry(null, " "))), "PM-01", "P1", Outcome.UNDETERMINED, "WARNING");
        assertEquals(List.of("libraryEntry.libraryId", "libraryEntry.enteredOn"), r.missing());
    }

    // ---- PM-02 ------------------------------------------------------------------------------------

    @ParameterizedTest(name = "plan {0}, entered {1} → {2} {3}")
    @CsvSource({
            // plan year, enteredOn, outcome, rule-name fragment
            "2024, 2023-12-31, PASS, ",                        // last day of Q4 of the year before
            "2024, 2023-10-01, PASS, ",                        // first day of Q4
            "2024, 2023-03-15, PASS, ",                        // earlier in the year before: also done by Q4
            "2024, 2024-01-01, FAIL, 入库晚于上年第四季度",      // first day of the plan year
            "2024, 2024-06-30, FAIL, 入库晚于上年第四季度",
            "2024, 2021-01-02, PASS, ",                        // 3 years less a day by 2024-01-01
            "2024, 2021-01-01, FAIL, 入库已满规定年限未执行",      // exactly 3 years by 2024-01-01 (满3年, inclusive)
            "2024, 2019-05-01, FAIL, 入库已满规定年限未执行",
            "2023, 2022-12-31, PASS, ",
            "2023, 2023-01-01, FAIL, 入库晚于上年第四季度",
    })
    void pm02EnteredByQ4OfTheYearBeforeAndNotStale(int year, String on, Outcome outcome, String ruleName) {
        Result r = Outcomes.assertOutcome(one(year, FundSource.CENTRAL, p -> p.setLibraryEntry(new LibraryEntry(date(on), "XM-1"))),
                "PM-02", "P1", outcome, "WARNING");
        assertEquals(on, r.evidence().get("enteredOn"));
        if (ruleName != null) {
            assertTrue(r.ruleName().endsWith(ruleName), r.ruleName());
        }
        if (outcome == Outcome.PASS) {
            assertEquals((year - 1) + "-12-31", r.evidence().get("deadline"));
            assertEquals((year - 3) + "-01-01", r.evidence().get("staleOnOrBefore"));
            assertEquals("3", r.evidence().get("years"));
        }
    }

    @Test
    void pm02LibraryEntryWithoutADateIsUndetermined() {
        Result r = Outcomes.assertOutcome(one(p -> p.setLibraryEntry(new LibraryEntry(null, "XM-1"))), "PM-02", "P1", Outcome.UNDETERMINED, "WARNING");
        assertEquals(List.of("libraryEntry.enteredOn"), r.missing());
    }

    @Test
    void pm02NoLibraryEntryIsNotApplicable() {
        Outcomes.assertOutcome(one(p -> { }), "PM-02", "P1", Outcome.NOT_APPLICABLE, "WARNING");
    }

    @Test
    void pm02BeforeTheGuidanceIsNotApplicable() {
        // 新财振〔2022〕5号 dates from 2022-06-15: a 2021 plan (as of 2021-12-31) has no library-timing parameter
        Result r = Outcomes.assertOutcome(one(2021, FundSource.CENTRAL, p -> p.setLibraryEntry(new LibraryEntry(date("2021-03-01"), "XM-1"))),
                "PM-02", "P1", Outcome.NOT_APPLICABLE, "WARNING");
        assertEquals("no parameter project-management.library-staleness in force", r.evidence().get("reason"));
    }

    // ---- PM-03 ------------------------------------------------------------------------------------

    @Test
    void pm03NoPerformanceTargetsFails() {
        Result r = Outcomes.assertOutcome(one(p -> p.setPerformanceTargets(null)), "PM-03", "P1", Outcome.FAIL, "ERROR");
        assertEquals("none", r.evidence().get("performanceTargets"));
    }

    @Test
    void pm03TargetsNotGivenAreUndetermined() {
        Result r = Outcomes.assertOutcome(one(p -> { }), "PM-03", "P1", Outcome.UNDETERMINED, "ERROR");
        assertEquals(List.of("performanceTargets"), r.missing());
    }

    @ParameterizedTest(name = "targets [{0}] → FAIL")
    @CsvSource({"''", "' '", "' | '"})
    void pm03EmptyOrBlankTargetsFail(String targets) {
        Result r = Outcomes.assertOutcome(one(p -> p.setPerformanceTargets(new ArrayList<>(Arrays.asList(targets.split("\\|", -1))))),
                "PM-03", "P1", Outcome.FAIL, "ERROR");
        assertEquals("empty", r.evidence().get("performanceTargets"));
    }

    @Test
    void pm03TargetsSetPasses() {
        Result r = Outcomes.assertOutcome(one(p -> p.setPerformanceTargets(List.of("新建棚圈 20 座", "带动脱贫户 30 户增收"))),
                "PM-03", "P1", Outcome.PASS, "ERROR");
        assertEquals("2", r.evidence().get("count"));
        assertEquals(List.of("新建棚圈 20 座", "带动脱贫户 30 户增收"), r.evidence().get("targets"));
    }

    @Test
    void pm03AJustificationDoesNotSoftenAnError() {
        Outcomes.assertOutcome(one(p -> {
            p.setPerformanceTargets(List.of());
            p.justification = "绩效目标随后补报";
        }), "PM-03", "P1", Outcome.FAIL, "ERROR");
    }

    // ---- PM-04 ------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}, amount {1}, investment {2}, due diligence {3} → {4}")
    @CsvSource({
            // implementer, amount, investment, due diligence, outcome, investment in evidence
            "ENTERPRISE,         3000,    ,        false, FAIL,           3000",    // exactly 3000: 以上 includes the number
            "ENTERPRISE,         2999.99, ,        false, NOT_APPLICABLE, 2999.99",
            "ENTERPRISE,         3000.00, ,        true,  PASS,           3000",
            "ENTERPRISE,         500,     3000,    false, FAIL,           3000",    // total investment, not the linkage amount
            "ENTERPRISE,         2000,    2999.99, false, NOT_APPLICABLE, 2999.99",
            "COOPERATIVE,        5000,    ,        false, FAIL,           5000",    // 企业等生产经营主体
            "VILLAGE_COLLECTIVE, 100,     8000,    false, FAIL,           8000",
            "FAMILY_FARM,        3000,    ,        true,  PASS,           3000",
            "GOVERNMENT,         5000,    ,        false, NOT_APPLICABLE, 5000",
            "VILLAGE_SELF_BUILD, 3000,    ,        false, NOT_APPLICABLE, 3000",
            ",                   100,     ,        false, NOT_APPLICABLE, 100",     // below the threshold: the implementer does not matter
    })
    void pm04DueDiligenceFromThreeThousandWanYuan(ImplementerType type, String amount, String investment, boolean dd,
                                                  Outcome outcome, String expectedInvestment) {
        Evaluation ev = Engines.evaluate(Plans.plan(2024, FundSource.CENTRAL, null, null, Plans.project("P1", NEUTRAL, amount, p -> {
            p.implementer = implementer(type);
            p.investment = investment == null ? null : new BigDecimal(investment);
            p.dueDiligence = dd ? new DueDiligence("地区农业农村局", LocalDate.parse("2023-11-20")) : null;
        })));
        Result r = Outcomes.assertOutcome(ev, "PM-04", "P1", outcome, "WARNING");   // G 三(一)3 "要组织开展"
        assertEquals(expectedInvestment, r.evidence().get("investment"));
        assertEquals("3000", r.evidence().get("threshold"));
        if (outcome == Outcome.FAIL) {
            assertEquals(investment == null ? "amount" : "investment", r.evidence().get("investmentField"));
            assertEquals(type.name(), r.evidence().get("implementerType"));
        }
        if (outcome == Outcome.PASS) {
            assertEquals("地区农业农村局", r.evidence().get("by"));
            assertEquals("2023-11-20", r.evidence().get("on"));
        }
    }

    @Test
    void pm04UnknownImplementerAtTheThresholdIsUndetermined() {
        Evaluation ev = Engines.evaluate(Plans.plan(2024, FundSource.CENTRAL, null, null, Plans.project("P1", NEUTRAL, "3000", p -> { })));
        Result r = Outcomes.assertOutcome(ev, "PM-04", "P1", Outcome.UNDETERMINED, "WARNING");
        assertEquals(List.of("implementer.type"), r.missing());
    }

    @Test
    void pm04BeforeTheGuidanceIsNotApplicable() {
        Evaluation ev = Engines.evaluate(Plans.plan(2021, FundSource.CENTRAL, null, null,
                Plans.project("P1", NEUTRAL, "5000", p -> p.implementer = implementer(ImplementerType.ENTERPRISE))));
        Result r = Outcomes.assertOutcome(ev, "PM-04", "P1", Outcome.NOT_APPLICABLE, "WARNING");
        assertEquals("no parameter project-management.due-diligence-threshold in force", r.evidence().get("reason"));
    }

    // ---- PM-05 ------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}: [{1}] → {2} {3}")
    @CsvSource({
            // implementer, benefit linkage, outcome, rule-name fragment
            "ENTERPRISE,         ,                                    FAIL, 未明确利益联结机制",
            "ENTERPRISE,         '  ',                                FAIL, 未明确利益联结机制",
            "COOPERATIVE,        村集体以资金入股，每年按8%分红,        FAIL, 简单入股分红",
            "FAMILY_FARM,        保底收益每年6万元,                     FAIL, 简单入股分红",
            "VILLAGE_COLLECTIVE, 资产入股分红，并吸纳脱贫户务工20人,     PASS, 已明确利益联结机制",
            "ENTERPRISE,         流转土地500亩，订单收购农户辣椒,        PASS, 已明确利益联结机制",
            "COOPERATIVE,        带动周边农户发展养殖,                  PASS, 已明确利益联结机制",
            "ENTERPRISE,         与农户签订利益共享协议,                PASS, 已明确利益联结机制",
            "GOVERNMENT,         ,                                    NOT_APPLICABLE, 非生产经营主体实施",
            "VILLAGE_SELF_BUILD, 入股分红,                             NOT_APPLICABLE, 非生产经营主体实施",
    })
    void pm05BenefitLinkageStatedAndNotASimpleDividend(ImplementerType type, String linkage, Outcome outcome, String ruleName) {
        Result r = Outcomes.assertOutcome(one(p -> {
            p.implementer = implementer(type);
            p.benefitLinkage = linkage;
        }), "PM-05", "P1", outcome, "ERROR");
        assertTrue(r.ruleName().endsWith(ruleName), r.ruleName());
        assertEquals(type.name(), r.evidence().get("implementerType"));
        if (ruleName.equals("简单入股分红")) {
            assertEquals(linkage, r.evidence().get("benefitLinkage"));
            assertTrue(!((List<?>) r.evidence().get("dividendWords")).isEmpty());
        }
    }

    @Test
    void pm05MixedLinkageNamesItsWords() {
        Result r = Outcomes.result(one(p -> {
            p.implementer = implementer(ImplementerType.VILLAGE_COLLECTIVE);
            p.benefitLinkage = "资产入股分红，并吸纳脱贫户务工20人";
        }), "PM-05", "P1");
        assertEquals(List.of("务工"), r.evidence().get("linkageWords"));
        assertEquals(List.of("分红", "入股"), r.evidence().get("dividendWords"));
    }

    @Test
    void pm05UnknownImplementerIsUndetermined() {
        Result r = Outcomes.assertOutcome(one(p -> p.benefitLinkage = "入股分红"), "PM-05", "P1", Outcome.UNDETERMINED, "ERROR");
        assertEquals(List.of("implementer.type"), r.missing());
    }

    // ---- PM-06 ------------------------------------------------------------------------------------

    @Test
    void pm06NoticedProjectPasses() {
        Result r = Outcomes.assertOutcome(one(p -> p.setPublicNotice(new PublicNotice(date("2023-12-29")))), "PM-06", "P1", Outcome.PASS, "ERROR");
        assertEquals("2023-12-29", r.evidence().get("noticedOn"));
    }

    @Test
    void pm06UnnoticedProjectFails() {
        Outcomes.assertOutcome(one(p -> p.setPublicNotice(null)), "PM-06", "P1", Outcome.FAIL, "ERROR");
    }

    @Test
    void pm06NoticeNotGivenIsUndetermined() {
        assertEquals(List.of("publicNotice"),
                Outcomes.assertOutcome(one(p -> { }), "PM-06", "P1", Outcome.UNDETERMINED, "ERROR").missing());
    }

    @Test
    void pm06NoticeWithoutADateIsUndetermined() {
        Result r = Outcomes.assertOutcome(one(p -> p.setPublicNotice(new PublicNotice(null))), "PM-06", "P1", Outcome.UNDETERMINED, "ERROR");
        assertEquals(List.of("publicNotice.noticedOn"), r.missing());
    }

    // ---- PM-07 ------------------------------------------------------------------------------------

    @ParameterizedTest(name = "project {0}, allocation {1} → {2}")
    @CsvSource({
            // project subject, allocation subject, outcome, subject in evidence, field in evidence
            "2130505, ,        PASS, 2130505, budgetSubject",
            "21305,   ,        PASS, 21305,   budgetSubject",
            "2130599, 2130101, PASS, 2130599, budgetSubject",              // the project's own subject wins
            ",        2130505, PASS, 2130505, allocation.budgetSubject",
            "2130101, 2130505, FAIL, 2130101, budgetSubject",              // 农业农村, not 巩固衔接
            "2130,    ,        FAIL, 2130,    budgetSubject",               // not even a full class code
            ",        2080901, FAIL, 2080901, allocation.budgetSubject",
    })
    void pm07BudgetSubjectUnder21305(String projectSubject, String allocationSubject, Outcome outcome, String subject, String field) {
        CountyPlan plan = Plans.plan(2024, FundSource.CENTRAL, null, null, Plans.project("P1", NEUTRAL, "100", p -> p.budgetSubject = projectSubject));
        plan.allocation = new Allocation(new BigDecimal("100"), null, null, null, allocationSubject, null);
        Result r = Outcomes.assertOutcome(Engines.evaluate(plan), "PM-07", "P1", outcome, "WARNING");
        assertEquals(subject, r.evidence().get("budgetSubject"));
        assertEquals(field, r.evidence().get("field"));
        assertEquals("21305", r.evidence().get("classCode"));
    }

    @Test
    void pm07NoSubjectAnywhereIsUndetermined() {
        Result r = Outcomes.assertOutcome(one(p -> { }), "PM-07", "P1", Outcome.UNDETERMINED, "WARNING");
        assertEquals(List.of("budgetSubject", "allocation.budgetSubject"), r.missing());
    }

    // ---- PM-08 ------------------------------------------------------------------------------------

    @Test
    void pm08OtherFundingWithItsOwnContentPasses() {
        Result r = Outcomes.assertOutcome(one(p -> p.otherFunding = List.of(
                new OtherFunding("高标准农田建设资金", new BigDecimal("200"), "田间道路和渠道防渗"))), "PM-08", "P1", Outcome.PASS, "ERROR");
        assertEquals(List.of("高标准农田建设资金：田间道路和渠道防渗"), r.evidence().get("funding"));
    }

    @Test
    void pm08OtherFundingWithoutContentIsUndeterminedNotABreach() {
        Result r = Outcomes.assertOutcome(one(p -> p.otherFunding = List.of(
                new OtherFunding("高标准农田建设资金", new BigDecimal("200"), "田间道路"),
                new OtherFunding("以工代赈资金", new BigDecimal("50"), " "),
                new OtherFunding("地方债券", new BigDecimal("80"), null))), "PM-08", "P1", Outcome.UNDETERMINED, "ERROR");
        assertEquals(List.of("otherFunding[1]（以工代赈资金）", "otherFunding[2]（地方债券）"), r.evidence().get("undelineated"));
        assertEquals(List.of("otherFunding[1].content", "otherFunding[2].content"), r.missing());
    }

    @Test
    void pm08TwoChannelsStatingTheSameContentFail() {
        Result r = Outcomes.assertOutcome(one(p -> p.otherFunding = List.of(
                new OtherFunding("高标准农田建设资金", new BigDecimal("200"), "田间道路"),
                new OtherFunding("水利发展资金", new BigDecimal("50"), "渠道防渗"),
                new OtherFunding("地方债券", new BigDecimal("80"), " 田间道路"))), "PM-08", "P1", Outcome.FAIL, "ERROR");
        assertEquals(List.of("高标准农田建设资金、地方债券：田间道路"), r.evidence().get("overlapping"));
    }

    @Test
    void pm08EachSharedContentIsListedOnceInPlanOrderWithItsChannelsInListOrder() {
        // 渠道防渗 is stated by entries 0, 2 (trimmed) and 4; 田间道路 by 1 and 3: first-seen content order, sources in list order
        Result r = Outcomes.assertOutcome(one(p -> p.otherFunding = List.of(
                new OtherFunding("水利发展资金", new BigDecimal("50"), "渠道防渗"),
                new OtherFunding("高标准农田建设资金", new BigDecimal("200"), "田间道路"),
                new OtherFunding("地方债券", new BigDecimal("80"), " 渠道防渗 "),
                new OtherFunding("以工代赈资金", new BigDecimal("30"), "田间道路"),
                new OtherFunding("村集体自筹", new BigDecimal("5"), "渠道防渗"))), "PM-08", "P1", Outcome.FAIL, "ERROR");
        assertEquals(List.of("水利发展资金、地方债券、村集体自筹：渠道防渗", "高标准农田建设资金、以工代赈资金：田间道路"),
                r.evidence().get("overlapping"));
    }

    @ParameterizedTest(name = "otherFunding {0} → NOT_APPLICABLE")
    @CsvSource({"absent", "empty"})
    void pm08NoOtherFundingIsNotApplicable(String how) {
        Outcomes.assertOutcome(one(p -> p.otherFunding = how.equals("empty") ? List.of() : null), "PM-08", "P1", Outcome.NOT_APPLICABLE, "ERROR");
    }

    // ---- PM-09 ------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}, localMatching {1} → {2}")
    @CsvSource({
            "CENTRAL,  true,  FAIL",
            "CENTRAL,  false, PASS",
            "CENTRAL,  ,      UNDETERMINED",
            "REGIONAL, true,  NOT_APPLICABLE",
            "REGIONAL, ,      NOT_APPLICABLE",
    })
    void pm09CentralFundsNotForLocalMatching(FundSource fund, Boolean localMatching, Outcome outcome) {
        Result r = Outcomes.assertOutcome(one(2024, fund, p -> p.localMatching = localMatching), "PM-09", "P1", outcome, "ERROR");
        switch (outcome) {
            case UNDETERMINED -> assertEquals(List.of("localMatching"), r.missing());
            case NOT_APPLICABLE -> assertEquals("REGIONAL", r.evidence().get("fundSource"));
            default -> assertEquals(String.valueOf(localMatching), r.evidence().get("localMatching"));
        }
    }

    // ---- PM-10 ------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}: {1}, scope {2} → {3}")
    @CsvSource({
            // fund, name, transportScope, outcome
            "CENTRAL,  脱贫劳动力外出务工一次性交通补助项目, CROSS_PROVINCE,    PASS",
            "CENTRAL,  脱贫劳动力外出务工一次性交通补助项目, 跨省,              PASS",
            "CENTRAL,  脱贫劳动力外出务工一次性交通补助项目, CROSS_PREFECTURE,  FAIL",
            "CENTRAL,  脱贫劳动力外出务工一次性交通补助项目, WITHIN_PREFECTURE, FAIL",
            "REGIONAL, 脱贫劳动力外出务工一次性交通补助项目, CROSS_PREFECTURE,  PASS",
            "REGIONAL, 脱贫劳动力外出务工一次性交通补助项目, 疆内跨地（州、市）, PASS",
            "REGIONAL, 脱贫劳动力外出务工一次性交通补助项目, CROSS_PROVINCE,    FAIL",   // cross-province is the central funds' remit
            "REGIONAL, 脱贫劳动力外出务工一次性交通补助项目, WITHIN_PREFECTURE, FAIL",
            "CENTRAL,  某乡劳务输出补助项目,                 CROSS_PREFECTURE,  FAIL",   // transportScope given: it is a transport subsidy
    })
    void pm10TransportSubsidyScopeFollowsTheFundSource(FundSource fund, String name, String scope, Outcome outcome) {
        Evaluation ev = Engines.evaluate(Plans.plan(2024, fund, null, null, Plans.project("P1", name, "20", p -> p.transportScope = scope)));
        Result r = Outcomes.assertOutcome(ev, "PM-10", "P1", outcome, "ERROR");
        assertEquals(fund == FundSource.CENTRAL ? "CROSS_PROVINCE" : "CROSS_PREFECTURE", r.evidence().get("required"));
        assertEquals(fund.name(), r.evidence().get("fundSource"));
    }

    @ParameterizedTest(name = "scope [{0}] → UNDETERMINED")
    @CsvSource({"''", "'   '", "疆外"})
    void pm10TransportSubsidyWithoutAScopeIsUndetermined(String scope) {
        Evaluation ev = Engines.evaluate(Plans.plan(2024, FundSource.CENTRAL, null, null,
                Plans.project("P1", "脱贫劳动力一次性交通补助", "20", p -> p.transportScope = scope)));
        Result r = Outcomes.assertOutcome(ev, "PM-10", "P1", Outcome.UNDETERMINED, "ERROR");
        assertEquals(List.of("transportScope"), r.missing());
        assertEquals(scope.isBlank() ? "—" : scope, r.evidence().get("given"));
    }

    @Test
    void pm10OtherProjectsAreNotApplicable() {
        Outcomes.assertOutcome(one(p -> { }), "PM-10", "P1", Outcome.NOT_APPLICABLE, "ERROR");
    }

    // ---- PM-11 ------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}, duplicatesHrPost {1} → {2}")
    @CsvSource({
            "某村乡村公益岗位补助项目,   true,  FAIL",
            "某村乡村公益岗位补助项目,   false, PASS",
            "某村公益性岗位补贴项目,     false, PASS",
            "某村乡村公益岗位补助项目,   ,      UNDETERMINED",
            "某村护林员补助项目,         true,  FAIL",            // duplicatesHrPost given: it is a post project
            NEUTRAL + ",                ,      NOT_APPLICABLE",
    })
    void pm11PostsNotDuplicatingHrPosts(String name, Boolean duplicates, Outcome outcome) {
        Evaluation ev = Engines.evaluate(Plans.plan(2024, FundSource.CENTRAL, null, null, Plans.project("P1", name, "20", p -> p.duplicatesHrPost = duplicates)));
        Result r = Outcomes.assertOutcome(ev, "PM-11", "P1", outcome, "ERROR");
        switch (outcome) {
            case UNDETERMINED -> assertEquals(List.of("duplicatesHrPost"), r.missing());
            case NOT_APPLICABLE -> assertEquals("not a public-welfare post project", r.evidence().get("reason"));
            default -> assertEquals(String.valueOf(duplicates), r.evidence().get("duplicatesHrPost"));
        }
    }

    // ---- PM-12 ------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}, village [{1}] → {2}")
    @CsvSource({
            "VILLAGE_SELF_BUILD, 党家庄村, PASS",
            "VILLAGE_SELF_BUILD, ,         FAIL",
            "VILLAGE_SELF_BUILD, '  ',     FAIL",
            "ENTERPRISE,         ,         NOT_APPLICABLE",
            "GOVERNMENT,         党家庄村, NOT_APPLICABLE",
    })
    void pm12VillageSelfBuildOnlyForVillageProjects(ImplementerType type, String village, Outcome outcome) {
        Result r = Outcomes.assertOutcome(one(p -> {
            p.implementer = implementer(type);
            p.village = village;
        }), "PM-12", "P1", outcome, "WARNING");
        assertEquals(type.name(), r.evidence().get("implementerType"));
        if (type == ImplementerType.VILLAGE_SELF_BUILD) {
            assertEquals(outcome == Outcome.PASS ? village : "absent", r.evidence().get("village"));
        }
    }

    @Test
    void pm12UnknownImplementerIsUndetermined() {
        Result r = Outcomes.assertOutcome(one(p -> p.village = "党家庄村"), "PM-12", "P1", Outcome.UNDETERMINED, "WARNING");
        assertEquals(List.of("implementer.type"), r.missing());
    }

    // ---- PM-13 ------------------------------------------------------------------------------------

    private static CountyPlan noticed(int year, String issuedOn, String... noticedOn) {
        List<Project> ps = new ArrayList<>();
        for (int i = 0; i < noticedOn.length; i++) {
            String on = noticedOn[i];
            ps.add(Plans.project("P" + (i + 1), NEUTRAL + (i + 1), "100", p -> { if (on != null) { p.setPublicNotice(new PublicNotice(date(on))); } }));
        }
        CountyPlan plan = Plans.plan(year, FundSource.CENTRAL, null, null, ps.toArray(new Project[0]));
        plan.allocation = new Allocation(new BigDecimal("100"), "乌财振〔2023〕9号", null, date(issuedOn), null, null);
        return plan;
    }

    @ParameterizedTest(name = "issued {0}, noticed {1} → {2}")
    @CsvSource({
            "2023-12-29, 2024-01-28, PASS",   // day 30: within "30 日内"
            "2023-12-29, 2024-01-29, FAIL",   // day 31
            "2023-12-29, 2023-12-29, PASS",
            "2024-01-17, 2023-12-29, PASS",   // noticed before the county notice (the Wusu regional plan)
            "2023-12-01, 2023-12-31, PASS",
            "2023-12-01, 2024-01-01, FAIL",
    })
    void pm13DetailedWithinThirtyDays(String issuedOn, String noticedOn, Outcome outcome) {
        Result r = Outcomes.assertOutcome(Engines.evaluate(noticed(2024, issuedOn, noticedOn)), "PM-13", "plan", outcome, "ERROR");   // "需在30日内"
        assertEquals(issuedOn, r.evidence().get("issuedOn"));
        assertEquals(LocalDate.parse(issuedOn).plusDays(30).toString(), r.evidence().get("lastDay"));
        assertEquals("30", r.evidence().get("limitDays"));
        if (outcome == Outcome.FAIL) {
            assertEquals(List.of("P1（" + noticedOn + "，31 日）"), r.evidence().get("late"));
        }
    }

    @Test
    void pm13ALateProjectFailsEvenWhenOthersLackADate() {
        Result r = Outcomes.assertOutcome(Engines.evaluate(noticed(2024, "2023-12-29", "2024-01-10", null, "2024-02-15")),
                "PM-13", "plan", Outcome.FAIL, "ERROR");
        assertEquals(List.of("P3（2024-02-15，48 日）"), r.evidence().get("late"));
    }

    @Test
    void pm13ProjectsWithoutANoticeDateAreUndetermined() {
        Result r = Outcomes.assertOutcome(Engines.evaluate(noticed(2024, "2023-12-29", "2024-01-10", null, null)),
                "PM-13", "plan", Outcome.UNDETERMINED, "ERROR");
        assertEquals(List.of("projects[P2,P3].publicNotice.noticedOn"), r.missing());
    }

    @Test
    void pm13NoProjectWithANoticeDateSaysSoNotThatTheDatedOnesAreInTime() {
        // a table with no 公示日期 column at all: nothing is dated, so "有公示日期的项目均未超期" would be vacuous
        Result r = Outcomes.assertOutcome(Engines.evaluate(noticed(2024, "2023-12-29", null, null)),
                "PM-13", "plan", Outcome.UNDETERMINED, "ERROR");
        assertEquals(List.of("projects[P1,P2].publicNotice.noticedOn"), r.missing());
        assertEquals("应在 2024-01-28 前细化；没有项目给出公示日期（2 个项目），无法核对；缺少：公示日期（项目 P1、P2）", r.message());
    }

    @Test
    void pm13NoNoticeDateOfTheAllocationIsUndetermined() {
        Result r = Outcomes.assertOutcome(Engines.evaluate(noticed(2024, null, "2024-01-10")), "PM-13", "plan", Outcome.UNDETERMINED, "ERROR");
        assertEquals(List.of("allocation.issuedOn"), r.missing());
    }

    @Test
    void pm13BeforeTheNoticesIsNotApplicable() {
        // the 30-day limit comes with 塔地财振〔2023〕11号 of 2023-12-01: a 2022 plan has none
        Result r = Outcomes.assertOutcome(Engines.evaluate(noticed(2022, "2022-01-10", "2022-06-01")), "PM-13", "plan", Outcome.NOT_APPLICABLE, "ERROR");
        assertEquals("2022", r.evidence().get("measuresYear"));
    }

    @Test
    void pm13AJustificationDoesNotSoftenTheThirtyDays() {
        // "需在30日内" states no discretion (ERROR): only a WARNING (原则上) can be justified into INFO
        CountyPlan plan = noticed(2024, "2023-12-29", "2024-03-01");
        plan.justifications.put("PM-13", "春节假期顺延，经地区财政局同意");
        Result r = Outcomes.assertOutcome(Engines.evaluate(plan), "PM-13", "plan", Outcome.FAIL, "ERROR");
        assertEquals(null, r.evidence().get("justification"));
    }

    @Test
    void pm06IsAWarningUnderTheMeasuresAloneAndAnErrorUnderThe2024Notices() {
        // M 第八条 "全面推行公示制度" (WARNING) for 2023; 乌财振〔2024〕1号 三 "必须" (ERROR) for 2024; 2025 without a notice: WARNING
        for (int year : new int[] {2023, 2025}) {
            Evaluation ev = Engines.evaluate(Plans.plan(year, FundSource.CENTRAL, null, null,
                    Plans.project("P1", NEUTRAL, "100", p -> p.setPublicNotice(null))));
            Result r = Outcomes.assertOutcome(ev, "PM-06", "P1", Outcome.FAIL, "WARNING");
            assertEquals("新财规〔2021〕11号 第八条", r.source());
        }
        Evaluation ev = Engines.evaluate(Plans.plan(2024, FundSource.CENTRAL, null, null,
                Plans.project("P1", NEUTRAL, "100", p -> p.setPublicNotice(null))));
        // each fund cites its own notice: central 乌财振〔2023〕9号 三, regional 乌财振〔2024〕1号 三
        assertEquals("新财规〔2021〕11号 第八条；乌财振〔2023〕9号 三",
                Outcomes.assertOutcome(ev, "PM-06", "P1", Outcome.FAIL, "ERROR").source());
        Evaluation regional = Engines.evaluate(Plans.plan(2024, FundSource.REGIONAL, null, null,
                Plans.project("P1", NEUTRAL, "100", p -> p.setPublicNotice(null))));
        assertEquals("新财规〔2021〕11号 第八条；乌财振〔2024〕1号 三",
                Outcomes.assertOutcome(regional, "PM-06", "P1", Outcome.FAIL, "ERROR").source());
    }

    // ---- every rule, one outcome per subject ---------------------------------------------------------

    @Test
    void everyPmRuleGivesExactlyOneOutcomePerSubject() {
        CountyPlan plan = Plans.plan(2024, FundSource.REGIONAL, "300", "0",
                Plans.project("P1", NEUTRAL, "100", p -> { }),
                Plans.project("P2", "脱贫劳动力一次性交通补助", "100", p -> {
                    p.implementer = implementer(ImplementerType.ENTERPRISE);
                    p.transportScope = "CROSS_PREFECTURE";
                    p.setLibraryEntry(new LibraryEntry(date("2023-11-01"), "XM-2"));
                }),
                Plans.project("P3", "某村乡村公益岗位补助项目", "100", p -> p.duplicatesHrPost = false));
        Evaluation ev = Engines.evaluate(plan);
        for (int i = 1; i <= 12; i++) {
            String id = String.format("PM-%02d", i);
            for (String s : List.of("P1", "P2", "P3")) {
                Outcomes.result(ev, id, s); // fails unless exactly one
            }
        }
        Outcomes.result(ev, "PM-13", "plan");
        assertEquals(Outcome.PASS, Outcomes.result(ev, "PM-10", "P2").outcome());
        assertEquals(Outcome.PASS, Outcomes.result(ev, "PM-11", "P3").outcome());
    }
}
