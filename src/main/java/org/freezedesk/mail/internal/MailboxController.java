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

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The admin's view of the embedded SMTP server. */
@Controller
class MailboxController {

    record ReceivedMail(String from, String to, String cc, String subject, String sentAt, String text) {
    }

    private final ObjectProvider<EmbeddedSmtpServer> smtpServer;

    MailboxController(ObjectProvider<EmbeddedSmtpServer> smtpServer) {
        this.smtpServer = smtpServer;
    }

    @GetMapping("/admin/mail")
    String mailbox(Model model) throws MessagingException, IOException {
        EmbeddedSmtpServer server = smtpServer.getIfAvailable();
        model.addAttribute("embedded", server != null);
        model.addAttribute("messages", server == null ? List.of() : read(server.receivedMessages()));
        return "admin/mail";
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
