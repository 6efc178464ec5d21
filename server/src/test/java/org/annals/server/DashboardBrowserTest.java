package org.annals.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.annals.ingest.RawArticle;
import org.annals.store.EventStore;
import org.annals.store.Ingester;
import org.annals.store.SyntheticStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser: headless Chromium (Debian's chromium and chromium-driver, which
 * .ci/run installs) against a server on a free port with a store the test fills. Skipped where
 * Chromium is not installed. Screenshots go to server/target/screenshots for review.
 */
final class DashboardBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  private static final String HOSTILE_TITLE =
      "<script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned = 2\">";

  @TempDir static Path dir;
  private static EventStore store;
  private static ApiServer server;
  private static WebDriver browser;
  private static String base;

  @BeforeAll
  static void start() {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
        "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
    store = EventStore.open(dir.resolve("ui.duckdb"));
    SyntheticStore.generate(store, 3000, 11, n -> {});
    Ingester in = new Ingester(store, new RiotCoder(), p -> {}, s -> {}, 10);
    in.add(
        new RawArticle(
            "hostile",
            HOSTILE_TITLE,
            "Rioters clashed in Kampala on 2024-06-03. Nothing else happened.",
            LocalDate.parse("2024-06-03"),
            "javascript:alert(1)",
            "Outlet <b>bold</b>",
            "test"));
    in.finish();
    server = new ApiServer(store, null, RiotCoder::new);
    base = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage");
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    browser = new ChromeDriver(service, options);
    browser.manage().window().setSize(new Dimension(1280, 1000));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
    if (store != null) {
      store.close();
    }
  }

  private static WebDriverWait waiting() {
    return new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  private static void open(String hash) {
    browser.get("about:blank");
    browser.get(base + "/" + hash);
    waiting()
        .until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
  }

  private static void screenshot(String name) throws Exception {
    Path out = Path.of("target", "screenshots");
    Files.createDirectories(out);
    Files.write(
        out.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  private static int total() {
    return Integer.parseInt(browser.findElement(By.id("total")).getAttribute("data-total"));
  }

  @Test
  void map_showsClustersZoomedOutAndPointsZoomedIn() throws Exception {
    open("");
    waiting().until(d -> !d.findElements(By.cssSelector("path.annals-cell")).isEmpty());
    assertThat(browser.findElements(By.cssSelector("path.leaflet-interactive")).size())
        .isGreaterThan(150); // country outlines and cells
    assertThat(browser.findElements(By.cssSelector("#countries li"))).isNotEmpty();
    screenshot("dashboard");
    open("#map=7/49.0/32.0");
    waiting().until(d -> !d.findElements(By.cssSelector("path.annals-point")).isEmpty());
    screenshot("map-zoomed-in");
  }

  @Test
  void filterAndTimelineBrush_changeTheTable() throws Exception {
    open("");
    int all = total();
    assertThat(all).isEqualTo(3001);
    WebElement country = browser.findElement(By.id("f-country"));
    country.clear();
    country.sendKeys("UKR");
    browser.findElement(By.id("apply")).click();
    waiting().until(d -> total() < all);
    int ukraine = total();
    assertThat(ukraine).isGreaterThan(0);
    List<WebElement> rows = browser.findElements(By.cssSelector("#table tbody tr"));
    assertThat(rows).isNotEmpty();
    assertThat(rows).allSatisfy(r -> assertThat(r.getText()).contains("UKR"));

    WebElement svg = browser.findElement(By.id("timeline"));
    int width = svg.getSize().getWidth();
    new Actions(browser)
        .moveToElement(svg, -width / 2 + 40, 0)
        .clickAndHold()
        .moveByOffset(width / 4, 0)
        .release()
        .perform();
    waiting().until(d -> total() < ukraine);
    String label = browser.findElement(By.id("brush-label")).getText();
    assertThat(label).startsWith("Dates ");
    String from = label.split(" ")[1];
    String to = label.split(" ")[3];
    for (WebElement r : browser.findElements(By.cssSelector("#table tbody tr"))) {
      String date = r.findElement(By.cssSelector("td")).getText();
      if (!date.isEmpty()) {
        assertThat(date)
            .isBetween(from.substring(0, 7), to + "~"); // month-dated events start earlier
      }
    }
    assertThat(browser.findElements(By.id("brush"))).hasSize(1);
    screenshot("brushed");
  }

  @Test
  void eventView_highlightsTheSentenceAndNeverRunsArticleText() throws Exception {
    open("");
    WebElement q = browser.findElement(By.id("f-q"));
    q.sendKeys("kampala");
    browser.findElement(By.id("apply")).click();
    waiting().until(d -> total() == 1);
    browser.findElement(By.cssSelector("#table tbody tr")).click();
    WebElement view =
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("event-view")));
    assertThat(view.findElement(By.cssSelector("mark.trigger")).getText()).isEqualTo("clashed");
    assertThat(view.findElement(By.cssSelector("mark.actor")).getText()).isEqualTo("Rioters");
    assertThat(view.findElement(By.cssSelector("mark.place")).getText()).isEqualTo("Kampala");
    assertThat(view.findElement(By.cssSelector(".report .meta")).getText())
        .contains(HOSTILE_TITLE)
        .contains("Outlet <b>bold</b>");
    assertThat(view.findElements(By.cssSelector(".report a")))
        .isEmpty(); // javascript: URL not linked
    assertThat(view.findElements(By.cssSelector("#event-body script, #event-body img"))).isEmpty();
    Object pwned =
        ((JavascriptExecutor) browser).executeScript("return window.__pwned === undefined");
    assertThat(pwned).isEqualTo(Boolean.TRUE);
    screenshot("event-view");
  }
}
