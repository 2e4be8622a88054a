package org.freezedesk.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

/** A real SMTP server in the test JVM, and reading portal links out of what it received. */
public final class TestMail {

    private static final Pattern PORTAL_PATH = Pattern.compile("/portal/[A-Za-z0-9_-]{43}");

    private TestMail() {
    }

    public static GreenMailExtension server(int port) {
        return new GreenMailExtension(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
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
