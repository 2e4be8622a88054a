package org.freezedesk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.UnsupportedEncodingException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;

import jakarta.mail.internet.MimeUtility;

/**
 * The throughput benchmark's SMTP server: it speaks SMTP as a mail server does (greeting, EHLO, MAIL, RCPT, DATA,
 * several messages a connection) and hands each accepted message's subject and raw body to the benchmark at the moment
 * it answers 250. Unlike GreenMail it neither parses nor stores the MIME tree, which cost about a tenth of the test JVM's
 * CPU that the benchmark reports as FreezeDesk's.
 */
final class BenchmarkSmtp implements AutoCloseable {

    private final ServerSocket server;
    private final ExecutorService sessions = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "benchmark-smtp");
        thread.setDaemon(true);
        return thread;
    });
    private final BiConsumer<String, String> accepted;

    /** {@code accepted} takes each message's decoded subject and its raw body, on the session's thread. */
    BenchmarkSmtp(int port, BiConsumer<String, String> accepted) {
        this.accepted = accepted;
        try {
            server = new ServerSocket(port, 64, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sessions.execute(this::acceptConnections);
    }

    private void acceptConnections() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sessions.execute(() -> session(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void session(Socket socket) {
        try (socket;
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
                OutputStream out = socket.getOutputStream()) {
            reply(out, "220 benchmark ESMTP");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String command = line.length() < 4 ? line.toUpperCase(Locale.ROOT) : line.substring(0, 4).toUpperCase(Locale.ROOT);
                switch (command) {
                    case "EHLO" -> reply(out, "250-benchmark\r\n250 8BITMIME");
                    case "HELO", "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
                    case "DATA" -> {
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        message(in);
                        reply(out, "250 OK");
                    }
                    case "QUIT" -> {
                        reply(out, "221 Bye");
                        return;
                    }
                    default -> reply(out, "502 Not implemented");
                }
            }
        } catch (IOException gone) {
            // The client closed the connection; nothing is half-accepted, as 250 is only sent after the whole message.
        }
    }

    private void message(BufferedReader in) throws IOException {
        StringBuilder subject = null;
        boolean inHeaders = true;
        boolean inSubject = false;
        StringBuilder body = new StringBuilder();
        for (String line = in.readLine(); line != null && !line.equals("."); line = in.readLine()) {
            String unstuffed = line.startsWith("..") ? line.substring(1) : line;
            if (inHeaders) {
                if (unstuffed.isEmpty()) {
                    inHeaders = false;
                } else if (inSubject && Character.isWhitespace(unstuffed.charAt(0))) {
                    subject.append(unstuffed);
                } else {
                    inSubject = unstuffed.regionMatches(true, 0, "Subject:", 0, 8);
                    if (inSubject) {
                        subject = new StringBuilder(unstuffed.substring(8).strip());
                    }
                }
            } else {
                body.append(unstuffed).append('\n');
            }
        }
        accepted.accept(subject == null ? "" : decode(subject.toString()), body.toString());
    }

    private static String decode(String subject) {
        try {
            return MimeUtility.decodeText(subject);
        } catch (UnsupportedEncodingException e) {
            return subject;
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        sessions.shutdownNow();
    }
}
