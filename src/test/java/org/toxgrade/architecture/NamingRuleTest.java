package org.toxgrade.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.toxgrade.support.SourceFiles;

/**
 * One naming rule for configuration (docs/architecture.md, "Conventions"): {@code @ConfigMapping}
 * interfaces are {@code *Settings}, the plain records the cores take are {@code *Config}, and neither
 * name is used for anything else.
 */
class NamingRuleTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final Pattern TOP_TYPE = Pattern.compile(
            "^public (?:final )?(class|interface|record|enum) (\\w+)", Pattern.MULTILINE);

    @Test
    void configMappingsAreSettingsAndRecordsOfConfigurationAreConfig() {
        List<String> offenders = new ArrayList<>();
        for (Path file : SourceFiles.javaFiles(MAIN)) {
            String text = SourceFiles.read(file);
            Matcher type = TOP_TYPE.matcher(text);
            if (!type.find()) {
                continue;
            }
            String kind = type.group(1);
            String name = type.group(2);
            boolean mapping = text.contains("@ConfigMapping");
            if (mapping && !(kind.equals("interface") && name.endsWith("Settings"))) {
                offenders.add(name + " is a @ConfigMapping: an interface named *Settings");
            }
            if (!mapping && name.endsWith("Settings")) {
                offenders.add(name + " is not a @ConfigMapping: only those are named *Settings");
            }
            if (name.endsWith("Config") && !kind.equals("record")) {
                offenders.add(name + " is a " + kind + ": only plain records are named *Config");
            }
        }
        assertEquals(List.of(), offenders);
    }

}
