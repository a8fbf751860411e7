package ${package}.internal.store;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.LocalizedText;

import ${package}.internal.model.Item;
import ${package}.internal.model.ItemStatus;

/**
 * An item as the API shows it.
 *
 * @param id its id
 * @param version its version, to send back when changing it
 * @param fiscalYear the fiscal year (start year)
 * @param fiscalYearLabel the fiscal year for people ({@code 令和7年度}, {@code FY2025 (R7)})
 * @param title the title in Japanese and English
 * @param personId the person it concerns, or {@code null}
 * @param startsOn when it starts, or {@code null}
 * @param status its status
 * @param createdBy who registered it
 * @param createdAt when (UTC)
 * @param updatedAt when it was last changed (UTC)
 */
public record ItemView(long id, long version, int fiscalYear, LocalizedText fiscalYearLabel, LocalizedText title,
        String personId, LocalDate startsOn, ItemStatus status, String createdBy, LocalDateTime createdAt,
        LocalDateTime updatedAt) {

    static ItemView of(Item item) {
        return new ItemView(item.id(), item.version(), item.fiscalYear(), FiscalYear.of(item.fiscalYear()).label(),
                LocalizedText.of(item.titleJa(), item.titleEn()), item.personId(), item.startsOn(), item.status(),
                item.createdBy(), item.createdAt(), item.updatedAt());
    }
}
