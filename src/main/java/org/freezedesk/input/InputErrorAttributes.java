package org.freezedesk.input;

import java.util.Map;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * What the error pages of refusals (4xx, such as a change to a closed case) show besides the status: the reason
 * the application gave, which is written for the user, and a link back. Server errors show neither.
 */
@Component
class InputErrorAttributes extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest webRequest, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(webRequest, options);
        Object status = attributes.get("status");
        if (status instanceof Integer code && code >= 400 && code < 500) {
            Object message = webRequest.getAttribute("jakarta.servlet.error.message", RequestAttributes.SCOPE_REQUEST);
            if (message instanceof String text && !text.isBlank()) {
                attributes.put("problem", text);
            }
            attributes.put("back", BackLinks.of((String) attributes.get("path")));
        }
        return attributes;
    }
}
