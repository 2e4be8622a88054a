package org.freezedesk.mail;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.freezedesk.mail.Mailer.RenderedMail;
import org.freezedesk.mail.internal.OutboxRepository;
import org.freezedesk.mail.internal.OutboxSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The only way mail leaves FreezeDesk. A message is rendered and stored in the caller's transaction, beside
 * whatever it is about (the link it carries), and sent only once that transaction has committed: a recipient
 * never gets a link that does not open, and a rolled-back step sends nothing. Every retry sends the stored
 * message again, with the same Message-ID and the same link. Stored in a transaction, a message is leased to this
 * node, which sends it right after the commit from the copy in hand ({@link OutboxSender} explains the lease).
 */
@Component
public class MailOutbox {

    private final Mailer mailer;
    private final OutboxRepository outbox;
    private final OutboxSender sender;

    MailOutbox(Mailer mailer, OutboxRepository outbox, OutboxSender sender) {
        this.mailer = mailer;
        this.outbox = outbox;
        this.sender = sender;
    }

    /** Stores the message for sending after commit and returns its Message-ID; the first recipient is the addressee. */
    public String send(List<String> recipients, String subject, String template, Map<String, Object> model) {
        RenderedMail mail = mailer.render(recipients, subject, template, model);
        String messageId = mailer.newMessageId();
        OffsetDateTime now = OutboxSender.now();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            OffsetDateTime leaseEnd = sender.leaseEnd(now);
            long id = outbox.insert(messageId, mail, now, leaseEnd);
            // Right away rather than at the poller's next round; if this node dies first, another node's poller sends it
            // once the lease has ended.
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    sender.sendLeased(id, messageId, mail, leaseEnd);
                }
            });
        } else {
            sender.sendNow(outbox.insert(messageId, mail, now, now));
        }
        return messageId;
    }
}
