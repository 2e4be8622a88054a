package org.freezedesk;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules keep their walls: no module reaches into another's {@code internal} package and the
 * dependencies between modules form no cycle. Writes the module diagram and canvases to {@code docs/modules}.
 */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(FreezeDeskApplication.class);

    @Test
    void modulesKeepTheirWalls() {
        modules.verify();
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
