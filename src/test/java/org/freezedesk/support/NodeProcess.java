package org.freezedesk.support;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.freezedesk.FreezeDeskApplication;

/**
 * A FreezeDesk node in a JVM of its own, on the test classpath, so that a test can kill it as a machine dies:
 * no shutdown hook, no rollback sent, its connections simply gone. Its output goes to {@code target/}.
 */
public final class NodeProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofMinutes(3);

    private final Process process;
    private final int port;
    private final Path log;

    private NodeProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts a node with these settings (as command-line arguments) and returns once it answers HTTP. */
    public static NodeProcess start(String name, Map<String, String> settings) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx768m", "-XX:TieredStopAtLevel=1", FreezeDeskApplication.class.getName(),
                "--server.port=" + port, "--freezedesk.mail.embedded-smtp.enabled=false", "--spring.mail.port=" + TestMail.PORT));
        settings.forEach((key, value) -> command.add("--" + key + "=" + value));
        Path log = Path.of("target", "node-" + name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // Without empty entries: one would put the working directory, and the sources' bpmn/ in it, on the classpath.
        builder.environment().put("CLASSPATH", Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank()).collect(Collectors.joining(File.pathSeparator)));
        try {
            NodeProcess node = new NodeProcess(builder.start(), port, log);
            node.awaitStarted();
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** kill -9: the node stops in the middle of whatever it does. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private void awaitStarted() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        try {
            await().atMost(STARTUP).pollInterval(Duration.ofMillis(500)).ignoreExceptionsInstanceOf(IOException.class).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the node exited on start");
                }
                return http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            });
        } catch (RuntimeException e) {
            close();
            throw new IllegalStateException("the node did not start (" + e.getMessage() + "):\n" + tail(), e);
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
