package org.freezedesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real SMTP server in the test JVM, and reading portal links out of what it received. The port is
 * chosen free once per JVM, so test runs side by side on one machine do not collide.
 */
public final class TestMail {

    public static final int PORT = freePort();

    private static final Pattern PORTAL_PATH = Pattern.compile("/portal/[A-Za-z0-9_-]{43}");

    private TestMail() {
    }

    /** Points the application's mail at {@link #PORT}. */
    public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of("spring.mail.port=" + PORT).applyTo(context);
        }
    }

    public static GreenMailExtension server() {
        return new GreenMailExtension(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The message's plain text, decoded as its reader sees it (quoted-printable would break a sentence). */
    public static String text(Part part) {
        try {
            if (part.isMimeType("text/plain")) {
                return (String) part.getContent();
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    String text = text(multipart.getBodyPart(i));
                    if (!text.isEmpty()) {
                        return text;
                    }
                }
            }
            return "";
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The path of the portal link in a message, such as {@code /portal/abc…}. */
    public static String portalPath(MimeMessage message) {
        Matcher matcher = PORTAL_PATH.matcher(GreenMailUtil.getBody(message));
        if (!matcher.find()) {
            throw new AssertionError("no portal link in: " + GreenMailUtil.getBody(message));
        }
        return matcher.group();
    }
}
