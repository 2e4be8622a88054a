package org.freezedesk.audit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

import org.freezedesk.audit.ChainHead;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.stereotype.Component;

/**
 * The command-line entry points, for operators and external auditors:
 * <pre>
 * java -jar freezedesk.jar --freezedesk.audit.verify [--freezedesk.audit.expected-head=ID:HASH]
 * java -jar freezedesk.jar --freezedesk.audit.verify-export=FRZ-2026-000123-timeline.json
 * </pre>
 * Each prints its result (with the chain head) and exits with status 0 when intact, 1 when not, 2 when
 * it could not check.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class AuditCommandLine implements ApplicationRunner {

    public static final String VERIFY = "freezedesk.audit.verify";
    public static final String VERIFY_EXPORT = "freezedesk.audit.verify-export";
    public static final String EXPECTED_HEAD = "freezedesk.audit.expected-head";

    public static final int INTACT = 0;
    public static final int BROKEN = 1;
    public static final int UNABLE = 2;

    /**
     * Lets a check run beside a running node: no job executor, no SMTP server of its own, the web server
     * on a free port, and only warnings logged, so the output is the result.
     */
    static class QuietStart implements EnvironmentPostProcessor {
        @Override
        public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
            if (requested(environment)) {
                environment.getPropertySources().addFirst(new MapPropertySource("freezedeskAuditCommandLine", Map.of(
                        "camunda.bpm.job-execution.enabled", "false",
                        "freezedesk.mail.embedded-smtp.enabled", "false",
                        "server.port", "0",
                        "spring.main.banner-mode", "off",
                        "logging.level.root", "WARN")));
            }
        }
    }

    private final AuditIntegrity integrity;
    private final ExportVerifier exportVerifier;
    private final Environment environment;
    private final ConfigurableApplicationContext context;

    public AuditCommandLine(AuditIntegrity integrity, ExportVerifier exportVerifier, Environment environment,
            ConfigurableApplicationContext context) {
        this.integrity = integrity;
        this.exportVerifier = exportVerifier;
        this.environment = environment;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (requested(environment)) {
            int status = execute(System.out);
            System.exit(SpringApplication.exit(context, () -> status));
        }
    }

    static boolean requested(Environment environment) {
        return environment.containsProperty(VERIFY) || environment.containsProperty(VERIFY_EXPORT);
    }

    public int execute(PrintStream out) {
        try {
            if (environment.containsProperty(VERIFY_EXPORT)) {
                return verifyExport(Path.of(environment.getProperty(VERIFY_EXPORT)), out);
            }
            String expected = environment.getProperty(EXPECTED_HEAD);
            Verification verification = integrity.verify(expected == null || expected.isBlank() ? null : ChainHead.parse(expected));
            out.println(verification.summary());
            out.println("chain head: " + verification.head().text());
            return verification.intact() ? INTACT : BROKEN;
        } catch (ChainHead.InvalidChainHeadException e) {
            out.println("cannot verify: " + e.getMessage());
            return UNABLE;
        }
    }

    private int verifyExport(Path file, PrintStream out) {
        try (InputStream json = Files.newInputStream(file)) {
            ExportVerification verification = exportVerifier.verify(json);
            out.println(verification.summary());
            return verification.intact() ? INTACT : BROKEN;
        } catch (NoSuchFileException e) {
            out.println("cannot verify: no file " + file);
            return UNABLE;
        } catch (IOException e) {
            out.println("cannot verify " + file + ": " + e.getMessage());
            return UNABLE;
        }
    }
}
