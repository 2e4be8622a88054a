package org.freezedesk.mail.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Connected SMTP sessions kept for the next message, so a fan-out of a hundred mails does not open a hundred
 * connections (each a TCP handshake, a greeting, EHLO, perhaps STARTTLS and AUTH). At most {@code idle} stay open
 * between messages, each for at most {@code maxIdleMillis}; a kept connection the server closed meanwhile is replaced
 * by a fresh one before the message is given up on.
 */
public final class SmtpConnections {

    private record Kept(Transport transport, long idleSince) {
    }

    private final JavaMailSenderImpl sender;
    private final BlockingQueue<Kept> idle;
    private final long maxIdleMillis;

    public SmtpConnections(JavaMailSenderImpl sender, int idle, long maxIdleMillis) {
        this.sender = sender;
        this.idle = new ArrayBlockingQueue<>(idle);
        this.maxIdleMillis = maxIdleMillis;
    }

    /**
     * Sends {@code message} over a kept connection or a new one. The Message-ID already set is kept (saving the
     * message's changes would replace it).
     */
    public void send(MimeMessage message) {
        try {
            String messageId = message.getMessageID();
            message.saveChanges();
            if (messageId != null) {
                message.setHeader("Message-ID", messageId);
            }
        } catch (MessagingException e) {
            throw new MailSendException("could not prepare the message", e);
        }
        Kept kept = takeFresh();
        if (kept != null) {
            try {
                kept.transport().sendMessage(message, recipients(message));
                release(kept.transport());
                return;
            } catch (MessagingException stale) {
                // The server may have closed the kept connection; the message gets one try on a new one.
                close(kept.transport());
            }
        }
        Transport transport = connect();
        try {
            transport.sendMessage(message, recipients(message));
        } catch (MessagingException e) {
            close(transport);
            throw new MailSendException("the SMTP server did not take the message", e);
        }
        release(transport);
    }

    private Kept takeFresh() {
        long now = System.currentTimeMillis();
        for (Kept kept = idle.poll(); kept != null; kept = idle.poll()) {
            if (now - kept.idleSince() < maxIdleMillis) {
                return kept;
            }
            close(kept.transport());
        }
        return null;
    }

    private void release(Transport transport) {
        if (!idle.offer(new Kept(transport, System.currentTimeMillis()))) {
            close(transport);
        }
    }

    private Transport connect() {
        try {
            Transport transport = sender.getSession().getTransport(sender.getProtocol() == null ? "smtp" : sender.getProtocol());
            // As JavaMailSenderImpl does: an empty user name (the default of an unset setting) means "no AUTH", where
            // JavaMail would try to log in with it and fail against a server that offers none.
            String username = "".equals(sender.getUsername()) ? null : sender.getUsername();
            String password = username == null && "".equals(sender.getPassword()) ? null : sender.getPassword();
            transport.connect(sender.getHost(), sender.getPort(), username, password);
            return transport;
        } catch (MessagingException e) {
            throw new MailSendException("could not connect to the SMTP server", e);
        }
    }

    private static jakarta.mail.Address[] recipients(MimeMessage message) throws MessagingException {
        return message.getAllRecipients();
    }

    private static void close(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException ignored) {
            // Closing a connection that is gone already.
        }
    }

    public void closeAll() {
        for (Kept kept = idle.poll(); kept != null; kept = idle.poll()) {
            close(kept.transport());
        }
    }
}
