package org.freelanceisland.demo.internal.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.freelanceisland.platform.api.people.SkillVocabulary;
import org.junit.jupiter.api.Test;

/** The demo island's people: the same seed and day give the same people, of the shape the seeds describe. */
class PeopleTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final Pattern KATAKANA = Pattern.compile("[\\p{IsKatakana} ー]+");

    @Test
    void theSameSeedGivesTheSamePeople() {
        assertEquals(People.generate(7, 200, TODAY), People.generate(7, 200, TODAY));
        assertNotEquals(People.generate(7, 200, TODAY), People.generate(8, 200, TODAY));
    }

    @Test
    void peopleHaveTheShapeOfTheIsland() {
        List<People.Person> people = People.generate(20150401L, 200, TODAY);
        assertEquals(200, people.size());
        Set<String> names = new HashSet<>();
        int childRearing = 0;
        int sideJob = 0;
        int migrants = 0;
        int movedInStage3 = 0;
        Set<String> districts = new HashSet<>();
        for (People.Person p : people) {
            assertTrue(names.add(p.name()), "names are unique: " + p.name());
            assertTrue(KATAKANA.matcher(p.kana()).matches(), p.kana());
            assertFalse(p.registeredOn().isAfter(TODAY));
            assertTrue(SkillVocabulary.SKILLS.keySet().containsAll(p.skills()), p.skills().toString());
            assertTrue(p.consents("PROGRAM_ADMINISTRATION"));
            districts.add(p.district());
            childRearing += p.lifestyle().contains("CHILD_REARING") ? 1 : 0;
            sideJob += p.lifestyle().contains("SIDE_JOB") ? 1 : 0;
            if (p.movedOn() != null) {
                migrants++;
                assertFalse(p.movedOn().isAfter(TODAY));
                movedInStage3 += p.movedOn().isBefore(LocalDate.of(2025, 4, 1)) ? 0 : 1;
            }
        }
        assertEquals(Set.of("名瀬", "笠利", "住用"), districts);
        assertTrue(childRearing > 30 && childRearing < 100, "child-rearing " + childRearing);
        assertTrue(sideJob > 40 && sideJob < 120, "side job " + sideJob);
        assertTrue(migrants > 40, "migrants " + migrants);
        assertTrue(movedInStage3 >= 5, "moved in stage 3 " + movedInStage3);
    }

    @Test
    void photosAreDrawnAsRealPngs() throws Exception {
        byte[] png = Pictures.work(1, "tsumugi");
        assertEquals(800, ImageIO.read(new java.io.ByteArrayInputStream(png)).getWidth());
        assertEquals(480, ImageIO.read(new java.io.ByteArrayInputStream(Pictures.portrait(2))).getHeight());
        assertTrue(java.util.Arrays.equals(png, Pictures.work(1, "tsumugi")), "the same seed draws the same picture");
    }
}
