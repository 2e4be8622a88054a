package org.freezedesk.cases.internal;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.freezedesk.security.Role;
import org.freezedesk.security.StaffUser;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Adds {@code crossCaseMatches} to every rendering of the filing and amendment form and of an import's preview, from
 * the targets as they are when the page is drawn (typed rows, or the attached import's lines). Done after the
 * controller, so the filing controllers stay as they are and every path that shows the form again (an added row, a
 * refused filing, a returned import) shows the matches for what was typed.
 */
@Configuration
class AddressIndexFormMatches implements HandlerInterceptor, WebMvcConfigurer {

    static final String MODEL_KEY = "crossCaseMatches";

    private final AddressIndex index;

    AddressIndexFormMatches(AddressIndex index) {
        this.index = index;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/cases/**");
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
        if (page == null || page.getViewName() == null || !(request.getUserPrincipal() instanceof Authentication authentication)
                || !(authentication.getPrincipal() instanceof StaffUser user) || !user.has(Role.AGENCY) || user.getAgency() == null) {
            return;
        }
        Object targetImport = page.getModel().get("targetImport");
        List<CrossCaseMatch> matches = null;
        if (page.getViewName().equals(CaseController.FORM_VIEW) && page.getModel().get("form") instanceof FilingForm form) {
            matches = form.getImportId() != null && targetImport instanceof TargetImport attached
                    ? index.ofImport(user, attached.id()) : index.ofForm(user, form);
        } else if (page.getViewName().equals("cases/import") && targetImport instanceof TargetImport preview
                && preview.state() == ImportState.READY) {
            matches = index.ofImport(user, preview.id());
        }
        if (matches != null) {
            page.addObject(MODEL_KEY, matches);
        }
    }
}
