package org.freezedesk.security.internal;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * What an ADMIN may do inside the engine (Camunda authorization is on): open Cockpit, see every
 * definition, instance, incident and its history, and retry failed jobs. Nothing else is granted, so an
 * operator cannot claim or complete a task, start, modify, cancel or suspend an instance, or deploy
 * (which could run any bean). The application's own services call the engine without an authenticated
 * engine user, which Camunda does not check.
 */
@Component
class EngineOperators implements ApplicationRunner {

    /** The engine group an ADMIN signed in to Cockpit or the engine REST API is in; never {@code camunda-admin}. Letters and digits only, as Camunda requires of ids. */
    static final String GROUP = "freezedeskOperators";

    private record Grant(Resource resource, String resourceId, List<Permission> permissions) {
    }

    private static final List<Grant> GRANTS = List.of(
            new Grant(Resources.APPLICATION, "cockpit", List.of(Permissions.ACCESS)),
            new Grant(Resources.PROCESS_DEFINITION, Authorization.ANY, List.of(ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                    ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE,
                    ProcessDefinitionPermissions.RETRY_JOB)),
            new Grant(Resources.PROCESS_INSTANCE, Authorization.ANY, List.of(ProcessInstancePermissions.READ,
                    ProcessInstancePermissions.RETRY_JOB)),
            new Grant(Resources.DECISION_DEFINITION, Authorization.ANY, List.of(Permissions.READ, Permissions.READ_HISTORY)),
            new Grant(Resources.DECISION_REQUIREMENTS_DEFINITION, Authorization.ANY, List.of(Permissions.READ)),
            new Grant(Resources.DEPLOYMENT, Authorization.ANY, List.of(Permissions.READ)),
            new Grant(Resources.BATCH, Authorization.ANY, List.of(Permissions.READ)));

    private final AuthorizationService authorizations;
    private final IdentityService identities;

    EngineOperators(AuthorizationService authorizations, IdentityService identities) {
        this.authorizations = authorizations;
        this.identities = identities;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensureGroup();
        GRANTS.forEach(this::ensure);
    }

    /** Cockpit reads a user's groups from the engine's identity store, so the group must exist there. */
    private void ensureGroup() {
        if (identities.createGroupQuery().groupId(GROUP).count() > 0) {
            return;
        }
        Group group = identities.newGroup(GROUP);
        group.setName("FreezeDesk operators");
        group.setType(Groups.GROUP_TYPE_SYSTEM);
        try {
            identities.saveGroup(group);
        } catch (ProcessEngineException raced) {
            if (identities.createGroupQuery().groupId(GROUP).count() == 0) {
                throw raced;
            }
        }
    }

    /**
     * Sets the grant to exactly these permissions, so one widened by hand is narrowed again at the next
     * start. Nodes starting side by side may both create it; the engine's unique key keeps one.
     */
    private void ensure(Grant grant) {
        Authorization authorization = find(grant);
        if (authorization == null) {
            authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(GROUP);
            authorization.setResource(grant.resource());
            authorization.setResourceId(grant.resourceId());
        }
        authorization.setPermissions(grant.permissions().toArray(Permission[]::new));
        try {
            authorizations.saveAuthorization(authorization);
        } catch (ProcessEngineException raced) {
            if (find(grant) == null) {
                throw raced;
            }
        }
    }

    private Authorization find(Grant grant) {
        return authorizations.createAuthorizationQuery().groupIdIn(GROUP).resourceType(grant.resource())
                .resourceId(grant.resourceId()).singleResult();
    }
}
