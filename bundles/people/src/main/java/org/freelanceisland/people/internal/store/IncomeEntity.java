package org.freelanceisland.people.internal.store;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.UniqueConstraint;
import javax.persistence.Version;

/** A row of {@code people_income}: one person's freelance income of one fiscal year. */
@Entity
@Table(name = "people_income", uniqueConstraints = @UniqueConstraint(name = "people_income_person_year_uq",
        columnNames = { "person_id", "fiscal_year" }))
public class IncomeEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "people_income_seq")
    @TableGenerator(name = "people_income_seq", table = "people_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_value", pkColumnValue = "income", allocationSize = 50)
    @Column(name = "id")
    Long id;

    @Version
    @Column(name = "version", nullable = false)
    long version;

    @Column(name = "person_id", nullable = false)
    long personId;

    @Column(name = "fiscal_year", nullable = false)
    int fiscalYear;

    @Column(name = "amount_yen", nullable = false)
    long amountYen;

    @Column(name = "source", length = 30, nullable = false)
    String source;

    @Column(name = "revision", nullable = false)
    int revision;

    @Column(name = "reported_at", nullable = false)
    LocalDateTime reportedAt;

    @Column(name = "reported_by", length = 200)
    String reportedBy;

    /** For JPA. */
    protected IncomeEntity() {
    }

    IncomeEntity(long personId, int fiscalYear) {
        this.personId = personId;
        this.fiscalYear = fiscalYear;
    }
}
