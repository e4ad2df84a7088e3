package org.yantao.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven by Selenium, for tests of the web app against a real node. Uses the
 * system's chromium and chromedriver (Debian packages, installed by .ci/run) by their paths, so
 * that Selenium never looks for or downloads a browser or driver of its own.
 */
public final class Browser implements AutoCloseable {
  private static final String CHROMIUM = System.getProperty("yantao.chromium", "/usr/bin/chromium");
  private static final String CHROMEDRIVER = System.getProperty("yantao.chromedriver", "/usr/bin/chromedriver");
  private static final Duration WAIT = Duration.ofSeconds(20);

  /** The findings editor's text as Quill's getText() gives it: one line per block, each ending in a newline. */
  private static final String EDITOR_TEXT = """
      const blocks = document.querySelectorAll('#findings-editor .ql-editor > :not(ol), #findings-editor .ql-editor > ol > li');
      return Array.from(blocks, b => b.textContent).join('\\n') + '\\n';
      """;

  private final ChromeDriver driver;
  private final String base;

  private Browser(ChromeDriver driver, String base) {
    this.driver = driver;
    this.base = base;
  }

  /** A browser whose preferred language is {@code language} (e.g. "zh-CN"), for the node on {@code port}. */
  public static Browser open(int port, String language) {
    return open(port, language, null);
  }

  /** As {@link #open(int, String)}, saving downloads in {@code downloads} without asking. */
  public static Browser open(int port, String language, Path downloads) {
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER))
        .usingAnyFreePort()
        .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--window-size=1280,800", "--lang=" + language, "--no-first-run", "--disable-extensions",
        "--disable-background-timer-throttling", "--disable-renderer-backgrounding");
    Map<String, Object> prefs = new HashMap<>(Map.of("intl.accept_languages", language));
    if (downloads != null) {
      prefs.put("download.default_directory", downloads.toAbsolutePath().toString());
      prefs.put("download.prompt_for_download", false);
    }
    options.setExperimentalOption("prefs", prefs);
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    return new Browser(new ChromeDriver(service, options), "http://127.0.0.1:" + port);
  }

  public WebDriver driver() {
    return driver;
  }

  public void go(String path) {
    driver.get(base + path);
  }

  public WebElement find(String css) {
    return until(d -> {
      List<WebElement> found = d.findElements(By.cssSelector(css));
      return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
    });
  }

  public List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  /**
   * Waits until {@code condition} gives something other than null or false. Live lists re-render
   * as changes arrive, so an element that went stale meanwhile just means "look again".
   */
  public <T> T until(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(condition);
  }

  /** Clicks the element {@code target} finds, finding it again if it re-rendered before the click landed. */
  public void click(Function<WebDriver, WebElement> target) {
    until(d -> {
      WebElement element = target.apply(d);
      if (element == null) {
        return false;
      }
      element.click();
      return true;
    });
  }

  public void untilText(String css, String contained) {
    until(d -> d.findElements(By.cssSelector(css)).stream().anyMatch(e -> e.getText().contains(contained)));
  }

  public Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  /** Fills the join form and joins; returns once the page has moved on to the room. */
  public void join(String joinCode, String name, String organisation) {
    go("/j/" + joinCode);
    find("#join-form input[name=name]").sendKeys(name);
    find("#join-form input[name=organisation]").sendKeys(organisation);
    find("#join-form button[type=submit]").click();
    until(d -> d.getCurrentUrl().endsWith("/room"));
  }

  /** Waits until the findings editor is editable, then puts the caret at its very end (or start). */
  public void focusEditor(boolean atEnd) {
    WebElement editor = until(d -> {
      List<WebElement> found = d.findElements(By.cssSelector("#findings-editor .ql-editor[contenteditable=true]"));
      return found.isEmpty() ? null : found.get(0);
    });
    editor.click();
    editor.sendKeys(Keys.chord(Keys.CONTROL, atEnd ? Keys.END : Keys.HOME));
  }

  public void type(String text) {
    driver.switchTo().activeElement().sendKeys(text);
  }

  public String editorText() {
    return (String) script(EDITOR_TEXT);
  }

  /** The revision the editor has seen from the server (set by the app on its editor element). */
  public long editorRev() {
    Object rev = script("return Number(document.getElementById('findings-editor').dataset.rev ?? -1);");
    return ((Number) rev).longValue();
  }

  /** How many of this person's edits the server has not confirmed, as the connection badge says. */
  public int unsent() {
    return Integer.parseInt(find("#connection").getDomAttribute("data-unsent"));
  }

  public String connectionState() {
    return find("#connection").getDomAttribute("data-state");
  }

  /** Types through the input method: composes {@code composing}, then commits {@code committed}. */
  public void imeCompose(String composing) {
    driver.executeCdpCommand("Input.imeSetComposition",
        Map.of("text", composing, "selectionStart", composing.length(), "selectionEnd", composing.length()));
  }

  public void imeCommit(String committed) {
    driver.executeCdpCommand("Input.insertText", Map.of("text", committed));
  }

  /** Cuts this browser off the network (DevTools network emulation), or connects it again. */
  public void offline(boolean offline) {
    driver.executeCdpCommand("Network.enable", Map.of());
    driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of(
        "offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
  }

  /**
   * Waits until a file whose name ends in {@code suffix} is completely downloaded into {@code dir}
   * (Chromium writes it under a temporary name first) and returns its bytes.
   */
  public byte[] downloaded(Path dir, String suffix) {
    Path file = until(d -> {
      try (var files = Files.list(dir)) {
        return files.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void reload() {
    driver.navigate().refresh();
  }

  public void screenshot(String name) {
    try {
      Path dir = Path.of("target", "screenshots");
      Files.createDirectories(dir);
      Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Messages the page logged, e.g. to check that the security policy refused nothing. */
  public List<String> consoleMessages() {
    return driver.manage().logs().get("browser").getAll().stream().map(Object::toString).toList();
  }

  @Override
  public void close() {
    driver.quit();
  }
}
