package org.freezedesk.webhook.internal;

import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The agency's subscriptions and each one's delivery log, for its investigators. */
@Controller
@RequestMapping("/webhooks")
class WebhookController {

    private static final int PAGE = 50;

    private final WebhookService webhooks;

    WebhookController(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @GetMapping
    String subscriptions(@RequestParam(required = false) Long cursor, Authentication authentication, Model model) {
        List<WebhookSubscription> page = webhooks.list(owner(authentication), cursor, PAGE);
        model.addAttribute("subscriptions", page);
        model.addAttribute("nextCursor", page.size() == PAGE ? page.get(page.size() - 1).id() : null);
        model.addAttribute("eventTypes", WebhookService.typeNames());
        return "webhook/subscriptions";
    }

    @GetMapping("/{id}")
    String deliveries(@PathVariable long id, @RequestParam(required = false) Long cursor, Authentication authentication, Model model) {
        WebhookOwner owner = owner(authentication);
        List<WebhookDelivery> page = webhooks.deliveries(owner, id, cursor, PAGE);
        model.addAttribute("subscription", webhooks.own(owner, id));
        model.addAttribute("deliveries", page);
        model.addAttribute("nextCursor", page.size() == PAGE ? page.get(page.size() - 1).id() : null);
        return "webhook/deliveries";
    }

    private static WebhookOwner owner(Authentication authentication) {
        return WebhookOwner.of(authentication).filter(o -> o.agency() != null)
                .orElseThrow(() -> new AccessDeniedException("Only an agency's investigators see its webhooks"));
    }
}
