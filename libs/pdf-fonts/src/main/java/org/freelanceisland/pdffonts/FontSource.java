package org.freelanceisland.pdffonts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the Japanese TrueType font a program's PDFs are set in (the Terakoya's certificates, the
 * contest's ticket sheets), once: the file an administrator configured, else Noto Sans JP shipped
 * inside the program's bundle (SIL Open Font License 1.1, see {@code fonts/NotoSansJP-OFL.txt}; the
 * build of this library takes it from the npm registry), else a Japanese font of the operating
 * system. A font with TrueType outlines is needed (PDFBox cannot subset CFF-based OpenType fonts).
 *
 * <p>This class is not installed on its own: a program bundle embeds it privately (bnd
 * {@code -conditionalpackage: org.freelanceisland.pdffonts}) together with this library's
 * {@code fonts/} directory, so {@link #BUNDLED} is found inside the program's own bundle.
 */
public final class FontSource {

    /** The font shipped in the bundle. */
    public static final String BUNDLED = "/fonts/NotoSansJP-Regular.ttf";

    private static final Logger LOG = LoggerFactory.getLogger(FontSource.class);
    private static final List<String> SYSTEM_FONTS = List.of(
            "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf",
            "/usr/share/fonts/truetype/ipaexfont-gothic/ipaexg.ttf",
            "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf",
            "/usr/share/fonts/truetype/fonts-japanese-gothic.ttf",
            "/usr/share/fonts/ipa-gothic/ipag.ttf",
            "/usr/share/fonts/vl-gothic/VL-Gothic-Regular.ttf");

    private final String configured;
    private final String documents;
    private final String configFile;
    private volatile Font font;

    /**
     * A loaded font and where it came from.
     *
     * @param bytes the TrueType file
     * @param origin where it was found, for the log
     */
    public record Font(byte[] bytes, String origin) {
    }

    /**
     * Creates the source.
     *
     * @param configuredPath a TrueType font file chosen by the administrator, or blank
     * @param documents what the font is for, for the log (for example "Terakoya certificates")
     * @param configFile where an administrator sets {@code fontPath}, for the message when no font
     *        is found (for example "etc/org.freelanceisland.terakoya.cfg")
     */
    public FontSource(String configuredPath, String documents, String configFile) {
        this.configured = configuredPath == null || configuredPath.isBlank() ? null : configuredPath.strip();
        this.documents = documents;
        this.configFile = configFile;
    }

    /**
     * The font, loaded on first use.
     *
     * @return the font
     * @throws IllegalStateException when no Japanese font can be found
     */
    public Font font() {
        Font f = font;
        if (f == null) {
            synchronized (this) {
                f = font;
                if (f == null) {
                    f = load();
                    font = f;
                    LOG.info("{} use the font {}", documents, f.origin());
                }
            }
        }
        return f;
    }

    private Font load() {
        List<String> tried = new ArrayList<>();
        if (configured != null) {
            Path path = Path.of(configured);
            try {
                return new Font(Files.readAllBytes(path), path.toString());
            } catch (IOException e) {
                LOG.warn("The configured font for {} {} cannot be read ({}); using another", documents, path, e.toString());
                tried.add(configured);
            }
        }
        try (InputStream in = FontSource.class.getResourceAsStream(BUNDLED)) {
            if (in != null) {
                return new Font(in.readAllBytes(), "Noto Sans JP (bundled, SIL Open Font License 1.1)");
            }
            tried.add("bundle:" + BUNDLED);
        } catch (IOException e) {
            tried.add("bundle:" + BUNDLED);
        }
        for (String candidate : SYSTEM_FONTS) {
            Path path = Path.of(candidate);
            if (Files.isReadable(path)) {
                try {
                    return new Font(Files.readAllBytes(path), path.toString());
                } catch (IOException e) {
                    tried.add(candidate);
                }
            }
        }
        throw new IllegalStateException("No Japanese TrueType font found (tried " + tried + " and " + SYSTEM_FONTS
                + "); set fontPath in " + configFile);
    }
}
