package org.freelanceisland.platform.api.people;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.freelanceisland.platform.api.LocalizedText;

/**
 * The curated skills of the platform, shared by every program: a person's profile, a course's
 * subject and a job's requirements use the same codes. People may also carry free tags; a free
 * tag is any {@link #TAG} that is not a curated code.
 */
public final class SkillVocabulary {

    /** The shape of a skill code or free tag: 1 to 40 letters (any script), digits, dashes. */
    public static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}ー・ -]{0,39}");

    /** The curated skills, in display order: code to label. */
    public static final Map<String, LocalizedText> SKILLS;

    static {
        Map<String, LocalizedText> skills = new LinkedHashMap<>();
        skills.put("writing", LocalizedText.of("ライティング", "Writing"));
        skills.put("photography", LocalizedText.of("写真撮影", "Photography"));
        skills.put("web-production", LocalizedText.of("Web制作", "Web production"));
        skills.put("design", LocalizedText.of("デザイン", "Design"));
        skills.put("sns-operation", LocalizedText.of("SNS運用", "SNS operation"));
        skills.put("handmade", LocalizedText.of("ハンドメイド", "Handmade"));
        skills.put("video", LocalizedText.of("動画制作", "Video"));
        skills.put("translation", LocalizedText.of("翻訳", "Translation"));
        skills.put("online-selling", LocalizedText.of("ネット販売", "Selling online"));
        skills.put("proposal", LocalizedText.of("企画・提案", "Proposals"));
        skills.put("illustration", LocalizedText.of("イラスト", "Illustration"));
        skills.put("programming", LocalizedText.of("プログラミング", "Programming"));
        skills.put("tourism-guide", LocalizedText.of("観光ガイド", "Tourism guide"));
        SKILLS = Collections.unmodifiableMap(skills);
    }

    private SkillVocabulary() {
    }

    /**
     * Whether a code is one of the curated skills.
     *
     * @param code a skill code
     * @return {@code true} for a curated code
     */
    public static boolean isCurated(String code) {
        return code != null && SKILLS.containsKey(code);
    }
}
