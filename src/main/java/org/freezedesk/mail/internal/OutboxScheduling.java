package org.freezedesk.mail.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The outbox poller is a scheduled task; this module does not rely on another one to switch scheduling on. */
@Configuration
@EnableScheduling
class OutboxScheduling {
}
