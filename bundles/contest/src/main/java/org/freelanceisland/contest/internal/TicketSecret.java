package org.freelanceisland.contest.internal;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secret key ("pepper") that ticket codes are hashed with and ticket sheets encrypted with,
 * kept in configuration ({@code etc/org.freelanceisland.contest.tickets.cfg}), never in the
 * database: a copy of the database alone yields no usable code. On first start without one it
 * generates 32 random bytes and saves them through Configuration Admin. Several nodes on one
 * database must share the same secret (copy the file); changing it makes every unused code and
 * every waiting sheet worthless.
 */
@Component(service = TicketSecret.class, configurationPid = TicketSecret.PID)
@Designate(ocd = TicketSecret.Config.class)
public final class TicketSecret {

    /** The configuration's PID. */
    public static final String PID = "org.freelanceisland.contest.tickets";

    private static final Logger LOG = LoggerFactory.getLogger(TicketSecret.class);

    /** The secret's setting. */
    @ObjectClassDefinition(name = "Freelance Island contest tickets", description = "The secret audience ticket codes are hashed with")
    public @interface Config {
        /** @return the secret, Base64 (at least 16 bytes); generated on first start when empty */
        @AttributeDefinition(name = "Ticket secret (Base64)", type = AttributeType.PASSWORD, required = false)
        String secret() default "";
    }

    private final ConfigurationAdmin configurations;
    private volatile byte[] secret;

    /**
     * Starts with the configured secret, or generates one.
     *
     * @param configurations Configuration Admin, to save a generated secret
     * @param config the setting
     */
    @Activate
    public TicketSecret(@Reference ConfigurationAdmin configurations, Config config) {
        this.configurations = configurations;
        modified(config);
    }

    /**
     * Takes a changed secret.
     *
     * @param config the setting
     */
    @Modified
    void modified(Config config) {
        byte[] configured = decode(config.secret());
        if (configured != null) {
            secret = configured;
            return;
        }
        if (config.secret() != null && !config.secret().isBlank()) {
            LOG.error("The ticket secret in {} is not Base64 of at least 16 bytes; generating a new one", PID);
        }
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        secret = fresh;
        try {
            Configuration c = configurations.getConfiguration(PID, "?");
            Dictionary<String, Object> props = c.getProperties() == null ? new Hashtable<>() : c.getProperties();
            props.put("secret", Base64.getEncoder().encodeToString(fresh));
            c.update(props);
            LOG.info("Generated the secret for contest ticket codes and saved it in the configuration {}", PID);
        } catch (IOException e) {
            LOG.error("The generated ticket secret could not be saved; codes generated now stop working after a restart", e);
        }
    }

    /**
     * The secret.
     *
     * @return a copy of the key bytes
     */
    public byte[] secret() {
        return secret.clone();
    }

    private static byte[] decode(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            byte[] b = Base64.getDecoder().decode(text.strip());
            return b.length >= 16 ? b : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
