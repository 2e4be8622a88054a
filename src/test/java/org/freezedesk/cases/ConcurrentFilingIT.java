package org.freezedesk.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.freezedesk.FreezeDeskApplication;
import org.freezedesk.cases.internal.FilingForm;
import org.freezedesk.cases.internal.FilingValidator;
import org.freezedesk.cases.internal.NewTarget;
import org.freezedesk.security.internal.StaffUserRepository;
import org.freezedesk.support.Filings;
import org.freezedesk.support.PostgresTestDatabase;
import org.freezedesk.support.TestMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.validation.BeanPropertyBindingResult;

/**
 * The first filings of a year, all at the same moment on two nodes: the year's counter does not exist yet, and
 * every filing races to create it. On PostgreSQL a failed insert aborts its transaction, so losing that race must
 * not fail the filing.
 */
@SpringBootTest(properties = "freezedesk.mail.embedded-smtp.enabled=false")
@ContextConfiguration(initializers = TestMail.Initializer.class)
@DirtiesContext
class ConcurrentFilingIT {

    private static final int FILINGS = 16;
    /** A database of its own, where nothing was filed this year yet. */
    private static final Map<String, String> DATABASE = PostgresTestDatabase.newDatabase();

    private static ConfigurableApplicationContext secondNode;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.forEach((name, value) -> registry.add(name, () -> value));
    }

    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;

    @AfterAll
    static void stopSecondNode() {
        if (secondNode != null) {
            secondNode.close();
        }
    }

    @Test
    void sixteenFirstFilingsOfTheYearAtOnceOnTwoNodesMakeSixteenCasesWithDistinctReferences() throws Exception {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM case_reference_counter").query(Integer.class).single()).as("no filing yet").isZero();
        List<ApplicationContext> nodes = List.of(context, startSecondNode());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(FILINGS);
        List<Future<String>> filings = new ArrayList<>();
        for (int i = 0; i < FILINGS; i++) {
            ApplicationContext node = nodes.get(i % nodes.size());
            filings.add(threads.submit(() -> {
                FilingForm form = Filings.form(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "10"));
                BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "form");
                List<NewTarget> targets = node.getBean(FilingValidator.class).validateTargets(form, errors);
                assertThat(errors.getAllErrors()).isEmpty();
                start.await();
                return node.getBean(FreezeCaseService.class).file(form, targets, node.getBean(StaffUserRepository.class).loadUserByUsername("agency"));
            }));
        }
        start.countDown();
        List<String> references = new ArrayList<>();
        for (Future<String> filing : filings) {
            references.add(filing.get());
        }
        threads.shutdown();

        int year = Year.now().getValue();
        assertThat(references).as("one reference per filing, none failed").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, FILINGS).mapToObj(n -> "FRZ-%d-%06d".formatted(year, n)).toList());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM freeze_case").query(Integer.class).single()).isEqualTo(FILINGS);
    }

    /** Command-line arguments, because they outrank application.yml as a real node's settings would. */
    private static ApplicationContext startSecondNode() {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--freezedesk.mail.embedded-smtp.enabled=false",
                "--spring.mail.port=" + TestMail.PORT, "--camunda.bpm.process-engine-name=second-node", "--freezedesk.demo.enabled=false"));
        new HashMap<>(DATABASE).forEach((name, value) -> arguments.add("--" + name + "=" + value));
        secondNode = new SpringApplicationBuilder(FreezeDeskApplication.class).run(arguments.toArray(String[]::new));
        return secondNode;
    }
}
