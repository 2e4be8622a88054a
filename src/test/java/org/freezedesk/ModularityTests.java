package org.freezedesk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules keep their walls: no module reaches into another's {@code internal} package and the
 * dependencies between modules form no cycle. Writes the module diagram and canvases to {@code docs/modules}.
 */
class ModularityTests {

    private static final Path DOCS = Path.of("docs/modules");

    /** Reading the classes is the slow part; both tests share one reading. */
    private static final ApplicationModules MODULES = ApplicationModules.of(FreezeDeskApplication.class);

    @Test
    void modulesKeepTheirWalls() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDocumentation() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        try (Stream<Path> diagrams = Files.list(DOCS)) {
            for (Path diagram : diagrams.filter(p -> p.toString().endsWith(".puml")).toList()) {
                sortElements(diagram);
            }
        }
    }

    /**
     * The Documenter lists components and relations in an order that changes from run to run; sorted, the
     * committed diagrams change only when the modules do.
     */
    private static void sortElements(Path diagram) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(diagram));
        for (String kind : List.of("  Component(", "Rel(")) {
            List<Integer> at = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith(kind)) {
                    at.add(i);
                }
            }
            List<String> sorted = at.stream().map(lines::get).sorted().toList();
            for (int i = 0; i < at.size(); i++) {
                lines.set(at.get(i), sorted.get(i));
            }
        }
        Files.write(diagram, lines);
    }
}
