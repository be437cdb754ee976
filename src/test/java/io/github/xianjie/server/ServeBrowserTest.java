package io.github.xianjie.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page of {@code xianjie serve} in headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}): upload the Wusu central notice table, see the verdict and the three shares,
 * download the workpaper, save a screenshot to {@code target/serve-report.png}; audit the Tacheng allocation tables
 * on the 审计 page (screenshot {@code target/serve-audit.png}). Skipped (an assumption,
 * with the reason) only when Chromium or its driver is not installed.
 */
class ServeBrowserTest {
    private static final Path XLSX = Path.of("fixtures/wusu-2024/central-notice.xlsx").toAbsolutePath();
    private static final Path DOWNLOADS = Path.of("target/browser-downloads").toAbsolutePath();
    private static XianjieServer server;
    private static WebDriver driver;

    private static Path find(String... candidates) {
        for (String c : candidates) {
            Path p = Path.of(c);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    @BeforeAll
    static void start() throws Exception {
        Path chromium = find("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/lib/chromium/chromium");
        Path chromedriver = find("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
        assumeTrue(chromium != null && chromedriver != null,
                "浏览器测试已跳过：未安装 Chromium 或 chromedriver (browser test skipped: install Debian's chromium and chromium-driver: "
                        + "apt-get install -y chromium chromium-driver)");
        Files.createDirectories(DOWNLOADS);
        try (var s = Files.list(DOWNLOADS)) {
            for (Path p : s.toList()) {
                Files.delete(p);
            }
        }
        server = ServeFixture.start();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1500", "--lang=zh-CN", "--no-first-run", "--disable-extensions");
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", DOWNLOADS.toString(),
                "download.prompt_for_download", false,
                "safebrowsing.enabled", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    private static WebDriverWait await() {
        return new WebDriverWait(driver, Duration.ofSeconds(60));
    }

    @Test
    void uploadTheWusuTableSeeTheVerdictAndSharesAndDownloadTheWorkpaper() throws Exception {
        driver.get("http://127.0.0.1:" + server.port() + "/");
        assertEquals("衔接资金合规检查", driver.findElement(By.cssSelector("h1 span")).getText());
        driver.findElement(By.id("plan-file")).sendKeys(XLSX.toString());
        // the title 2024年中央财政衔接推进乡村振兴补助资金分配情况表 fills year and fund source
        await().until(d -> "2024".equals(d.findElement(By.id("f-year")).getDomProperty("value")));
        assertEquals("CENTRAL", driver.findElement(By.id("f-fund")).getDomProperty("value"));
        assertTrue(driver.findElement(By.id("title-hint")).getText().contains("由表题推断"));
        driver.findElement(By.id("f-county")).sendKeys("乌苏市");
        driver.findElement(By.id("f-allocation")).sendKeys("3460");
        driver.findElement(By.id("check-button")).click();

        WebElement verdict = await().until(d -> {
            WebElement v = d.findElement(By.id("verdict"));
            return v.isDisplayed() && v.getDomAttribute("data-verdict") != null ? v : null;
        });
        // no ERROR-severity failure; IS-02 (粮棉果畜 46.78% < 65%) is a WARNING
        assertEquals("WARNING", verdict.getDomAttribute("data-verdict"));
        assertTrue(verdict.getText().contains("无 ERROR 级不符合；1 项 WARNING 级不符合需关注"), verdict.getText());
        assertEquals("79.06%", share("industry"));
        assertEquals("46.78%", share("chain"));
        assertEquals("0.00%", share("fee"));
        assertEquals("PASS", driver.findElement(By.id("share-industry")).getDomAttribute("data-outcome"));
        assertEquals("FAIL", driver.findElement(By.id("share-chain")).getDomAttribute("data-outcome"));
        String failures = driver.findElement(By.id("failures")).getText();
        assertTrue(failures.contains("IS-02") && failures.contains("乌财振〔2023〕9号") && failures.contains("1279.71"), failures);
        assertFalse(driver.findElement(By.id("review")).getText().isBlank());
        List<WebElement> rows = driver.findElements(By.cssSelector("#results tbody tr"));
        int results = ServeFixture.service().check(io.github.xianjie.service.CheckService.read(XLSX,
                io.github.xianjie.input.PlanFacts.fromOptions("乌苏市", null, null, null, "3460", null, null, null), null),
                2024, "central-notice.xlsx", "").evaluation().results().size();
        assertTrue(results > 200, "rules × 8 subjects: " + results);
        assertEquals(results, rows.size(), "every rule × subject of the report");

        Path screenshot = Path.of("target/serve-report.png");
        Files.copy(((ChromeDriver) driver).getScreenshotAs(OutputType.FILE).toPath(), screenshot, StandardCopyOption.REPLACE_EXISTING);
        assertTrue(Files.size(screenshot) > 10_000);

        // the filter narrows the table to the failed checks
        driver.findElement(By.id("filter-outcome")).sendKeys("FAIL");
        await().until(d -> d.findElement(By.id("filter-count")).getText().startsWith("显示 1 /"));

        driver.findElement(By.id("download-xlsx")).click();
        Path workpaper = DOWNLOADS.resolve("central-notice-workpaper.xlsx");
        await().until(d -> Files.exists(workpaper) && !Files.exists(DOWNLOADS.resolve("central-notice-workpaper.xlsx.crdownload")));
        try (InputStream in = Files.newInputStream(workpaper); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertTrue(wb.getNumberOfSheets() >= 2, "a workbook with the workpaper's sheets");
        }

        // English toggle
        driver.findElement(By.id("lang-toggle")).click();
        assertTrue(driver.findElement(By.id("verdict")).getText().contains("No ERROR-severity failure"), driver.findElement(By.id("verdict")).getText());
        driver.findElement(By.id("lang-toggle")).click();
    }

    @Test
    void aTableThatFailsToReadShowsFileRowAndColumnInPlace() throws Exception {
        Path bad = Files.createTempDirectory("xianjie-browser").resolve("bad-amount.csv");
        Files.writeString(bad, Files.readString(Path.of("fixtures/wusu-2024/central-notice.csv")).replace(",79.71,", ",七十九,"));
        try {
            driver.get("http://127.0.0.1:" + server.port() + "/");
            driver.findElement(By.id("plan-file")).sendKeys(bad.toString());
            driver.findElement(By.id("f-county")).sendKeys("乌苏市");
            driver.findElement(By.id("f-allocation")).sendKeys("3460");
            // reading the table for the title already fails: the message shows at once
            await().until(d -> d.findElement(By.id("error")).isDisplayed());
            assertEquals("4", driver.findElement(By.id("error-row")).getText());
            driver.findElement(By.id("check-button")).click();
            await().until(d -> d.findElement(By.id("error")).isDisplayed() && !d.findElement(By.id("busy")).isDisplayed());
            assertEquals("bad-amount.csv", driver.findElement(By.id("error-file")).getText());
            assertEquals("4", driver.findElement(By.id("error-row")).getText());
            assertEquals("投资规模", driver.findElement(By.id("error-column")).getText());
            assertFalse(driver.findElement(By.id("report")).isDisplayed());
        } finally {
            Files.delete(bad);
            new File(bad.getParent().toString()).delete();
        }
    }

    @Test
    void theRulebookPageListsTheRulesOfAYear() {
        driver.get("http://127.0.0.1:" + server.port() + "/#rules");
        WebElement year = driver.findElement(By.id("rules-year"));
        year.clear();
        year.sendKeys("2024");
        driver.findElement(By.cssSelector("#rules-form button")).click();
        // the line names the year of the book shown ("适用于 2024 年"); the ruleset version also holds 2024, so match the year
        // phrase, not the digits (opening #rules first loads the default year's book)
        await().until(d -> {
            String line = d.findElement(By.id("rules-line")).getText();
            return line.contains("适用于 2024 年") || line.contains("in force in 2024");
        });
        String book = driver.findElement(By.id("rulebook")).getText();
        assertTrue(book.contains("IS-01") && book.contains("industry-share.minimum") && book.contains("0.65"), book);
    }

    @Test
    void theAuditPageAuditsTheTachengTablesAndNamesABadRow() throws Exception {
        driver.get("http://127.0.0.1:" + server.port() + "/#audit");
        assertTrue(driver.findElement(By.id("view-audit")).isDisplayed());
        assertFalse(driver.findElement(By.id("view-check")).isDisplayed());
        Path central = Path.of("fixtures/allocation/tacheng-2024-central.csv").toAbsolutePath();
        driver.findElement(By.id("a-allocation")).sendKeys(central + "\n"
                + Path.of("fixtures/allocation/tacheng-2024-regional.csv").toAbsolutePath());
        driver.findElement(By.id("a-budget")).sendKeys(Path.of("fixtures/allocation/wusu-2024-budget.csv").toAbsolutePath().toString());
        driver.findElement(By.id("audit-button")).click();
        WebElement verdict = await().until(d -> {
            WebElement v = d.findElement(By.id("audit-verdict"));
            return v.isDisplayed() && v.getDomAttribute("data-verdict") != null ? v : null;
        });
        // both tables foot and cross-foot; AL-05: 5923 = 3460 + 2463; AL-03/04/06 undetermined without their files
        assertEquals("OK", verdict.getDomAttribute("data-verdict"), verdict.getText());
        String al01 = driver.findElement(By.cssSelector("#audit-tests tr[data-rule='AL-01']")).getText();
        assertTrue(al01.startsWith("AL-01 县级分配额等于各任务列之和 16 0 0 0"), al01);
        assertTrue(driver.findElement(By.cssSelector("#audit-tests tr[data-rule='AL-05']")).getText().contains("1100231"));
        assertTrue(driver.findElement(By.id("audit-line")).getText().contains("（中央）"), driver.findElement(By.id("audit-line")).getText());
        Files.copy(((ChromeDriver) driver).getScreenshotAs(OutputType.FILE).toPath(), Path.of("target/serve-audit.png"),
                StandardCopyOption.REPLACE_EXISTING);
        driver.findElement(By.id("lang-toggle")).click();
        assertTrue(driver.findElement(By.id("audit-line")).getText().contains("(CENTRAL)"), driver.findElement(By.id("audit-line")).getText());
        driver.findElement(By.id("lang-toggle")).click();

        Path bad = Files.createTempDirectory("xianjie-browser").resolve("bad-table.csv");
        Files.writeString(bad, Files.readString(central).replace("9728", "九千"));
        try {
            driver.get("http://127.0.0.1:" + server.port() + "/#audit");
            driver.findElement(By.id("a-allocation")).sendKeys(bad.toString());
            driver.findElement(By.id("audit-button")).click();
            await().until(d -> d.findElement(By.id("audit-error")).isDisplayed() && !d.findElement(By.id("audit-busy")).isDisplayed());
            assertEquals("bad-table.csv", driver.findElement(By.id("audit-error-file")).getText());
            assertEquals("5", driver.findElement(By.id("audit-error-row")).getText());
            assertEquals("提前下达总规模", driver.findElement(By.id("audit-error-column")).getText());
            assertFalse(driver.findElement(By.id("audit-report")).isDisplayed());
        } finally {
            Files.delete(bad);
            Files.delete(bad.getParent());
        }
    }

    private static String share(String id) {
        return driver.findElement(By.cssSelector("#share-" + id + " .value")).getText();
    }
}
