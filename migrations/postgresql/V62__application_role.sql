-- Two roles (README, "Database roles"): the migration role running this script owns every table; the
-- application's role ${app-role} gets what it needs and no more. On audit_event that is INSERT and SELECT
-- only: it can neither change nor delete an event, nor (not being the owner) drop or disable the
-- append-only trigger. On audit_chain_head it may read and move the head, which only a rewrite of the whole
-- log would profit from, and that the keyed hashes and the signed, exported head reveal.
-- Where one role does both (the default when no migration user is configured), nothing changes.
DO $$
DECLARE
    app_role text := '${app-role}';
BEGIN
    IF app_role = current_user THEN
        RETURN;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', app_role);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', app_role);
    EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO %I', app_role);
    EXECUTE format('REVOKE ALL ON audit_event FROM %I', app_role);
    EXECUTE format('GRANT SELECT, INSERT ON audit_event TO %I', app_role);
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON flyway_schema_history FROM %I', app_role);
    EXECUTE format('REVOKE ALL ON audit_chain_head FROM %I', app_role);
    EXECUTE format('GRANT SELECT, UPDATE ON audit_chain_head TO %I', app_role);
    -- Tables and sequences later migrations create get the same grants; one that must not, revokes them itself.
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I', app_role);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO %I', app_role);
    -- The engine creates and upgrades its own tables (camunda.bpm.database.schema-update) as the application's role.
    EXECUTE format('GRANT CREATE ON SCHEMA public TO %I', app_role);
END
$$;
