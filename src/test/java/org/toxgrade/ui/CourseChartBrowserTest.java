package org.toxgrade.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.toxgrade.support.Api.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.toxgrade.support.Browser;
import org.toxgrade.support.LocalSignIn;
import org.toxgrade.support.Results;
import org.toxgrade.support.SeedCases;

/**
 * The page in a real browser (headless Chromium): the PRES case report, moved in time so that the patient is
 * still in monitoring (day 0 was 75 days ago, so day 69's normal MRI is in the past), is sent through the API;
 * a clinician signs in locally and sees the course as the report's Figure 6 draws it, opens a day's evidence
 * by mouse and by keyboard, and finds the patient on the ward worklist. A screenshot of the chart is saved
 * under target/ on every run. The page runs under its real Content-Security-Policy: a violation in the
 * console fails the test.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CourseChartBrowserTest {

    private static final String PATIENT = "uipr-case";
    private static final LocalDate PRES_DAY0 = LocalDate.of(2026, 3, 2);
    public static final Path SCREENSHOT = Path.of("target", "course-chart.png");
    private static final ObjectMapper JSON = new ObjectMapper();
    private ChromeDriver browser;
    private WebDriverWait wait;
    private JsonNode timeline;

    @BeforeEach
    void sendTheCaseAndSignInOnce() {
        if (browser != null) {
            return;
        }
        long shift = SeedCases.shiftPutting(PRES_DAY0, 75, LocalDate.now(ZoneOffset.UTC));
        SeedCases.post(SeedCases.shifted(SeedCases.renamed(SeedCases.days("pres"), "pres-", "uipr-"), shift));
        try {
            timeline = JSON.readTree(as(Results.READER).when().get("/api/patients/" + PATIENT + "/timeline").then()
                    .statusCode(200).extract().asString()).path("episodes").get(0);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get(base() + "/app/#patient=" + PATIENT);
        // Not signed in: the page sends the browser to the sign-in form.
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("password")));
        assertTrue(browser.getCurrentUrl().contains("/auth/authorize?"), browser.getCurrentUrl());
        assertTrue(browser.getCurrentUrl().contains("code_challenge_method=S256"), browser.getCurrentUrl());
        browser.findElement(By.id("username")).clear();
        browser.findElement(By.id("username")).sendKeys(LocalSignIn.USER);
        browser.findElement(By.id("password")).sendKeys(LocalSignIn.PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        wait.until(d -> d.findElements(By.cssSelector("#days tbody tr")).size() > 60);
    }

    @AfterAll
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void theChartShowsTheCourseOfTheReport() throws IOException {
        assertFalse(browser.getCurrentUrl().contains("code="), "the code is taken out of the address");
        Map<String, JsonNode> series = series();
        JsonNode crs = series.get("CRS").path("data");
        JsonNode icans = series.get("ICANS").path("data");
        // CRS 3 on every day of vasopressor support (days 5-10); ICANS 3 on day 8 (ICE 0/10).
        assertEquals(3, crs.get(5).asInt(), crs.toString());
        assertEquals(3, crs.get(8).asInt(), crs.toString());
        assertEquals(3, icans.get(8).asInt(), icans.toString());
        // Day 2 has no neurological assessment: not drawn as 0, marked on the "not assessed" row.
        assertTrue(icans.get(2).isNull(), icans.toString());
        assertFalse(series.get("ICANS not assessed").path("data").get(2).isNull());
        // The PRES span, labelled, from day 15.
        List<String> spans = spans(series.get("CRS"));
        assertTrue(spans.contains("PRES suspected from D15"), spans.toString());
        assertTrue(spans.stream().anyMatch(s -> s.startsWith("Vasopressor from D5")), spans.toString());
        // Every taper the flag rules read is marked.
        int tapers = timeline.path("tapers").size();
        assertTrue(tapers >= 1, timeline.path("tapers").toString());
        assertEquals(tapers, series.get("Steroid taper").path("data").size());
        assertEquals("taper 1", series.get("Steroid taper").path("data").get(0).path("name").asText());
        // The day table says the same in words.
        assertEquals("grade 3", cell(8, "icans"));
        assertEquals("not assessed", cell(2, "icans"));
        screenshot();
        assertEquals(List.of(), cspViolations());
    }

    @Test
    @Order(2)
    void clickingADayOnTheChartOpensItsEvidence() {
        WebElement chart = browser.findElement(By.id("chart"));
        @SuppressWarnings("unchecked")
        List<Number> pixel = (List<Number>) js().executeScript(
                "return echarts.getInstanceByDom(document.getElementById('chart'))"
                        + ".convertToPixel({seriesIndex: 2}, [5, 3]);");
        int dx = pixel.get(0).intValue() - chart.getSize().getWidth() / 2;
        int dy = pixel.get(1).intValue() - chart.getSize().getHeight() / 2;
        new Actions(browser).moveToElement(chart, dx, dy).click().perform();
        WebElement evidence = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("evidence")));
        assertEquals("5", evidence.getDomAttribute("data-day"));
        String text = evidence.getText();
        assertTrue(text.contains("CRS: grade 3"), text);
        assertTrue(text.contains("hypotension needing one vasopressor (CRS grade 3)"), text);
        assertTrue(text.contains("MedicationAdministration/uipr-norepinephrine-1"), text);
    }

    @Test
    @Order(3)
    void theKeyboardOpensADaysEvidenceToo() {
        WebElement button = browser.findElement(By.cssSelector("#days tr[data-day='8'] button"));
        js().executeScript("arguments[0].focus();", button);
        button.sendKeys(Keys.ENTER);
        wait.until(d -> "8".equals(d.findElement(By.id("evidence")).getDomAttribute("data-day")));
        WebElement evidence = browser.findElement(By.id("evidence"));
        assertEquals(evidence, browser.switchTo().activeElement(), "focus moves to the evidence");
        String text = evidence.getText();
        assertTrue(text.contains("ICANS: grade 3"), text);
        assertTrue(text.contains("ICE score 0-2 (ICANS grade 3)"), text);
        evidence.sendKeys(Keys.ESCAPE);
        wait.until(ExpectedConditions.invisibilityOf(evidence));
    }

    @Test
    @Order(4)
    void theWorklistListsThePatientWithItsActiveFlagsByPriority() throws IOException {
        browser.findElement(By.id("nav-worklist")).click();
        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#worklist tr[data-patient='" + PATIENT + "']")));
        List<String> shown = new ArrayList<>();
        row.findElements(By.cssSelector("ul.flags li")).forEach(li -> shown.add(li.getDomAttribute("data-code")));
        JsonNode flags = JSON.readTree(as(Results.READER).queryParam("patient", PATIENT).queryParam("status", "active")
                .when().get("/fhir/Flag").then().statusCode(200).extract().asString()).path("entry");
        List<String> active = new ArrayList<>();
        flags.forEach(e -> active.add(e.path("resource").path("code").path("coding").get(0).path("code").asText()));
        assertEquals(active.stream().sorted().toList(), shown.stream().sorted().toList());
        assertTrue(row.getText().contains("75"), row.getText());
        // The last ICE was charted weeks ago: overdue.
        assertTrue(row.getText().contains("(overdue)"), row.getText());
        row.findElement(By.linkText("Course chart")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("#patient=" + PATIENT));
        assertNull(browser.findElement(By.id("chart-view")).getDomAttribute("hidden"));
        assertEquals(List.of(), cspViolations());
    }

    @Test
    @Order(5)
    void anEhrLaunchWithAPatientInContextOpensThatPatientsChart() {
        // SMART App Launch: the EHR opens launch.html with its FHIR base and a launch context (locally, the
        // patient's id); the token response names the patient and the page opens the chart.
        browser.get(base() + "/app/launch.html?iss=" + base() + "/fhir&launch=" + PATIENT);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("password")));
        assertTrue(browser.getCurrentUrl().contains("launch=" + PATIENT), browser.getCurrentUrl());
        browser.findElement(By.id("password")).sendKeys(LocalSignIn.PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/app/#patient=" + PATIENT));
        wait.until(d -> d.findElements(By.cssSelector("#days tbody tr")).size() > 60);
        assertTrue(browser.findElement(By.id("chart-title")).getText().contains(PATIENT));
        assertEquals(List.of(), cspViolations());
    }

    @Test
    @Order(6)
    void anEhrTheServiceDoesNotKnowCannotLaunchThePage() {
        browser.get(base() + "/app/launch.html?iss=https://unknown-ehr.example/fhir&launch=x");
        wait.until(d -> d.findElement(By.id("status")).getText().startsWith("Launch failed"));
        assertTrue(browser.getCurrentUrl().startsWith(base() + "/app/launch.html"), browser.getCurrentUrl());
    }

    // ---- helpers ----

    private static String base() {
        return "http://localhost:" + RestAssured.port;
    }

    private JavascriptExecutor js() {
        return browser;
    }

    /** The chart's series as ECharts holds them (what it draws), by name. */
    private Map<String, JsonNode> series() throws IOException {
        String option = (String) js().executeScript("return JSON.stringify(echarts.getInstanceByDom("
                + "document.getElementById('chart')).getOption().series);");
        Map<String, JsonNode> byName = new java.util.LinkedHashMap<>();
        JSON.readTree(option).forEach(s -> byName.put(s.path("name").asText(), s));
        return byName;
    }

    /** The labelled lanes of the chart: "PRES suspected from D15". */
    private static List<String> spans(JsonNode series) {
        List<String> out = new ArrayList<>();
        for (JsonNode pair : series.path("markArea").path("data")) {
            out.add(pair.get(0).path("name").asText() + " from " + pair.get(0).path("xAxis").asText().split("\n")[0]);
        }
        return out;
    }

    private String cell(int day, String syndrome) {
        return browser.findElement(By.cssSelector("#days tr[data-day='" + day + "'] td." + syndrome)).getText();
    }

    private void screenshot() throws IOException {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(SCREENSHOT.getParent());
        Files.copy(shot, SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
        assertTrue(Files.size(SCREENSHOT) > 10_000, "screenshot of " + Files.size(SCREENSHOT) + " bytes");
    }

    private List<String> cspViolations() {
        List<String> out = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getMessage().contains("Content Security Policy") || entry.getMessage().contains("Refused to")) {
                out.add(entry.getMessage().substring(0, Math.min(300, entry.getMessage().length())));
            }
        }
        return out;
    }
}
