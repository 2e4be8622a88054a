package org.freezedesk.mail;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Sends one message with an HTML and a plain-text body, both rendered from {@code templates/mail/}.
 * Callers run inside an engine job, so a failure here retries the job instead of losing the message.
 */
@Component
public class Mailer {

    private final JavaMailSender sender;
    private final SpringTemplateEngine templates;
    private final String from;
    private final String replyTo;

    public Mailer(JavaMailSender sender, @Value("${freezedesk.mail.from}") String from,
            @Value("${freezedesk.mail.reply-to}") String replyTo) {
        this.sender = sender;
        this.from = from;
        this.replyTo = replyTo;
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

    /** The first address is the recipient; the others are copied. */
    public void send(List<String> recipients, String subject, String template, Map<String, Object> model) {
        Context context = new Context();
        context.setVariables(model);
        String html = templates.process(template + ".html", context);
        String text = templates.process(template + ".txt", context);
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setReplyTo(replyTo);
            helper.setTo(recipients.get(0));
            if (recipients.size() > 1) {
                helper.setCc(recipients.subList(1, recipients.size()).toArray(String[]::new));
            }
            helper.setSubject(subject);
            helper.setText(text, html);
        } catch (MessagingException e) {
            throw new MailSendException("could not build the message '" + subject + "'", e);
        }
        sender.send(message);
    }
}
