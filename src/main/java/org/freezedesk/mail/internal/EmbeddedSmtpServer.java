package org.freezedesk.mail.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The embedded default's own SMTP server, so one person can play every role: mail the app sends
 * arrives here and the admin reads it on the Mail page. Messages live in memory only.
 */
@Component
@ConditionalOnProperty("freezedesk.mail.embedded-smtp.enabled")
public class EmbeddedSmtpServer implements DisposableBean {

    private final GreenMail greenMail;

    public EmbeddedSmtpServer(@Value("${freezedesk.mail.embedded-smtp.port}") int port) {
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    /** Newest first, each message once: the server keeps a copy per recipient. */
    public List<MimeMessage> receivedMessages() throws MessagingException {
        Map<String, MimeMessage> byId = new LinkedHashMap<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            byId.putIfAbsent(message.getMessageID(), message);
        }
        List<MimeMessage> messages = new ArrayList<>(byId.values());
        Collections.reverse(messages);
        return messages;
    }

    @Override
    public void destroy() {
        greenMail.stop();
    }
}
