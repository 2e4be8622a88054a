package org.freezedesk.mail.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.freezedesk.mail.internal.OutboxMessage;
import org.freezedesk.mail.internal.OutboxRepository;
import org.freezedesk.mail.internal.OutboxSender;
import org.freezedesk.mail.internal.OutboxState;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin's view of the outbox (mail not yet delivered, with a retry) and of the embedded SMTP server. */
@Controller
class MailboxController {

    record ReceivedMail(String from, String to, String cc, String subject, String sentAt, String text) {
    }

    /** The outbox list stays one page long whatever piles up during an outage. */
    private static final int UNDELIVERED_SHOWN = 200;

    private final ObjectProvider<EmbeddedSmtpServer> smtpServer;
    private final OutboxRepository outbox;
    private final OutboxSender sender;

    MailboxController(ObjectProvider<EmbeddedSmtpServer> smtpServer, OutboxRepository outbox, OutboxSender sender) {
        this.smtpServer = smtpServer;
        this.outbox = outbox;
        this.sender = sender;
    }

    @GetMapping("/admin/mail")
    String mailbox(Model model) throws MessagingException, IOException {
        // Mail this node sent a moment ago is not listed as waiting.
        sender.flushSent();
        model.addAttribute("undelivered", outbox.undelivered(UNDELIVERED_SHOWN));
        EmbeddedSmtpServer server = smtpServer.getIfAvailable();
        model.addAttribute("embedded", server != null);
        model.addAttribute("messages", server == null ? List.of() : read(server.receivedMessages()));
        return "admin/mail";
    }

    /** An operator's retry of a message that failed or is waiting for its next attempt: due now, with a full set of attempts. */
    @PostMapping("/admin/mail/outbox/{id}/retry")
    String retry(@PathVariable long id, RedirectAttributes redirect) {
        if (outbox.retry(id, OutboxSender.now())) {
            sender.sendNow(id);
            OutboxMessage message = outbox.find(id).orElseThrow();
            redirect.addFlashAttribute("retried", message.state() == OutboxState.SENT
                    ? "Sent: " + message.subject() : "Tried again and still not accepted: " + message.lastError());
        } else {
            redirect.addFlashAttribute("retried", "That message was already sent, is being sent this moment, or there is no such message.");
        }
        return "redirect:/admin/mail";
    }

    private static List<ReceivedMail> read(List<MimeMessage> messages) throws MessagingException, IOException {
        List<ReceivedMail> result = new ArrayList<>();
        for (MimeMessage m : messages) {
            result.add(new ReceivedMail(String.join(", ", addresses(m.getFrom())),
                    String.join(", ", addresses(m.getRecipients(MimeMessage.RecipientType.TO))),
                    String.join(", ", addresses(m.getRecipients(MimeMessage.RecipientType.CC))),
                    m.getSubject(), String.valueOf(m.getSentDate()), plainText(m)));
        }
        return result;
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null ? List.of() : Arrays.stream(addresses).map(Object::toString).toList();
    }

    /** The plain-text alternative: safe to show inside the app, unlike the HTML body. */
    static String plainText(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String text = plainText(body);
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }
}
