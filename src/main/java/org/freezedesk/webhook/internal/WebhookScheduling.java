package org.freezedesk.webhook.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The delivery poller is a scheduled task; this module does not rely on another one to switch scheduling on. */
@Configuration
@EnableScheduling
class WebhookScheduling {
}
