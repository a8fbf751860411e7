package ${package}.internal.store;

import java.time.LocalDate;

import javax.validation.constraints.NotBlank;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.Size;

import org.freelanceisland.platform.api.FiscalYear;

import ${package}.internal.model.ItemStatus;

/**
 * A new item, or all fields of an item being changed. The platform validates it before the
 * resource sees it (a 400 naming each field that is wrong).
 *
 * @param fiscalYear the fiscal year, by its start year ({@code 2025})
 * @param titleJa the title in Japanese
 * @param titleEn the title in English, optional
 * @param personId the person it concerns (an id of the people registry), optional
 * @param startsOn when it starts, optional
 * @param status its status, {@code OPEN} when left out
 * @param version the version read, when changing an item: a stale one gets 409
 */
public record ItemInput(
        @NotNull FiscalYear fiscalYear,
        @NotBlank @Size(max = 200) String titleJa,
        @Size(max = 200) String titleEn,
        @Size(min = 1, max = 100) String personId,
        LocalDate startsOn,
        ItemStatus status,
        Long version) {
}
