package org.freezedesk.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The system's Chromium, driven by its own ChromeDriver (Debian's {@code chromium} and {@code chromium-driver}):
 * nothing is downloaded, Selenium Manager is never asked. Every page opened or reached by a submit is checked with
 * axe-core, injected by the test (the application does not serve it); its serious and critical violations are
 * collected per page. A failed step leaves a screenshot under {@code target/browser-screenshots/}.
 */
public final class Chrome implements AutoCloseable {

    public static final Path BINARY = Path.of(System.getenv().getOrDefault("FREEZEDESK_CHROMIUM", "/usr/bin/chromium"));
    public static final Path DRIVER = Path.of(System.getenv().getOrDefault("FREEZEDESK_CHROMEDRIVER", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String AXE = axeSource();

    /** One axe-core rule broken on one page, with the elements that break it. */
    public record Violation(String page, String rule, String impact, String help, List<String> targets) {
        @Override
        public String toString() {
            return page + ": " + rule + " (" + impact + ") " + help + " at " + targets;
        }
    }

    private final String baseUrl;
    private final ChromeDriver driver;
    private final List<Violation> violations = new ArrayList<>();
    private final List<String> pagesChecked = new ArrayList<>();

    public Chrome(int port) {
        this.baseUrl = "http://localhost:" + port;
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1024");
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(PATIENCE).pageLoadTimeout(PATIENCE);
    }

    /** True when the browser and its driver are installed, so that a machine without them skips rather than fails. */
    public static boolean installed() {
        return Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
    }

    public Chrome open(String path) {
        driver.get(path.startsWith("http") ? path : baseUrl + path);
        return checked();
    }

    public Chrome login(String username) {
        open("/login");
        type("#username", username);
        type("#password", username);
        return submit("button[type=submit]");
    }

    public Chrome logout() {
        return submit("form[action$='/logout'] button");
    }

    public Chrome type(String css, String text) {
        WebElement input = find(css);
        input.clear();
        input.sendKeys(text);
        return this;
    }

    public Chrome choose(String css, String visibleText) {
        new Select(find(css)).selectByVisibleText(visibleText);
        return this;
    }

    public Chrome chooseValue(String css, String value) {
        new Select(find(css)).selectByValue(value);
        return this;
    }

    /** Sets a date input the way a date picker would, since typing into one depends on the browser's locale. */
    public Chrome date(String css, String isoDate) {
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                find(css), isoDate);
        return this;
    }

    public Chrome click(String css) {
        press(find(css));
        return this;
    }

    /** Clicks a button or link that loads another page, and checks that page. */
    public Chrome submit(String css) {
        WebElement element = find(css);
        press(element);
        new WebDriverWait(driver, PATIENCE).until(d -> isStale(element));
        waitForLoad();
        return checked();
    }

    public Chrome follow(String linkText) {
        return follow(By.partialLinkText(linkText));
    }

    public Chrome follow(By locator) {
        WebElement link = new WebDriverWait(driver, PATIENCE).until(d -> d.findElement(locator));
        press(link);
        new WebDriverWait(driver, PATIENCE).until(d -> isStale(link));
        waitForLoad();
        return checked();
    }

    public WebElement find(String css) {
        return new WebDriverWait(driver, PATIENCE).until(d -> d.findElement(By.cssSelector(css)));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public String text(String css) {
        return find(css).getText();
    }

    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public String currentPath() {
        return driver.getCurrentUrl().substring(baseUrl.length());
    }

    /** Waits until {@code css} matches an element, such as the SVG a script draws. */
    public WebElement await(String css) {
        return new WebDriverWait(driver, PATIENCE).until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() ? null : found.get(0);
        });
    }

    /** Fetches {@code path} from the page, with the browser's session, and reports status, type and size. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> fetch(String path) {
        return (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.arrayBuffer().then(b => {
                  const bytes = new Uint8Array(b.slice(0, 5));
                  done({status: r.status, type: r.headers.get('Content-Type'), size: b.byteLength,
                        magic: String.fromCharCode.apply(null, bytes)});
                })).catch(e => done({status: -1, type: String(e), size: 0, magic: ''}));
                """, path);
    }

    /**
     * Runs {@code step}; when it fails, saves a screenshot and the page source named after it, then rethrows.
     */
    public void step(String name, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException | AssertionError e) {
            String file = name.replaceAll("[^A-Za-z0-9]+", "-");
            try {
                Files.createDirectories(SCREENSHOTS);
                Files.write(SCREENSHOTS.resolve(file + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
                Files.writeString(SCREENSHOTS.resolve(file + ".html"), driver.getPageSource());
            } catch (IOException | RuntimeException ignored) {
                // The step's own failure is what matters; a missing screenshot must not hide it.
            }
            throw e;
        }
    }

    public List<Violation> violations() {
        return List.copyOf(violations);
    }

    public List<String> pagesChecked() {
        return List.copyOf(pagesChecked);
    }

    @Override
    public void close() {
        driver.quit();
    }

    private Chrome checked() {
        JavascriptExecutor js = driver;
        js.executeScript(AXE);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> found = (List<Map<String, Object>>) js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                  .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => ({rule: v.id, impact: v.impact, help: v.help,
                                targets: v.nodes.map(n => n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' '))}))))
                  .catch(e => done([{rule: 'axe-error', impact: 'critical', help: String(e), targets: []}]));
                """);
        String page = currentPath();
        pagesChecked.add(page);
        for (Map<String, Object> v : found) {
            @SuppressWarnings("unchecked")
            List<String> targets = (List<String>) v.get("targets");
            Violation violation = new Violation(page, (String) v.get("rule"), (String) v.get("impact"), (String) v.get("help"), targets);
            violations.add(violation);
            System.out.println("axe-core: " + violation);
        }
        return this;
    }

    /**
     * Buttons and links are pressed from the keyboard (focus, then Enter), which also proves they work without a mouse;
     * other controls are clicked after scrolling them into the middle of the window.
     */
    private void press(WebElement element) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        String tag = element.getTagName();
        if (tag.equals("button") || tag.equals("a")) {
            element.sendKeys(Keys.ENTER);
        } else {
            element.click();
        }
    }

    private void waitForLoad() {
        new WebDriverWait(driver, PATIENCE).until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /**
     * Gone with the page it was on. While the next page loads, Chromium may also answer that the node "does not
     * belong to the document", an unknown error rather than a stale element: the same fact, so the same answer.
     */
    private static boolean isStale(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    private static String axeSource() {
        String resource = "META-INF/resources/webjars/axe-core/" + axeVersion() + "/axe.min.js";
        try (InputStream in = Chrome.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("axe-core is not on the test classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String axeVersion() {
        Properties properties = new Properties();
        try (InputStream in = Chrome.class.getClassLoader().getResourceAsStream("META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("axe-core is not on the test classpath");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }
}
