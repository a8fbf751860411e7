package org.freelanceisland.kpi.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.freelanceisland.kpi.internal.model.Definition;
import org.freelanceisland.kpi.internal.model.DefinitionInput;
import org.freelanceisland.kpi.internal.model.DefinitionValidator;
import org.freelanceisland.kpi.internal.store.KpiStore;
import org.freelanceisland.kpi.internal.store.Stage;
import org.freelanceisland.platform.api.LocalizedText;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The plan's stages and indicators as seed data ({@code /seed/plan.json}, from seed document 001),
 * validated like any definition. The file carries a data version: a correction to the seed raises
 * it, and the store applies each version once.
 *
 * @param name the data set's name
 * @param version its version
 * @param stages the stages
 * @param indicators the indicator definitions
 */
public record PlanSeed(String name, int version, List<Stage> stages, List<Definition> indicators) {

    /** The seed file in the bundle. */
    public static final String RESOURCE = "/seed/plan.json";

    /** The file's shape. */
    private record SeedFile(String name, int version, String source, List<StageSeed> stages, List<DefinitionInput> indicators) {
    }

    private record StageSeed(int number, int fromYear, int toYear, DefinitionInput.Text title, DefinitionInput.Text theme) {
    }

    /**
     * Reads and validates the seed file.
     *
     * @return the seed
     * @throws IllegalStateException if the file is missing or a definition in it is invalid
     */
    public static PlanSeed load() {
        try (InputStream in = PlanSeed.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the bundle");
            }
            SeedFile file = new ObjectMapper().readValue(in, SeedFile.class);
            List<Stage> stages = file.stages().stream().map(s -> new Stage(s.number(), s.fromYear(), s.toYear(),
                    LocalizedText.of(s.title().ja(), s.title().en()), LocalizedText.of(s.theme().ja(), s.theme().en())))
                    .toList();
            Map<Integer, int[]> years = new LinkedHashMap<>();
            stages.forEach(s -> years.put(s.number(), new int[] { s.fromYear(), s.toYear() }));
            DefinitionValidator validator = new DefinitionValidator(years);
            List<Definition> definitions = file.indicators().stream().map(input -> {
                DefinitionValidator.Result result = validator.validate(input, input.id());
                if (!result.valid()) {
                    throw new IllegalStateException("Seed indicator " + input.id() + " is invalid: " + result.errors());
                }
                return result.definition();
            }).toList();
            return new PlanSeed(file.name(), file.version(), stages, definitions);
        } catch (IOException e) {
            throw new IllegalStateException(RESOURCE + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Applies the seed once.
     *
     * @param store the store
     * @return how many indicators were added or corrected, or -1 when this version was applied already
     */
    public int applyTo(KpiStore store) {
        return store.applySeed(name, version, stages, indicators);
    }
}
