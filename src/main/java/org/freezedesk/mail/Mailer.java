package org.freezedesk.mail;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.freezedesk.mail.internal.SmtpConnections;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a message's HTML and plain-text bodies from {@code templates/mail/}, and hands a stored message to the
 * SMTP server. Nothing calls {@link #send} but the outbox ({@link MailOutbox}), after the message has committed.
 */
@Component
public class Mailer {

    /** As many as the job executor's threads that send at once, kept shorter than servers keep an idle session. */
    private static final int KEPT_CONNECTIONS = 8;
    private static final Duration KEPT_FOR = Duration.ofSeconds(30);

    private final JavaMailSender sender;
    private final SpringTemplateEngine templates;
    private final ApplicationContext applicationContext;
    private final String from;
    private final String replyTo;
    private final String domain;
    /** Null when the sender is not JavaMail's own (then every message takes a connection of its own). */
    private final SmtpConnections connections;

    public Mailer(JavaMailSender sender, ApplicationContext applicationContext, @Value("${freezedesk.mail.from}") String from,
            @Value("${freezedesk.mail.reply-to}") String replyTo) {
        this.sender = sender;
        this.applicationContext = applicationContext;
        this.from = from;
        this.replyTo = replyTo;
        this.domain = domainOf(from);
        this.connections = sender instanceof JavaMailSenderImpl javaMail
                ? new SmtpConnections(javaMail, KEPT_CONNECTIONS, KEPT_FOR.toMillis()) : null;
        this.templates = new SpringTemplateEngine();
        templates.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 1));
        templates.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 2));
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setResolvablePatterns(Set.of("*" + suffix));
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setOrder(order);
        return resolver;
    }

    /** A message as it will leave, rendered once so that every attempt sends the very same text. */
    public record RenderedMail(List<String> recipients, String subject, String text, String html) {
    }

    /** Renders the HTML and plain-text bodies of {@code templates/mail/<template>}; the first recipient is the addressee. */
    public RenderedMail render(List<String> recipients, String subject, String template, Map<String, Object> model) {
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("a message needs a recipient: " + subject);
        }
        Context context = new Context();
        context.setVariables(model);
        // Without it, Thymeleaf gives every expression a context of its own, which looks each getter up by reflection
        // again; this one's property accessor, and so its cache of getters, is shared by all renders.
        context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(applicationContext, null));
        return new RenderedMail(List.copyOf(recipients), subject, templates.process(template + ".txt", context),
                templates.process(template + ".html", context));
    }

    /** A Message-ID of the sender's own domain, fixed when the message is stored so that a retry is recognisably the same mail. */
    public String newMessageId() {
        return "<" + UUID.randomUUID() + "@" + domain + ">";
    }

    /** Hands one stored message to the SMTP server, under its stored Message-ID; the others are copied. */
    public void send(String messageId, RenderedMail mail) {
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setReplyTo(replyTo);
            helper.setTo(mail.recipients().get(0));
            if (mail.recipients().size() > 1) {
                helper.setCc(mail.recipients().subList(1, mail.recipients().size()).toArray(String[]::new));
            }
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), mail.html());
            // JavaMailSenderImpl keeps a Message-ID that is already set instead of generating a new one.
            message.setHeader("Message-ID", messageId);
        } catch (MessagingException e) {
            throw new MailSendException("could not build the message '" + mail.subject() + "'", e);
        }
        if (connections != null) {
            connections.send(message);
        } else {
            sender.send(message);
        }
    }

    /**
     * The longest one message may keep the SMTP server busy by the session's timeouts (connecting, reading a reply,
     * writing), which must all be set: without them a hung server holds a sender for ever. The outbox's lease must
     * outlast it. Zero when the sender is not JavaMail's own, whose timeouts are its own business.
     */
    public Duration longestAttempt() {
        if (!(sender instanceof JavaMailSenderImpl javaMail)) {
            return Duration.ZERO;
        }
        String protocol = javaMail.getProtocol() == null ? "smtp" : javaMail.getProtocol();
        long millis = 0;
        for (String timeout : List.of("connectiontimeout", "timeout", "writetimeout")) {
            String key = "mail." + protocol + "." + timeout;
            String value = javaMail.getJavaMailProperties().getProperty(key);
            if (value == null || Long.parseLong(value.trim()) <= 0) {
                throw new IllegalStateException("spring.mail.properties." + key + " must be set (milliseconds)");
            }
            millis += Long.parseLong(value.trim());
        }
        return Duration.ofMillis(millis);
    }

    @PreDestroy
    void closeConnections() {
        if (connections != null) {
            connections.closeAll();
        }
    }

    private static String domainOf(String address) {
        try {
            String email = new InternetAddress(address).getAddress();
            return email.substring(email.indexOf('@') + 1);
        } catch (AddressException e) {
            throw new IllegalArgumentException("freezedesk.mail.from is not an address: " + address, e);
        }
    }
}
