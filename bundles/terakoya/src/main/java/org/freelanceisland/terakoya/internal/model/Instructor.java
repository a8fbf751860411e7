package org.freelanceisland.terakoya.internal.model;

import javax.persistence.Column;
import javax.persistence.Embeddable;

/** An instructor of a course: a person of the people registry or a partner organisation. */
@Embeddable
public class Instructor {

    @Column(name = "person_id", length = 100)
    private String personId;

    @Column(name = "organisation", length = 200)
    private String organisation;

    /** For JPA. */
    protected Instructor() {
    }

    /**
     * Creates an instructor.
     *
     * @param personId the person's id, or {@code null} for an organisation
     * @param organisation the partner organisation's name, or {@code null} for a person
     */
    public Instructor(String personId, String organisation) {
        this.personId = personId;
        this.organisation = organisation;
    }

    /** @return the person's id, or {@code null} */
    public String personId() {
        return personId;
    }

    /** @return the organisation, or {@code null} */
    public String organisation() {
        return organisation;
    }
}
