package org.freezedesk.mail.internal;

import java.time.OffsetDateTime;
import java.util.List;

import org.freezedesk.mail.Mailer.RenderedMail;

/** One stored message; its bodies are gone once it was sent, so that a copy of the database carries no working link. */
public record OutboxMessage(long id, String channel, String messageId, List<String> recipients, String subject, String text, String html,
        OutboxState state, int attempts, OffsetDateTime nextAttemptAt, String lastError, OffsetDateTime createdAt, OffsetDateTime sentAt) {

    public RenderedMail mail() {
        return new RenderedMail(recipients, subject, text, html);
    }
}
